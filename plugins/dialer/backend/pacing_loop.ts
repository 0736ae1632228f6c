import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import db from '@adonisjs/lucid/services/db'
import { LiveUpdates, toSqlDateTime, withLock, type LockLease } from '#sdk'
import { DateTime } from 'luxon'
import { PacedClaim } from './paced_claim.ts'
import { endConnectedCall, settleAttempt, type Connected } from './paced_outcomes.ts'
import { settingsOf } from './settings.ts'
import { CampaignPacer, type PacerPorts } from './telephony/campaign_pacer.ts'
import { telephony } from './telephony/index.ts'
import type { TelephonyAdapter } from './telephony/types.ts'
import { wallboardChanged } from './wallboard.ts'

/** The lease on a campaign's pacing: renewed every `RENEW_MS`, freed `LEASE_TTL` after a crash. */
const LEASE_TTL = '30s'
const RENEW_MS = 10_000
/** A campaign with no agent working and no call in flight this long stops pacing (any action restarts it). */
const IDLE_MS = 60_000
/** How often the campaign's settings are read again (a supervisor switching the mode). */
const SETTINGS_EVERY_MS = 5_000
/** An empty hopper is refilled by the pacer at most this often (the refill job keeps it full). */
const REFILL_EVERY_MS = 5_000

function tickMs() {
  const value = Number(process.env.DIALER_PACER_TICK_MS)
  return Number.isInteger(value) && value >= 10 ? value : 1000
}

/** a pause between ticks that does not keep the process alive on shutdown */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref())

/** The screen-pop (issue 16): the agent's browser opens the client, within a second. */
export function screenPop(connected: Connected, answeredAt: number | undefined) {
  LiveUpdates.toUsers([connected.agentId], {
    type: 'dialer.screen-pop',
    payload: {
      clientId: connected.clientId,
      clientName: connected.clientName,
      contactId: connected.contactId,
      phone: connected.phone,
      callId: connected.callId,
      // the adapter's answer, in ms since the epoch: the browser measures the push from it
      answeredAt: answeredAt ?? null,
    },
  })
}

/**
 * Progressive, ratio and adaptive dialing (issue 16): for each campaign
 * whose mode is not preview, one `CampaignPacer` on the process's
 * telephony adapter, ticking about once a second. Exactly one node paces
 * a campaign: the loop runs under the lock `dialer:pacer:<id>`, renewed
 * while it runs (a node that dies frees it after `LEASE_TTL`); a node
 * that finds it held leaves the campaign to its holder. Agents starting
 * or resuming work (`ensure`) start the loop; it stops itself when the
 * campaign has been idle for a minute or switched back to preview.
 */
class PacingLoops {
  readonly #running = new Map<number, Promise<void>>()
  #draining = false
  /** when each call was answered, for the screen-pop's latency */
  readonly #answeredAt = new Map<string, number>()
  #listening: TelephonyAdapter | null = null
  #hooked = false

  /** starts pacing `campaignId` on this node unless it already does (or another node does) */
  ensure(campaignId: number) {
    if (this.#draining || this.#running.has(campaignId)) return
    if (!this.#hooked) {
      this.#hooked = true
      // a node shutting down settles its calls in flight and frees its campaigns' locks
      app.terminating(() => this.drain())
    }
    const run = this.#run(campaignId)
      .catch((error) => logger.error({ err: error, campaignId }, 'dialer: pacing stopped'))
      .finally(() => this.#running.delete(campaignId))
    this.#running.set(campaignId, run)
  }

  /** the campaigns this node paces now */
  campaigns() {
    return [...this.#running.keys()]
  }

  /** places no new call, waits for the calls in flight to settle, and ends every loop */
  async drain() {
    this.#draining = true
    try {
      await Promise.all(this.#running.values())
    } finally {
      this.#draining = false
    }
  }

  async #run(campaignId: number) {
    try {
      await withLock(`dialer:pacer:${campaignId}`, (lease) => this.#pace(campaignId, lease), {
        ttl: LEASE_TTL,
      })
    } catch (error) {
      // another node paces this campaign
      if ((error as { code?: string }).code !== 'LOCKED') throw error
    }
  }

  /** follows every call of the adapter: answer times, and connected calls that hang up */
  #listen(adapter: TelephonyAdapter) {
    if (this.#listening === adapter) return
    this.#listening = adapter
    adapter.onEvent((event) => {
      if (event.type === 'answered') this.#answeredAt.set(event.callId, Date.now())
      if (event.type !== 'hangup') return
      this.#answeredAt.delete(event.callId)
      void endConnectedCall(event.callId)
        .then(async (ended) => {
          if (ended) await notifyCampaignOf(event.callId)
        })
        .catch(() => {})
    })
  }

  async #pace(campaignId: number, lease: LockLease) {
    let settings = await settingsOf(campaignId)
    if (settings.pacing.mode === 'preview') return
    const adapter = telephony()
    this.#listen(adapter)
    await adapter.start()
    const pacer = new CampaignPacer(adapter, this.#ports(campaignId, adapter), {
      ...settings.pacing,
      campaignId,
      callerId: process.env.DIALER_CALLER_ID || 'Tablero',
    })
    let lastActive = Date.now()
    let lastRenew = Date.now()
    let lastSettings = Date.now()
    let winding = false
    try {
      for (;;) {
        const now = Date.now()
        winding ||= this.#draining
        if (winding) await pacer.flush()
        else await pacer.tick()
        const flying = pacer.inFlight() + pacer.unreported()
        if (winding && flying === 0) return
        if (flying > 0 || (await workingAgents(campaignId)) > 0) lastActive = now
        else if (now - lastActive > IDLE_MS) return
        if (now - lastSettings > SETTINGS_EVERY_MS) {
          lastSettings = now
          settings = await settingsOf(campaignId)
          if (settings.pacing.mode === 'preview') winding = true
          else Object.assign(pacer.settings, settings.pacing)
        }
        if (now - lastRenew > RENEW_MS) {
          lastRenew = now
          await lease.extend()
        }
        await sleep(tickMs())
      }
    } finally {
      pacer.stop()
    }
  }

  #ports(campaignId: number, adapter: TelephonyAdapter): PacerPorts {
    let lastRefill = 0
    return {
      freeAgents: () => freeAgents(campaignId),
      claim: async (count) => {
        const claimed = await PacedClaim.take(campaignId, count, () => {
          if (Date.now() - lastRefill < REFILL_EVERY_MS) return false
          lastRefill = Date.now()
          return true
        })
        if (claimed.length > 0) wallboardChanged(campaignId)
        return claimed
      },
      settle: async (contactId, outcome) => {
        const settled = await settleAttempt(campaignId, contactId, outcome).catch((error) => {
          // handed again on the next tick (CampaignPacer keeps it)
          logger.warn({ err: error, campaignId, contactId }, 'dialer: an outcome waits')
          throw error
        })
        if (settled.kind === 'connected') {
          screenPop(settled.connected, this.#answeredAt.get(settled.connected.callId))
        }
        if (settled.kind === 'hangup') await adapter.hangup(settled.callId).catch(() => {})
        wallboardChanged(campaignId)
      },
    }
  }
}

/** the campaign's agents waiting for a call: available and holding no contact */
async function freeAgents(campaignId: number) {
  const rows = await db
    .from('dialer_agent_states')
    .where({ campaign_id: campaignId, state: 'available' })
    .whereNull('contact_id')
    .orderBy('updated_at')
    .select('user_id')
  // the agent's extension on the PBX is its user id (ARI_AGENT_ENDPOINT maps it to a channel)
  return rows.map((row) => ({ agentId: Number(row.user_id), extension: String(row.user_id) }))
}

/** agents on the campaign's floor: waiting, talking or wrapping up */
async function workingAgents(campaignId: number) {
  const row = await db
    .from('dialer_agent_states')
    .where('campaign_id', campaignId)
    .whereIn('state', ['available', 'in_call', 'wrap_up'])
    .count('* as total')
    .first()
  return Number(row?.total ?? 0)
}

async function notifyCampaignOf(callId: string) {
  const call = await db.from('dialer_calls').where('call_id', callId).select('campaign_id').first()
  if (call) wallboardChanged(Number(call.campaign_id))
}

export const pacingLoops = new PacingLoops()

/**
 * The agent's gestión is recorded (or the agent hangs up to wrap up): the
 * paced call it was talking on ends, so the agent is free for the next.
 * The row ends here, whichever node placed the call; the hang-up goes to
 * this node's adapter (ARI ends the channel from any node).
 */
export async function endAgentCall(agentId: number, clientId?: number) {
  const connected = () =>
    db
      .from('dialer_calls')
      .where({ agent_id: agentId, state: 'connected' })
      // a gestión about another client leaves the call alone
      .if(clientId !== undefined, (query) => query.where('client_id', clientId!))
  const calls = await connected().select('call_id', 'campaign_id')
  if (calls.length === 0) return
  await connected().update({
    state: 'ended',
    outcome: 'connected',
    ended_at: toSqlDateTime(DateTime.utc()),
  })
  for (const call of calls) {
    await telephony()
      .hangup(call.call_id)
      .catch(() => {})
    wallboardChanged(Number(call.campaign_id))
  }
}

/** Paces the campaign when its mode dials by itself (an agent started or resumed work in it). */
export async function paceIfAutomatic(campaignId: number | null | undefined) {
  if (!campaignId) return
  const settings = await settingsOf(campaignId)
  if (settings.pacing.mode !== 'preview') pacingLoops.ensure(campaignId)
}
