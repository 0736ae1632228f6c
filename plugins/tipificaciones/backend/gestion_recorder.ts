import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import emitter from '@adonisjs/core/services/emitter'
import {
  type User,
  TableroError,
  fieldInputError,
  parseDateTimeInput,
  AuditLog,
  toSqlDateTime,
  type AuditActor,
  ClientInteractions,
  normalizePhone,
} from '#sdk'
import type { ResultRow } from './result_rules.ts'

export interface GestionInput {
  clientId: number
  campaignId: number
  level1Id: number
  level2Id?: number
  level3Id?: number
  notes?: string
  callbackAt?: string
  alternatePhone?: string
  forMe?: boolean
}

export interface GestionRecorded {
  gestionId: number
  clientId: number
  campaignId: number
  resultId: number
  resultPath: string
  action: string | null
  deleteScheduled: boolean
  callbackAt: string | null
  alternatePhone: string | null
  forMe: boolean
  userId: number
}

declare module '@adonisjs/core/types' {
  interface EventsList {
    'gestion.recorded': GestionRecorded
  }
}

/**
 * T6: checks the chosen path down the campaign's tree to a leaf, the
 * scheduling rules and "Para mí", then writes the gestión, its callback,
 * the client's interaction and the audit entry in one transaction, and
 * emits `gestion.recorded` once committed.
 */
export class GestionRecorder {
  static async record(input: GestionInput, user: User, actor: AuditActor, campaignType: string) {
    const path = await this.#path(input)
    const leaf = path[path.length - 1]
    const scheduling = Boolean(Number(leaf.allows_scheduling))
    const callbackAt = this.#callback(input.callbackAt, scheduling)
    if (input.alternatePhone && !scheduling) {
      throw fieldInputError(
        'alternatePhone',
        'This result does not allow scheduling a callback',
        'scheduling'
      )
    }
    const alternatePhone = input.alternatePhone
      ? normalizePhone(input.alternatePhone, 'alternatePhone').e164
      : null
    if (input.forMe && campaignType !== 'outbound_dialer') {
      throw fieldInputError('forMe', '"Para mí" is only for dialer campaigns', 'dialerOnly')
    }
    if (input.forMe && !callbackAt) {
      throw fieldInputError('callbackAt', '"Para mí" needs a callback date and time', 'required')
    }
    const resultPath = path.map((result) => result.name).join(' > ')
    const deleteScheduled = path.some((result) => Boolean(Number(result.delete_scheduled)))

    const payload = await db.transaction(async (trx) => {
      const now = toSqlDateTime(DateTime.utc())
      if (deleteScheduled) {
        // T3: the result clears the client's earlier callbacks.
        await trx
          .from('tip_callbacks')
          .where({ client_id: input.clientId, status: 'pending' })
          .update({ status: 'removed', updated_at: now })
      }
      const [id] = await trx
        .insertQuery()
        .table('tip_gestiones')
        .insert({
          client_id: input.clientId,
          campaign_id: input.campaignId,
          result_id: leaf.id,
          level1_id: path[0].id,
          level2_id: path[1]?.id ?? null,
          level3_id: path[2]?.id ?? null,
          result_path: resultPath,
          notes: input.notes ?? null,
          callback_at: callbackAt,
          alternate_phone: alternatePhone,
          for_me: input.forMe ? 1 : 0,
          user_id: user.id,
          created_at: now,
        })
      if (callbackAt) {
        const client = await trx
          .from('clients')
          .where('id', input.clientId)
          .select('primary_phone')
          .first()
        await trx
          .insertQuery()
          .table('tip_callbacks')
          .insert({
            gestion_id: id,
            client_id: input.clientId,
            campaign_id: input.campaignId,
            user_id: input.forMe ? user.id : null,
            due_at: callbackAt,
            phone: alternatePhone ?? client?.primary_phone ?? null,
            status: 'pending',
            created_at: now,
            updated_at: now,
          })
      }
      await ClientInteractions.record(trx, {
        clientId: input.clientId,
        channel: 'voice',
        direction: 'out',
        campaignId: input.campaignId,
        result: resultPath.slice(0, 120),
        source: 'gestion',
        userId: user.id,
      })
      await AuditLog.record(trx, actor, {
        action: 'gestion.record',
        resource: 'tip_gestiones',
        recordId: id,
        after: { resultPath, callbackAt, forMe: Boolean(input.forMe) },
        subject: 'clients',
        subjectId: input.clientId,
      })
      const recorded: GestionRecorded = {
        gestionId: Number(id),
        clientId: input.clientId,
        campaignId: input.campaignId,
        resultId: leaf.id,
        resultPath,
        action: leaf.action,
        deleteScheduled,
        callbackAt,
        alternatePhone,
        forMe: Boolean(input.forMe),
        userId: user.id,
      }
      return recorded
    })
    await emitter.emit('gestion.recorded', payload)
    return payload
  }

  /**
   * The ids must form a path from a level-1 result of the campaign down to
   * a leaf (a result without active children).
   */
  static async #path(input: GestionInput): Promise<ResultRow[]> {
    const ids = [input.level1Id, input.level2Id, input.level3Id]
    if (ids[2] && !ids[1])
      throw fieldInputError('level2Id', 'Choose level 2 before level 3', 'required')
    const chosen = ids.filter((id): id is number => Boolean(id))
    const rows: ResultRow[] = await db.from('tip_results').whereIn('id', chosen).where('active', 1)
    const path: ResultRow[] = []
    for (const [index, id] of chosen.entries()) {
      const row = rows.find((candidate) => candidate.id === id)
      const parent = path[index - 1]
      const field = `level${index + 1}Id`
      if (!row || row.campaign_id !== input.campaignId || row.level !== index + 1) {
        throw fieldInputError(field, `Not a level-${index + 1} result of this campaign`, 'exists')
      }
      if ((parent?.id ?? null) !== row.parent_id) {
        throw fieldInputError(field, `Not a child of the chosen level-${index} result`, 'parent')
      }
      path.push(row)
    }
    const last = path[path.length - 1]
    const [children] = await db
      .from('tip_results')
      .where({ parent_id: last.id, active: 1 })
      .count('* as n')
    if (Number(children.n) > 0) {
      throw fieldInputError(
        `level${path.length + 1}Id`,
        `Choose a level-${path.length + 1} result`,
        'required'
      )
    }
    return path
  }

  static #callback(raw: string | undefined, scheduling: boolean) {
    if (!raw) return null
    if (!scheduling) {
      throw fieldInputError(
        'callbackAt',
        'This result does not allow scheduling a callback',
        'scheduling'
      )
    }
    const when = parseDateTimeInput(raw, 'callbackAt')
    if (when <= DateTime.utc()) {
      throw new TableroError('CALLBACK_IN_PAST', 'The callback must be in the future', 422, [
        { field: 'callbackAt', message: 'Pick a future date and time', rule: 'future' },
      ])
    }
    return toSqlDateTime(when)
  }
}
