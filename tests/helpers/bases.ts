import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { toSqlDateTime } from '#services/audit_log'
import type { Session } from './imports.ts'

/** Inserts a base directly, for tests that are not about uploading one. */
export async function makeBase(values: Record<string, unknown> = {}) {
  const [id] = await db.table('bases').insert({
    name: 'Base de prueba',
    file_name: 'base.csv',
    rows: 0,
    created_at: toSqlDateTime(DateTime.utc()),
    ...values,
  })
  return Number(id)
}

export type BaseDeletion = {
  id: number
  baseId: number | null
  status: string
  total: number
  deleted: number
  kept: number
  keptClients: Array<{ id: number; name: string }>
}

/** Deletes a base as the admin does (start, then poll until it ends); `seen` gets every poll. */
export async function deleteBase(session: Session, baseId: number, seen: BaseDeletion[] = []) {
  const started = await session.post(`/api/bases/${baseId}/delete`)
  started.assertStatus(202)
  const id = started.body().data.id as number
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    const response = await session.get(`/api/bases/deletions/${id}`)
    response.assertStatus(200)
    const deletion: BaseDeletion = response.body().data
    seen.push(deletion)
    if (deletion.status !== 'running') return deletion
    await new Promise((resolve) => setTimeout(resolve, 40))
  }
  throw new Error(`Base deletion ${id} still running`)
}
