import { randomUUID } from 'node:crypto'
import { Readable } from 'node:stream'
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import type User from '#models/user'
import type { ResourceService } from '#resources/resource_service'
import { resourceService } from '#services/resource_context'
import { AuditLog, actorFromContext } from '#services/audit_log'
import { TableroError } from '#exceptions/tablero_error'
import { requestLanguage } from '#i18n/request_language'
import { csvLine } from '#resources/csv'
import { importableFields, proposeMapping } from '#resources/imports/import_columns'
import { localizedMessage } from '#resources/imports/import_errors'
import {
  openImportFile,
  previewedUpload,
  readFirstRecords,
  receiveImportFile,
} from '#resources/imports/import_file'
import { ImportMappings } from '#resources/imports/import_mappings'
import { exportOptions } from '#resources/export_values'
import { ImportJobs, THIS_RUNNER, type ImportJobRow } from '#resources/imports/import_jobs'
import { readImportMode } from '#resources/imports/import_mode'
import { rejectedRowsCsv } from '#resources/imports/rejected_rows'
import { ImportThread } from '#resources/imports/import_thread'
import { Bases } from '#services/bases/bases'

/**
 * CSV import of any resource (X3): the template, the upload (validated in
 * the background), polling, the confirmation that imports, and the
 * errors as CSV. Every route takes `import` and `create` on the resource;
 * a job is its author's or an admin's.
 */
export default class ResourceImportsController {
  async template(ctx: HttpContext) {
    const service = await resourceService(ctx)
    const { definition, fields } = service.importable(ctx.params.resource)
    // In the user's language, as the export writes it; field keys with ?headers=keys.
    const { language, keys } = exportOptions(ctx)
    const names = importableFields(fields).map((field) =>
      keys ? field.name : field.label[language]
    )
    csvHeaders(ctx, `${definition.name}-plantilla.csv`)
    return '\uFEFF' + csvLine(names)
  }

  /**
   * The first rows of a file whose header may not fit (issue 14): the
   * file is stored as an upload would be, only its first PREVIEW_ROWS
   * records are read, and the answer proposes a mapping (the one
   * remembered for this resource and campaign, else what each header
   * names). The upload is then confirmed by `store` with `upload` (the
   * token returned here) and the chosen `mapping`, without sending the
   * file again.
   */
  async preview(ctx: HttpContext) {
    const service = await resourceService(ctx)
    const { definition, fields } = service.importable(ctx.params.resource)
    const user = ctx.auth.getUserOrFail() as User
    const upload = await receiveImportFile(ctx, user.id)
    let first
    try {
      first = await readFirstRecords(upload.key, upload.encoding)
    } catch (error) {
      // A file whose header cannot be read is not kept.
      await drive
        .use()
        .delete(upload.key)
        .catch(() => {})
      throw error
    }
    const { header } = first
    const previewCell = definition.hooks?.previewCell
    const rows = previewCell
      ? first.rows.map((row) => ({ ...row, cells: row.cells.map((cell) => previewCell(cell)) }))
      : first.rows
    const campaignId = await visibleCampaign(service, ctx.request.input('campaign_id'))
    const remembered = await ImportMappings.find(definition.name, campaignId)
    const mapping = proposeMapping(fields, header, remembered)
    const language = requestLanguage(ctx)
    return {
      data: {
        upload: upload.token,
        filename: upload.filename,
        encoding: upload.encoding,
        header,
        rows,
        mapping,
        remembered: mapping.some((column) => column.source === 'remembered'),
        fields: importableFields(fields).map((field) => ({
          name: field.name,
          label: field.label[language],
          required: Boolean(field.required && !field.condition),
        })),
      },
    }
  }

  async store(ctx: HttpContext) {
    const service = await resourceService(ctx)
    const { definition, fields } = service.importable(ctx.params.resource)
    const user = ctx.auth.getUserOrFail() as User
    // Either the file itself, or a file already sent to `preview` and the mapping chosen for it.
    const previewed = !ctx.request.is(['multipart'])
    const upload = !previewed
      ? await receiveImportFile(ctx)
      : await previewedUpload(user.id, ctx.request.input('upload'), ctx.request.input('filename'))
    let id: number
    let fileKey = upload.key
    try {
      const mapping = ImportMappings.parse(ctx.request.input('mapping'))
      const mode = readImportMode(
        {
          mode: ctx.request.input('mode'),
          keyField: ctx.request.input('key_field'),
          updateFields: ctx.request.input('update_fields'),
        },
        definition,
        fields
      )
      // Update mode changes records: refused now unless the role may update them.
      if (mode.mode === 'update') service.importer(definition.name, undefined, 'update')
      // A header that does not fit is refused now, while the user waits.
      const file = await openImportFile(upload.key, fields, upload.encoding, { mapping })
      file.close()
      const base = definition.importsAsBases
        ? await Bases.readForm(
            {
              baseName: ctx.request.input('base_name'),
              campaignId: ctx.request.input('campaign_id'),
              filename: upload.filename,
            },
            service
          )
        : null
      // A preview's file is taken once: a second confirmation of the same token finds nothing.
      if (previewed) fileKey = await claimPreview(upload.key)
      id = await db.transaction(async (trx) => {
        // Every upload of a resource imported as bases is a base of its own.
        const baseId = base
          ? await Bases.create(trx, actorFromContext(ctx), {
              ...base,
              fileName: upload.filename,
              userId: user.id,
            })
          : null
        const jobId = await ImportJobs.create(trx, {
          resource: definition.name,
          userId: user.id,
          filename: upload.filename,
          fileKey,
          encoding: upload.encoding,
          baseId,
          mode,
        })
        if (mapping) {
          await trx
            .from('resource_imports')
            .where('id', jobId)
            .update({ column_mapping: JSON.stringify(mapping) })
          // Proposed next time this resource is imported into this campaign.
          await ImportMappings.remember(trx, actorFromContext(ctx), {
            resource: definition.name,
            campaignId: base?.campaignId ?? null,
            mapping,
          })
        }
        await AuditLog.record(trx, actorFromContext(ctx), {
          action: 'resource.import_started',
          resource: 'resource_imports',
          recordId: jobId,
          after: {
            resource: definition.name,
            filename: upload.filename,
            ...(mode.mode === 'update'
              ? { mode: 'update', keyField: mode.keyField, updateFields: mode.updateFields }
              : {}),
          },
        })
        return jobId
      })
    } catch (error) {
      // A previewed file stays for a corrected mapping, until it is taken by a job.
      if (!previewed || fileKey !== upload.key) {
        await drive
          .use()
          .delete(fileKey)
          .catch(() => {})
      }
      throw error
    }
    const job = (await ImportJobs.find(id))!
    void ImportThread.validate(service, job, actorFromContext(ctx))
    return ctx.response.accepted({ data: ImportJobs.present(job, requestLanguage(ctx)) })
  }

  async show(ctx: HttpContext) {
    const job = await this.#job(ctx)
    return { data: ImportJobs.present(job, requestLanguage(ctx)) }
  }

  /**
   * Imports a validated job, or resumes an interrupted one after its
   * processed rows. A job interrupted before its validation ended is
   * validated again first. A job with invalid rows imports its valid ones
   * only when the request confirms it (`skip_invalid`).
   */
  async start(ctx: HttpContext) {
    const service = await resourceService(ctx)
    const job = await this.#job(ctx, service)
    const revalidate = job.status === 'interrupted' && job.total_rows === null
    const partial = job.status === 'invalid'
    if (partial) refuseUnconfirmed(job, ctx.request.input('skip_invalid'))
    const started = await db.transaction(async (trx) => {
      const moved = partial
        ? await ImportJobs.transition(trx, job.id, ['invalid'], 'importing', {
            message: null,
            finished_at: null,
            skip_invalid: 1,
            runner: THIS_RUNNER,
          })
        : revalidate
          ? await ImportJobs.transition(trx, job.id, ['interrupted'], 'validating', {
              validated_rows: 0,
              matched_rows: 0,
              rejected_rows: 0,
              error_count: 0,
              errors: null,
              runner: THIS_RUNNER,
            })
          : await ImportJobs.transition(trx, job.id, ['ready', 'interrupted'], 'importing', {
              message: null,
              runner: THIS_RUNNER,
            })
      if (!moved) return false
      await AuditLog.record(trx, actorFromContext(ctx), {
        action: 'resource.import_confirmed',
        resource: 'resource_imports',
        recordId: job.id,
        after: {
          resource: job.resource,
          fromRow: Number(job.processed_rows),
          ...(partial ? { skipInvalid: true, rejectedRows: Number(job.rejected_rows) } : {}),
        },
      })
      return true
    })
    if (!started) {
      throw new TableroError(
        'IMPORT_NOT_READY',
        `This import is ${job.status}: only a validated (ready) or interrupted import can start`,
        409,
        undefined,
        { status: job.status }
      )
    }
    const current = (await ImportJobs.find(job.id))!
    void (revalidate
      ? ImportThread.validate(service, current, actorFromContext(ctx))
      : ImportThread.import(service, current, actorFromContext(ctx)))
    return ctx.response.accepted({ data: ImportJobs.present(current, requestLanguage(ctx)) })
  }

  async errors(ctx: HttpContext) {
    const job = await this.#job(ctx)
    const language = requestLanguage(ctx)
    let body = '\uFEFF' + csvLine(['linea', 'columna', 'mensaje'])
    for (const error of ImportJobs.errors(job)) {
      body += csvLine([error.line, error.field ?? '', localizedMessage(error, language)])
    }
    csvHeaders(ctx, `${job.resource}-errores-${job.id}.csv`)
    return body
  }

  /**
   * The rows that were not imported, as the file had them, with their
   * errors in a first column: fixed, the file is uploaded again as it is.
   */
  async rejected(ctx: HttpContext) {
    const job = await this.#job(ctx)
    const kept = job.status === 'invalid' || Boolean(Number(job.file_kept))
    if (!kept || Number(job.error_count) === 0) {
      throw new TableroError(
        'IMPORT_FILE_GONE',
        'The file of this import was discarded: there are no rejected rows to download',
        410
      )
    }
    csvHeaders(ctx, `${job.resource}-filas-rechazadas-${job.id}.csv`)
    return ctx.response.stream(Readable.from(rejectedRowsCsv(job, requestLanguage(ctx))))
  }

  async #job(ctx: HttpContext, service?: ResourceService) {
    service ??= await resourceService(ctx)
    const { definition } = service.importable(ctx.params.resource)
    return ImportJobs.visible(ctx.params.id, definition.name, ctx.auth.getUserOrFail() as User)
  }
}

/** Moves a previewed file to a job's own key; a 422 on `upload` when another request took it first. */
async function claimPreview(key: string) {
  const target = `imports/${randomUUID()}.csv`
  try {
    await drive.use().move(key, target)
  } catch {
    throw new TableroError(
      'VALIDATION_FAILED',
      'upload: Upload the file again: this preview was already imported',
      422,
      [{ field: 'upload', message: 'Upload the file again', rule: 'exists' }]
    )
  }
  return target
}

/** The campaign a preview is for, when the user sees it; null otherwise. */
async function visibleCampaign(service: ResourceService, input: unknown) {
  const id = Number(input)
  if (
    input === undefined ||
    input === null ||
    input === '' ||
    !Number.isSafeInteger(id) ||
    id <= 0
  ) {
    return null
  }
  const row = await service
    .scoped(service.registry.getOrFail('campaigns'))
    .where('id', id)
    .select('id')
    .first()
  return row ? id : null
}

/**
 * A job with invalid rows starts only when the user confirmed leaving them
 * out (409 saying how many), and only if some row is valid.
 */
function refuseUnconfirmed(job: ImportJobRow, confirmed: unknown) {
  const total = Number(job.total_rows ?? 0)
  const rejected = Number(job.rejected_rows)
  if (total - rejected <= 0) {
    throw new TableroError(
      'IMPORT_NOTHING_VALID',
      'No row of this file is valid: fix it and upload it again',
      409
    )
  }
  if (![true, 'true', 1, '1'].includes(confirmed as never)) {
    throw new TableroError(
      'IMPORT_HAS_ERRORS',
      `${rejected} row(s) have errors: confirm (skip_invalid) to import only the valid ones`,
      409,
      undefined,
      { rejected, valid: total - rejected }
    )
  }
}

function csvHeaders(ctx: HttpContext, filename: string) {
  ctx.response.header('Content-Type', 'text/csv; charset=utf-8')
  ctx.response.header('Content-Disposition', `attachment; filename="${filename}"`)
  ctx.response.header('Cache-Control', 'no-store')
}
