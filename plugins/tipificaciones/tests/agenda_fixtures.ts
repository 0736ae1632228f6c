import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { toSqlDateTime } from '#sdk'
import { makeClient, signIn } from '#sdk/testing'

export type Session = Awaited<ReturnType<typeof signIn>>
export const BASE = '/api/p/tipificaciones'
let sequence = 0

export async function campaign(agentIds: number[], type = 'outbound_dialer') {
  const [id] = await db.table('campaigns').insert({
    name: `Campaña agenda ${++sequence}`,
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

/** A pending callback written directly (not what is tested), due `minutes` from now. */
export async function callback(
  values: { clientId: number; campaignId: number; userId?: number | null },
  minutes: number
) {
  const now = toSqlDateTime(DateTime.utc())
  const [id] = await db.table('tip_callbacks').insert({
    gestion_id: null,
    client_id: values.clientId,
    campaign_id: values.campaignId,
    user_id: values.userId ?? null,
    due_at: toSqlDateTime(DateTime.utc().plus({ minutes })),
    phone: '+573001234567',
    status: 'pending',
    created_at: now,
    updated_at: now,
  })
  return Number(id)
}

/**
 * A supervisor; agents `ana` and `beto` in campaign `team`; `carla` alone
 * in campaign `other`; a client of `team` assigned to ana, with a phone.
 */
export async function agendaWorld(client: ApiClient) {
  const supervisor = await signIn(client, 'supervisor')
  const ana = await signIn(client, 'agent')
  const beto = await signIn(client, 'agent')
  const carla = await signIn(client, 'agent')
  const team = await campaign([ana.user.id, beto.user.id])
  const other = await campaign([carla.user.id])
  const clientId = await makeClient({
    assigned_user_id: ana.user.id,
    primary_phone: '+573001234567',
    campaign_id: team,
  })
  return { supervisor, ana, beto, carla, team, other, clientId }
}

/** Contactado > Rellamar mañana (scheduling), as a supervisor builds it. */
export async function schedulingResult(supervisor: Session, campaignId: number) {
  const create = async (body: Record<string, unknown>) => {
    const response = await supervisor.post(`${BASE}/results`).json(body)
    response.assertStatus(201)
    return response.body().data[0].id as number
  }
  const level1Id = await create({
    campaignIds: [campaignId],
    name: 'Contactado',
    action: 'no_action',
  })
  const level2Id = await create({
    parentId: level1Id,
    name: 'Rellamar mañana',
    allowsScheduling: true,
  })
  return { level1Id, level2Id }
}
