import {
  useCreate,
  useDelete,
  useList,
  useOne,
  useUpdate,
  type BaseKey,
  type BaseRecord,
  type CrudFilter,
  type CrudSort,
  type Pagination,
} from '@refinedev/core'

/**
 * Typed data hooks over the generic REST `/api/r/<resource>`, for plugins' screens. They go
 * through the app's Refine data provider (providers/data_provider.ts), so they share its cache,
 * its filter trees and its invalidation with the generated screens: thin wrappers, no second data
 * layer. They show no notification of their own: reads expose `query.error` (for
 * `ApiErrorResult`), writes reject with the `ApiError` (for `placeServerErrors` or
 * `useActionFeedback`).
 */

export interface ResourceListOptions {
  filters?: CrudFilter[]
  sorters?: CrudSort[]
  /** `{ currentPage, pageSize }`; the backend serves 100 rows at most per page. */
  pagination?: Pagination
  /** False while what the list depends on is not known yet. */
  enabled?: boolean
}

const NO_RECORDS: never[] = []

/** A page of a resource's records, with the total the engine counted. */
export function useResourceList<T extends BaseRecord = BaseRecord>(
  resource: string,
  { filters, sorters, pagination, enabled = true }: ResourceListOptions = {}
) {
  const { result, query } = useList<T>({
    resource,
    filters,
    sorters,
    pagination,
    queryOptions: { enabled },
    errorNotification: false,
  })
  return {
    records: enabled ? result.data : (NO_RECORDS as T[]),
    total: result.total ?? 0,
    query,
    reload: () => query.refetch(),
  }
}

/** One record of a resource by its key; nothing is asked while `id` is undefined. */
export function useResourceRecord<T extends BaseRecord = BaseRecord>(
  resource: string,
  id: BaseKey | undefined
) {
  const { result, query } = useOne<T>({
    resource,
    id: id ?? '',
    queryOptions: { enabled: id !== undefined && id !== '' },
    errorNotification: false,
  })
  return { record: id === undefined ? undefined : result, query, reload: () => query.refetch() }
}

/** `create(values)` resolves to the created record; rejects with the `ApiError`. */
export function useResourceCreate<T extends BaseRecord = BaseRecord>(resource: string) {
  const { mutateAsync, mutation } = useCreate<T>()
  return {
    create: async (values: Record<string, unknown>) => {
      const response = await mutateAsync({
        resource,
        values,
        successNotification: false,
        errorNotification: false,
      })
      return response.data
    },
    mutation,
  }
}

/** `update(id, changes)` sends only `changes` (PATCH); rejects with the `ApiError`. */
export function useResourceUpdate<T extends BaseRecord = BaseRecord>(resource: string) {
  const { mutateAsync, mutation } = useUpdate<T>()
  return {
    update: async (id: BaseKey, changes: Record<string, unknown>) => {
      const response = await mutateAsync({
        resource,
        id,
        values: changes,
        mutationMode: 'pessimistic',
        successNotification: false,
        errorNotification: false,
      })
      return response.data
    },
    mutation,
  }
}

/** `remove(id)` deletes the record; rejects with the `ApiError`. */
export function useResourceDelete(resource: string) {
  const { mutateAsync, mutation } = useDelete()
  return {
    remove: async (id: BaseKey) => {
      await mutateAsync({
        resource,
        id,
        mutationMode: 'pessimistic',
        successNotification: false,
        errorNotification: false,
      })
    },
    mutation,
  }
}
