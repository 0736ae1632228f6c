import { currentLocale } from '../i18n/i18n'
import { ApiError } from './api_error'
import { xsrfToken } from './csrf'
import { sessionExpiry } from './session_expiry'

export interface UploadOptions {
  /** Multipart field name the endpoint reads. */
  field?: string
  /** Called with 0–100 while the bytes travel. */
  onProgress?: (percent: number) => void
  signal?: AbortSignal
  /** Text fields sent before the file (the base an import makes). */
  fields?: Record<string, string>
}

/**
 * Posts one file as multipart form data. `fetch` cannot report upload progress, so this is the
 * one request made with XMLHttpRequest; it carries the same cookies, CSRF header and language as
 * every other call, and fails with the same `ApiError`.
 */
export async function uploadFile<T>(url: string, file: File, options: UploadOptions = {}) {
  const body = new FormData()
  for (const [name, value] of Object.entries(options.fields ?? {})) body.append(name, value)
  body.append(options.field ?? 'file', file)
  const token = await xsrfToken()

  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest()
    request.open('POST', url)
    request.withCredentials = true
    request.setRequestHeader('Accept', 'application/json')
    request.setRequestHeader('Accept-Language', currentLocale())
    request.setRequestHeader('X-XSRF-TOKEN', token)
    request.upload.onprogress = (event) => {
      if (event.lengthComputable)
        options.onProgress?.(Math.round((event.loaded / event.total) * 100))
    }
    request.onload = async () => {
      if (request.status >= 200 && request.status < 300) {
        resolve((request.responseText ? JSON.parse(request.responseText) : undefined) as T)
        return
      }
      if (request.status === 401) sessionExpiry.notify()
      const response = new Response(request.responseText || null, { status: request.status })
      reject(await ApiError.fromResponse(response))
    }
    request.onerror = () =>
      reject(new ApiError(0, 'NETWORK_ERROR', 'The server could not be reached'))
    options.signal?.addEventListener('abort', () => request.abort())
    request.send(body)
  })
}
