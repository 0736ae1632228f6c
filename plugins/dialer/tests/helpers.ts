import type { ApiClient } from '@japa/api-client'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { makeClient, plugins, signIn, truncateAfterEach } from '#sdk/testing'
import { dialerClock } from '../backend/clock.ts'

export type Session = Awaited<ReturnType<typeof signIn>>
export const API = '/api/p/dialer'
let sequence = 0

/** 10:00 in Bogotá: inside the default calling window. */
export const MIDMORNING = DateTime.fromISO('2026-06-01T15:00:00Z')

export function setClock(at: DateTime | null) {
  dialerClock.now = at ? () => at : () => DateTime.utc()
}

/** A valid Colombian mobile, distinct per `index`. */
export function phone(index: number) {
  return `+57300${String(1_000_000 + index).slice(-7)}`
}

export async function campaign(agentIds: number[], type = 'outbound_dialer') {
  const [id] = await db.table('campaigns').insert({
    name: `Campaña marcador ${++sequence} ${Date.now()}`,
    type,
    active: 1,
    created_at: '2026-01-01 00:00:00',
  })
  for (const userId of agentIds) {
    await db
      .table('campaign_agents')
      .insert({ campaign_id: id, user_id: userId, created_at: '2026-01-01 00:00:00' })
  }
  return Number(id)
}

/** `count` clients of the campaign with valid phones, numbered from `from`. */
export async function clientsOf(
  campaignId: number,
  count: number,
  from = 0,
  values: Record<string, unknown> = {}
) {
  const ids: number[] = []
  for (let index = from; index < from + count; index++) {
    ids.push(await makeClient({ campaign_id: campaignId, primary_phone: phone(index), ...values }))
  }
  return ids
}

/** A supervisor, two agents of a dialer campaign. */
export async function dialerWorld(client: ApiClient) {
  const supervisor = await signIn(client, 'supervisor')
  const ana = await signIn(client, 'agent')
  const beto = await signIn(client, 'agent')
  const campaignId = await campaign([ana.user.id, beto.user.id])
  return { supervisor, ana, beto, campaignId }
}

export async function buildList(
  session: Session,
  campaignId: number,
  filter: unknown = null,
  name = 'Lista'
) {
  const response = await session.post(`${API}/lists`).json({ name, campaignId, filter })
  if (response.status() !== 201) throw new Error(JSON.stringify(response.body()))
  return response.body().data as { id: number; total: number; skippedInvalid: number }
}

export async function next(session: Session, campaignId: number) {
  const response = await session.post(`${API}/campaigns/${campaignId}/next`)
  response.assertStatus(200)
  return response.body().data as { id: number; clientId: number; phone: string } | null
}

export async function contact(id: number) {
  return db.from('dialer_contacts').where('id', id).first()
}

/**
 * Every dialer spec group's set-up: tables emptied after each test, the
 * plugins' states re-read, and (with `atMidmorning`) the dialer's clock at
 * MIDMORNING, inside calling hours, then back to the real one.
 */
export function dialerGroup(
  group: { each: { setup(handler: () => unknown): unknown } },
  { atMidmorning = true } = {}
) {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))
  if (!atMidmorning) return
  group.each.setup(() => {
    setClock(MIDMORNING)
    return () => setClock(null)
  })
}
