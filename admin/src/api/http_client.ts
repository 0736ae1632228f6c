import { currentLocale } from '../i18n/i18n'
import { ApiError } from './api_error'
import { xsrfToken } from './csrf'
import { sessionExpiry } from './session_expiry'
import { buildUrl, type QueryValue } from './url'

export { buildUrl, type QueryValue }

export interface ApiRequestOptions {
  query?: Record<string, QueryValue>
  body?: unknown
  headers?: Record<string, string>
  signal?: AbortSignal
}

const MUTATING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * These endpoints answer 401 as part of normal sign-in flow (checking, failing a login); every
 * other 401 means the session ended under the user's feet.
 */
const SESSION_ENDPOINTS = ['/api/auth/me', '/api/auth/login', '/api/auth/logout']

async function buildHeaders(method: string, options: ApiRequestOptions) {
  const headers: Record<string, string> = {
    'Accept': 'application/json',
    // Lets the backend word its error messages in the language the user reads.
    'Accept-Language': currentLocale(),
    ...options.headers,
  }
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  if (MUTATING_METHODS.has(method)) headers['X-XSRF-TOKEN'] = await xsrfToken()
  return headers
}

async function send(method: string, path: string, options: ApiRequestOptions) {
  try {
    return await fetch(buildUrl(path, options.query), {
      method,
      headers: await buildHeaders(method, options),
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    })
  } catch (error) {
    if (options.signal?.aborted) throw error
    throw new ApiError(0, 'NETWORK_ERROR', 'The server could not be reached')
  }
}

/**
 * The one way the admin talks to the backend: same-origin cookies, the CSRF header, JSON in and
 * out, and every failure turned into an `ApiError` carrying the backend's code and message.
 */
export async function apiRequest<T>(
  method: string,
  path: string,
  options: ApiRequestOptions = {}
): Promise<T> {
  const verb = method.toUpperCase()
  const response = await send(verb, path, options)
  if (!response.ok) {
    const error = await ApiError.fromResponse(response)
    if (error.statusCode === 401 && !SESSION_ENDPOINTS.includes(path)) sessionExpiry.notify()
    throw error
  }
  const text = response.status === 204 ? '' : await response.text()
  return (text ? JSON.parse(text) : undefined) as T
}

type BodylessOptions = Omit<ApiRequestOptions, 'body'>

/** Shorthands for plugin screens and providers. */
export const api = {
  get: <T>(path: string, options?: BodylessOptions) => apiRequest<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: BodylessOptions) =>
    apiRequest<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: BodylessOptions) =>
    apiRequest<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: BodylessOptions) =>
    apiRequest<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: BodylessOptions) => apiRequest<T>('DELETE', path, options),
}
