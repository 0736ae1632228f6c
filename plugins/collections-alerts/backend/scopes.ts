import { SYSTEM_ACTOR, resources, type HookContext, type RowScope } from '#sdk'

/** Agents see the rows of the clients they may read. */
export const ofVisibleClients: RowScope = (query, user) =>
  query.whereIn('client_id', resources.visibleKeys('clients', user))

/** The audit actor of a hook: the user who wrote (a hook has no request). */
export function actorFor(hook: HookContext) {
  return { ...SYSTEM_ACTOR, actorId: hook.user.id }
}
