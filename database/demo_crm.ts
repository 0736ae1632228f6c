import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { AuditLog, SYSTEM_ACTOR } from '#services/audit_log'
import { ClientNameWords } from '#services/client_name_words'
import { CAMPAIGN_CATALOG } from '#database/factories/fake_clients/campaign_catalog'
import { fakeClient, sqlDateTime } from '#database/factories/fake_clients/client_row'
import { insertRows, type Row } from '#database/factories/fake_clients/row_inserter'
import { StaffPlan } from '#database/factories/fake_clients/staff_plan'
import { DEMO_TEAMS } from '#database/demo_agents'
import { demoExtrasFor, type DemoExtras } from '#database/demo_client_extras'

export const DEMO_CLIENTS = 2000
const DEMO_CAMPAIGNS = 6

/**
 * The demo's contact center: six campaigns with their agent teams and two
 * thousand clients spread over them, each with a primary phone, and
 * secondary phones, e-mails, addresses, notes and tasks here and there.
 * Expects empty campaigns and clients tables (the seeder checks).
 */
export class DemoCrm {
  constructor(
    private trx: QueryClientContract,
    private userIds: Map<string, number>
  ) {}

  async seed() {
    const nowMs = Date.now()
    const now = sqlDateTime(nowMs)
    const campaignIds = await this.#campaigns(now)
    const teams = await this.#teams(campaignIds, now)
    const agentIds = [...new Set(teams.flatMap((team) => team.agentIds))]
    const staff = new StaffPlan(teams, agentIds)
    const supervisorId = this.userIds.get('supervisor@tablero.test')!

    const clients: Row[] = []
    const phones: Row[] = []
    const extras: DemoExtras = { phones: [], emails: [], addresses: [], notes: [], tasks: [] }
    for (let id = 1; id <= DEMO_CLIENTS; id++) {
      const fake = fakeClient(id, staff, nowMs)
      clients.push(fake.client)
      phones.push(fake.phone)
      const more = demoExtrasFor(fake.client, supervisorId, nowMs)
      for (const key of Object.keys(extras) as Array<keyof DemoExtras>) {
        extras[key].push(...more[key])
      }
    }
    await insertRows(this.trx, 'clients', clients)
    await insertRows(this.trx, 'client_name_words', ClientNameWords.rowsOf(clients))
    await insertRows(this.trx, 'client_phones', [...phones, ...extras.phones])
    await insertRows(this.trx, 'client_emails', extras.emails)
    await insertRows(this.trx, 'client_addresses', extras.addresses)
    await insertRows(this.trx, 'client_notes', extras.notes)
    await insertRows(this.trx, 'client_tasks', extras.tasks)
    const bases = await this.#bases(campaignIds, supervisorId, now)
    return {
      campaigns: campaignIds.size,
      bases,
      clients: clients.length,
      notes: extras.notes.length,
      tasks: extras.tasks.length,
    }
  }

  async #campaigns(now: string) {
    const campaigns = CAMPAIGN_CATALOG.slice(0, DEMO_CAMPAIGNS)
    await insertRows(
      this.trx,
      'campaigns',
      campaigns.map((campaign) => ({ ...campaign, active: 1, created_at: now, updated_at: now }))
    )
    const rows = await this.trx.from('campaigns').select('id', 'name', 'type', 'description')
    for (const row of rows) {
      await AuditLog.record(this.trx, SYSTEM_ACTOR, {
        action: 'create',
        resource: 'campaigns',
        recordId: row.id,
        after: row,
      })
    }
    return new Map(rows.map((row) => [row.name as string, Number(row.id)]))
  }

  /**
   * Two bases (Parámetros → Bases), as if the supervisor had uploaded the
   * clients of the first two campaigns; the other clients came in by hand.
   */
  async #bases(campaignIds: Map<string, number>, supervisorId: number, now: string) {
    const uploads = [...campaignIds].slice(0, 2)
    for (const [index, [name, campaignId]] of uploads.entries()) {
      const [row] = await this.trx
        .from('clients')
        .where('campaign_id', campaignId)
        .count('* as total')
      const base = {
        name: `${name}: base inicial`,
        campaign_id: campaignId,
        file_name: `base-${index + 1}.csv`,
        rows: Number(row.total),
        created_by: supervisorId,
        created_at: now,
        updated_at: now,
      }
      const [baseId] = await this.trx.insertQuery().table('bases').insert(base)
      await this.trx.from('clients').where('campaign_id', campaignId).update({ base_id: baseId })
      await AuditLog.record(this.trx, SYSTEM_ACTOR, {
        action: 'create',
        resource: 'bases',
        recordId: Number(baseId),
        after: { ...base, id: Number(baseId) },
      })
    }
    return uploads.length
  }

  async #teams(campaignIds: Map<string, number>, now: string) {
    const teams = [...campaignIds].map(([name, campaignId]) => ({
      campaignId,
      agentIds: (DEMO_TEAMS[name] ?? []).map((email) => this.userIds.get(email)!),
    }))
    await insertRows(
      this.trx,
      'campaign_agents',
      teams.flatMap((team) =>
        team.agentIds.map((userId) => ({
          campaign_id: team.campaignId,
          user_id: userId,
          created_at: now,
        }))
      )
    )
    return teams
  }
}
