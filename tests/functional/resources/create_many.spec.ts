import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import plugins from '#services/plugins'
import resources from '#services/resources'
import type User from '#models/user'
import { ResourceService } from '#resources/resource_service'
import { bulkInsert, idStrategyFor } from '#resources/bulk_insert'
import type { ResourceHooks, WriteOptions } from '#resources/types'
import type { BatchInput } from '#resources/batch_create'
import { rowErrorsOf } from '#resources/imports/import_errors'
import { ImportStopped } from '#resources/imports/import_progress'
import { importBatchSize } from '#resources/imports/import_runner'
import { makeUser, signIn } from '#tests/helpers/auth'
import { truncateAfterEach } from '#tests/helpers/database'
import { importFile, importsOnThisThread, settle, uploadAndValidate } from '#tests/helpers/imports'

/** The engine as an import runs it (a user, no live request): validate, then create in `trx`. */
function importerFor(user: User, options: WriteOptions = { source: 'import' }) {
  const ctx = {
    auth: { user, getUserOrFail: () => user },
    request: { ip: () => '127.0.0.1', id: () => 'test' },
  } as unknown as HttpContext
  const importer = new ResourceService(resources, ctx).importer('clients', options)
  return {
    createMany: async (batch: BatchInput[], trx: QueryClientContract) =>
      importer.createMany(await importer.validateMany(batch), trx),
  }
}

const inputs = (rows: Array<Record<string, unknown>>) =>
  rows.map((body, index) => ({ body, line: index + 2 }))

async function count(table: string, where: Record<string, unknown> = {}) {
  const [{ total }] = await db.from(table).where(where).count('* as total')
  return Number(total)
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Replaces some of the clients' hooks for one test; answers the restore. */
function patchClientHooks(patch: (hooks: ResourceHooks) => ResourceHooks) {
  const definition = resources.getOrFail('clients')
  const original = definition.hooks
  definition.hooks = patch(original ?? {})
  return () => {
    definition.hooks = original
  }
}

test.group('Resource engine: createMany', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))
  group.each.timeout(120_000)

  test('a batch refuses repeats inside it and duplicates of stored clients, and writes the rest', async ({
    assert,
  }) => {
    const admin = await makeUser('admin')
    const importer = importerFor(admin)
    await db.transaction((trx) =>
      importer.createMany(
        inputs([{ first_name: 'Stored', primary_phone: '+57 300 000 0001' }]),
        trx
      )
    )
    const result = await db.transaction((trx) =>
      importer.createMany(
        inputs([
          { first_name: 'Ana', primary_phone: '+57 300 000 0002', email: 'ana@x.test' },
          { first_name: 'Ana bis', primary_phone: '+573000000002' },
          { first_name: 'Bea', primary_phone: '+57 300 000 0001' },
          { first_name: 'Caro', email: 'ANA@x.test' },
          { first_name: '', last_name: 'sin nombre' },
          { first_name: 'Dani', primary_phone: '+57 300 000 0003' },
        ]),
        trx
      )
    )
    const refused = result.rows
      .filter((row) => row.error)
      .map((row) => [
        row.line,
        rowErrorsOf(row.error, row.line)!.map((error) => `${error.field}:${error.rule}`),
      ])
    assert.deepEqual(refused, [
      [3, ['primary_phone:repeatedInFile']],
      [4, ['primary_phone:duplicate']],
      [5, ['email:repeatedInFile']],
      [6, ['first_name:minLength']],
    ])
    assert.lengthOf(result.ids, 2)
    const written = await db.from('clients').whereIn('id', result.ids).orderBy('id')
    assert.deepEqual(
      written.map((row) => [row.first_name, row.primary_phone, row.country]),
      [
        ['Ana', '+573000000002', 'CO'],
        ['Dani', '+573000000003', 'CO'],
      ]
    )
    // afterCreateMany gave each its primary phone.
    const phones = await db.from('client_phones').whereIn('client_id', result.ids).orderBy('id')
    assert.deepEqual(
      phones.map((row) => [row.client_id, row.e164, Number(row.is_primary)]),
      [
        [result.ids[0], '+573000000002', 1],
        [result.ids[1], '+573000000003', 1],
      ]
    )
  })

  test('batch hooks run once per batch, in order, inside its transaction', async ({ assert }) => {
    const admin = await makeUser('admin')
    const seen: string[] = []
    const snapshot = async (trx: QueryClientContract) => {
      const [{ total }] = await trx.from('clients').count('* as total')
      const [{ entries }] = await trx.from('audit_logs').count('* as entries')
      return `clients=${total} audit=${entries}`
    }
    const restore = patchClientHooks((hooks) => ({
      ...hooks,
      beforeCreateMany: async (rows, hook) => {
        seen.push(`before ${rows.length} rows, ${await snapshot(hook.trx)}`)
        await hooks.beforeCreateMany!(rows, hook)
      },
      afterCreateMany: async (rows, hook) => {
        seen.push(
          `after ${rows.map((row) => row.first_name).join(',')}, ${await snapshot(hook.trx)}`
        )
        await hooks.afterCreateMany!(rows, hook)
      },
    }))
    try {
      await db.transaction(async (trx) => {
        await importerFor(admin).createMany(
          inputs([{ first_name: 'Ana' }, { first_name: 'x'.repeat(101) }, { first_name: 'Bea' }]),
          trx
        )
        seen.push(`done, ${await snapshot(trx)}`)
      })
    } finally {
      restore()
    }
    // A row validation refuses never reaches the hooks; the audit comes last.
    assert.deepEqual(seen, [
      'before 2 rows, clients=0 audit=0',
      'after Ana,Bea, clients=2 audit=0',
      'done, clients=2 audit=1',
    ])
  })

  test('a batch cut short is rolled back whole, and the import resumes after the last committed batch', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    // A batch is importBatchSize() rows: 1,000 on MariaDB, 100 on SQLite.
    const size = importBatchSize()
    const rows = Array.from(
      { length: size * 2.5 },
      (_, i) => `C${i + 1};+5730000${String(i + 1).padStart(5, '0')};D-${i + 1}`
    )
    const csv = ['first_name;primary_phone;document', ...rows].join('\n')
    const ready = await uploadAndValidate(supervisor, csv)
    assert.equal(ready.status, 'ready')
    // The runner stops in the middle of the second batch, after its
    // insert, as a crash would (ImportStopped ends it without a word);
    // the patched hook is this thread's, so the import runs here.
    let crashed = false
    const here = importsOnThisThread()
    const restore = patchClientHooks((hooks) => ({
      ...hooks,
      afterCreateMany: async (written, hook) => {
        await hooks.afterCreateMany!(written, hook)
        if (!written.some((row) => row.document === `D-${size * 1.5}`)) return
        crashed = true
        throw new ImportStopped('crash')
      },
    }))
    try {
      ;(await supervisor.post(`/api/r/clients/imports/${ready.id}/start`)).assertStatus(202)
      // What the crashed transaction wrote is never visible, before or after its rollback.
      await waitFor(async () => crashed)
    } finally {
      restore()
      here()
    }
    // Nothing of the second batch stayed: no client, phone or audit entry.
    const stopped = await db.from('resource_imports').where('id', ready.id).firstOrFail()
    assert.equal(Number(stopped.processed_rows), size)
    assert.equal(await count('clients'), size)
    assert.equal(await count('client_phones'), size)
    assert.equal(await count('audit_logs', { action: 'import' }), 1)

    // Brought back as the sweep does for a dead runner, it goes on from the next row.
    await db.from('resource_imports').where('id', ready.id).update({ status: 'interrupted' })
    ;(await supervisor.post(`/api/r/clients/imports/${ready.id}/start`)).assertStatus(202)
    const done = await settle(supervisor, ready.id)
    assert.containsSubset(done, {
      status: 'done',
      processedRows: rows.length,
      createdRows: rows.length,
    })
    const documents = await db.from('clients').orderBy('id').select('document')
    assert.deepEqual(
      documents.map((row) => row.document),
      rows.map((row) => row.split(';')[2])
    )
    const batches = await db.from('audit_logs').where('action', 'import').orderBy('id')
    assert.deepEqual(
      batches.map((entry) => JSON.parse(entry.after).rows),
      [size, size, size / 2]
    )
  })

  test('each imported client shows its batch entry in its history and log; others do not', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const done = await importFile(supervisor, 'first_name\nAna\nBea\nCaro\n')
    assert.equal(done.status, 'done')
    const created = await supervisor.post('/api/r/clients').json({ first_name: 'Dani' })
    created.assertStatus(201)
    const ids = (await db.from('clients').orderBy('id').select('id')).map((row) => row.id)

    for (const id of ids.slice(0, 3)) {
      const history = (await supervisor.get(`/api/r/clients/${id}/history`)).body().data
      assert.deepEqual(
        history.map((entry: { action: string }) => entry.action),
        ['import']
      )
      assert.containsSubset(history[0], {
        actor: { id: supervisor.user.id },
        after: { import: done.id, filename: 'clientes.csv', rows: 3, from: ids[0], to: ids[2] },
      })
      const log = (await supervisor.get(`/api/clients/${id}/log`)).body().data
      assert.deepEqual(
        log.map((entry: { action: string }) => entry.action),
        ['import']
      )
    }
    const other = (await supervisor.get(`/api/r/clients/${ids[3]}/history`)).body().data
    assert.deepEqual(
      other.map((entry: { action: string }) => entry.action),
      ['create']
    )
  })

  test('a stamp is written on every row of the batch, whatever the row says', async ({
    assert,
  }) => {
    const admin = await makeUser('admin')
    const importer = importerFor(admin, { source: 'import', stamp: { document: 'BASE-7' } })
    const { ids } = await db.transaction((trx) =>
      importer.createMany(
        inputs([{ first_name: 'Ana', document: 'X' }, { first_name: 'Bea' }]),
        trx
      )
    )
    const rows = await db.from('clients').whereIn('id', ids).orderBy('id')
    assert.deepEqual(
      rows.map((row) => row.document),
      ['BASE-7', 'BASE-7']
    )
  })

  test('a multi-row insert gives each row its id in order and a missing column its default', async ({
    assert,
  }) => {
    const stamps = { created_at: '2026-11-29 07:00:00', updated_at: '2026-11-29 07:00:00' }
    const ids = await db.transaction((trx) =>
      bulkInsert(trx, 'clients', 'id', [
        { first_name: 'Ana', search_name: 'ana', status: 'closed', ...stamps },
        { first_name: 'Bea', search_name: 'bea', ...stamps },
      ])
    )
    const rows = await db.from('clients').orderBy('id')
    assert.deepEqual(
      rows.map((row) => [row.id, row.first_name, row.status, Number(row.vip)]),
      [
        [ids[0], 'Ana', 'closed', 0],
        [ids[1], 'Bea', 'new', 0],
      ]
    )
  })

  test('the id strategy follows the server: RETURNING on MariaDB 10.5+, else the lock mode', ({
    assert,
  }) => {
    assert.equal(idStrategyFor('10.11.6-MariaDB-0+deb12u1', 1), 'returning')
    assert.equal(idStrategyFor('11.4.2-MariaDB', 2), 'returning')
    assert.equal(idStrategyFor('10.4.30-MariaDB', 1), 'consecutive')
    assert.equal(idStrategyFor('8.0.36', 1), 'consecutive')
    assert.equal(idStrategyFor('8.4.0', 2), 'one-by-one')
  })
})
