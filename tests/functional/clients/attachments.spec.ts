import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { makeUser, signIn } from '#tests/helpers/auth'
import { makeClient } from '#tests/helpers/clients'

test.group('Clients: attachments', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('uploads, lists, downloads and deletes a file, audited on the client', async ({
    client,
    assert,
  }) => {
    const agent = await signIn(client, 'agent')
    const id = await makeClient({ assigned_user_id: agent.user.id })
    const upload = await agent
      .post(`/api/clients/${id}/attachments`)
      .file('file', Buffer.from('contrato firmado'), { filename: 'contrato.txt' })
    upload.assertStatus(201)
    const file = upload.body().data
    assert.containsSubset(file, {
      name: 'contrato.txt',
      size: 16,
      uploadedBy: { id: agent.user.id },
    })

    const list = await agent.get(`/api/clients/${id}/attachments`)
    assert.deepEqual(
      list.body().data.map((f: { id: number }) => f.id),
      [file.id]
    )
    const download = await agent.get(`/api/clients/${id}/attachments/${file.id}/download`)
    download.assertStatus(200)
    assert.equal(download.text(), 'contrato firmado')
    assert.include(download.header('content-disposition'), 'contrato.txt')

    ;(await agent.delete(`/api/clients/${id}/attachments/${file.id}`)).assertStatus(204)
    ;(await agent.get(`/api/clients/${id}/attachments/${file.id}/download`)).assertStatus(404)
    const log = await agent.get(`/api/clients/${id}/log`)
    assert.deepEqual(
      log.body().data.map((e: { action: string }) => e.action),
      ['attachment.delete', 'attachment.upload']
    )
  })

  test('a file over 10 MB is a 413 and nothing is stored', async ({ client, assert }) => {
    const admin = await signIn(client, 'admin')
    const id = await makeClient()
    const response = await admin
      .post(`/api/clients/${id}/attachments`)
      .file('file', Buffer.alloc(11 * 1024 * 1024, 1), { filename: 'big.pdf' })
    response.assertStatus(413)
    assert.lengthOf(await db.from('client_attachments').where('client_id', id), 0)
  })

  test('a 200 MB upload is refused before it is read', async ({ client }) => {
    const admin = await signIn(client, 'admin')
    const id = await makeClient()
    const response = await admin
      .post(`/api/clients/${id}/attachments`)
      .file('file', Buffer.alloc(200 * 1024 * 1024, 1), { filename: 'huge.zip' })
    response.assertStatus(413)
  })

  test('an executable or a missing file is a 422', async ({ client }) => {
    const admin = await signIn(client, 'admin')
    const id = await makeClient()
    const exe = await admin
      .post(`/api/clients/${id}/attachments`)
      .file('file', Buffer.from('MZ'), { filename: 'virus.exe' })
    exe.assertStatus(422)
    ;(await admin.post(`/api/clients/${id}/attachments`).fields({ x: '1' })).assertStatus(422)
  })

  test("another agent's client files are out of reach", async ({ client }) => {
    const agent = await signIn(client, 'agent')
    const other = await makeUser('agent')
    const id = await makeClient({ assigned_user_id: other.id })
    ;(await agent.get(`/api/clients/${id}/attachments`)).assertStatus(404)
    const upload = await agent
      .post(`/api/clients/${id}/attachments`)
      .file('file', Buffer.from('x'), { filename: 'a.txt' })
    upload.assertStatus(404)
  })

  test('an attachment is stored under its name without NUL, control or bidi characters', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const id = await makeClient()
    const names: Array<[string, string]> = [
      ['fac\u0000tu\u0007ra\u202Efdp.exe\u202C.txt', 'facturafdp.exe.txt'],
      ['\u2066contrato\u2069 \u200Ffirmado\u200E\u061C\u0085.txt', 'contrato firmado.txt'],
      ['\u202E\u202D\u2067.txt', 'archivo.txt'],
    ]
    // Plain text: the body parser tells a .pdf or a .png by its bytes, a .txt by its name.
    for (const [sent, stored] of names) {
      const upload = await admin
        .post(`/api/clients/${id}/attachments`)
        .file('file', Buffer.from('x'), { filename: sent })
      assert.equal(upload.status(), 201, JSON.stringify([sent, upload.text().slice(0, 300)]))
      assert.equal(upload.body().data.name, stored)
      const row = await db.from('client_attachments').where('id', upload.body().data.id).first()
      assert.equal(row.original_name, stored)
    }
  })

  test('refusing an .exe says which types attachments accept, in Spanish and in English', async ({
    client,
    assert,
  }) => {
    const admin = await signIn(client, 'admin')
    const id = await makeClient()
    const send = (language: string) =>
      admin
        .post(`/api/clients/${id}/attachments`)
        .header('accept-language', language)
        .file('file', Buffer.from('MZ'), { filename: 'virus.exe' })
    const spanish = await send('es')
    spanish.assertStatus(422)
    assert.equal(spanish.body().error.fields[0].field, 'file')
    assert.include(spanish.body().error.message, 'Tipo de archivo no permitido')
    assert.include(spanish.body().error.message, '.pdf, .png')
    assert.include(spanish.body().error.message, 'o .wav')
    const english = await send('en')
    assert.include(english.body().error.message, '.exe files are not accepted')
    assert.include(english.body().error.message, '.pdf, .png')
    assert.include(english.body().error.message, 'or .wav')
    assert.notInclude(spanish.body().error.message, 'suba un .csv')
    assert.notInclude(english.body().error.message, 'upload a .csv')
  })
})
