import { AccessTokensLucidUserProvider } from '@adonisjs/auth/access_tokens'
import { SessionLucidUserProvider } from '@adonisjs/auth/session'
import type User from '#models/user'
import { authCache } from '#services/auth_cache'

type UserModel = typeof User

/**
 * The signed-in user of a request, through the auth cache: the same
 * model instance `User.find` would give (a new one per request, built
 * from the cached row), without the query when the row is fresh.
 */
async function findUser(model: UserModel, identifier: string | number | BigInt) {
  const id =
    typeof identifier === 'bigint' ? identifier.toString() : (identifier as string | number)
  const row = await authCache.user(id, () =>
    model.query().where('id', id).pojo<Record<string, unknown>>().first()
  )
  return row ? model.$createFromAdapterResult(row) : null
}

/** Bearer tokens ("api" guard). */
export class CachedTokensUserProvider extends AccessTokensLucidUserProvider<
  'accessTokens',
  UserModel
> {
  async findById(identifier: string | number | BigInt) {
    const user = await findUser(await this.getModel(), identifier)
    return user ? this.createUserForGuard(user) : null
  }
}

/** Session cookies ("web" guard, the admin). */
export class CachedSessionUserProvider extends SessionLucidUserProvider<UserModel> {
  async findById(identifier: string | number | BigInt) {
    const user = await findUser(await this.getModel(), identifier)
    return user ? this.createUserForGuard(user) : null
  }
}
