import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { TableroError } from '#exceptions/tablero_error'
import { AuditLog, toSqlDateTime, type AuditActor } from '#services/audit_log'
import { withLock } from '#services/locks'
import { notFound } from '#resources/errors'
import { BaseKeepers } from './base_keepers.ts'

/** Clients deleted per transaction. */
export const PURGE_BATCH = 1_000
/** Kept clients listed with a plan or a finished deletion. */
const KEPT_LISTED = 100
/** A deletion that saved no progress for this long died with its process. */
const STALE_AFTER_MS = 2 * 60_000

const now = () => toSqlDateTime(DateTime.utc())

export interface BaseRow {
  id: number
  name: string
  campaign_id: number | null
}

export interface BaseDeletionRow {
  id: number
  base_id: number | null
  base_name: string
  user_id: number | null
  status: 'running' | 'done' | 'failed'
  total: number
  deleted: number
  kept: number
  message: string | null
  updated_at: unknown
}

/**
 * Deleting a base (issue 14): its clients with no gestiones, notes or
 * callbacks go, 1,000 per transaction, each batch audited with its id
 * range and counted in `base_deletions` in that transaction; the others
 * stay, listed. The base row goes too once it holds no client; while it
 * keeps some it stays, with only those.
 */
export class BasePurge {
  /** What deleting the base would do now: counts, and the first kept clients. */
  static async plan(base: BaseRow) {
    const client = db.connection()
    const keepers = await BaseKeepers.load(client)
    const [all] = await client.from('clients').where('base_id', base.id).count('* as total')
    const [kept] = await keepers
      .whereKept(client.from('clients').where('base_id', base.id))
      .count('* as total')
    const total = Number(all.total)
    const keptCount = Number(kept.total)
    const keptBy = await keepers.countsFor(client, base.id)
    return {
      baseId: base.id,
      baseName: base.name,
      clients: total,
      deleted: total - keptCount,
      kept: keptCount,
      keptBy: keptBy.filter((entry) => entry.count > 0),
      keptClients: await this.keptClients(base.id, keepers),
    }
  }

  static async keptClients(baseId: number, keepers?: BaseKeepers) {
    const client = db.connection()
    keepers ??= await BaseKeepers.load(client)
    const rows = await keepers
      .whereKept(client.from('clients').where('base_id', baseId))
      .orderBy('id')
      .limit(KEPT_LISTED)
      .select('id', 'first_name', 'last_name', 'document')
    return rows.map((row) => ({
      id: Number(row.id),
      name: [row.first_name, row.last_name].filter(Boolean).join(' '),
      document: row.document ?? null,
    }))
  }

  /**
   * Starts the deletion (audited), refused with 409 while another of the
   * same base is running; the work goes on in the background. The check
   * and the insert run under the base's lock: two starts at the same
   * moment (on MariaDB both transactions would see no running deletion)
   * take turns, and the second finds the first's row.
   */
  static async start(base: BaseRow, actor: AuditActor, userId: number) {
    const id = await withLock(`bases.delete:${base.id}`, () => this.#open(base, actor, userId), {
      wait: '10s',
    })
    const deletion = (await this.find(id))!
    void this.run(deletion, actor)
    return deletion
  }

  static #open(base: BaseRow, actor: AuditActor, userId: number) {
    return db.transaction(async (trx) => {
      // The base may have gone since the request read it (a deletion that just ended).
      const still = await trx.from('bases').where('id', base.id).forUpdate().select('id').first()
      if (!still) throw notFound('bases')
      const running = await trx
        .from('base_deletions')
        .where('base_id', base.id)
        .where('status', 'running')
        .where(
          'updated_at',
          '>',
          toSqlDateTime(DateTime.utc().minus({ milliseconds: STALE_AFTER_MS }))
        )
        .first()
      if (running) {
        throw new TableroError('BASE_DELETION_RUNNING', 'This base is already being deleted', 409)
      }
      const keepers = await BaseKeepers.load(trx)
      const [goes] = await keepers
        .whereNotKept(trx.from('clients').where('base_id', base.id))
        .count('* as total')
      const [deletionId] = await trx
        .insertQuery()
        .table('base_deletions')
        .insert({
          base_id: base.id,
          base_name: base.name,
          user_id: userId,
          status: 'running',
          total: Number(goes.total),
          deleted: 0,
          kept: 0,
          created_at: now(),
          updated_at: now(),
        })
      await AuditLog.record(trx, actor, {
        action: 'base.delete_started',
        resource: 'bases',
        recordId: base.id,
        after: { name: base.name, clients: Number(goes.total), deletion: Number(deletionId) },
      })
      return Number(deletionId)
    })
  }

  static async find(id: number): Promise<BaseDeletionRow | null> {
    return (await db.from('base_deletions').where('id', id).first()) ?? null
  }

  /** The batches, then the end: the base row goes when nothing kept it. */
  static async run(deletion: BaseDeletionRow, actor: AuditActor) {
    const baseId = deletion.base_id!
    try {
      const keepers = await BaseKeepers.load(db.connection())
      while (await this.#batch(deletion.id, baseId, keepers, actor)) {
        // Let other requests in between batches (SQLite has one writer).
        await new Promise((resolve) => setImmediate(resolve))
      }
      await db.transaction(async (trx) => {
        const [left] = await trx.from('clients').where('base_id', baseId).count('* as total')
        const kept = Number(left.total)
        if (kept === 0) {
          const base = await trx.from('bases').where('id', baseId).first()
          await trx.from('bases').where('id', baseId).delete()
          await AuditLog.record(trx, actor, {
            action: 'delete',
            resource: 'bases',
            recordId: baseId,
            before: base,
          })
        }
        await trx
          .from('base_deletions')
          .where('id', deletion.id)
          .update({ status: 'done', kept, updated_at: now(), finished_at: now() })
        await AuditLog.record(trx, actor, {
          action: 'base.deleted',
          resource: 'bases',
          recordId: baseId,
          after: { deletion: deletion.id, kept, baseRemoved: kept === 0 },
        })
      })
    } catch (error) {
      logger.error({ err: error, baseDeletion: deletion.id }, 'base deletion failed')
      await db
        .from('base_deletions')
        .where('id', deletion.id)
        .update({
          status: 'failed',
          message: (error instanceof Error ? error.message : String(error)).slice(0, 2000),
          updated_at: now(),
          finished_at: now(),
        })
        .catch(() => {})
    }
  }

  /**
   * One transaction: the next PURGE_BATCH clients nothing keeps, deleted
   * (their phones, contacts and timeline go with them by cascade) under
   * the same condition again, so a gestión recorded meanwhile keeps its
   * client. Answers whether a batch was found.
   */
  static async #batch(deletionId: number, baseId: number, keepers: BaseKeepers, actor: AuditActor) {
    return db.transaction(async (trx) => {
      const rows = await keepers
        .whereNotKept(trx.from('clients').where('base_id', baseId))
        .orderBy('id')
        .limit(PURGE_BATCH)
        .select('id')
      if (rows.length === 0) return false
      const ids = rows.map((row) => Number(row.id))
      const deleted = await deleteUnkept(trx, keepers, baseId, ids)
      await trx
        .from('base_deletions')
        .where('id', deletionId)
        .update({ deleted: trx.raw('?? + ?', ['deleted', deleted]), updated_at: now() })
      await AuditLog.record(trx, actor, {
        action: 'base.clients_deleted',
        resource: 'bases',
        recordId: baseId,
        after: { deletion: deletionId, deleted, fromId: ids[0], toId: ids.at(-1) },
      })
      return true
    })
  }

  static present(row: BaseDeletionRow) {
    return {
      id: Number(row.id),
      baseId: row.base_id === null ? null : Number(row.base_id),
      baseName: row.base_name,
      status: row.status,
      total: Number(row.total),
      deleted: Number(row.deleted),
      kept: Number(row.kept),
      message: row.message,
    }
  }
}

async function deleteUnkept(
  trx: QueryClientContract,
  keepers: BaseKeepers,
  baseId: number,
  ids: number[]
) {
  const result = await keepers
    .whereNotKept(trx.from('clients').where('base_id', baseId).whereIn('id', ids))
    .delete()
  return Number(Array.isArray(result) ? result[0] : result)
}
