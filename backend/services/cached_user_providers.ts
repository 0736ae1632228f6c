import { AccessTokensLucidUserProvider } from '@adonisjs/auth/access_tokens'
import { SessionLucidUserProvider } from '@adonisjs/auth/session'
import type User from '#models/user'
import { authCache } from '#services/auth_cache'

type UserModel = typeof User

/** A model built once per cached row (the key), copied for each request. */
const hydrated = new WeakMap<object, User>()

/**
 * The signed-in user of a request, through the auth cache: a model
 * instance as `User.find` would give, without the query when the row is
 * fresh. Each request gets its own instance (the guard sets
 * `currentAccessToken` on it); it is copied from one hydrated once per
 * cached row, since reading the columns (dates through luxon) and
 * snapshotting the originals cost more than the rest of a cached sign-in.
 */
async function findUser(model: UserModel, identifier: string | number | BigInt) {
  const id =
    typeof identifier === 'bigint' ? identifier.toString() : (identifier as string | number)
  const row = await authCache.user(id, () =>
    model.query().where('id', id).pojo<Record<string, unknown>>().first()
  )
  if (!row) return null
  let template = hydrated.get(row)
  if (!template) {
    template = model.$createFromAdapterResult({ ...row })!
    hydrated.set(row, template)
  }
  return copyPersisted(model, template)
}

/**
 * A persisted instance with `template`'s attributes. The values are
 * primitives and luxon DateTimes (immutable), so copying the two records
 * is a full copy; each instance then changes and saves on its own.
 */
export function copyPersisted(model: UserModel, template: User) {
  const user = new model()
  user.$attributes = { ...template.$attributes }
  user.$original = { ...template.$original }
  user.$isPersisted = true
  user.$isLocal = false
  return user
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
