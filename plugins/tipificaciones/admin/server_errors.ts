import { isApiError } from '@tablero/admin'
import type { FormInstance } from 'antd'
import { errorText } from './error_texts'
import type { Translate } from './use_messages'

/**
 * Puts a refused save's messages where the user looks: a refusal whose code belongs to one
 * input (`codeFields`, e.g. NOT_IN_CAMPAIGN → campaignId) under that input, a 422's messages
 * under the inputs they name (the form's field names are the API's). Returns the text for a
 * banner: messages no input shows, or the whole (localized) message of other refusals.
 */
export function placeServerErrors(
  form: FormInstance,
  error: unknown,
  t: Translate,
  codeFields: Record<string, string> = {}
): string | null {
  if (!isApiError(error)) return errorText(t, error)
  const shown = new Set(form.getFieldsError().map((field) => String(field.name[0])))
  const codeField = codeFields[error.code]
  if (codeField && shown.has(codeField)) {
    form.setFields([{ name: codeField, errors: [errorText(t, error)] }])
    return null
  }
  if (!error.errors) return errorText(t, error)

  const leftOver: string[] = []
  const placed: { name: string; errors: string[] }[] = []
  for (const [field, messages] of Object.entries(error.errors)) {
    const texts = (Array.isArray(messages) ? messages : [messages]).map(String)
    if (shown.has(field)) placed.push({ name: field, errors: texts })
    else leftOver.push(...texts)
  }
  form.setFields(placed)
  if (placed.length === 0) return errorText(t, error)
  return leftOver.length > 0 ? leftOver.join(' · ') : null
}
