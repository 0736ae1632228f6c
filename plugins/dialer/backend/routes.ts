import db from '@adonisjs/lucid/services/db'
import {
  TableroError,
  actorFromContext,
  authorize,
  dispatchJob,
  resourceService,
  type PluginRoutes,
} from '#sdk'
import { MANAGE, WORK, idParam, requireCampaignAgent } from './access.ts'
import { agentState, joinCampaign, setAgentState } from './agent_states.ts'
import { clickToCall, type CallRequest } from './click_to_call.ts'
import { recordNoAnswer } from './contact_moves.ts'
import { dialing } from './dialing.ts'
import { hopperDepth } from './hopper.ts'
import { HopperClaim } from './hopper_claim.ts'
import { buildList, refillHoppers } from './jobs.ts'
import { listCounts } from './list_counts.ts'
import { endAgentCall, paceIfAutomatic } from './pacing_loop.ts'
import { settingsOf } from './settings.ts'
import { wallboard, wallboardChanged } from './wallboard.ts'
import { ListBuilder, type ListRequest } from './list_builder.ts'

/** How often one node queues a background refill of a campaign its agents claim from. */
const REFILL_EVERY_MS = 10_000
const lastRefill = new Map<number, number>()

/**
 * Queues a background refill (the job takes the campaign's lock, so one
 * node fills); a queue that cannot take it leaves the claim's own refill,
 * on an empty hopper, to do it.
 */
async function refillLater(campaignId: number, user: { id: number }) {
  lastRefill.set(campaignId, Date.now())
  try {
    const job = await dispatchJob(refillHoppers, { campaignId }, { user })
    return job.id
  } catch {
    return null
  }
}

/**
 * Mounted under /api/p/dialer. The lists, contacts, do-not-call and
 * settings are resources (/api/r/dialer_*); these are the actions that
 * are no resource write: build a list, claim the next contact, report a
 * no-answer, the agent's state.
 */
const routes: PluginRoutes = (router) => {
  /** D3: build a list from a filter tree (Asignaciones' "Ir a Marcador"). */
  router.post('lists', async (ctx) => {
    const user = authorize(ctx, MANAGE)
    const service = await resourceService(ctx)
    const built = await ListBuilder.build(service, ctx.request.body() as ListRequest)
    if (built.building) {
      // a large list: 202 with the job that fills it (GET /api/jobs/:id)
      const job = await dispatchJob(buildList, { listId: built.id }, { user })
      ctx.response.status(202)
      return { data: { ...built, jobId: job.id } }
    }
    const jobId = await refillLater(built.campaignId, user)
    ctx.response.status(201)
    return { data: { ...built, refillJobId: jobId } }
  })

  /** D3: the lists of a campaign (or all) with their counts, as the Marcador page shows them. */
  router.get('lists', async (ctx) => {
    authorize(ctx, MANAGE)
    const service = await resourceService(ctx)
    service.authorize('dialer_lists', 'list')
    const campaignId = Number(ctx.request.input('campaignId')) || null
    const lists = await db
      .from('dialer_lists as l')
      .join('campaigns as c', 'c.id', 'l.campaign_id')
      .if(campaignId, (query) => query.where('l.campaign_id', campaignId!))
      .orderBy('l.id', 'desc')
      .limit(500)
      .select(
        'l.building',
        'l.id',
        'l.name',
        'l.campaign_id',
        'c.name as campaign_name',
        'l.active',
        'l.total',
        'l.skipped_invalid',
        'l.created_at'
      )
    const counts = await listCounts(lists.map((row) => Number(row.id)))
    const depths = await db
      .from('dialer_hopper')
      .whereIn('campaign_id', [...new Set(lists.map((row) => Number(row.campaign_id)))])
      .groupBy('campaign_id')
      .select('campaign_id')
      .count('* as total')
    const depthOf = new Map(depths.map((row) => [Number(row.campaign_id), Number(row.total)]))
    return {
      data: lists.map((row) => ({
        id: Number(row.id),
        name: row.name,
        campaignId: Number(row.campaign_id),
        campaignName: row.campaign_name,
        active: Boolean(Number(row.active)),
        building: Boolean(Number(row.building)),
        total: Number(row.total),
        skippedInvalid: Number(row.skipped_invalid),
        counts: counts.get(Number(row.id)),
        /** the campaign's hopper: contacts queued to be handed out next */
        hopperDepth: depthOf.get(Number(row.campaign_id)) ?? 0,
      })),
    }
  })

  /** D4: the hopper's depth (supervisors), and a refill queued by hand. */
  router.get('campaigns/:id/hopper', async (ctx) => {
    authorize(ctx, MANAGE)
    const campaignId = idParam(ctx.params.id, 'campaigns')
    return { data: { campaignId, depth: await hopperDepth(campaignId) } }
  })
  router.post('campaigns/:id/refill', async (ctx) => {
    const user = authorize(ctx, MANAGE)
    const campaignId = idParam(ctx.params.id, 'campaigns')
    ctx.response.status(202)
    return { data: { jobId: await refillLater(campaignId, user) } }
  })

  /** The dialer campaigns the signed-in user may take contacts from (the console's choice). */
  router.get('campaigns', async (ctx) => {
    const user = authorize(ctx, WORK)
    const rows = await db
      .from('campaigns')
      .where('type', 'outbound_dialer')
      .whereNull('archived_at')
      .if(user.role === 'agent', (query) =>
        query.whereIn('id', (members) =>
          members.from('campaign_agents').select('campaign_id').where('user_id', user.id)
        )
      )
      .orderBy('name')
      .select('id', 'name')
    const data = []
    for (const row of rows) {
      const settings = await settingsOf(Number(row.id))
      data.push({ id: Number(row.id), name: row.name, mode: settings.pacing.mode })
    }
    return { data }
  })

  /**
   * Progressive, ratio, adaptive: the agent waits for calls in the campaign;
   * its pacer (on whichever node holds the campaign's lock) puts them through.
   */
  router.post('campaigns/:id/ready', async (ctx) => {
    const user = authorize(ctx, WORK)
    const campaignId = idParam(ctx.params.id, 'campaigns')
    await requireCampaignAgent(user, campaignId)
    const state = await joinCampaign(user.id, campaignId, actorFromContext(ctx))
    await paceIfAutomatic(campaignId)
    wallboardChanged(campaignId)
    return { data: state }
  })

  /** D4: "Siguiente contacto": the next contact of the campaign, claimed atomically (null when none is due). */
  router.post('campaigns/:id/next', async (ctx) => {
    const user = authorize(ctx, WORK)
    const campaignId = idParam(ctx.params.id, 'campaigns')
    await requireCampaignAgent(user, campaignId)
    const contact = await HopperClaim.next(user, campaignId, actorFromContext(ctx))
    if (Date.now() - (lastRefill.get(campaignId) ?? 0) > REFILL_EVERY_MS) {
      await refillLater(campaignId, user)
    }
    if (!contact) return { data: null }
    const call = await dialing().originate({
      phone: contact.phone,
      agentId: user.id,
      contactId: contact.id,
      clientId: contact.clientId,
      campaignId,
    })
    return { data: { ...contact, call } }
  })

  /** D6: click-to-call from the client's page, in an outbound campaign the user works. */
  router.post('clients/:id/call', async (ctx) => {
    authorize(ctx, WORK)
    const service = await resourceService(ctx)
    const call = await clickToCall(
      service,
      idParam(ctx.params.id, 'clients'),
      ctx.request.only(['campaignId', 'phone']) as CallRequest,
      actorFromContext(ctx)
    )
    ctx.response.status(201)
    return { data: call }
  })

  /** Preview dialing: the call was not answered; the contact is recycled later. */
  router.post('contacts/:id/no-answer', async (ctx) => {
    const user = authorize(ctx, WORK)
    const moved = await recordNoAnswer(idParam(ctx.params.id), user.id, actorFromContext(ctx))
    if (!moved) throw new TableroError('NOT_CLAIMED', 'You do not hold this contact', 409)
    return { data: moved }
  })

  /** The agent console's state: available, in a call, wrap-up, paused with a reason. */
  router.get('agent/state', async (ctx) => {
    const user = authorize(ctx, WORK)
    return { data: await agentState(user.id) }
  })
  router.post('agent/state', async (ctx) => {
    const user = authorize(ctx, WORK)
    const state = await setAgentState(
      user.id,
      ctx.request.only(['state', 'reason']),
      actorFromContext(ctx)
    )
    // "Cortar y tipificar": the agent hung up
    if (state.state === 'wrap_up') await endAgentCall(user.id)
    if (state.campaignId) {
      if (state.state === 'available') await paceIfAutomatic(state.campaignId)
      wallboardChanged(state.campaignId)
    }
    return { data: state }
  })

  /** Supervisors: the live wallboard, per campaign (browsers re-read it on `dialer.wallboard`). */
  router.get('wallboard', async (ctx) => {
    authorize(ctx, MANAGE)
    return { data: await wallboard() }
  })

  /** Supervisors: where every agent stands (the wallboard's first column). */
  router.get('agents', async (ctx) => {
    authorize(ctx, MANAGE)
    const rows = await db
      .from('dialer_agent_states as s')
      .join('users as u', 'u.id', 's.user_id')
      .orderBy('u.full_name')
      .select(
        's.user_id',
        'u.full_name',
        's.state',
        's.pause_reason',
        's.contact_id',
        's.campaign_id'
      )
    return {
      data: rows.map((row) => ({
        userId: Number(row.user_id),
        name: row.full_name,
        state: row.state,
        pauseReason: row.pause_reason,
        contactId: row.contact_id,
        campaignId: row.campaign_id,
      })),
    }
  })
}

export default routes
