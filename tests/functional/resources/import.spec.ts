import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import plugins from '#services/plugins'
import env from '#start/env'
import { ImportJobs, THIS_RUNNER } from '#resources/imports/import_jobs'
import { importBatchSize } from '#resources/imports/import_runner'
import { makeUser, signIn } from '#tests/helpers/auth'
import { truncateAfterEach } from '#tests/helpers/database'
import {
  type ImportJob,
  importFile,
  settle,
  upload,
  uploadAndValidate,
} from '#tests/helpers/imports'

type Job = ImportJob

const plainRows = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `Cliente${from + i};Lote;DOC-${from + i}`)

test.group('Resource engine: CSV import', (group) => {
  // Jobs run outside the request, on their own connection: commit and truncate.
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))
  group.each.timeout(180_000)

  test('the template lists what a create accepts', async ({ client, assert }) => {
    const supervisor = await signIn(client, 'supervisor')
    const template = await supervisor
      .get('/api/r/clients/import/template.csv')
      .qs({ headers: 'keys' })
    template.assertStatus(200)
    template.assertHeader('content-type', 'text/csv; charset=utf-8')
    assert.include(template.header('content-disposition'), 'clients-plantilla.csv')
    const header = template
      .text()
      .replace(/^\uFEFF/, '')
      .trim()
      .split(',')
    assert.includeMembers(header, ['first_name', 'email', 'primary_phone', 'campaign_id'])
    for (const absent of ['id', 'country', 'created_at', 'updated_at', 'last_interaction_at']) {
      assert.notInclude(header, absent)
    }
  })

  test('a valid file is validated, then imported with hooks and audit entries', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const csv =
      '\uFEFFNombres;last_name;Correo;primary_phone;vip;status;document\r\n' +
      'Ana;"Gómez\r\nPérez";ANA@correo.test;+57 300 123 4567;sí;Contactado;"1;2"\r\n' +
      '\r\n' +
      'Bea;Ruiz;bea@correo.test;;no;;\r\n'
    const response = await upload(supervisor, csv)
    response.assertStatus(202)
    const created = response.body().data
    assert.containsSubset(created, {
      resource: 'clients',
      status: 'validating',
      filename: 'clientes.csv',
      errors: [],
      message: null,
      finishedAt: null,
    })
    assert.match(created.createdAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)

    const ready = await settle(supervisor, created.id)
    assert.containsSubset(ready, {
      status: 'ready',
      totalRows: 2,
      validatedRows: 2,
      processedRows: 0,
      errorCount: 0,
    })
    assert.equal(await count('clients'), 0)

    const started = await supervisor.post(`/api/r/clients/imports/${created.id}/start`)
    started.assertStatus(202)
    assert.equal(started.body().data.status, 'importing')
    const done = await settle(supervisor, created.id)
    assert.containsSubset(done, {
      status: 'done',
      totalRows: 2,
      processedRows: 2,
      createdRows: 2,
      errorCount: 0,
    })
    assert.match(done.finishedAt!, /Z$/)

    const rows = await db.from('clients').orderBy('id')
    assert.containsSubset(rows[0], {
      first_name: 'Ana',
      last_name: 'Gómez\nPérez',
      email: 'ana@correo.test',
      primary_phone: '+573001234567',
      country: 'CO',
      status: 'contacted',
      document: '1;2',
    })
    assert.equal(Number(rows[0].vip), 1)
    assert.containsSubset(rows[1], { first_name: 'Bea', email: 'bea@correo.test', status: 'new' })
    assert.equal(Number(rows[1].vip), 0)
    assert.lengthOf(await db.from('client_phones').where('client_id', rows[0].id), 1)

    const audit = await db.from('audit_logs').orderBy('id').select('action', 'resource', 'actor_id')
    assert.deepEqual(
      audit.map((entry) => [entry.action, entry.resource]),
      [
        // Every upload of clients is a base (issue 14).
        ['create', 'bases'],
        ['resource.import_started', 'resource_imports'],
        ['resource.import_confirmed', 'resource_imports'],
        ['import', 'clients'],
      ]
    )
    assert.isTrue(audit.every((entry) => Number(entry.actor_id) === supervisor.user.id))
    ;(await supervisor.post(`/api/r/clients/imports/${created.id}/start`)).assertStatus(409)
  })

  test('a file saved as plain "CSV" by a Spanish Excel (Windows-1252) reads right', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    // latin1 bytes: "ñ" is the single byte 0xF1, not valid UTF-8.
    const csv = Buffer.from('Nombres;last_name\r\nIñaki;Peña Muñoz\r\nJosé;Álvarez\r\n', 'latin1')
    const done = await importFile(supervisor, csv)
    assert.containsSubset(done, { status: 'done', createdRows: 2, errorCount: 0 })
    const rows = await db.from('clients').orderBy('id').select('first_name', 'last_name')
    assert.deepEqual(
      rows.map((row) => `${row.first_name} ${row.last_name}`),
      ['Iñaki Peña Muñoz', 'José Álvarez']
    )
    // told from the bytes during the upload, and kept for both passes
    const job = await db.from('resource_imports').where('id', done.id).firstOrFail()
    assert.equal(job.encoding, 'windows-1252')
  })

  test('a UTF-8 file with accents is recorded as UTF-8, a job without an encoding is read as before', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const first = await importFile(supervisor, 'first_name,last_name\nÍñigo,Peña\n')
    assert.equal(first.status, 'done')
    const row = await db.from('resource_imports').where('id', first.id).firstOrFail()
    assert.equal(row.encoding, 'utf-8')

    // A job stored before the encoding was recorded: the file is checked when opened.
    const ready = await uploadAndValidate(
      supervisor,
      Buffer.from('first_name,last_name\r\nMaría;x,Muñoz\r\n', 'latin1')
    )
    await db.from('resource_imports').where('id', ready.id).update({ encoding: null })
    ;(await supervisor.post(`/api/r/clients/imports/${ready.id}/start`)).assertStatus(202)
    assert.equal((await settle(supervisor, ready.id)).status, 'done')
    const names = await db.from('clients').orderBy('id').select('first_name', 'last_name')
    assert.deepEqual(
      names.map((name) => `${name.first_name} ${name.last_name}`),
      ['Íñigo Peña', 'María;x Muñoz']
    )
  })

  test('invalid rows leave the job invalid with their lines, fields and errors.csv', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const csv = [
      'first_name,email,primary_phone,campaign_id',
      'Ana,ana@correo.test,+57 300 123 4567,999999',
      'Bea,no-es-correo,,',
      '"Caro',
      'Segunda",caro@correo.test,llamar luego,',
      ',dani@correo.test,,',
    ].join('\n')
    const job = await uploadAndValidate(admin, csv)
    assert.containsSubset(job, { status: 'invalid', totalRows: 4, errorCount: 4 })
    assert.deepEqual(
      job.errors.map((error) => [error.line, error.field]),
      [
        [2, 'campaign_id'],
        [3, 'email'],
        [4, 'primary_phone'],
        [6, 'first_name'],
      ]
    )
    assert.isString(job.finishedAt)
    assert.equal(await count('clients'), 0)

    const start = await admin.post(`/api/r/clients/imports/${job.id}/start`)
    start.assertStatus(409)
    assert.equal(start.body().error.code, 'IMPORT_NOTHING_VALID')

    const errors = await admin
      .get(`/api/r/clients/imports/${job.id}/errors.csv`)
      .header('accept-language', 'es')
    errors.assertStatus(200)
    errors.assertHeader('content-type', 'text/csv; charset=utf-8')
    const lines = errors
      .text()
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    assert.equal(lines[0], 'linea,columna,mensaje')
    assert.lengthOf(lines, 5)
    assert.equal(lines[1], '2,campaign_id,No existe o no tiene acceso')
    assert.equal(lines[2], '3,email,Correo electrónico no válido')
    assert.match(lines[4], /^6,first_name,/)
  })

  test('a header that does not fit the resource is a 422 on file', async ({ client, assert }) => {
    const admin = await signIn(client, 'admin')
    const unknown = await upload(admin, 'first_name;color\nAna;rojo\n').header(
      'accept-language',
      'en'
    )
    unknown.assertStatus(422)
    assert.containsSubset(unknown.body().error.fields, [
      { field: 'file', message: 'Unknown column "color"' },
    ])
    const missing = await upload(admin, 'email\nana@correo.test\n')
    missing.assertStatus(422)
    assert.containsSubset(missing.body().error.fields, [{ field: 'file', rule: 'missingColumn' }])
    const twice = await upload(admin, 'first_name,Nombres\nAna,Ana\n')
    twice.assertStatus(422)
    assert.containsSubset(twice.body().error.fields, [{ field: 'file', rule: 'duplicateColumn' }])
    const spanish = await upload(admin, 'first_name;color\n').header('accept-language', 'es')
    assert.equal(spanish.body().error.fields[0].message, 'Columna desconocida "color"')

    const notCsv = await upload(admin, Buffer.from('MZ\x90\x00'), 'clientes.exe')
    notCsv.assertStatus(422)
    assert.equal(notCsv.body().error.fields[0].field, 'file')
    const noFile = await admin.post('/api/r/clients/imports').fields({ x: '1' })
    noFile.assertStatus(422)
    assert.equal(noFile.body().error.fields[0].field, 'file')
    assert.equal(await count('resource_imports'), 0)
  })

  test('birth dates outside years 1000 to 9999 are row errors on birth_date', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const csv = [
      'first_name,birth_date',
      'Ana,1000-01-01',
      'Bea,9999-12-31',
      'Caro,0999-12-31',
      'Dani,+275760-09-13',
      'Eva,10000-01-01',
      'Fer,31/12/0999',
    ].join('\n')
    const job = await uploadAndValidate(admin, csv)
    assert.containsSubset(job, { status: 'invalid', totalRows: 6, errorCount: 4 })
    assert.deepEqual(
      job.errors.map((error) => [error.line, error.field]),
      [
        [4, 'birth_date'],
        [5, 'birth_date'],
        [6, 'birth_date'],
        [7, 'birth_date'],
      ]
    )
  })

  test('an import keeps its file name without NUL, control or bidi characters', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const response = await upload(admin, 'first_name\nAna\n', 'cli\u0000en\u0007tes\u202E.csv')
    response.assertStatus(202)
    assert.equal(response.body().data.filename, 'clientes.csv')
    const job = await settle(admin, response.body().data.id)
    assert.equal(job.status, 'ready')
  })

  test('a file that is not a CSV is refused saying to upload a .csv or .txt', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const spanish = await upload(admin, Buffer.from('MZ'), 'clientes.exe').header(
      'accept-language',
      'es'
    )
    spanish.assertStatus(422)
    assert.equal(
      spanish.body().error.fields[0].message,
      'Tipo de archivo no permitido: suba un archivo .csv o .txt'
    )
    const english = await upload(admin, Buffer.from('MZ'), 'clientes.exe').header(
      'accept-language',
      'en'
    )
    assert.equal(
      english.body().error.fields[0].message,
      '.exe files are not accepted: upload a .csv or .txt file'
    )
  })

  test('a file over IMPORT_MAX_MB (50 by default) is a 413 and nothing is kept', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const stored = await storedFiles()
    const big = Buffer.alloc(51 * 1024 * 1024, 'a')
    big.write('first_name\n')
    const response = await upload(admin, big)
    response.assertStatus(413)
    assert.equal(response.body().error.code, 'FILE_TOO_LARGE')
    assert.equal(await count('resource_imports'), 0)
    assert.deepEqual(await storedFiles(), stored)

    // A smaller limit refuses a 2 MB file, naming the limit; a small one goes through.
    env.set('IMPORT_MAX_MB', 1)
    try {
      const two = Buffer.alloc(2 * 1024 * 1024, 'a')
      two.write('first_name\n')
      const refused = await upload(admin, two).header('accept-language', 'en')
      refused.assertStatus(413)
      assert.include(refused.body().error.fields[0].message, '1 MB')
      assert.equal((await uploadAndValidate(admin, 'first_name\nAna\n')).status, 'ready')
    } finally {
      env.set('IMPORT_MAX_MB', 50)
    }
  })

  test('imports take import and create permissions; a job is its author’s or an admin’s', async ({
    client,
    assert,
  }) => {
    const agent = await signIn(client, 'agent')
    ;(await agent.get('/api/r/clients/import/template.csv')).assertStatus(403)
    ;(await upload(agent, 'first_name\nAna\n')).assertStatus(403)
    const admin = await signIn(client, 'admin')
    ;(await admin.get('/api/r/nope/import/template.csv')).assertStatus(404)
    // greetings: supervisors may create but not import.
    const supervisor = await signIn(client, 'supervisor')
    ;(await supervisor.get('/api/r/greetings/import/template.csv')).assertStatus(403)

    const job = await uploadAndValidate(supervisor, 'first_name\nAna\n')
    const other = await signIn(client, await makeUser('supervisor'))
    ;(await other.get(`/api/r/clients/imports/${job.id}`)).assertStatus(403)
    ;(await other.post(`/api/r/clients/imports/${job.id}/start`)).assertStatus(403)
    ;(await other.get(`/api/r/clients/imports/${job.id}/errors.csv`)).assertStatus(403)
    ;(await agent.get(`/api/r/clients/imports/${job.id}`)).assertStatus(403)
    ;(await admin.get(`/api/r/clients/imports/${job.id}`)).assertStatus(200)
    ;(await admin.get(`/api/r/greetings/imports/${job.id}`)).assertStatus(404)
    ;(await admin.get(`/api/r/clients/imports/${job.id + 1000}`)).assertStatus(404)
    assert.equal(job.status, 'ready')
  })

  test('an interrupted import resumes after its processed rows, without duplicates', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const csv = ['first_name;last_name;document', ...plainRows(1, 20)].join('\n')
    const ready = await uploadAndValidate(supervisor, csv)
    assert.equal(ready.status, 'ready')
    // As if a restart stopped it after 7 rows had been written.
    for (const row of plainRows(1, 7)) {
      const [firstName, lastName, document] = row.split(';')
      const response = await supervisor
        .post('/api/r/clients')
        .json({ first_name: firstName, last_name: lastName, document })
      response.assertStatus(201)
    }
    await db
      .from('resource_imports')
      .where('id', ready.id)
      .update({ status: 'interrupted', processed_rows: 7, created_rows: 7 })

    const resumed = await supervisor.post(`/api/r/clients/imports/${ready.id}/start`)
    resumed.assertStatus(202)
    const done = await settle(supervisor, ready.id)
    assert.containsSubset(done, { status: 'done', processedRows: 20, createdRows: 20 })
    assert.equal(await count('clients'), 20)
    const documents = await db.from('clients').select('document').orderBy('id')
    assert.deepEqual(
      documents.map((row) => row.document),
      plainRows(1, 20).map((row) => row.split(';')[2])
    )
  })

  test('a job interrupted while validating is validated again on start', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const ready = await uploadAndValidate(supervisor, 'first_name\nAna\nBea\n')
    await db
      .from('resource_imports')
      .where('id', ready.id)
      .update({ status: 'interrupted', total_rows: null, validated_rows: 1 })
    const restarted = await supervisor.post(`/api/r/clients/imports/${ready.id}/start`)
    restarted.assertStatus(202)
    assert.equal(restarted.body().data.status, 'validating')
    const again = await settle(supervisor, ready.id)
    assert.containsSubset(again, { status: 'ready', totalRows: 2, validatedRows: 2 })
    assert.equal(await count('clients'), 0)
  })

  test('imports silent for two minutes become interrupted; running ones are left alone', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const jobs: Job[] = []
    for (const name of ['Ana', 'Bea', 'Ciro', 'Dora']) {
      jobs.push(await uploadAndValidate(supervisor, `first_name\n${name}\n`))
    }
    const ago = (minutes: number) =>
      new Date(Date.now() - minutes * 60_000).toISOString().slice(0, 19).replace('T', ' ')
    const set = (i: number, status: string, minutes: number) =>
      db
        .from('resource_imports')
        .where('id', jobs[i].id)
        .update({ status, updated_at: ago(minutes) })
    await set(0, 'importing', 3) // its process died three minutes ago
    await set(1, 'validating', 3)
    await set(2, 'importing', 0.5) // another node is still at it
    await set(3, 'ready', 60) // waiting for the user: not a runner's
    await ImportJobs.interruptStale()
    const statuses = await db.from('resource_imports').orderBy('id').select('status')
    assert.deepEqual(
      statuses.map((row) => row.status),
      ['interrupted', 'interrupted', 'importing', 'ready']
    )
  })

  test('at boot, the jobs this process was running become resumable at once', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const jobs: Job[] = []
    for (const name of ['Ana', 'Bea', 'Ciro', 'Dora']) {
      jobs.push(await uploadAndValidate(supervisor, `first_name\n${name}\n`))
    }
    const runners = await db.from('resource_imports').orderBy('id').select('runner')
    assert.deepEqual(
      runners.map((row) => row.runner),
      jobs.map(() => THIS_RUNNER),
      'the process that validates a job signs it'
    )
    const set = (i: number, status: string, runner: string | null) =>
      db.from('resource_imports').where('id', jobs[i].id).update({ status, runner })
    await set(0, 'importing', THIS_RUNNER) // this process, before its restart
    await set(1, 'importing', 'otro-nodo:3333') // another node, still at it
    await set(2, 'validating', THIS_RUNNER)
    await set(3, 'ready', THIS_RUNNER) // waiting for the user: not a runner's
    await ImportJobs.interruptOwn()
    const statuses = await db.from('resource_imports').orderBy('id').select('status')
    assert.deepEqual(
      statuses.map((row) => row.status),
      ['interrupted', 'importing', 'interrupted', 'ready']
    )

    const resumed = await supervisor.post(`/api/r/clients/imports/${jobs[0].id}/start`)
    resumed.assertStatus(202)
    assert.equal((await settle(supervisor, jobs[0].id)).status, 'done')
    const row = await db.from('resource_imports').where('id', jobs[0].id).first()
    assert.equal(row.runner, THIS_RUNNER)
  })

  test('a validated import nobody starts for a week gives its file back and says so', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const idle = await uploadAndValidate(supervisor, 'first_name\nAna\n')
    const recent = await uploadAndValidate(supervisor, 'first_name\nBea\n')
    assert.equal(idle.status, 'ready')
    const { file_key: fileKey } = await db
      .from('resource_imports')
      .where('id', idle.id)
      .firstOrFail()
    assert.isTrue(await drive.use().exists(fileKey))
    await db
      .from('resource_imports')
      .where('id', idle.id)
      .update({
        updated_at: new Date(Date.now() - 8 * 86_400_000)
          .toISOString()
          .slice(0, 19)
          .replace('T', ' '),
      })

    assert.equal(await ImportJobs.expireIdle(), 1)
    const expired = await settle(supervisor, idle.id)
    assert.equal(expired.status, 'failed')
    assert.match(expired.message!, /No se inició en 7 días/)
    assert.isNotNull(expired.finishedAt)
    assert.isFalse(await drive.use().exists(fileKey))
    assert.equal((await settle(supervisor, recent.id)).status, 'ready')
    ;(await supervisor.post(`/api/r/clients/imports/${idle.id}/start`)).assertStatus(409)
  })

  test('a row refused at import time is recorded and its batch is not lost', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const agent = await signIn(client, 'agent')
    const csv = [
      'first_name,primary_phone',
      'Ana,+57 300 111 2233',
      'Bea,+57 310 000 0001',
      'Ana bis,+57 300 111 4455',
      'Caro,',
    ].join('\n')
    const ready = await uploadAndValidate(supervisor, csv)
    assert.equal(ready.status, 'ready')
    // Between the check and the start, an agent creates a client with the
    // third row's phone: that row is refused when its turn comes.
    ;(
      await agent
        .post('/api/r/clients')
        .json({ first_name: 'Otra', primary_phone: '+573001114455' })
    ).assertStatus(201)
    ;(await supervisor.post(`/api/r/clients/imports/${ready.id}/start`)).assertStatus(202)
    const done = await settle(supervisor, ready.id)
    assert.containsSubset(done, {
      status: 'done',
      processedRows: 4,
      createdRows: 3,
      errorCount: 1,
    })
    assert.deepEqual(
      done.errors.map((error) => [error.line, error.field]),
      [[4, 'primary_phone']]
    )
    const names = await db.from('clients').orderBy('id').select('first_name')
    assert.deepEqual(
      names.map((row) => row.first_name),
      ['Otra', 'Ana', 'Bea', 'Caro']
    )
    // The agent's create, and one entry for the import's batch of three.
    assert.equal(await count('audit_logs', 'create', 'clients'), 1)
    const [batch] = await db.from('audit_logs').where('action', 'import')
    assert.deepInclude(JSON.parse(batch.after), { import: ready.id, rows: 3 })
  })

  test('an import writes with its own options: a request’s allowDuplicate does not reach it', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    ;(
      await supervisor
        .post('/api/r/clients')
        .json({ first_name: 'Otra', primary_phone: '+573001114455' })
    ).assertStatus(201)
    // The API's allowDuplicate=1 lets one create through; an import never
    // takes it from the request that uploads or starts it.
    const csv = ['first_name,primary_phone', 'Ana,+57 300 111 4455', 'Bea,'].join('\n')
    const uploaded = await upload(supervisor, csv).qs({ allowDuplicate: 1 })
    uploaded.assertStatus(202)
    const checked = await settle(supervisor, uploaded.body().data.id)
    assert.equal(checked.status, 'invalid')
    assert.deepEqual(
      checked.errors.map((error) => [error.line, error.field]),
      [[2, 'primary_phone']]
    )
    assert.equal(await count('clients'), 1)
  })

  test('the API and an import refuse a bad phone and an over-long text by the same rule and message', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const cases = [
      { field: 'primary_phone', value: 'llamar luego', rule: 'phone', max: undefined },
      { field: 'first_name', value: 'A'.repeat(101), rule: 'maxLength', max: 100 },
    ]
    for (const { field, value, rule, max } of cases) {
      const body: Record<string, string> = { first_name: 'Ana', [field]: value }
      const api = await supervisor.post('/api/r/clients').header('Accept-Language', 'es').json(body)
      api.assertStatus(422)
      const [refusal] = api.body().error.fields
      assert.deepInclude(refusal, { field, rule })
      assert.equal(refusal.meta?.max, max)

      const csv = `first_name,primary_phone\n${body.first_name},${body.primary_phone ?? ''}\n`
      const uploaded = await upload(supervisor, csv).header('Accept-Language', 'es')
      uploaded.assertStatus(202)
      await settle(supervisor, uploaded.body().data.id)
      const job = await supervisor
        .get(`/api/r/clients/imports/${uploaded.body().data.id}`)
        .header('Accept-Language', 'es')
      assert.equal(job.body().data.status, 'invalid')
      assert.deepEqual(job.body().data.errors, [{ line: 2, field, message: refusal.message }])
    }
  })

  test('a phone or e-mail repeated within the file is reported before anything is imported', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const csv = [
      'first_name,email,primary_phone',
      'Ana,ana@correo.test,+57 300 111 2233',
      'Bea,bea@correo.test,+57 310 000 0001',
      'Ana otra vez,ANA@correo.test,+573001112233',
      'Caro,,+57 310 000 0001',
      'Dani,,',
      'Eva,,',
    ].join('\n')
    const job = await uploadAndValidate(admin, csv)
    assert.containsSubset(job, { status: 'invalid', totalRows: 6, errorCount: 3 })
    assert.deepEqual(
      job.errors.map((error) => [error.line, error.field, error.message]),
      [
        [4, 'primary_phone', 'Repite la línea 2 de este archivo'],
        [4, 'email', 'Repite la línea 2 de este archivo'],
        [5, 'primary_phone', 'Repite la línea 3 de este archivo'],
      ]
    )
    assert.equal(await count('clients'), 0)

    const errors = await admin
      .get(`/api/r/clients/imports/${job.id}/errors.csv`)
      .header('accept-language', 'en')
    const lines = errors
      .text()
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    assert.equal(lines[3], '5,primary_phone,Repeats line 3 of this file')
  })

  test('3,000 rows import in batches with consistent progress', async ({ client, assert }) => {
    const supervisor = await signIn(client, 'supervisor')
    const csv = ['first_name;last_name;document', ...plainRows(1, 3000)].join('\r\n') + '\r\n'
    const ready = await uploadAndValidate(supervisor, csv)
    assert.containsSubset(ready, { status: 'ready', totalRows: 3000, validatedRows: 3000 })
    const started = await supervisor.post(`/api/r/clients/imports/${ready.id}/start`)
    started.assertStatus(202)

    // The counters move with the rows, in the same transactions.
    const snapshots: Array<{ processed: number; clients: number }> = []
    while (true) {
      const snapshot = await db.transaction(async (trx) => {
        const job = await trx.from('resource_imports').where('id', ready.id).firstOrFail()
        const [{ total }] = await trx.from('clients').count('* as total')
        return { status: job.status, processed: Number(job.processed_rows), clients: Number(total) }
      })
      snapshots.push(snapshot)
      if (snapshot.status !== 'importing') break
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    // MariaDB writes 1,000 rows a transaction; SQLite 100, so its one connection is free often.
    const size = importBatchSize()
    assert.equal(size, db.connection().dialect.name === 'better-sqlite3' ? 100 : 1000)
    for (const snapshot of snapshots) {
      assert.equal(snapshot.clients, snapshot.processed)
      assert.equal(snapshot.processed % size, 0)
    }
    const done = await settle(supervisor, ready.id)
    assert.containsSubset(done, {
      status: 'done',
      totalRows: 3000,
      processedRows: 3000,
      createdRows: 3000,
      errorCount: 0,
    })
    assert.equal(await count('clients'), 3000)
    // One audit entry per batch, naming its id range.
    const batches = await db.from('audit_logs').where('action', 'import').orderBy('id')
    const ids = await db.from('clients').orderBy('id').select('id')
    const starts = Array.from({ length: 3000 / size }, (_, index) => index * size)
    assert.deepEqual(
      batches.map((entry) => [Number(entry.range_from), Number(entry.range_to)]),
      starts.map((start) => [ids[start].id, ids[start + size - 1].id])
    )
    assert.equal(await count('audit_logs', 'create', 'clients'), 0)
  })
})

async function storedFiles() {
  const { objects } = await drive.use().listAll('imports')
  return [...objects].map((object) => object.name).sort()
}

async function count(table: string, action?: string, resource?: string) {
  const query = db.from(table)
  if (action) query.where('action', action)
  if (resource) query.where('resource', resource)
  const [{ total }] = await query.count('* as total')
  return Number(total)
}
