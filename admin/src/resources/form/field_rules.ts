import type { Rule } from 'antd/es/form'
import type { TFunction } from 'i18next'
import type { ResourceFieldDescription } from '../../meta/admin_meta'

/** Types whose values are strings; a length limit means nothing for a number or a date. */
const TEXT_TYPES = new Set(['text', 'textarea', 'email', 'phone', 'url', 'password'])

/**
 * Client-side checks mirroring what the engine validates (required, range, length, e-mail and
 * URL shape), so the user sees the mistake before sending. The server checks everything again
 * and its 422 answers land on the same fields.
 */
export function fieldRules(
  field: ResourceFieldDescription,
  action: 'create' | 'edit',
  t: TFunction
): Rule[] {
  const rules: Rule[] = []
  // A password is never read back: left empty on edit, it stays what it was.
  const keepsValue = field.type === 'password' && action === 'edit'
  if (field.required && field.type !== 'boolean' && !keepsValue) {
    rules.push({ required: true, message: t('resources.form.required') })
  }
  if (field.type === 'password') {
    rules.push({ min: 8, message: t('resources.form.passwordLength', { min: 8 }) })
    rules.push({ pattern: /(?=.*[A-Za-z])(?=.*\d)/, message: t('resources.form.passwordMix') })
  }
  if (field.type === 'number' || field.type === 'decimal') {
    const min = field.min ?? undefined
    const max = field.max ?? undefined
    if (min !== undefined || max !== undefined) {
      rules.push({ type: 'number', min, max, message: rangeMessage(min, max, t) })
    }
  }
  if (typeof field.maxLength === 'number' && TEXT_TYPES.has(field.type)) {
    rules.push({
      type: 'string',
      max: field.maxLength,
      message: t('resources.form.maxLength', { max: field.maxLength }),
    })
  }
  if (field.type === 'email') rules.push({ type: 'email', message: t('resources.form.email') })
  if (field.type === 'url') rules.push({ type: 'url', message: t('resources.form.url') })
  return rules
}

function rangeMessage(min: number | undefined, max: number | undefined, t: TFunction) {
  if (min !== undefined && max !== undefined) return t('resources.form.between', { min, max })
  if (min !== undefined) return t('resources.form.atLeast', { min })
  return t('resources.form.atMost', { max })
}
