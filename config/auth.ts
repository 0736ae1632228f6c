import { defineConfig } from '@adonisjs/auth'
import { SessionGuard } from '@adonisjs/auth/session'
import { AccessTokensGuard } from '@adonisjs/auth/access_tokens'
import type { HttpContext } from '@adonisjs/core/http'
import type { EmitterLike } from '@adonisjs/core/types/events'
import type { ApplicationService } from '@adonisjs/core/types'
import type { InferAuthenticators, InferAuthEvents, Authenticators } from '@adonisjs/auth/types'

/**
 * The app's classes are imported lazily, when the guards are built, as the
 * models are: config files import packages and env only.
 */
const userProviders = () => import('#services/cached_user_providers')
type UserProviders = Awaited<ReturnType<typeof userProviders>>
type WebGuard = SessionGuard<false, InstanceType<UserProviders['CachedSessionUserProvider']>>
type ApiGuard = AccessTokensGuard<InstanceType<UserProviders['CachedTokensUserProvider']>>

/** The app's emitter as the guards get it: events nobody listens to are not dispatched. */
async function guardEvents(app: ApplicationService): Promise<EmitterLike<any>> {
  const emitter: EmitterLike<any> = await app.container.make('emitter')
  const { ListenedEvents } = await import('#services/listened_events')
  return new ListenedEvents(emitter)
}

/**
 * Two ways in: the admin's session cookie ("web") and bearer access tokens
 * for API clients ("api"). Routes accept either. Both read the user (and
 * the token) through the auth cache (backend/services/auth_cache.ts).
 * The guards are built as `sessionGuard` / `tokensGuard` build them, with
 * an emitter that skips their per-request events while nobody listens
 * (backend/services/listened_events.ts).
 */
const authConfig = defineConfig({
  default: 'web',
  guards: {
    web: {
      async resolver(
        name: string,
        app: ApplicationService
      ): Promise<(ctx: HttpContext) => WebGuard> {
        const emitter = await guardEvents(app)
        const { CachedSessionUserProvider } = await userProviders()
        const sessionUsers = new CachedSessionUserProvider({ model: () => import('#models/user') })
        const options = { useRememberMeTokens: false as const }
        return (ctx: HttpContext) => new SessionGuard(name, ctx, options, emitter, sessionUsers)
      },
    },
    api: {
      async resolver(
        name: string,
        app: ApplicationService
      ): Promise<(ctx: HttpContext) => ApiGuard> {
        const emitter = await guardEvents(app)
        const { CachedTokensUserProvider } = await userProviders()
        const tokenUsers = new CachedTokensUserProvider({
          tokens: 'accessTokens',
          model: () => import('#models/user'),
        })
        return (ctx: HttpContext) => new AccessTokensGuard(name, ctx, emitter, tokenUsers)
      },
    },
  },
})

export default authConfig

declare module '@adonisjs/auth/types' {
  export interface Authenticators extends InferAuthenticators<typeof authConfig> {}
}
declare module '@adonisjs/core/types' {
  interface EventsList extends InferAuthEvents<Authenticators> {}
}
