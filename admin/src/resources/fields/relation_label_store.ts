import { api } from '../../api/http_client'
import { metaStore } from '../../meta/meta_store'
import { relationLabelText } from './relation_label_text'

/**
 * Labels of related records ("assigned user" → "Andrea Agente"), fetched in batches.
 *
 * A list page shows up to 100 rows with several relation columns; asking for each label on its
 * own would cost one request per cell. Cells ask this store instead: the ids requested during one
 * render are gathered and fetched with a single `in` filter per related resource.
 */
const MAX_IDS_PER_REQUEST = 100
/** Labels change rarely, yet a renamed campaign should not stay stale for the whole session. */
const LABEL_TTL_MS = 60_000

/** `undefined`: not known yet; `null`: the record is gone or out of this user's reach. */
export type RelationLabel = string | null | undefined

interface CachedLabel {
  label: string | null
  fetchedAt: number
}

interface RelationTarget {
  resource: string
  /** Joined by a space into the label; part of the cache key, as they change the label. */
  labelFields: readonly string[]
}

const cache = new Map<string, Map<string, CachedLabel>>()
const pending = new Map<string, { target: RelationTarget; ids: Set<string> }>()
const listeners = new Set<() => void>()
let flushScheduled = false
let version = 0

const keyOf = (target: RelationTarget) => `${target.resource}:${target.labelFields.join(',')}`

function notify() {
  version += 1
  for (const listener of listeners) listener()
}

export function subscribeRelationLabels(listener: () => void) {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

/** Changes whenever any label arrives, for `useSyncExternalStore`. */
export function relationLabelsVersion() {
  return version
}

export function readRelationLabel(target: RelationTarget, id: string): RelationLabel {
  const entry = cache.get(keyOf(target))?.get(id)
  if (!entry || Date.now() - entry.fetchedAt > LABEL_TTL_MS) return undefined
  return entry.label
}

/** Asks for a label; the request leaves with the others asked for in the same tick. */
export function requestRelationLabel(target: RelationTarget, id: string) {
  if (readRelationLabel(target, id) !== undefined) return
  const key = keyOf(target)
  const batch = pending.get(key) ?? { target, ids: new Set<string>() }
  batch.ids.add(id)
  pending.set(key, batch)
  if (!flushScheduled) {
    flushScheduled = true
    setTimeout(flush, 0)
  }
}

/** Drops what is known about a resource's labels, e.g. after one of its records was edited. */
export function forgetRelationLabels(resource: string) {
  for (const key of cache.keys()) if (key.startsWith(`${resource}:`)) cache.delete(key)
  notify()
}

function flush() {
  flushScheduled = false
  const batches = [...pending.values()]
  pending.clear()
  for (const { target, ids } of batches) {
    const all = [...ids]
    for (let start = 0; start < all.length; start += MAX_IDS_PER_REQUEST) {
      void fetchLabels(target, all.slice(start, start + MAX_IDS_PER_REQUEST))
    }
  }
}

async function fetchLabels(target: RelationTarget, ids: string[]) {
  const description = metaStore
    .getSnapshot()
    .meta?.resources.find((resource) => resource.name === target.resource)
  const found = new Map<string, string>()
  // A resource this user may not list cannot be asked: its ids stay unlabelled.
  if (description) {
    const primaryKey = description.primaryKey
    try {
      const body = await api.get<{ data: Record<string, unknown>[] }>(
        `/api/r/${encodeURIComponent(target.resource)}`,
        {
          query: {
            page: 1,
            perPage: ids.length,
            filter: JSON.stringify({ field: primaryKey, op: 'in', value: ids.map(asKey) }),
          },
        }
      )
      for (const row of body.data) {
        found.set(String(row[primaryKey]), relationLabelText(row, target.labelFields))
      }
    } catch {
      // Shown as the bare id; the record's own page will say what went wrong if opened.
    }
  }
  const labels = cache.get(keyOf(target)) ?? new Map<string, CachedLabel>()
  const now = Date.now()
  for (const id of ids) labels.set(id, { label: found.get(id) ?? null, fetchedAt: now })
  cache.set(keyOf(target), labels)
  notify()
}

/** Numeric ids travel as numbers so the engine's number coercion accepts them. */
function asKey(id: string) {
  return /^\d{1,15}$/.test(id) ? Number(id) : id
}
