import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'

/** How long a node trusts an access token or user row it read (the plugin states' TTL too). */
export const AUTH_CACHE_TTL_MS = 2000

/** Rows kept per kind; past it the oldest goes. */
const MAX_ROWS = 10_000

type Row = Readonly<Record<string, unknown>>

interface Entry {
  row: Row
  at: number
}

/**
 * The access token and user rows that authenticate a request, kept for
 * two seconds: every request read both before anything else, two round
 * trips to MySQL per API call, as many as the list it served.
 *
 * Nothing gets stale on the node that made a change: every write to
 * `users` (always audited, see AuditLog.record) and every token revoked
 * empties the cache, at once and again when the transaction commits, and
 * a read that raced with a change is not kept (the generation check).
 * Other nodes empty theirs when Redis broadcasts the change
 * (AuthCacheBroadcast); without Redis they trust what they read for at
 * most AUTH_CACHE_TTL_MS, as they do for plugin states.
 *
 * Only rows that exist are kept: an unknown token id is asked again.
 *
 * A row is handed out frozen and as the same object while it stays fresh,
 * so what is worked out from it (a user model, a checked secret) can be
 * kept beside it, keyed by the row itself: a row read again or changed is
 * a new object and everything kept for the old one is dropped with it.
 */
export class AuthRowCache {
  #tokens = new Map<string, Entry>()
  #users = new Map<string, Entry>()
  #verifiedTokens = new Map<string, { id: string; row: Row }>()
  #generation = 0
  #listeners: Array<() => void> = []

  token(id: string | number, load: () => Promise<Row | null | undefined>) {
    return this.#read(this.#tokens, String(id), load)
  }

  user(id: string | number, load: () => Promise<Row | null | undefined>) {
    return this.#read(this.#users, String(id), load)
  }

  /** A token row changed in place (its last_used_at stamp). */
  touchToken(id: string | number, changes: Row) {
    const entry = this.#tokens.get(String(id))
    if (entry) entry.row = Object.freeze({ ...entry.row, ...changes })
  }

  /**
   * A full token value (prefix, id and secret) whose secret matched `row`:
   * while `token(id)` still hands out that very row, the value needs no
   * decoding and no hashing again. Only values that passed are kept, so a
   * flood of forged tokens never fills this.
   */
  rememberVerified(value: string, id: string | number, row: Row) {
    this.#verifiedTokens.delete(value)
    this.#verifiedTokens.set(value, { id: String(id), row })
    if (this.#verifiedTokens.size > MAX_ROWS) {
      this.#verifiedTokens.delete(this.#verifiedTokens.keys().next().value!)
    }
  }

  /** What `rememberVerified` kept for this value: check `row` against `token(id)`. */
  verifiedToken(value: string) {
    return this.#verifiedTokens.get(value)
  }

  /**
   * Users or tokens changed: forget everything now, and once more when
   * `client`'s transaction ends (a read in between saw the rows as they
   * were, or, on its connection, as they will never be after a rollback).
   */
  forget(client?: QueryClientContract) {
    this.#clear()
    for (const listener of this.#listeners) listener()
    if (client?.isTransaction) {
      const transaction = client as TransactionClientContract
      transaction.after('commit', () => this.forget())
      transaction.after('rollback', () => this.forget())
    }
  }

  /** Forget what a change on another node made stale, without telling anyone. */
  forgetQuietly() {
    this.#clear()
  }

  /** Called on every local `forget` (the Redis broadcast). */
  onForget(listener: () => void) {
    this.#listeners.push(listener)
  }

  #clear() {
    this.#generation += 1
    this.#tokens.clear()
    this.#users.clear()
    this.#verifiedTokens.clear()
  }

  async #read(
    map: Map<string, Entry>,
    key: string,
    load: () => Promise<Row | null | undefined>
  ): Promise<Row | null> {
    const hit = map.get(key)
    if (hit && Date.now() - hit.at < AUTH_CACHE_TTL_MS) return hit.row
    const generation = this.#generation
    const loaded = await load()
    if (!loaded) {
      map.delete(key)
      return null
    }
    const row = Object.freeze({ ...loaded })
    if (generation === this.#generation) {
      map.delete(key)
      map.set(key, { row, at: Date.now() })
      if (map.size > MAX_ROWS) map.delete(map.keys().next().value!)
    }
    return row
  }
}

export const authCache = new AuthRowCache()
