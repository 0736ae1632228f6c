import type { FormInstance } from 'antd'
import type { ApiError } from '../../api/api_error'

/**
 * Puts a 422's messages under the fields they name. Returns whether any message found its field;
 * the others (a hook's rule on a field the form does not show) are left for a banner.
 */
export function showServerFieldErrors(form: FormInstance, error: ApiError, fieldNames: string[]) {
  if (error.statusCode !== 422 || !error.errors) return false
  const known = new Set(fieldNames)
  const fields = Object.entries(error.errors)
    .filter(([name]) => known.has(name))
    .map(([name, messages]) => ({
      name,
      errors: (Array.isArray(messages) ? messages : [messages]).map((message) =>
        typeof message === 'object' && message !== null ? message.message : String(message)
      ),
    }))
  form.setFields(fields)
  return fields.length > 0
}
