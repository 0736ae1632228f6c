import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import { ThrottledAccessTokensProvider } from '#services/access_token_provider'

export const ROLES = ['admin', 'supervisor', 'agent'] as const
export type Role = (typeof ROLES)[number]

const AuthFinder = withAuthFinder(() => hash.use('scrypt'), {
  uids: ['email'],
  passwordColumnName: 'password',
})

/**
 * A person who signs in: an administrator, a supervisor or an agent.
 */
export default class User extends compose(BaseModel, AuthFinder) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare fullName: string

  /** Unique regardless of letter case: always stored lower-cased. */
  @column({ prepare: (value: string) => value.toLowerCase() })
  declare email: string

  @column({ serializeAs: null })
  declare password: string

  @column()
  declare role: Role

  @column()
  declare locale: 'es' | 'en'

  @column()
  declare timezone: string

  @column({ consume: (value) => Boolean(value) })
  declare active: boolean

  @column({ serializeAs: null })
  declare sessionVersion: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime | null

  static accessTokens = new ThrottledAccessTokensProvider({
    tokenableModel: User,
    expiresIn: '30 days',
    prefix: 'tab_',
  })

  get isAdmin() {
    return this.role === 'admin'
  }

  /**
   * The shape the API and the admin see.
   */
  toPublic() {
    return {
      id: this.id,
      email: this.email,
      fullName: this.fullName,
      role: this.role,
      locale: this.locale,
      timezone: this.timezone,
      active: this.active,
    }
  }
}
