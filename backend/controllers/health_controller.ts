import type { HttpContext } from '@adonisjs/core/http'
import { Reachability } from '#services/reachability'

/**
 * GET /health, for load balancers and the bench: whether this node's
 * database and (when configured) Redis answer. 503 when the database is
 * down, since no request can be served then; Redis down is reported but
 * keeps 200, since the node still serves (sign-in answers 503 meanwhile,
 * plugin states fall back to their TTL). Public: it says up or down, no
 * more.
 */
export default class HealthController {
  async show({ response }: HttpContext) {
    const [database, redis] = await Promise.all([Reachability.database(), Reachability.redis()])
    const status = database === 'up' ? 'ok' : 'down'
    response.status(database === 'up' ? 200 : 503)
    return { data: { status, database, ...(redis ? { redis } : {}) } }
  }
}
