import type { HttpContext } from '@adonisjs/core/http'
import { readFile } from 'node:fs/promises'
import db from '@adonisjs/lucid/services/db'
import { TableroError, authorize, parseCsv, fileTypeError, csvLine, resourceService } from '#sdk'
import { MANAGE, findCampaign } from './access.ts'
import { ACTIONS, checkBehaviour, type ResultAction, type ResultRow } from './result_rules.ts'
import { ResultTree } from './result_tree.ts'
import { importValidator } from './validators.ts'

const HEADER = [
  'level1',
  'level2',
  'level3',
  'action',
  'allows_scheduling',
  'delete_scheduled',
  'gamification_measure',
]
const TRUE = new Set(['1', 'true', 'si', 'sí', 'yes', 'x'])

interface ImportRow {
  line: number
  names: string[]
  action: ResultAction | null
  allowsScheduling: boolean
  deleteScheduled: boolean
  gamificationMeasure: number | null
}

/**
 * T5: the CSV template and the import of many results into one or more
 * campaigns. Every row is checked first; any error answers a per-row
 * report and nothing is imported.
 *
 * Bespoke rather than the generic import of `tip_results`, because the
 * file is a tree, not rows: a line is a path (level1 > level2 > level3)
 * whose branches are found by name or created under their parent, and the
 * whole file goes into several campaigns at once. Each result it creates
 * is still the engine's create (ResultTree.create: validation, the tree
 * hooks, audit), in this one transaction.
 */
export default class ResultsImportController {
  async template(ctx: HttpContext) {
    ctx.response.header('Content-Type', 'text/csv; charset=utf-8')
    ctx.response.header('Content-Disposition', 'attachment; filename="resultados_plantilla.csv"')
    return (
      '\uFEFF' +
      csvLine(HEADER) +
      csvLine(['Contactado', 'Promesa de pago', '', '', 'true', 'false', '10']) +
      csvLine(['Contactado', 'No interesado', '', 'do_not_call', 'false', 'true', '0']) +
      csvLine(['No contesta', '', '', 'recall', 'false', 'false', ''])
    )
  }

  async store(ctx: HttpContext) {
    authorize(ctx, MANAGE)
    const { campaignIds, confirmVoiceIgnoresAction } = await importValidator.validate({
      campaignIds: [ctx.request.input('campaignIds', [])].flat().map(Number),
      confirmVoiceIgnoresAction: TRUE.has(
        String(ctx.request.input('confirmVoiceIgnoresAction', ''))
      ),
    })
    for (const id of campaignIds) await findCampaign(id)
    const file = ctx.request.file('file', { size: '1mb', extnames: ['csv', 'txt'] })
    if (file?.errors[0]?.type === 'extname') throw fileTypeError(file, ['csv', 'txt'])
    if (!file || !file.isValid || !file.tmpPath) {
      throw new TableroError('VALIDATION_FAILED', 'file: upload the CSV (at most 1 MB)', 422, [
        { field: 'file', message: file?.errors[0]?.message ?? 'Upload the CSV', rule: 'file' },
      ])
    }
    const rows = parseRows(await readFile(file.tmpPath, 'utf8'))
    if (rows.some((row) => row.action)) {
      await ResultTree.warnVoice(campaignIds, true, confirmVoiceIgnoresAction)
    }
    const service = await resourceService(ctx)
    const created = await db.transaction(async (trx) => {
      let count = 0
      for (const campaignId of campaignIds) {
        for (const row of rows) {
          let parent: ResultRow | null = null
          for (const [index, name] of row.names.entries()) {
            const leaf = index === row.names.length - 1
            const result = await ResultTree.findOrCreate(service, trx, campaignId, parent, {
              name,
              action: leaf ? row.action : 'no_action',
              allowsScheduling: leaf ? row.allowsScheduling : false,
              deleteScheduled: leaf ? row.deleteScheduled : false,
              gamificationMeasure: leaf ? row.gamificationMeasure : null,
            })
            parent = result.row
            if (result.created) count += 1
          }
        }
      }
      return count
    })
    return ctx.response.created({ data: { rows: rows.length, created } })
  }
}

function parseRows(text: string): ImportRow[] {
  const [header, ...records] = parseCsv(text)
  const columns = (header?.cells ?? []).map((cell) => cell.trim().toLowerCase())
  const missing = HEADER.filter((name) => !columns.includes(name))
  if (missing.length > 0) {
    throw new TableroError('CSV_HEADER', `The CSV lacks the columns: ${missing.join(', ')}`, 422, [
      { field: 'file', message: `Missing columns: ${missing.join(', ')}`, rule: 'header' },
    ])
  }
  const errors: Array<{ field: string; message: string; rule: string }> = []
  const rows: ImportRow[] = []
  records.forEach(({ cells, line }) => {
    const get = (name: string) => (cells[columns.indexOf(name)] ?? '').trim()
    const names = ['level1', 'level2', 'level3'].map(get)
    const fail = (field: string, message: string) =>
      errors.push({ field: `rows[${line}].${field}`, message, rule: 'row' })
    if (!names[0]) return fail('level1', 'Level 1 is required')
    if (names[2] && !names[1]) return fail('level2', 'Level 3 needs a level 2')
    if (names.some((name) => name.length > 120))
      return fail('level1', 'Names have at most 120 characters')
    const action = get('action') || null
    if (action && !(ACTIONS as readonly string[]).includes(action)) {
      return fail('action', `Unknown action "${action}" (use ${ACTIONS.join(', ')})`)
    }
    const allowsScheduling = TRUE.has(get('allows_scheduling').toLowerCase())
    try {
      checkBehaviour(action, allowsScheduling)
    } catch (error) {
      return fail('action', (error as Error).message)
    }
    const measure = get('gamification_measure')
    if (measure && !Number.isFinite(Number(measure)))
      return fail('gamification_measure', 'Not a number')
    rows.push({
      line,
      names: names.filter(Boolean),
      action: action as ResultAction | null,
      allowsScheduling,
      deleteScheduled: TRUE.has(get('delete_scheduled').toLowerCase()),
      gamificationMeasure: measure ? Number(measure) : null,
    })
  })
  if (errors.length > 0) {
    throw new TableroError(
      'CSV_ROWS_INVALID',
      `${errors.length} row(s) have errors; nothing was imported`,
      422,
      errors.slice(0, 200),
      { count: errors.length }
    )
  }
  if (rows.length === 0) throw new TableroError('CSV_EMPTY', 'The CSV has no rows', 422)
  return rows
}
