import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import app from '@adonisjs/core/services/app'
import plugins from '#services/plugins'
import { SYSTEM_ACTOR } from '#services/audit_log'
import { makeUser, signIn } from '#tests/helpers/auth'
import { makeClient } from '#tests/helpers/clients'
import { truncateAfterEach } from '#tests/helpers/database'
import { settle, type Session } from '#tests/helpers/imports'
import drive from '@adonisjs/drive/services/main'
import { ImportJobs } from '#resources/imports/import_jobs'

type Job = Awaited<ReturnType<typeof settle>> & {
  mode: string
  matchedRows: number
  updatedRows: number
  rejectedRows: number
  rejectedFile: boolean
}

/** Uploads a CSV of clients with the upload's text fields (mode, key_field, update_fields…). */
async function uploadWith(session: Session, csv: string, fields: Record<string, string> = {}) {
  let request = session.post('/api/r/clients/imports')
  for (const [name, value] of Object.entries(fields)) request = request.field(name, value)
  return request.file('file', Buffer.from(csv), { filename: 'clientes.csv' })
}

async function validated(session: Session, csv: string, fields: Record<string, string> = {}) {
  const uploaded = await uploadWith(session, csv, fields)
  uploaded.assertStatus(202)
  return (await settle(session, uploaded.body().data.id)) as Job
}

async function started(session: Session, id: number, body: Record<string, unknown> = {}) {
  const response = await session.post(`/api/r/clients/imports/${id}/start`).json(body)
  response.assertStatus(202)
  return (await settle(session, id)) as Job
}

const BY_DOCUMENT = { mode: 'update', key_field: 'document', update_fields: 'status,vip' }

test.group('Resource engine: CSV import in update mode and partial imports', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))
  group.each.timeout(180_000)

  test('update by document changes only the chosen fields, counts matched and new rows, and the history shows each change', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const ana = await makeClient({ first_name: 'Ana', last_name: 'Gómez', document: 'DOC-1' })
    const bea = await makeClient({ first_name: 'Bea', last_name: 'Ruiz', document: 'DOC-2' })
    const csv = [
      'first_name;last_name;document;status;vip',
      'Ana Cambiada;Otro;DOC-1;Contactado;sí',
      'Bea;Ruiz;DOC-2;Cerrado;',
      'Caro;Nueva;DOC-3;Nuevo;no',
    ].join('\r\n')
    const ready = await validated(supervisor, csv, BY_DOCUMENT)
    const matched = 2
    assert.containsSubset(ready, {
      status: 'ready',
      mode: 'update',
      totalRows: 3,
      matchedRows: matched,
      errorCount: 0,
    })
    assert.equal((await db.from('clients').where('id', ana).first()).status, 'new')

    const done = await started(supervisor, ready.id)
    assert.containsSubset(done, {
      status: 'done',
      processedRows: 3,
      updatedRows: matched,
      createdRows: 3 - matched,
      errorCount: 0,
    })
    const updated = await db.from('clients').where('id', ana).first()
    assert.containsSubset(updated, {
      first_name: 'Ana',
      last_name: 'Gómez',
      document: 'DOC-1',
      status: 'contacted',
    })
    assert.equal(Number(updated.vip), 1)
    const second = await db.from('clients').where('id', bea).first()
    assert.equal(second.status, 'closed')
    // An empty cell of a chosen field leaves it as it is.
    assert.equal(Number(second.vip), 0)
    const caro = await db.from('clients').where('document', 'DOC-3').first()
    assert.containsSubset(caro, { first_name: 'Caro', last_name: 'Nueva', status: 'new' })
    assert.isNotNull(caro.base_id)

    // C9: the card's history shows field, old and new, by the supervisor.
    const history = await supervisor.get(`/api/clients/${ana}/history`)
    history.assertStatus(200)
    const changes = history.body().data.map((change: any) => [change.field, change.old, change.new])
    assert.sameDeepMembers(changes, [
      ['status', 'new', 'contacted'],
      ['vip', false, true],
    ])
    assert.equal(history.body().data[0].actor.id, supervisor.user.id)
    const entries = await db.from('audit_logs').where({ resource: 'clients', action: 'update' })
    assert.lengthOf(entries, matched)
    assert.isTrue(entries.every((entry) => entry.subject === 'clients'))
  })

  test('update by phone finds the client whatever way the phone is written', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const ana = await makeClient({ first_name: 'Ana', primary_phone: '+573001112233' })
    const csv = 'first_name,primary_phone,status\nAna,+57 300 111 2233,Cerrado\n'
    const ready = await validated(supervisor, csv, {
      mode: 'update',
      key_field: 'primary_phone',
      update_fields: 'status',
    })
    assert.containsSubset(ready, { status: 'ready', matchedRows: 1 })
    const done = await started(supervisor, ready.id)
    assert.containsSubset(done, { status: 'done', updatedRows: 1, createdRows: 0 })
    assert.equal((await db.from('clients').where('id', ana).first()).status, 'closed')
    assert.lengthOf(await db.from('clients'), 1)
  })

  test('keys repeated inside the file are errors on the later lines', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    await makeClient({ first_name: 'Ana', document: 'DOC-1' })
    // Two clients share a document: the key cannot say which one to update.
    await makeClient({ first_name: 'Gemela', document: 'DOC-7' })
    await makeClient({ first_name: 'Gemela bis', document: 'DOC-7' })
    const csv = [
      'first_name,document,status',
      'Ana,DOC-1,Cerrado',
      'Ana otra vez,DOC-1,Contactado',
      'Nueva,DOC-9,',
      'Nueva bis,DOC-9,',
      'Sin clave,,',
      'Gemela,DOC-7,Cerrado',
    ].join('\n')
    const job = await validated(supervisor, csv, BY_DOCUMENT)
    assert.containsSubset(job, {
      status: 'invalid',
      totalRows: 6,
      matchedRows: 1,
      rejectedRows: 4,
      errorCount: 4,
    })
    assert.deepEqual(
      job.errors.map((error) => [error.line, error.field, error.message]),
      [
        [3, 'document', 'Repite la línea 2 de este archivo'],
        [5, 'document', 'Repite la línea 4 de este archivo'],
        [6, 'document', 'La clave está vacía: la fila no indica ningún registro'],
        [7, 'document', '2 registros tienen este valor: la clave debe indicar uno solo'],
      ]
    )
  })

  test('a row naming a client outside the user’s row scope is an error for its line, never a new client', async ({
    client,
    assert,
  }) => {
    // Agents see only their clients: the role with a row scope on clients.
    const grants = await app.container.make('tablero.grants')
    await grants.change(
      [{ role: 'agent', permission: 'clients.import', granted: true }],
      SYSTEM_ACTOR
    )
    const agent = await signIn(client, 'agent')
    const other = await makeUser('agent')
    const mine = await makeClient({ document: 'DOC-1', assigned_user_id: agent.user.id })
    const theirs = await makeClient({ document: 'DOC-2', assigned_user_id: other.id })
    const csv = 'first_name,document,status\nMía,DOC-1,Cerrado\nAjena,DOC-2,Cerrado\n'
    const job = await validated(agent, csv, BY_DOCUMENT)
    assert.containsSubset(job, { status: 'invalid', matchedRows: 1, rejectedRows: 1 })
    assert.deepEqual(
      job.errors.map((error) => [error.line, error.field]),
      [[3, null]]
    )
    const done = await started(agent, job.id, { skip_invalid: true })
    assert.containsSubset(done, { status: 'done', updatedRows: 1, createdRows: 0, errorCount: 1 })
    assert.equal((await db.from('clients').where('id', mine).first()).status, 'closed')
    assert.equal((await db.from('clients').where('id', theirs).first()).status, 'new')
    assert.lengthOf(await db.from('clients'), 2)
  })

  test('a job interrupted while validating counts its matched and rejected rows again from zero', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    await makeClient({ first_name: 'Ana', document: 'DOC-1' })
    const csv = 'first_name,document,status\nAna,DOC-1,Cerrado\nBea,DOC-2,Dormido\n'
    const job = await validated(supervisor, csv, BY_DOCUMENT)
    assert.containsSubset(job, { status: 'invalid', matchedRows: 1, rejectedRows: 1 })
    await db
      .from('resource_imports')
      .where('id', job.id)
      .update({ status: 'interrupted', total_rows: null, validated_rows: 1 })
    ;(await supervisor.post(`/api/r/clients/imports/${job.id}/start`)).assertStatus(202)
    const again = (await settle(supervisor, job.id)) as Job
    assert.containsSubset(again, {
      status: 'invalid',
      totalRows: 2,
      matchedRows: 1,
      rejectedRows: 1,
      errorCount: 1,
    })
  })

  test('the mode, key and fields are checked at upload: 422 naming each', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const csv = 'first_name,document\nAna,DOC-1\n'
    const cases: Array<[Record<string, string>, string]> = [
      [{ mode: 'merge' }, 'mode'],
      [{ mode: 'update', key_field: 'first_name', update_fields: 'status' }, 'key_field'],
      [{ mode: 'update', key_field: 'document' }, 'update_fields'],
      [{ mode: 'update', key_field: 'document', update_fields: 'country' }, 'update_fields'],
      [{ mode: 'update', key_field: 'document', update_fields: 'document' }, 'update_fields'],
    ]
    for (const [fields, field] of cases) {
      const refused = await uploadWith(supervisor, csv, fields)
      refused.assertStatus(422)
      assert.equal(refused.body().error.fields[0].field, field)
    }
    assert.lengthOf(await db.from('resource_imports'), 0)
    const meta = await supervisor.get('/api/meta')
    const clients = meta.body().data.resources.find((resource: any) => resource.name === 'clients')
    assert.sameMembers(clients.importKeys, ['document', 'primary_phone', 'email'])
  })

  test('partial import: after confirming, exactly the valid rows are imported; the rejected rows download with their errors and, fixed, upload again cleanly', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const csv = [
      'first_name;email;primary_phone',
      'Ana;ana@correo.test;',
      'Bea;no-es-correo;',
      'Caro;;+57 300 111 2233',
      'Dani;;+57 300 111 2233',
      'Eva;eva@correo.test;',
    ].join('\r\n')
    const job = await validated(supervisor, csv)
    assert.containsSubset(job, {
      status: 'invalid',
      totalRows: 5,
      rejectedRows: 2,
      errorCount: 2,
      rejectedFile: true,
    })

    const unconfirmed = await supervisor
      .post(`/api/r/clients/imports/${job.id}/start`)
      .header('accept-language', 'es')
    unconfirmed.assertStatus(409)
    assert.equal(unconfirmed.body().error.code, 'IMPORT_HAS_ERRORS')
    assert.include(unconfirmed.body().error.message, '2 fila(s) tienen errores')
    assert.lengthOf(await db.from('clients'), 0)

    const done = await started(supervisor, job.id, { skip_invalid: true })
    assert.containsSubset(done, {
      status: 'done',
      processedRows: 5,
      createdRows: 3,
      errorCount: 2,
      rejectedFile: true,
    })
    const names = await db.from('clients').orderBy('id').select('first_name')
    assert.deepEqual(
      names.map((row) => row.first_name),
      ['Ana', 'Caro', 'Eva']
    )

    const rejected = await supervisor
      .get(`/api/r/clients/imports/${job.id}/rejected.csv`)
      .header('accept-language', 'en')
    rejected.assertStatus(200)
    rejected.assertHeader('content-type', 'text/csv; charset=utf-8')
    const lines = rejected
      .text()
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    assert.deepEqual(lines, [
      'Import errors,first_name,email,primary_phone',
      'email: The email field must be a valid email address,Bea,no-es-correo,',
      "primary_phone: Repeats line 4 of this file,Dani,,'+57 300 111 2233",
    ])

    // The user fixes the two rows and uploads the same file again.
    const fixed = [
      lines[0],
      lines[1].replace('no-es-correo', 'bea@correo.test'),
      lines[2].replace('111 2233', '999 0000'),
    ].join('\r\n')
    const again = await validated(supervisor, fixed)
    assert.containsSubset(again, { status: 'ready', totalRows: 2, errorCount: 0 })
    assert.containsSubset(await started(supervisor, again.id), { status: 'done', createdRows: 2 })
    const all = await db
      .from('clients')
      .orderBy('id')
      .select('first_name', 'email', 'primary_phone')
    assert.deepEqual(
      all.map((row) => row.first_name),
      ['Ana', 'Caro', 'Eva', 'Bea', 'Dani']
    )
    assert.equal(all[3].email, 'bea@correo.test')
    assert.equal(all[4].primary_phone, '+573009990000')
  })

  test('an interrupted partial import resumes after its processed rows and still leaves the rejected ones out', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const rows = Array.from({ length: 12 }, (_, i) =>
      i % 4 === 3 ? `,DOC-${i + 1}` : `Cliente${i + 1},DOC-${i + 1}`
    )
    const job = await validated(supervisor, ['first_name,document', ...rows].join('\n'))
    assert.containsSubset(job, { status: 'invalid', totalRows: 12, rejectedRows: 3 })
    // As if a restart stopped the confirmed import after its first 6 rows (5 written).
    for (const i of [1, 2, 3, 5, 6]) {
      await makeClient({ first_name: `Cliente${i}`, document: `DOC-${i}` })
    }
    await db.from('resource_imports').where('id', job.id).update({
      status: 'interrupted',
      skip_invalid: 1,
      processed_rows: 6,
      created_rows: 5,
    })
    const done = await started(supervisor, job.id)
    assert.containsSubset(done, { status: 'done', processedRows: 12, createdRows: 9 })
    const documents = await db.from('clients').orderBy('id').select('document')
    assert.deepEqual(
      documents.map((row) => row.document),
      ['DOC-1', 'DOC-2', 'DOC-3', 'DOC-5', 'DOC-6', 'DOC-7', 'DOC-9', 'DOC-10', 'DOC-11']
    )
  })

  test('a finished partial import keeps its file for the rejected rows a week, then gives it back', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const job = await validated(supervisor, 'first_name,email\nAna,\nBea,no-es-correo\n')
    const done = await started(supervisor, job.id, { skip_invalid: true })
    assert.containsSubset(done, { status: 'done', createdRows: 1, rejectedFile: true })
    const row = await db.from('resource_imports').where('id', job.id).firstOrFail()
    assert.isTrue(await drive.use().exists(row.file_key))
    await db
      .from('resource_imports')
      .where('id', job.id)
      .update({
        updated_at: new Date(Date.now() - 8 * 86_400_000)
          .toISOString()
          .slice(0, 19)
          .replace('T', ' '),
      })
    await ImportJobs.expireIdle()
    assert.isFalse(await drive.use().exists(row.file_key))
    const after = (await settle(supervisor, job.id)) as Job
    assert.containsSubset(after, { status: 'done', rejectedFile: false })
    const gone = await supervisor.get(`/api/r/clients/imports/${job.id}/rejected.csv`)
    gone.assertStatus(410)
    assert.equal(gone.body().error.code, 'IMPORT_FILE_GONE')
  })
})
