import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import { ImportJobs, PREVIEW_HOURS } from '#resources/imports/import_jobs'
import plugins from '#services/plugins'
import { makeUser, signIn } from '#tests/helpers/auth'
import { truncateAfterEach } from '#tests/helpers/database'
import {
  type Session,
  importFile,
  importsOnThisThread,
  settle,
  upload,
  uploadAndValidate,
} from '#tests/helpers/imports'

async function makeCampaign(session: Session, name: string) {
  const created = await session.post('/api/r/campaigns').json({ name, type: 'outbound_dialer' })
  created.assertStatus(201)
  return created.body().data.id as number
}

function preview(session: Session, csv: string | Buffer, fields: Record<string, string> = {}) {
  let request = session.post('/api/r/clients/imports/preview')
  for (const [name, value] of Object.entries(fields)) request = request.field(name, value)
  return request.file('file', Buffer.isBuffer(csv) ? csv : Buffer.from(csv), {
    filename: 'proveedor.csv',
  })
}

/** Confirms a previewed file with a mapping, waits for its validation, imports it. */
async function confirmMapped(
  session: Session,
  token: string,
  mapping: Record<string, string | null>,
  extra: Record<string, unknown> = {}
) {
  const stored = await session
    .post('/api/r/clients/imports')
    .json({ upload: token, filename: 'proveedor.csv', mapping, ...extra })
  stored.assertStatus(202)
  const ready = await settle(session, stored.body().data.id)
  if (ready.status !== 'ready') throw new Error(JSON.stringify(ready))
  ;(await session.post(`/api/r/clients/imports/${ready.id}/start`)).assertStatus(202)
  return settle(session, ready.id)
}

function csvLines(text: string) {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
}

/** A UTF-16 file with its byte order mark, as Excel's "Unicode text" writes it. */
function utf16(text: string, endian: 'le' | 'be') {
  const little = Buffer.from('\uFEFF' + text, 'utf16le')
  if (endian === 'le') return little
  const big = Buffer.alloc(little.length)
  for (let index = 0; index < little.length; index += 2) {
    big[index] = little[index + 1]
    big[index + 1] = little[index]
  }
  return big
}

test.group('CSV import: column mapping and preview (issue 14)', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))
  group.each.timeout(120_000)

  test('a preview nobody confirms gives its file back after a day, and its token asks for the file again', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const answer = await preview(supervisor, 'NOMBRES;Ciudad\r\nAna;Cali\r\n')
    answer.assertStatus(200)
    const token = answer.body().data.upload as string
    // the file this preview stored (other tests' previews may share the drive)
    const key = `imports/preview-${supervisor.user.id}-${token.split('.')[0]}.csv`
    const stored = () => drive.use().exists(key)
    assert.isTrue(await stored())

    // Within the day it stays; a day later the sweep deletes it.
    await ImportJobs.expirePreviews()
    assert.isTrue(await stored())
    const tomorrow = Date.now() + (PREVIEW_HOURS + 1) * 3_600_000
    assert.isAtLeast(await ImportJobs.expirePreviews(PREVIEW_HOURS, tomorrow), 1)
    assert.isFalse(await stored())

    const late = await supervisor
      .post('/api/r/clients/imports')
      .json({ upload: token, filename: 'proveedor.csv', mapping: { NOMBRES: 'first_name' } })
    late.assertStatus(422)
    assert.equal(late.body().error.fields[0].field, 'upload')
  })

  test('a preview reads the first rows and proposes a mapping; the mapped file imports', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const rows = Array.from(
      { length: 40 },
      (_, i) => `Cliente${i};Lote;+57300100${String(1000 + i)};Bogotá;x${i}`
    )
    const csv = ['NOMBRES;apellidos;Telefono Principal;Ciudad;Nombre completo', ...rows].join(
      '\r\n'
    )
    const answer = await preview(supervisor, csv)
    answer.assertStatus(200)
    const data = answer.body().data
    assert.deepEqual(data.header, [
      'NOMBRES',
      'apellidos',
      'Telefono Principal',
      'Ciudad',
      'Nombre completo',
    ])
    // Only the first rows are read.
    assert.lengthOf(data.rows, 5)
    assert.deepEqual(data.rows[0], { line: 2, cells: rows[0].split(';') })
    assert.deepEqual(
      data.mapping.map((column: { field: string | null }) => column.field),
      ['first_name', 'last_name', 'primary_phone', null, null]
    )
    assert.isFalse(data.remembered)
    assert.containsSubset(data.fields, [{ name: 'first_name', required: true }])
    assert.equal(data.encoding, 'utf-8')
    // Nothing is a job yet.
    assert.lengthOf(await db.from('resource_imports'), 0)

    // Without a mapping the unknown columns refuse the file, as before.
    const unmapped = await supervisor
      .post('/api/r/clients/imports')
      .json({ upload: data.upload, filename: 'proveedor.csv' })
    unmapped.assertStatus(422)
    assert.containsSubset(unmapped.body().error.fields, [{ field: 'file', rule: 'unknownColumn' }])

    // Another user cannot use the token.
    const other = await signIn(client, 'supervisor')
    const stolen = await other
      .post('/api/r/clients/imports')
      .json({ upload: data.upload, mapping: { ciudad: null } })
    stolen.assertStatus(422)
    assert.equal(stolen.body().error.fields[0].field, 'upload')

    const done = await confirmMapped(supervisor, data.upload, {
      'Ciudad': null,
      'Nombre completo': 'document',
    })
    assert.containsSubset(done, { status: 'done', createdRows: 40, errorCount: 0 })
    const first = await db.from('clients').orderBy('id').firstOrFail()
    assert.containsSubset(first, {
      first_name: 'Cliente0',
      last_name: 'Lote',
      primary_phone: '+573001001000',
      document: 'x0',
    })
    // The preview is taken once: confirming it again finds no file.
    const twice = await supervisor
      .post('/api/r/clients/imports')
      .json({ upload: data.upload, mapping: { 'ciudad': null, 'nombre completo': 'document' } })
    twice.assertStatus(422)
    assert.equal(twice.body().error.fields[0].field, 'upload')
    const job = await db.from('resource_imports').firstOrFail()
    assert.notInclude(job.file_key, 'preview')
    assert.deepEqual(JSON.parse(job.column_mapping), {
      'ciudad': null,
      'nombre completo': 'document',
    })
  })

  test('the mapping is remembered per campaign and proposed next time', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const north = await makeCampaign(admin, 'Norte')
    const south = await makeCampaign(admin, 'Sur')
    const supervisor = await signIn(client, 'supervisor')
    const csv = 'Nombre del titular;Cédula\r\nAna;1\r\n'
    const first = (await preview(supervisor, csv, { campaign_id: String(north) })).body().data
    assert.deepEqual(
      first.mapping.map((column: { field: string | null }) => column.field),
      [null, null]
    )
    const done = await confirmMapped(
      supervisor,
      first.upload,
      { 'Nombre del titular': 'first_name', 'Cédula': 'document' },
      { campaign_id: north }
    )
    assert.equal(done.status, 'done')
    const kept = await db.from('import_mappings').select('resource', 'scope_key', 'campaign_id')
    assert.deepEqual(
      kept.map((row) => [row.resource, row.scope_key, Number(row.campaign_id)]),
      [['clients', `campaign:${north}`, north]]
    )
    const audit = await db.from('audit_logs').where('resource', 'import_mappings')
    assert.lengthOf(audit, 1)

    // Same campaign: proposed, accents and case of the headers ignored.
    const again = (
      await preview(supervisor, 'NOMBRE DEL TITULAR;cedula\r\nBea;2\r\n', {
        campaign_id: String(north),
      })
    ).body().data
    assert.isTrue(again.remembered)
    assert.deepEqual(
      again.mapping.map((column: { field: string | null; source: string | null }) => [
        column.field,
        column.source,
      ]),
      [
        ['first_name', 'remembered'],
        ['document', 'remembered'],
      ]
    )
    // Another campaign has its own.
    const elsewhere = (await preview(supervisor, csv, { campaign_id: String(south) })).body().data
    assert.isFalse(elsewhere.remembered)
  })

  test('a mapping to a field that does not exist is a 422 naming the column', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const data = (await preview(supervisor, 'Nombre;Color\r\nAna;rojo\r\n')).body().data
    const refused = await supervisor
      .post('/api/r/clients/imports')
      .header('accept-language', 'es')
      .json({ upload: data.upload, mapping: { Nombre: 'first_name', Color: 'color' } })
    refused.assertStatus(422)
    assert.containsSubset(refused.body().error.fields, [
      { field: 'file', rule: 'unknownMappedField' },
    ])
    const notObject = await supervisor
      .post('/api/r/clients/imports')
      .json({ upload: data.upload, mapping: '[1]' })
    notObject.assertStatus(422)
    assert.equal(notObject.body().error.fields[0].field, 'mapping')
    // The previewed file is kept for a corrected mapping.
    const fixed = await confirmMapped(supervisor, data.upload, {
      Color: null,
      Nombre: 'first_name',
    })
    assert.containsSubset(fixed, { status: 'done', createdRows: 1 })
  })
})

test.group('CSV import: bad input (issue 14)', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))
  group.each.timeout(120_000)

  test('UTF-16 files, little and big endian with their BOM, read right', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const text = 'Nombres\tApellidos\r\n'.replace('\t', ';') + 'Iñaki;Peña\r\nJosé;Álvarez\r\n'
    const little = await importFile(supervisor, utf16(text, 'le'))
    assert.containsSubset(little, { status: 'done', createdRows: 2, errorCount: 0 })
    const big = await importFile(supervisor, utf16(text.replace(/Iñaki|José/g, 'Zoë'), 'be'))
    assert.containsSubset(big, { status: 'done', createdRows: 2, errorCount: 0 })
    const names = await db.from('clients').orderBy('id').select('first_name', 'last_name')
    assert.deepEqual(
      names.map((row) => `${row.first_name} ${row.last_name}`),
      ['Iñaki Peña', 'José Álvarez', 'Zoë Peña', 'Zoë Álvarez']
    )
    const jobs = await db.from('resource_imports').orderBy('id').select('encoding')
    assert.deepEqual(
      jobs.map((job) => job.encoding),
      ['utf-16le', 'utf-16be']
    )
    // The preview reads it too.
    const shown = (await preview(supervisor, utf16(text, 'le'))).body().data
    assert.deepEqual(shown.rows[0].cells, ['Iñaki', 'Peña'])
  })

  test('a row of 10,000 columns is an error on its line; the other rows are read', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const wide = Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',')
    const csv = [
      'first_name,last_name',
      'Ana,Uno',
      wide,
      'Bea,Dos',
      '',
      'Caro,"Tres',
      'líneas"',
    ].join('\n')
    const job = await uploadAndValidate(supervisor, csv)
    assert.containsSubset(job, { status: 'invalid', totalRows: 4, errorCount: 1 })
    assert.deepEqual(
      job.errors.map((error) => [error.line, error.field]),
      [[3, null]]
    )
    assert.equal(job.errors[0].message, 'La fila tiene demasiadas celdas')
  })

  test('formula cells are stored as text and exported behind an apostrophe; E.164 is no formula', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const csv = [
      'first_name;last_name;document;primary_phone',
      'Ana;=HYPERLINK("http://x");@SUM(A1);+573001234567',
      "Bea;-Ruiz;'+1 555;",
    ].join('\r\n')
    const done = await importFile(supervisor, csv)
    assert.containsSubset(done, { status: 'done', createdRows: 2, errorCount: 0 })
    const rows = await db
      .from('clients')
      .orderBy('id')
      .select('last_name', 'document', 'primary_phone')
    assert.deepEqual(
      rows.map((row) => [row.last_name, row.document, row.primary_phone]),
      [
        ['=HYPERLINK("http://x")', '@SUM(A1)', '+573001234567'],
        ['-Ruiz', '+1 555', null],
      ]
    )
    const exported = await supervisor
      .get('/api/r/clients/export.csv')
      .qs({ headers: 'keys', sort: 'id' })
    const lines = csvLines(exported.text())
    const header = lines[0].split(',')
    const ana = lines[1]
    assert.include(ana, `"'=HYPERLINK(""http://x"")"`)
    assert.include(ana, `'@SUM(A1)`)
    assert.equal(ana.split(',')[header.indexOf('primary_phone')], '+573001234567')
    assert.include(lines[2], `'-Ruiz`)
    assert.include(lines[2], `'+1 555`)
  })

  test('semicolons, a BOM, quoted line breaks and blank lines read right', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const csv = '\uFEFFNombres;Apellidos\r\n\r\nAna;"Gómez;\r\nPérez"\r\n\r\n\r\nBea;Ruiz\r\n'
    const done = await importFile(supervisor, csv)
    assert.containsSubset(done, { status: 'done', createdRows: 2, errorCount: 0 })
    const rows = await db.from('clients').orderBy('id').select('last_name')
    assert.deepEqual(
      rows.map((row) => row.last_name),
      ['Gómez;\nPérez', 'Ruiz']
    )
  })
})

test.group('CSV import and export in the supervisor’s language (issue 20.10)', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))
  group.each.timeout(120_000)

  test('labels, Sí/No, a campaign by name and an agent by e-mail are read; unknown names are line errors', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const campaign = await makeCampaign(admin, 'Cobranza Norte')
    const agent = await makeUser('agent', { fullName: 'Marta Ruiz', email: 'marta@tablero.test' })
    const supervisor = await signIn(client, 'supervisor')
    // Counts the reads of campaigns outside transactions (the name lookups;
    // the id checks run in one), on this thread's connection: the import runs here.
    const here = importsOnThisThread()
    const queries: string[] = []
    const connection = db.connection()
    const prototype = Object.getPrototypeOf(connection) as { from: (table: string) => unknown }
    const from = prototype.from
    prototype.from = function (this: unknown, table: string) {
      if (table === 'campaigns') queries.push(table)
      return from.call(this, table)
    }
    const csv = [
      'Nombres;Estado;VIP;Campaña;Usuario asignado',
      ...Array.from(
        { length: 30 },
        (_, i) => `Cliente${i};Contactado;Sí;cobranza norte;MARTA@tablero.test`
      ),
      'Zoe;Nuevo;No;Campaña Fantasma;Marta Ruiz',
      `Yago;Cerrado;no;${campaign};nadie@tablero.test`,
    ].join('\r\n')
    let job
    try {
      job = await uploadAndValidate(supervisor, csv)
    } finally {
      prototype.from = from
      here()
    }
    assert.containsSubset(job, { status: 'invalid', totalRows: 32, errorCount: 2 })
    assert.deepEqual(
      job.errors.map((error) => [error.line, error.field]),
      [
        [32, 'campaign_id'],
        [33, 'assigned_user_id'],
      ]
    )
    assert.include(job.errors[0].message, 'Campaña Fantasma')
    // Names are resolved once per batch, not once per row.
    assert.lengthOf(queries, 1)

    const spanish = await supervisor
      .get(`/api/r/clients/imports/${job.id}`)
      .header('accept-language', 'es')
    assert.equal(
      spanish.body().data.errors[0].message,
      'No existe "Campaña Fantasma": escriba su nombre, correo o id'
    )

    const clean = csv.split('\r\n').slice(0, 31).join('\r\n')
    const done = await importFile(supervisor, clean)
    assert.containsSubset(done, { status: 'done', createdRows: 30, errorCount: 0 })
    const row = await db.from('clients').orderBy('id').firstOrFail()
    assert.equal(row.status, 'contacted')
    assert.equal(Number(row.vip), 1)
    assert.equal(Number(row.campaign_id), campaign)
    assert.equal(Number(row.assigned_user_id), agent.id)
  })

  test('the template is in the user’s language, or in field keys', async ({ client, assert }) => {
    const supervisor = await signIn(client, 'supervisor')
    const spanish = await supervisor.get('/api/r/clients/import/template.csv').qs({ lang: 'es' })
    const header = csvLines(spanish.text())[0].split(',')
    assert.includeMembers(header, ['Nombres', 'Correo', 'Teléfono principal', 'Campaña'])
    const english = await supervisor
      .get('/api/r/clients/import/template.csv')
      .header('accept-language', 'en')
    assert.include(csvLines(english.text())[0], 'First names')
    const keys = await supervisor.get('/api/r/clients/import/template.csv').qs({ headers: 'keys' })
    assert.include(csvLines(keys.text())[0].split(','), 'first_name')
  })

  test('the export writes labels, names and plain phones, and imports back', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const campaign = await makeCampaign(admin, 'Cobranza Sur')
    const agent = await makeUser('agent', { fullName: 'Luis Paz', email: 'luis@tablero.test' })
    const supervisor = await signIn(client, 'supervisor')
    const source = [
      'first_name;last_name;primary_phone;status;vip;campaign_id;assigned_user_id;gender',
      `Ana;Gómez;+573001234567;contacted;true;${campaign};${agent.id};female`,
      'Bea;=1+2;;;false;;;',
    ].join('\r\n')
    assert.equal((await importFile(supervisor, source)).status, 'done')

    const exported = await supervisor
      .get('/api/r/clients/export.csv')
      .header('accept-language', 'es')
      .qs({ sort: 'id' })
    exported.assertStatus(200)
    const lines = csvLines(exported.text())
    const header = lines[0].split(',')
    assert.includeMembers(header, ['Nombres', 'Teléfono principal', 'Estado', 'Campaña', 'ID'])
    const cell = (line: string, name: string) => line.split(',')[header.indexOf(name)]
    assert.equal(cell(lines[1], 'Teléfono principal'), '+573001234567')
    assert.equal(cell(lines[1], 'Estado'), 'Contactado')
    assert.equal(cell(lines[1], 'VIP'), 'Sí')
    assert.equal(cell(lines[1], 'Campaña'), 'Cobranza Sur')
    assert.equal(cell(lines[1], 'Usuario asignado'), 'Luis Paz')
    assert.equal(cell(lines[1], 'Género'), 'Femenino')
    assert.equal(cell(lines[2], 'Apellidos'), `'=1+2`)
    assert.equal(cell(lines[2], 'VIP'), 'No')

    // Field keys on request; English labels for an English reader.
    const keys = await supervisor
      .get('/api/r/clients/export.csv')
      .qs({ headers: 'keys', lang: 'en', sort: 'id' })
    const keyLines = csvLines(keys.text())
    assert.include(keyLines[0].split(','), 'first_name')
    assert.include(keyLines[1], ',Contacted,')
    assert.include(keyLines[1], ',Yes,')

    // Round trip: the Spanish export imports back as the same clients.
    await db.from('client_phones').delete()
    await db.from('clients').delete()
    const back = await importFile(supervisor, exported.text())
    assert.containsSubset(back, { status: 'done', createdRows: 2, errorCount: 0 })
    const rows = await db.from('clients').orderBy('id')
    assert.containsSubset(rows[0], {
      first_name: 'Ana',
      last_name: 'Gómez',
      primary_phone: '+573001234567',
      status: 'contacted',
      gender: 'female',
    })
    assert.equal(Number(rows[0].campaign_id), campaign)
    assert.equal(Number(rows[0].assigned_user_id), agent.id)
    assert.equal(Number(rows[0].vip), 1)
    assert.equal(rows[1].last_name, '=1+2')
  })

  test('the base export follows the same rules', async ({ client, assert }) => {
    const admin = await signIn(client, 'admin')
    const campaign = await makeCampaign(admin, 'Mora 30')
    const supervisor = await signIn(client, 'supervisor')
    const uploaded = await upload(
      supervisor,
      'Nombres;Teléfono principal;Estado\r\nAna;+573001234567;Cerrado\r\n'
    ).field('campaign_id', String(campaign))
    uploaded.assertStatus(202)
    const ready = await settle(supervisor, uploaded.body().data.id)
    ;(await supervisor.post(`/api/r/clients/imports/${ready.id}/start`)).assertStatus(202)
    await settle(supervisor, ready.id)
    const base = await db.from('bases').firstOrFail()
    const exported = await supervisor.get(`/api/bases/${base.id}/export.csv`).qs({ lang: 'es' })
    const lines = csvLines(exported.text())
    const header = lines[0].split(',')
    const cell = (name: string) => lines[1].split(',')[header.indexOf(name)]
    assert.equal(cell('Teléfono principal'), '+573001234567')
    assert.equal(cell('Estado'), 'Cerrado')
    assert.equal(cell('Base'), base.name)
  })
})
