import type { BaseKey, BaseRecord, DataProvider } from '@refinedev/core'
import { apiRequest, type QueryValue } from '../api/http_client'
import { metaStore } from '../meta/meta_store'
import { toFilterTree, toSearchTerm, toSortParam } from './filter_tree'
import { listRequest, type ListParams } from './list_request'

/** Backend pages are capped at 100 rows; `getMany` asks for ids in slices of that size. */
const MAX_PER_PAGE = 100

interface ListBody<T> {
  data: T[]
  meta: { total: number; totalCapped?: boolean; page: number; perPage: number }
}

interface ItemBody<T> {
  data: T
}

function resourcePath(resource: string, id?: BaseKey) {
  const base = `/api/r/${encodeURIComponent(resource)}`
  return id === undefined ? base : `${base}/${encodeURIComponent(String(id))}`
}

/** The key `getMany` filters on: the resource's declared primary key, `id` by default. */
function primaryKeyOf(resource: string) {
  const description = metaStore.getSnapshot().meta?.resources.find((r) => r.name === resource)
  return description?.primaryKey ?? 'id'
}

/** A page of `resource`, by GET or, when the filter makes the URL too long, by POST …/query. */
function fetchList<T>(resource: string, params: ListParams) {
  const request = listRequest(resourcePath(resource), params)
  return request.method === 'GET'
    ? apiRequest<ListBody<T>>('GET', request.path, { query: request.query })
    : apiRequest<ListBody<T>>('POST', request.path, { body: request.body })
}

function chunk<T>(items: T[], size: number) {
  const slices: T[][] = []
  for (let index = 0; index < items.length; index += size) {
    slices.push(items.slice(index, index + size))
  }
  return slices
}

/**
 * Refine's data provider for the generic resource REST API (`/api/r/:resource`): pagination,
 * sorting, `and`/`or` filter trees and free-text search map onto the query string the resource
 * engine parses (or the body of POST …/query when they would make the URL too long); `custom` reaches any other endpoint (plugins, kernel) through the same client.
 */
export const dataProvider: DataProvider = {
  getApiUrl: () => '/api',

  async getList({ resource, pagination, sorters, filters }) {
    const paginated = (pagination?.mode ?? 'server') === 'server'
    const body = await fetchList<any>(resource, {
      page: paginated ? (pagination?.currentPage ?? 1) : undefined,
      perPage: paginated ? (pagination?.pageSize ?? 10) : undefined,
      sort: toSortParam(sorters),
      filter: toFilterTree(filters) ?? undefined,
      q: toSearchTerm(filters),
    })
    // The engine stops counting at 1,000 (a search at 200); screens then read "1.000+" instead of a page count.
    return {
      data: body.data,
      total: body.meta?.total ?? body.data.length,
      totalCapped: body.meta?.totalCapped ?? false,
    }
  },

  async getMany({ resource, ids }) {
    const pages = await Promise.all(
      chunk(ids, MAX_PER_PAGE).map((slice) =>
        fetchList<any>(resource, {
          page: 1,
          perPage: slice.length,
          filter: { field: primaryKeyOf(resource), op: 'in', value: slice },
        })
      )
    )
    return { data: pages.flatMap((page) => page.data) }
  },

  async getOne({ resource, id }) {
    return apiRequest<ItemBody<any>>('GET', resourcePath(resource, id))
  },

  // `meta.query` carries a write's confirmations (`confirmPast=1`), never its values
  async create({ resource, variables, meta }) {
    return apiRequest<ItemBody<any>>('POST', resourcePath(resource), {
      body: variables,
      query: meta?.query as Record<string, QueryValue> | undefined,
    })
  },

  async update({ resource, id, variables, meta }) {
    return apiRequest<ItemBody<any>>('PATCH', resourcePath(resource, id), {
      body: variables,
      query: meta?.query as Record<string, QueryValue> | undefined,
    })
  },

  async deleteOne({ resource, id }) {
    // The API may answer 204; Refine still wants a record to update its caches with.
    const body = await apiRequest<ItemBody<any> | undefined>('DELETE', resourcePath(resource, id))
    return { data: body?.data ?? ({ id } as BaseRecord as any) }
  },

  async custom({ url, method, payload, query, headers }) {
    const body = await apiRequest<ItemBody<any> | undefined>(method, url, {
      body: payload,
      query: query as Record<string, QueryValue> | undefined,
      headers: headers as Record<string, string> | undefined,
    })
    return { data: body?.data }
  },
}
