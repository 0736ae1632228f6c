import env from '#start/env'
import type { signIn } from './auth.ts'

/**
 * CSV imports through the generic REST, as the admin drives them: upload,
 * poll until validated, start, poll until done. Used by core and plugin
 * tests (through #sdk/testing).
 */
export type Session = Awaited<ReturnType<typeof signIn>>
export type ImportJob = {
  id: number
  status: string
  totalRows: number | null
  validatedRows: number
  processedRows: number
  createdRows: number
  errorCount: number
  errors: Array<{ line: number; field: string | null; message: string }>
  message: string | null
  finishedAt: string | null
}

const RUNNING = ['validating', 'importing']

export function upload(session: Session, csv: string | Buffer, filename = 'clientes.csv') {
  return session
    .post('/api/r/clients/imports')
    .file('file', Buffer.isBuffer(csv) ? csv : Buffer.from(csv), { filename })
}

/** Polls the job until it leaves validating/importing; `seen` gets every poll. */
export async function settle(
  session: Session,
  id: number,
  seen: ImportJob[] = [],
  timeoutMs = 90_000
) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const response = await session.get(`/api/r/clients/imports/${id}`)
    response.assertStatus(200)
    const job: ImportJob = response.body().data
    seen.push(job)
    if (!RUNNING.includes(job.status)) return job
    await new Promise((resolve) => setTimeout(resolve, 40))
  }
  throw new Error(`Import ${id} still running after ${timeoutMs} ms`)
}

export async function uploadAndValidate(session: Session, csv: string | Buffer) {
  const response = await upload(session, csv)
  response.assertStatus(202)
  return settle(session, response.body().data.id)
}

export async function importFile(session: Session, csv: string | Buffer, seen: ImportJob[] = []) {
  const ready = await uploadAndValidate(session, csv)
  if (ready.status !== 'ready') throw new Error(JSON.stringify(ready))
  const started = await session.post(`/api/r/clients/imports/${ready.id}/start`)
  started.assertStatus(202)
  return settle(session, ready.id, seen)
}

/**
 * Imports run on this thread, not in their worker (ImportThread), until the
 * answered restore is called: for a test that patches code an import
 * calls (a hook, a query counter), which the worker's own copy of the app
 * would not see.
 */
export function importsOnThisThread() {
  const before = env.get('IMPORTS_IN_WORKER')
  env.set('IMPORTS_IN_WORKER', false)
  return () => {
    env.set('IMPORTS_IN_WORKER', before as boolean)
    if (before === undefined) delete process.env.IMPORTS_IN_WORKER
  }
}
