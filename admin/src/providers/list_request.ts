// With its extension: the backend's tests import this file under Node too.
import { buildUrl, type QueryValue } from '../api/url.ts'

/**
 * The longest list URL the admin sends; a longer one goes as POST …/query with the same
 * parameters in a JSON body. Node refuses a request whose line and headers pass 16 KB (431),
 * proxies often cut at 8 KB, and the session cookies share that room: 2,000 characters keep a
 * wide margin and still let every everyday list stay a GET (a shareable, cacheable URL).
 */
export const MAX_LIST_URL_LENGTH = 2000

export interface ListParams {
  page?: number
  perPage?: number
  sort?: string
  q?: string
  filter?: unknown
}

export type ListRequest =
  | { method: 'GET'; path: string; query: Record<string, QueryValue> }
  | { method: 'POST'; path: string; body: ListParams }

/** How to ask the resource engine for a list page: GET while the URL stays short, else POST. */
export function listRequest(path: string, params: ListParams): ListRequest {
  const { filter, ...rest } = params
  const query = { ...rest, filter: filter ? JSON.stringify(filter) : undefined }
  if (buildUrl(path, query).length <= MAX_LIST_URL_LENGTH) return { method: 'GET', path, query }
  return { method: 'POST', path: `${path}/query`, body: params }
}
