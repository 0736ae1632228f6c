import type { Secret } from '@adonisjs/core/helpers'
import { AccessToken, DbAccessTokensProvider } from '@adonisjs/auth/access_tokens'
import type { LucidModel } from '@adonisjs/lucid/types/model'

/** How stale "last used" may get: one write a minute per token, not one per request. */
const LAST_USED_EVERY_MS = 60_000

/**
 * The stock provider writes `last_used_at` on every request, before it
 * even checks the secret (a write per API call, and one per forged token
 * id). This one checks the secret first and refreshes the stamp at most
 * once a minute.
 */
export class ThrottledAccessTokensProvider<
  Model extends LucidModel,
> extends DbAccessTokensProvider<Model> {
  async verify(tokenValue: Secret<string>) {
    const decoded = AccessToken.decode(this.prefix, tokenValue.release())
    if (!decoded) return null
    const db = await this.getDb()
    const row = await db
      .query()
      .from(this.table)
      .where({ id: decoded.identifier, type: this.type })
      .limit(1)
      .first()
    if (!row) return null
    const token = this.dbRowToAccessToken(row)
    if (!token.verify(decoded.secret) || token.isExpired()) return null
    const lastUsed = row.last_used_at ? new Date(row.last_used_at).getTime() : 0
    if (Date.now() - lastUsed > LAST_USED_EVERY_MS) {
      const now = new Date()
      await db.from(this.table).where({ id: row.id, type: row.type }).update({ last_used_at: now })
      token.lastUsedAt = now
    }
    return token
  }
}
