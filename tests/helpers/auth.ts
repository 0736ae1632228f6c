import type { ApiClient } from '@japa/api-client'
import User, { type Role } from '#models/user'
import { SESSION_VERSION_KEY } from '#middleware/auth_middleware'

let sequence = 0

/**
 * Creates a user with the given role (or takes the one given) and returns
 * a request builder signed in as that user through the session cookie,
 * with a valid CSRF token, as the admin would be.
 */
export async function signIn(client: ApiClient, roleOrUser: Role | User = 'admin') {
  const user = typeof roleOrUser === 'string' ? await makeUser(roleOrUser) : roleOrUser
  const as = <T extends { loginAs(u: User): T; withSession(v: object): T; withCsrfToken(): T }>(
    request: T
  ) =>
    request
      .loginAs(user)
      .withSession({ [SESSION_VERSION_KEY]: user.sessionVersion })
      .withCsrfToken()

  return {
    user,
    get: (url: string) => as(client.get(url)),
    post: (url: string) => as(client.post(url)),
    patch: (url: string) => as(client.patch(url)),
    put: (url: string) => as(client.put(url)),
    delete: (url: string) => as(client.delete(url)),
  }
}

export async function makeUser(role: Role, overrides: Partial<User> = {}) {
  sequence += 1
  const user = await User.create({
    fullName: `Test ${role} ${sequence}`,
    email: `${role}${sequence}.${Date.now()}@tablero.test`,
    password: 'Secret123!',
    role,
    locale: 'es',
    ...overrides,
  })
  // Pick up database defaults (session_version, active…)
  return user.refresh()
}
