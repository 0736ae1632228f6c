import { Readable } from 'node:stream'
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import {
  type InstantRange,
  type User,
  can,
  localDayRange,
  whereWithin,
  clientNameColumns,
  csvLine,
  exportOptions,
  streamRows,
} from '#sdk'
import { MANAGE } from './access.ts'
import { rangeValidator } from './validators.ts'

/** Rows whose beside-the-name cells are loaded together (one query per plugin column). */
const REPORT_BATCH = 500

type ReportColumn =
  | 'gestion_id'
  | 'client_id'
  | 'client'
  | 'document'
  | 'campaign'
  | 'result'
  | 'notes'
  | 'user'
  | 'registered_at'

/** The report's headers as supervisors read them (seed 003: "Notas", "Usuario gestión"…). */
const REPORT_HEADERS: Record<'es' | 'en', Record<ReportColumn, string>> = {
  es: {
    gestion_id: 'Gestión',
    client_id: 'ID cliente',
    client: 'Cliente',
    document: 'Documento',
    campaign: 'Campaña',
    result: 'Resultado',
    notes: 'Notas',
    user: 'Usuario gestión',
    registered_at: 'Fecha de registro',
  },
  en: {
    gestion_id: 'Interaction',
    client_id: 'Client ID',
    client: 'Client',
    document: 'Document',
    campaign: 'Campaign',
    result: 'Result',
    notes: 'Notes',
    user: 'Managing user',
    registered_at: 'Registered at',
  },
}

type Range = { from?: string; to?: string; campaignId?: number; userId?: number }

/** The filters, with the picked days turned into instants in the user's zone. */
type Scope = Range & { instants: InstantRange }

/**
 * Statistics (T8) and the interactions report (T9). An agent sees only
 * its own gestiones and clients; supervisors see everyone's or one agent's.
 *
 * Everything counts by the campaign a gestión was recorded in, not the
 * client's current one: a campaign's gestiones and results are those
 * recorded in it, whoever's client they are now; a client of campaign C
 * is "managed" when it has a gestión recorded in C in the range (without
 * a campaign filter: in its own campaign, or in any campaign for a client
 * that has none), "unmanaged" otherwise.
 */
export default class StatsController {
  async show(ctx: HttpContext) {
    const { instants, ...range } = await this.#range(ctx)
    const gestiones = this.#gestiones({ ...range, instants })
    const byResult = await gestiones
      .clone()
      .select('tip_gestiones.result_path')
      .count('* as total')
      .groupBy('tip_gestiones.result_path')
      .orderBy('total', 'desc')
    const totalGestiones = byResult.reduce((sum, row) => sum + Number(row.total), 0)
    // the supervisor's home: the day's gestiones of each agent
    const byAgent = await gestiones
      .clone()
      .leftJoin('users', 'users.id', 'tip_gestiones.user_id')
      .select('tip_gestiones.user_id', 'users.full_name')
      .count('* as total')
      .groupBy('tip_gestiones.user_id', 'users.full_name')
      .orderBy('total', 'desc')

    const clients = db.from('clients')
    if (range.userId) clients.where('assigned_user_id', range.userId)
    if (range.campaignId) clients.where('campaign_id', range.campaignId)
    const [scope] = await clients.clone().count('* as total')
    const [managed] = await clients
      .clone()
      .whereExists(
        gestiones
          .clone()
          .whereColumn('tip_gestiones.client_id', 'clients.id')
          .where((own) => {
            own
              .whereColumn('tip_gestiones.campaign_id', 'clients.campaign_id')
              .orWhereNull('clients.campaign_id')
          })
          .select(db.raw('1'))
      )
      .count('* as total')
    return {
      data: {
        byResult: byResult.map((row) => ({
          result: row.result_path,
          total: Number(row.total),
          share: totalGestiones ? Number(row.total) / totalGestiones : 0,
        })),
        totalGestiones,
        byAgent: byAgent.map((row) => ({
          userId: row.user_id === null ? null : Number(row.user_id),
          name: row.full_name ?? null,
          total: Number(row.total),
        })),
        clients: {
          managed: Number(managed.total),
          unmanaged: Number(scope.total) - Number(managed.total),
          total: Number(scope.total),
        },
      },
      meta: range,
    }
  }

  /**
   * T9: one CSV line per gestión — client, the columns plugins put beside
   * its name ("Alerta"), document, campaign, result path, notes ("Notas"),
   * managing user ("Usuario gestión"), registration date ("Fecha de
   * registro") — streamed. Headers in the download's language (`?lang=`),
   * or the keys with `?headers=keys`, as the resources' CSV export.
   */
  async report(ctx: HttpContext) {
    const query = this.#gestiones(await this.#range(ctx))
      .leftJoin('clients', 'clients.id', 'tip_gestiones.client_id')
      .leftJoin('campaigns', 'campaigns.id', 'tip_gestiones.campaign_id')
      .leftJoin('users', 'users.id', 'tip_gestiones.user_id')
      .orderBy('tip_gestiones.id')
      .select(
        'tip_gestiones.id',
        'tip_gestiones.client_id',
        'clients.first_name',
        'clients.last_name',
        'clients.document',
        'campaigns.name as campaign',
        'tip_gestiones.result_path',
        'tip_gestiones.notes',
        'users.full_name as user_name',
        'tip_gestiones.created_at'
      )
    const { language, keys } = exportOptions(ctx)
    const beside = clientNameColumns(language)
    const header = (names: ReportColumn[]) =>
      names.map((column) => (keys ? column : REPORT_HEADERS[language][column]))
    const line = (row: Record<string, any>) =>
      csvLine([
        row.id,
        row.client_id,
        `${row.first_name ?? ''} ${row.last_name ?? ''}`.trim(),
        ...beside.cells(Number(row.client_id)),
        row.document,
        row.campaign,
        row.result_path,
        row.notes,
        row.user_name,
        row.created_at instanceof Date
          ? row.created_at.toISOString()
          : `${row.created_at}Z`.replace(' ', 'T'),
      ])
    async function* lines() {
      yield (
        '\uFEFF' +
        csvLine([
          ...header(['gestion_id', 'client_id', 'client']),
          ...(keys ? beside.keys() : beside.header()),
          ...header(['document', 'campaign', 'result', 'notes', 'user', 'registered_at']),
        ])
      )
      let batch: Record<string, any>[] = []
      const flush = async () => {
        await beside.load(
          batch.map((row) => Number(row.client_id)),
          db.connection()
        )
        const text = batch.map(line).join('')
        batch = []
        return text
      }
      for await (const row of streamRows(query as DatabaseQueryBuilderContract)) {
        batch.push(row)
        if (batch.length >= REPORT_BATCH) yield await flush()
      }
      if (batch.length) yield await flush()
    }
    ctx.response.header('Content-Type', 'text/csv; charset=utf-8')
    ctx.response.header('Content-Disposition', 'attachment; filename="gestiones.csv"')
    return ctx.response.stream(Readable.from(lines()))
  }

  async #range(ctx: HttpContext): Promise<Scope> {
    const range: Range = await rangeValidator.validate(ctx.request.qs())
    const user = ctx.auth.getUserOrFail() as User
    // who cannot manage results sees only its own gestiones
    if (!can(user, MANAGE)) range.userId = user.id
    return { ...range, instants: localDayRange(range, user.timezone) }
  }

  #gestiones(range: Scope) {
    const query = db.from('tip_gestiones')
    whereWithin(query, 'tip_gestiones.created_at', range.instants)
    if (range.campaignId) query.where('tip_gestiones.campaign_id', range.campaignId)
    if (range.userId) query.where('tip_gestiones.user_id', range.userId)
    return query
  }
}
