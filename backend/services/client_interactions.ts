import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { toSqlDateTime } from '#services/audit_log'
import { type InstantRange, whereWithin } from '#services/local_days'
import { bulkInsert } from '#resources/bulk_insert'

/** Clients whose last interaction one statement refreshes. */
const TOUCH_BATCH = 1000

export interface Interaction {
  clientId: number
  channel: 'sms' | 'email' | 'voice' | 'whatsapp' | 'push' | 'other'
  direction: 'in' | 'out'
  campaignId?: number | null
  result?: string | null
  /** what produced it: 'notification', 'gestion', 'call'… */
  source: string
  userId?: number | null
  occurredAt?: DateTime
}

/**
 * The client's interaction trail (C15), written by the core and by plugins
 * (through this service, inside their own transaction).
 */
export class ClientInteractions {
  static async record(client: QueryClientContract, interaction: Interaction) {
    const occurredAt = toSqlDateTime(interaction.occurredAt ?? DateTime.utc())
    await client
      .insertQuery()
      .table('client_interactions')
      .insert({
        client_id: interaction.clientId,
        channel: interaction.channel,
        direction: interaction.direction,
        campaign_id: interaction.campaignId ?? null,
        result: interaction.result ?? null,
        source: interaction.source,
        user_id: interaction.userId ?? null,
        occurred_at: occurredAt,
      })
    await client
      .from('clients')
      .where('id', interaction.clientId)
      .update({ last_interaction_at: occurredAt })
  }

  /**
   * Many interactions at once (a demo's or an import's history): multi-row
   * inserts, then each touched client's `last_interaction_at` set to its
   * latest interaction, in a few statements rather than two per row.
   */
  static async recordMany(client: QueryClientContract, interactions: Interaction[]) {
    if (interactions.length === 0) return
    const rows = interactions.map((interaction) => ({
      client_id: interaction.clientId,
      channel: interaction.channel,
      direction: interaction.direction,
      campaign_id: interaction.campaignId ?? null,
      result: interaction.result ?? null,
      source: interaction.source,
      user_id: interaction.userId ?? null,
      occurred_at: toSqlDateTime(interaction.occurredAt ?? DateTime.utc()),
    }))
    await bulkInsert(client, 'client_interactions', 'id', rows)
    const clientIds = [...new Set(interactions.map((interaction) => interaction.clientId))]
    for (let start = 0; start < clientIds.length; start += TOUCH_BATCH) {
      await client
        .from('clients')
        .whereIn('id', clientIds.slice(start, start + TOUCH_BATCH))
        .update({
          last_interaction_at: client.raw(
            '(select max(client_interactions.occurred_at) from client_interactions where client_interactions.client_id = clients.id)'
          ),
        })
    }
  }

  /**
   * Counts for the client dashboard, optionally within a range of instants
   * (see localDayRange for the days a user picks).
   */
  static async dashboard(client: QueryClientContract, clientId: number, range: InstantRange = {}) {
    const base = () => {
      const query = client
        .from('client_interactions')
        .where('client_interactions.client_id', clientId)
      whereWithin(query, 'client_interactions.occurred_at', range)
      return query
    }
    const byChannel = await base().select('channel').count('* as total').groupBy('channel')
    const byCampaign = await base()
      .leftJoin('campaigns', 'campaigns.id', 'client_interactions.campaign_id')
      .select('client_interactions.campaign_id', 'campaigns.name')
      .count('* as total')
      .groupBy('client_interactions.campaign_id', 'campaigns.name')
    const byResult = await base().select('result').count('* as total').groupBy('result')
    const number = (rows: Array<Record<string, unknown>>) =>
      rows.map((row): Record<string, unknown> & { total: number } => ({
        ...row,
        total: Number(row.total),
      }))
    return {
      byChannel: number(byChannel),
      byCampaign: number(byCampaign).map((row) => ({
        campaignId: row.campaign_id ?? null,
        campaign: row.name ?? null,
        total: row.total,
      })),
      byResult: number(byResult),
    }
  }
}
