import { type ResourceHooks, TableroError } from '#sdk'
import { RECORD } from './access.ts'

/**
 * "Quitar" (T7) as the engine's update of `tip_callbacks`: authorized by
 * `tipificaciones.record` (WriteOptions.permission), on a row the role's
 * scope shows (an agent's own callbacks; a supervisor's, anyone's), audited
 * under the client. The callback stays, as removed: its status is the one
 * change this write makes.
 */
export const callbackHooks: ResourceHooks = {
  beforeUpdate(values, before, hook) {
    if (hook.options.permission !== RECORD) {
      throw new TableroError('FORBIDDEN', 'Callbacks are removed with "Quitar"', 403)
    }
    if (before.status !== 'pending') {
      throw new TableroError('NOT_FOUND', 'No such pending callback', 404)
    }
    values.status = 'removed'
  },
}
