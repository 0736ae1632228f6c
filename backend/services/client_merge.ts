import emitter from '@adonisjs/core/services/emitter'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import { AuditLog, type AuditActor } from '#services/audit_log'
import { ClientRules } from '#services/client_rules'
import { ClientNameWords } from '#services/client_name_words'
import { documentKey, searchName } from '#services/client_names'
import plugins from '#services/plugins'
import { runPluginHooks, type ClientTableFate } from '#kernel/plugin_hooks'

/** Card fields the survivor takes from the merged client when it has none. */
const FILLABLE = [
  'last_name',
  'document',
  'email',
  'gender',
  'birth_date',
  'campaign_id',
  'assigned_user_id',
] as const

/** Satellite tables whose rows simply move to the survivor. */
const MOVED = [
  'client_addresses',
  'client_notes',
  'client_tasks',
  'client_attachments',
  'client_messages',
  'client_interactions',
] as const

/**
 * Every core table with a foreign key to clients and what a merge does to
 * its rows (plugins declare theirs in their manifest's `clientTables`).
 * All are moved; the only rows dropped are a relation between the two
 * merged clients and a phone, e-mail or channel the survivor already has.
 */
export const CORE_CLIENT_TABLES: Record<string, ClientTableFate> = {
  client_phones: 'moved',
  client_emails: 'moved',
  client_relations: 'moved',
  client_marketing_preferences: 'moved',
  // the merged client's name words go with it; the survivor is re-indexed
  client_name_words: 'dropped',
  ...Object.fromEntries(MOVED.map((table) => [table, 'moved'])),
}

declare module '@adonisjs/core/types' {
  interface EventsList {
    'client.merged': { survivorId: number; mergedId: number }
  }
}

/**
 * C12 merge, all in the caller's transaction: the survivor keeps its card
 * and fills blanks from the other; phones and e-mails move unless the
 * survivor has them already; notes, tasks, files, messages, interactions,
 * relations and log entries move; then every plugin's `client.merging`
 * hook moves the plugin's own per-client rows (an error rolls the whole
 * merge back); the other client is deleted. Emits `client.merged` after
 * commit.
 */
export class ClientMerge {
  static async merge(
    trx: TransactionClientContract,
    survivor: Record<string, unknown>,
    merged: Record<string, unknown>,
    actor: AuditActor
  ) {
    const survivorId = survivor.id as number
    const mergedId = merged.id as number

    const fills: Record<string, unknown> = {}
    for (const key of FILLABLE) {
      if ((survivor[key] === null || survivor[key] === '') && merged[key] !== null)
        fills[key] = merged[key]
    }
    if (survivor.vip || merged.vip) fills.vip = 1
    if (survivor.bad || merged.bad) fills.bad = 1
    // what search reads follows the names and document taken from the merged client
    const searched: Record<string, unknown> = {}
    if ('last_name' in fills)
      searched.search_name = searchName(survivor.first_name, fills.last_name)
    if ('document' in fills) searched.document_key = documentKey(fills.document)
    if (Object.keys(fills).length > 0)
      await trx
        .from('clients')
        .where('id', survivorId)
        .update({ ...fills, ...searched })
    if ('last_name' in fills) await ClientNameWords.refresh(trx, [survivorId])

    await this.#moveUnique(trx, 'client_phones', 'e164', survivorId, mergedId)
    await trx.from('client_phones').where('client_id', survivorId).update({ is_primary: 0 })
    await ClientRules.makePrimary(
      trx,
      survivorId,
      (survivor.primary_phone as string | null) ?? (merged.primary_phone as string | null)
    )
    await this.#moveUnique(trx, 'client_emails', 'email', survivorId, mergedId)
    for (const table of MOVED) {
      await trx.from(table).where('client_id', mergedId).update({ client_id: survivorId })
    }
    await this.#moveRelations(trx, survivorId, mergedId)
    await this.#moveMarketing(trx, survivorId, mergedId)
    await trx
      .from('audit_logs')
      .where({ subject: 'clients', subject_id: String(mergedId) })
      .update({ subject_id: String(survivorId) })
    const moved = await runPluginHooks(plugins.manifests, 'client.merging', {
      trx,
      survivorId,
      mergedId,
    })

    await trx.from('clients').where('id', mergedId).delete()
    await AuditLog.record(trx, actor, {
      action: 'merge',
      resource: 'clients',
      recordId: survivorId,
      before: { merged },
      after: { survivorId, filled: fills, plugins: moved },
      subject: 'clients',
      subjectId: survivorId,
    })
    trx.after('commit', () => {
      emitter.emit('client.merged', { survivorId, mergedId }).catch(() => {})
    })
  }

  static async #moveUnique(
    trx: QueryClientContract,
    table: string,
    column: string,
    survivorId: number,
    mergedId: number
  ) {
    const kept = await trx.from(table).where('client_id', survivorId).select(column)
    const values = kept.map((row) => row[column])
    if (values.length > 0) {
      await trx.from(table).where('client_id', mergedId).whereIn(column, values).delete()
    }
    await trx
      .from(table)
      .where('client_id', mergedId)
      .update({ client_id: survivorId, is_primary: 0 })
  }

  static async #moveRelations(trx: QueryClientContract, survivorId: number, mergedId: number) {
    // A relation between the two merged clients disappears with the merge.
    await trx
      .from('client_relations')
      .where((q) => q.where({ client_id: mergedId, related_client_id: survivorId }))
      .orWhere((q) => q.where({ client_id: survivorId, related_client_id: mergedId }))
      .delete()
    for (const [own, other] of [
      ['client_id', 'related_client_id'],
      ['related_client_id', 'client_id'],
    ] as const) {
      const existing = await trx.from('client_relations').where(own, survivorId).select(other)
      const taken = existing.map((row) => row[other])
      const duplicates = trx.from('client_relations').where(own, mergedId)
      if (taken.length > 0) await duplicates.clone().whereIn(other, taken).delete()
      await trx
        .from('client_relations')
        .where(own, mergedId)
        .update({ [own]: survivorId })
    }
  }

  static async #moveMarketing(trx: QueryClientContract, survivorId: number, mergedId: number) {
    const kept = await trx
      .from('client_marketing_preferences')
      .where('client_id', survivorId)
      .select('channel')
    const channels = kept.map((row) => row.channel)
    const moving = trx.from('client_marketing_preferences').where('client_id', mergedId)
    if (channels.length > 0) await moving.clone().whereIn('channel', channels).delete()
    await trx
      .from('client_marketing_preferences')
      .where('client_id', mergedId)
      .update({ client_id: survivorId })
  }
}
