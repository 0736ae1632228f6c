import { useSyncExternalStore } from 'react'
import type { ApiError } from '../api/api_error'
import { api } from '../api/http_client'
import type { AdminMeta } from './admin_meta'

export interface MetaSnapshot {
  meta: AdminMeta | null
  error: ApiError | null
  loading: boolean
}

/**
 * The shell's copy of `/api/meta`: user, permissions, enabled plugins and visible resources.
 *
 * It lives outside React because Refine's access-control provider is a plain async function and
 * must read the same copy the menu is drawn from. Screens call `reload()` after anything that
 * changes the metadata (a plugin toggle), and the menu follows without a page reload.
 */
class MetaStore {
  #snapshot: MetaSnapshot = { meta: null, error: null, loading: false }
  #inflight: Promise<AdminMeta> | null = null
  #listeners = new Set<() => void>()
  /** Bumped on sign-out so a late answer for the previous user is never stored. */
  #session = 0

  subscribe = (listener: () => void) => {
    this.#listeners.add(listener)
    return () => {
      this.#listeners.delete(listener)
    }
  }

  getSnapshot = () => this.#snapshot

  /** The metadata, fetched once per session. */
  load(): Promise<AdminMeta> {
    if (this.#snapshot.meta) return Promise.resolve(this.#snapshot.meta)
    return this.#inflight ?? this.reload()
  }

  /** Fetch again; the previous copy stays visible until the new one arrives. */
  reload(): Promise<AdminMeta> {
    const session = this.#session
    this.#update({ loading: true })
    const request = api.get<{ data: AdminMeta }>('/api/meta').then(
      ({ data }) => {
        if (session === this.#session) this.#update({ meta: data, error: null, loading: false })
        return data
      },
      (error: ApiError) => {
        if (session === this.#session) this.#update({ error, loading: false })
        throw error
      }
    )
    this.#inflight = request
    void request
      .finally(() => {
        if (this.#inflight === request) this.#inflight = null
      })
      .catch(() => {})
    return request
  }

  /** Forget everything: called on sign-in, sign-out and when the session turns out to be gone. */
  clear() {
    this.#session += 1
    this.#inflight = null
    const { meta, error, loading } = this.#snapshot
    if (meta || error || loading) this.#update({ meta: null, error: null, loading: false })
  }

  #update(change: Partial<MetaSnapshot>) {
    this.#snapshot = { ...this.#snapshot, ...change }
    for (const listener of this.#listeners) listener()
  }
}

export const metaStore = new MetaStore()

export function useAdminMeta(): MetaSnapshot {
  return useSyncExternalStore(metaStore.subscribe, metaStore.getSnapshot)
}
