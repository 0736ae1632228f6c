import type { Secret } from '@adonisjs/core/helpers'
import { AccessToken, DbAccessTokensProvider } from '@adonisjs/auth/access_tokens'
import type { LucidModel } from '@adonisjs/lucid/types/model'
import type { AccessTokenDbColumns } from '@adonisjs/auth/types/access_tokens'
import { authCache } from '#services/auth_cache'

/** How stale "last used" may get: one write a minute per token, not one per request. */
const LAST_USED_EVERY_MS = 60_000

/**
 * The stock provider writes `last_used_at` on every request, before it
 * even checks the secret (a write per API call, and one per forged token
 * id). This one checks the secret first and refreshes the stamp at most
 * once a minute. The row comes through the auth cache: read at most every
 * two seconds per node, forgotten at once when tokens are revoked. A value
 * already checked against the row the cache still holds is not decoded
 * and hashed again.
 */
export class ThrottledAccessTokensProvider<
  Model extends LucidModel,
> extends DbAccessTokensProvider<Model> {
  async verify(tokenValue: Secret<string>) {
    const value = tokenValue.release()
    const known = authCache.verifiedToken(value)
    const decoded = known ? null : AccessToken.decode(this.prefix, value)
    const id = known?.id ?? decoded?.identifier
    if (!id) return null
    const row = (await authCache.token(id, async () => {
      const db = await this.getDb()
      return db.query().from(this.table).where({ id, type: this.type }).first()
    })) as AccessTokenDbColumns | null
    if (!row || row.type !== this.type) return null
    const token = this.dbRowToAccessToken(row)
    if (known?.row !== row) {
      // First use of this value since the row was read: check the secret.
      const secret = (decoded ?? AccessToken.decode(this.prefix, value))?.secret
      if (!secret || !token.verify(secret)) return null
      authCache.rememberVerified(value, id, row)
    }
    if (token.isExpired()) return null
    const lastUsed = row.last_used_at ? new Date(row.last_used_at).getTime() : 0
    if (Date.now() - lastUsed > LAST_USED_EVERY_MS) {
      const now = new Date()
      const db = await this.getDb()
      await db.from(this.table).where({ id: row.id, type: row.type }).update({ last_used_at: now })
      authCache.touchToken(id, { last_used_at: now })
      token.lastUsedAt = now
    }
    return token
  }
}
