import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import { resourceService } from '#services/resource_context'
import { AuditLog, actorFromContext, toSqlDateTime } from '#services/audit_log'
import { TableroError } from '#exceptions/tablero_error'
import { displayName, fileTypeError } from '#services/uploaded_files'
import { presentDateTime } from '#resources/values'

/** Per file; the body parser refuses anything past 20 MB before we see it. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024

const EXTENSIONS = [
  'pdf',
  'png',
  'jpg',
  'jpeg',
  'gif',
  'webp',
  'txt',
  'csv',
  'doc',
  'docx',
  'xls',
  'xlsx',
  'odt',
  'ods',
  'zip',
  'mp3',
  'wav',
]

/**
 * Client files (C10): upload, list, download, delete. The bytes go to the
 * drive disk under a random key; the row and the audit entry are written
 * in one transaction, and the file is removed if that transaction fails.
 */
export default class ClientAttachmentsController {
  async #client(ctx: HttpContext, action: 'show' | 'update') {
    const service = await resourceService(ctx)
    return service.visibleRow('clients', ctx.params.id, action)
  }

  async index(ctx: HttpContext) {
    const client = await this.#client(ctx, 'show')
    const rows = await db
      .from('client_attachments')
      .leftJoin('users', 'users.id', 'client_attachments.uploaded_by')
      .where('client_id', client.id as number)
      .orderBy('client_attachments.id', 'desc')
      .select('client_attachments.*', 'users.full_name as uploaded_by_name')
    return { data: rows.map(present) }
  }

  async store(ctx: HttpContext) {
    const client = await this.#client(ctx, 'update')
    const file = ctx.request.file('file', { size: ATTACHMENT_MAX_BYTES, extnames: EXTENSIONS })
    if (!file) {
      throw new TableroError('VALIDATION_FAILED', 'file: choose a file to upload', 422, [
        { field: 'file', message: 'Choose a file to upload', rule: 'required' },
      ])
    }
    if (!file.isValid) {
      const first = file.errors[0]
      if (first?.type === 'extname') throw fileTypeError(file, EXTENSIONS)
      const tooLarge = first?.type === 'size'
      throw new TableroError(
        tooLarge ? 'FILE_TOO_LARGE' : 'VALIDATION_FAILED',
        `file: ${first?.message ?? 'invalid file'}`,
        tooLarge ? 413 : 422,
        [{ field: 'file', message: first?.message ?? 'Invalid file', rule: first?.type ?? 'file' }]
      )
    }
    const key = `clients/${client.id}/${randomUUID()}.${file.extname}`
    await file.moveToDisk(key)
    try {
      const row = await db.transaction(async (trx) => {
        const values = {
          client_id: client.id,
          original_name: displayName(file.clientName, 'archivo'),
          storage_key: key,
          mime_type: `${file.type ?? 'application'}/${file.subtype ?? 'octet-stream'}`,
          size: file.size,
          uploaded_by: (ctx.auth.user as { id: number }).id,
          created_at: toSqlDateTime(DateTime.utc()),
        }
        const [id] = await trx.insertQuery().table('client_attachments').insert(values)
        await AuditLog.record(trx, actorFromContext(ctx), {
          action: 'attachment.upload',
          resource: 'client_attachments',
          recordId: id,
          after: { name: values.original_name, size: values.size },
          subject: 'clients',
          subjectId: client.id as number,
        })
        return { id: Number(id), ...values }
      })
      return ctx.response.created({ data: present(row) })
    } catch (error) {
      await drive.use().delete(key)
      throw error
    }
  }

  async download(ctx: HttpContext) {
    const client = await this.#client(ctx, 'show')
    const row = await this.#attachment(client.id as number, ctx.params.attachmentId)
    const disk = drive.use()
    ctx.response.header('Content-Type', row.mime_type ?? 'application/octet-stream')
    ctx.response.header(
      'Content-Disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(row.original_name)}`
    )
    return ctx.response.stream(await disk.getStream(row.storage_key))
  }

  async destroy(ctx: HttpContext) {
    const client = await this.#client(ctx, 'update')
    const row = await this.#attachment(client.id as number, ctx.params.attachmentId)
    await db.transaction(async (trx) => {
      await trx.from('client_attachments').where('id', row.id).delete()
      await AuditLog.record(trx, actorFromContext(ctx), {
        action: 'attachment.delete',
        resource: 'client_attachments',
        recordId: row.id,
        before: { name: row.original_name, size: Number(row.size) },
        subject: 'clients',
        subjectId: client.id as number,
      })
    })
    // The row is gone for good; the bytes go after the commit.
    await drive.use().delete(row.storage_key)
    return ctx.response.noContent()
  }

  async #attachment(clientId: number, rawId: unknown) {
    const id = Number(rawId)
    const row = Number.isSafeInteger(id)
      ? await db.from('client_attachments').where({ id, client_id: clientId }).first()
      : null
    if (!row) throw new TableroError('NOT_FOUND', 'No such file on this client', 404)
    return row
  }
}

function present(row: Record<string, any>) {
  return {
    id: Number(row.id),
    name: row.original_name,
    mimeType: row.mime_type,
    size: Number(row.size),
    uploadedBy: row.uploaded_by
      ? { id: Number(row.uploaded_by), name: row.uploaded_by_name ?? null }
      : null,
    createdAt: presentDateTime(row.created_at),
  }
}
