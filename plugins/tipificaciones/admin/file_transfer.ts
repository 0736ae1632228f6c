import { ApiError, useLocalize } from '@tablero/admin'

/*
 * The SDK's `api` speaks JSON only; the CSV import needs a multipart upload and the report a
 * plain download link. Both ride the same session cookie; the upload also sends the XSRF header
 * that Adonis Shield expects on every mutation (double-submit cookie, as the shell's client does).
 */
const XSRF_COOKIE = 'XSRF-TOKEN'

function xsrfCookie() {
  for (const pair of document.cookie.split(';')) {
    const [name, ...rest] = pair.trim().split('=')
    if (name === XSRF_COOKIE) return decodeURIComponent(rest.join('='))
  }
  return ''
}

/** `path?query` leaving out empty values: a link the browser downloads with the session cookie. */
export function downloadUrl(path: string, query: Record<string, string | number | undefined>) {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value))
  }
  const search = params.toString()
  return search ? `${path}?${search}` : path
}

/**
 * Posts a form with files; a refusal becomes the SDK's `ApiError` (code, message, per-field
 * errors) like any other call, so screens handle both the same way.
 */
export async function postMultipart<T>(path: string, form: FormData, language: string) {
  let response: Response
  try {
    response = await fetch(path, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: {
        'Accept': 'application/json',
        'Accept-Language': language,
        'X-XSRF-TOKEN': xsrfCookie(),
      },
    })
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', 'The server could not be reached')
  }
  if (!response.ok) throw await ApiError.fromResponse(response)
  return (await response.json()) as T
}

/** The language the shell shows, for the backend's messages (`Accept-Language`). */
export function useShellLanguage() {
  const localize = useLocalize()
  return localize({ es: 'es', en: 'en' })
}
