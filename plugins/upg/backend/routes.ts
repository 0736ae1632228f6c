import type { HttpContext } from '@adonisjs/core/http'
import { authorize, fieldInputError, TableroError, type PluginRoutes, resourceService } from '#sdk'
import { FRAUD_SEARCH, READ, SERVICES } from './access.ts'
import { fraudSearch } from './fraud_search.ts'
import { clientUsers, gateway } from './gateway.ts'

function idParam(value: unknown) {
  const id = Number(value)
  if (!Number.isInteger(id) || id <= 0) throw new TableroError('NOT_FOUND', 'Not found', 404)
  return id
}

function pageParam(value: unknown, fallback: number, max: number) {
  const number = Number(value ?? fallback)
  return Number.isInteger(number) && number >= 1 ? Math.min(number, max) : fallback
}

/**
 * Mounted under /api/p/upg, behind sign-in and the enabled-guard. The client
 * routes need `upg.read` and the client in the user's scope (404 otherwise);
 * the search needs `upg.fraud_search` and spans every client.
 */
const routes: PluginRoutes = (router) => {
  /** Who asks, for which client: its gateway user ids, the client visible to the user. */
  async function clientOf(ctx: HttpContext) {
    authorize(ctx, READ)
    const service = await resourceService(ctx)
    const clientId = idParam(ctx.params.id)
    await service.visibleRow('clients', clientId, 'show')
    return clientUsers(clientId)
  }

  /** U1: the client's payments across services, by user id and service. */
  router.get('clients/:id/transactions', async (ctx) => {
    const who = await clientOf(ctx)
    const userId = ctx.request.input('user_id') || undefined
    const service = ctx.request.input('service') || undefined
    if (userId && !who.userIds.includes(String(userId))) {
      throw fieldInputError('user_id', 'Not a gateway user of this client', 'in')
    }
    if (service && !(SERVICES as readonly string[]).includes(String(service))) {
      throw fieldInputError('service', `One of: ${SERVICES.join(', ')}`, 'in')
    }
    const page = pageParam(ctx.request.input('page'), 1, 10_000)
    const perPage = pageParam(ctx.request.input('per_page'), 20, 100)
    const port = gateway()
    const answer = await port.transactions(who, {
      userId: userId && String(userId),
      service: service && String(service),
      page,
      perPage,
    })
    return {
      data: answer.data,
      meta: { total: answer.total, page, perPage, source: port.kind, userIds: who.userIds },
    }
  })

  /** U2: one payment's details (masked card, brand, gateway). */
  router.get('clients/:id/transactions/:transactionId', async (ctx) => {
    const who = await clientOf(ctx)
    const found = await gateway().transaction(who, String(ctx.params.transactionId).slice(0, 64))
    if (!found) throw new TableroError('NOT_FOUND', 'No such transaction for this client', 404)
    return { data: found }
  })

  /** U3: what the gateway knows of the client's users. */
  router.get('clients/:id/details', async (ctx) => {
    const who = await clientOf(ctx)
    return { data: await gateway().users(who) }
  })

  /** U4: payments by card mask or payment IP, across every client. */
  router.post('fraud/search', async (ctx) => {
    authorize(ctx, FRAUD_SEARCH)
    const body = ctx.request.only(['card', 'ip', 'ipScope'])
    return { data: await fraudSearch(body) }
  })
}

export default routes
