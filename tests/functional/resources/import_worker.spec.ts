import { threadId } from 'node:worker_threads'
import { test } from '@japa/runner'
import Database from 'better-sqlite3'
import db from '@adonisjs/lucid/services/db'
import plugins from '#services/plugins'
import { ImportRunner, importBatchSize } from '#resources/imports/import_runner'
import { ImportThread } from '#resources/imports/import_thread'
import { signIn } from '#tests/helpers/auth'
import { truncateAfterEach } from '#tests/helpers/database'
import { importFile, settle, uploadAndValidate } from '#tests/helpers/imports'

const rows = (how: number) =>
  Array.from({ length: how }, (_, i) => `Cliente${i + 1};Lote;DOC-${i + 1}`)

async function count(table: string, where: Record<string, unknown> = {}) {
  const [{ total }] = await db.from(table).where(where).count('* as total')
  return Number(total)
}

async function job(id: number) {
  return db.from('resource_imports').where('id', id).firstOrFail()
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('waited too long')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

/** The rows the import's audit entries say it wrote (one entry per id range). */
async function auditedRows() {
  const entries = await db.from('audit_logs').where('action', 'import').select('after')
  return entries.reduce((sum, entry) => {
    const after = typeof entry.after === 'string' ? JSON.parse(entry.after) : entry.after
    return sum + Number(after.rows)
  }, 0)
}

test.group('Resource engine: imports run in a worker thread', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))
  group.each.timeout(180_000)

  test('a file is validated and imported in another thread: the HTTP thread runs none of it', async ({
    client,
    assert,
    cleanup,
  }) => {
    // The HTTP thread's own ImportRunner is never asked to validate or import.
    const calls: string[] = []
    const { validate, import: write } = ImportRunner
    ImportRunner.validate = (...args) => (
      calls.push('validate'),
      validate.apply(ImportRunner, args)
    )
    ImportRunner.import = (...args) => (calls.push('import'), write.apply(ImportRunner, args))
    cleanup(() => {
      ImportRunner.validate = validate
      ImportRunner.import = write
    })
    const supervisor = await signIn(client, 'supervisor')
    const done = await importFile(
      supervisor,
      ['first_name;last_name;document', ...rows(250)].join('\n')
    )
    assert.containsSubset(done, { status: 'done', processedRows: 250, createdRows: 250 })
    assert.equal(await count('clients'), 250)
    assert.deepEqual(calls, [])
    const worker = ImportThread.threadOf(done.id)
    assert.isNumber(worker)
    assert.notEqual(worker, threadId)
  })

  test('a worker that dies in the middle of an import leaves it interrupted; start resumes it exactly, nothing twice', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const size = importBatchSize()
    const total = size * 5
    const ready = await uploadAndValidate(
      supervisor,
      ['first_name;last_name;document', ...rows(total)].join('\n')
    )
    assert.equal(ready.status, 'ready')
    ;(await supervisor.post(`/api/r/clients/imports/${ready.id}/start`)).assertStatus(202)
    await waitFor(async () => Number((await job(ready.id)).processed_rows) >= size)

    // The worker's next batch waits for this transaction (the job's row on
    // MariaDB, the write lock on SQLite), and dies waiting: mid-import.
    const trx = await db.transaction()
    await trx.from('resource_imports').where('id', ready.id).forUpdate().select('id')
    await trx.from('resource_imports').where('id', ready.id).update({ updated_at: new Date() })
    const held = await trx.from('resource_imports').where('id', ready.id).firstOrFail()
    assert.equal(held.status, 'importing')
    assert.isBelow(Number(held.processed_rows), total)
    await ImportThread.terminate()
    await trx.rollback()

    await waitFor(async () => (await job(ready.id)).status === 'interrupted')
    const stopped = await job(ready.id)
    // Only whole batches stayed, and the job's counters say exactly which.
    assert.equal(Number(stopped.processed_rows) % size, 0)
    assert.equal(await count('clients'), Number(stopped.processed_rows))
    assert.equal(Number(stopped.created_rows), Number(stopped.processed_rows))
    assert.equal(await auditedRows(), Number(stopped.processed_rows))
    const shown = (await supervisor.get(`/api/r/clients/imports/${ready.id}`)).body().data
    assert.include(shown.message, 'iníciela de nuevo')

    ;(await supervisor.post(`/api/r/clients/imports/${ready.id}/start`)).assertStatus(202)
    const done = await settle(supervisor, ready.id)
    assert.containsSubset(done, {
      status: 'done',
      processedRows: total,
      createdRows: total,
      message: null,
    })
    assert.equal(await count('clients'), total)
    const [{ documents }] = await db.from('clients').countDistinct('document as documents')
    assert.equal(Number(documents), total)
    assert.equal(await auditedRows(), total)
    assert.notEqual(ImportThread.threadOf(ready.id), threadId)
  })

  test('requests keep writing while the worker imports, and none is refused for a busy database', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const total = importBatchSize() * 8
    const ready = await uploadAndValidate(
      supervisor,
      ['first_name;last_name;document', ...rows(total)].join('\n')
    )
    ;(await supervisor.post(`/api/r/clients/imports/${ready.id}/start`)).assertStatus(202)
    let written = 0
    while ((await job(ready.id)).status === 'importing' || written === 0) {
      written += 1
      const response = await supervisor
        .post('/api/r/clients')
        .json({ first_name: `Agente${written}`, document: `API-${written}` })
      response.assertStatus(201)
    }
    const done = await settle(supervisor, ready.id)
    assert.containsSubset(done, { status: 'done', createdRows: total })
    assert.equal(await count('clients'), total + written)
  })

  test('on SQLite a transaction takes the write lock when it opens: another connection waits for it instead of failing it', async ({
    assert,
  }) => {
    const config = db.manager.get(db.primaryConnectionName)!.config as {
      connection: { filename: string }
    }
    const other = new Database(config.connection.filename)
    other.pragma('busy_timeout = 0')
    try {
      await db.transaction(async (trx) => {
        // A read first: a deferred transaction would only hold a snapshot here.
        await trx.from('clients').count('* as total')
        assert.throws(
          () =>
            other
              .prepare(
                "INSERT INTO clients (first_name, search_name, status, created_at, updated_at) VALUES ('Otro', 'otro', 'new', '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
              )
              .run(),
          /database is locked/
        )
        await trx.table('clients').insert({
          first_name: 'Primero',
          search_name: 'primero',
          status: 'new',
          created_at: '2026-01-01 00:00:00',
          updated_at: '2026-01-01 00:00:00',
        })
      })
    } finally {
      other.close()
    }
    assert.equal(await count('clients', { first_name: 'Primero' }), 1)
    assert.equal(await count('clients', { first_name: 'Otro' }), 0)
  }).skip(process.env.DB_CONNECTION === 'mysql', 'SQLite only: MariaDB locks rows, not the file')
})
