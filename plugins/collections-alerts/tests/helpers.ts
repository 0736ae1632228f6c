import { createHmac } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { type signIn } from '#sdk/testing'
import { ensureCatalogue } from '../backend/catalogue.ts'

export type Session = Awaited<ReturnType<typeof signIn>>
export const API = '/api/p/collections-alerts'
export const WEBHOOK = '/api/webhooks/collections-alerts/channel-events'
export const SECRET = 'test-webhook-secret'
let sequence = 0

/** A campaign with its agents, as the core's tables hold them. */
export async function makeCampaign(agentIds: number[] = []) {
  const [id] = await db.table('campaigns').insert({
    name: `Cobranza ${++sequence}`,
    type: 'outbound_dialer',
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

/** A level-1 result of the campaign, made by a supervisor through tipificaciones' endpoint. */
export async function makeResult(supervisor: Session, campaignId: number, name: string) {
  const response = await supervisor
    .post('/api/p/tipificaciones/results')
    .json({ campaignIds: [campaignId], name })
  response.assertStatus(201)
  return response.body().data[0].id as number
}

export async function typeId(key: string) {
  await ensureCatalogue(db.connection())
  const row = await db.from('ca_alert_types').where('key', key).first()
  return Number(row.id)
}

/** The client's active alerts, as the badges read them. */
export async function activeOf(session: Session, clientId: number) {
  const response = await session.get(`${API}/alerts`).qs({ ids: String(clientId) })
  response.assertStatus(200)
  return response.body().data as Array<{
    id: number
    name: string
    color: string
    channel: string | null
  }>
}

export function sign(body: unknown, secret = SECRET) {
  return 'sha256=' + createHmac('sha256', secret).update(JSON.stringify(body)).digest('hex')
}

/**
 * The engine announces `resource.created` after the write's commit without waiting for its
 * listeners: what a listener does (a lift on a new contact) lands shortly after the answer.
 * Asks again until `check` holds, at most `tries` times.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  tries = 50
) {
  let value = await read()
  for (let attempt = 1; attempt < tries && !check(value); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 20))
    value = await read()
  }
  return value
}
