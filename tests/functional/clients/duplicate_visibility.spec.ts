import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { truncateAfterEach } from '#tests/helpers/database'
import plugins from '#services/plugins'
import grants from '#services/grants'
import { SYSTEM_ACTOR } from '#services/audit_log'
import { makeUser, signIn } from '#tests/helpers/auth'
import { makeClient } from '#tests/helpers/clients'

const PHONE = '+573001112233'
const EMAIL = 'rosa.secreta@correo.test'

/** Agent A's client, whose phone and e-mail agent B will try to reuse. */
async function othersClient() {
  const owner = await makeUser('agent')
  const id = await makeClient({
    first_name: 'Rosa',
    last_name: 'Secreta',
    primary_phone: PHONE,
    email: EMAIL,
    assigned_user_id: owner.id,
  })
  return id
}

function assertNamesNobody(assert: any, body: unknown, id: number) {
  const text = JSON.stringify(body)
  assert.notInclude(text, `#${id}`)
  assert.notInclude(text, 'Rosa')
  assert.notInclude(text, 'Secreta')
}

test.group('Clients: duplicates name only clients the caller may read (C12)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test("an agent reusing another agent's phone or e-mail learns it exists, not whose it is", async ({
    client,
    assert,
  }) => {
    const id = await othersClient()
    const agent = await signIn(client, 'agent')
    for (const body of [
      { first_name: 'Nueva', primary_phone: '+57 300 111 2233' },
      { first_name: 'Nueva', email: 'ROSA.secreta@correo.test' },
    ]) {
      const refused = await agent.post('/api/r/clients').header('accept-language', 'es').json(body)
      refused.assertStatus(409)
      assert.equal(refused.body().error.code, 'DUPLICATE_CLIENT')
      assert.include(refused.body().error.message, 'supervisor')
      assert.equal(refused.body().error.fields[0].rule, 'duplicateHidden')
      assertNamesNobody(assert, refused.body(), id)
    }
    const english = await agent
      .post('/api/r/clients')
      .header('accept-language', 'en')
      .json({ first_name: 'Nueva', primary_phone: PHONE })
    assert.include(english.body().error.message, 'ask a supervisor')
    assertNamesNobody(assert, english.body(), id)

    const own = await makeClient({ first_name: 'Propia', assigned_user_id: agent.user.id })
    const update = await agent.patch(`/api/r/clients/${own}`).json({ email: EMAIL })
    update.assertStatus(409)
    assertNamesNobody(assert, update.body(), id)
  })

  test('a supervisor or admin is told which client has the phone or e-mail', async ({
    client,
    assert,
  }) => {
    const id = await othersClient()
    for (const role of ['supervisor', 'admin'] as const) {
      const user = await signIn(client, role)
      const refused = await user
        .post('/api/r/clients')
        .json({ first_name: 'Nueva', primary_phone: PHONE })
      refused.assertStatus(409)
      assert.include(refused.body().error.message, `#${id} Rosa Secreta`)
      assert.equal(refused.body().error.fields[0].rule, 'duplicate')
    }
  })

  test("an agent adding another agent's number to its client is not told whose it is", async ({
    client,
    assert,
  }) => {
    const id = await othersClient()
    const agent = await signIn(client, 'agent')
    const own = await makeClient({ first_name: 'Propia', assigned_user_id: agent.user.id })
    const refused = await agent
      .post('/api/r/client_phones')
      .header('accept-language', 'es')
      .json({ client_id: own, e164: PHONE })
    refused.assertStatus(409)
    assert.equal(refused.body().error.code, 'DUPLICATE_PHONE')
    assert.include(refused.body().error.message, 'supervisor')
    assertNamesNobody(assert, refused.body(), id)

    const supervisor = await signIn(client, 'supervisor')
    const named = await supervisor
      .post('/api/r/client_phones')
      .json({ client_id: own, e164: PHONE })
    named.assertStatus(409)
    assert.include(named.body().error.message, `#${id}`)
  })

  test("an agent's duplicates dialog lists only clients it may read and counts the rest", async ({
    client,
    assert,
  }) => {
    const id = await othersClient()
    const agent = await signIn(client, 'agent')
    const own = await makeClient({
      first_name: 'Propia',
      email: EMAIL,
      assigned_user_id: agent.user.id,
    })
    const mine = await makeClient({
      first_name: 'Otra mía',
      email: EMAIL,
      assigned_user_id: agent.user.id,
    })

    const listed = await agent.get(`/api/clients/${own}/duplicates`)
    listed.assertStatus(200)
    assert.deepEqual(
      listed.body().data.map((row: { id: number }) => row.id),
      [mine]
    )
    assert.equal(listed.body().meta.hidden, 1)
    assertNamesNobody(assert, listed.body(), id)

    const admin = await signIn(client, 'admin')
    const all = await admin.get(`/api/clients/${own}/duplicates`)
    assert.sameMembers(
      all.body().data.map((row: { id: number }) => row.id),
      [id, mine]
    )
    assert.equal(all.body().meta.hidden, 0)
  })
})

type Session = Awaited<ReturnType<typeof signIn>>

/** Uploads a CSV of clients and waits for its validation to end. */
async function validateImport(session: Session, csv: string) {
  const uploaded = await session
    .post('/api/r/clients/imports')
    .file('file', Buffer.from(csv), { filename: 'clientes.csv' })
  uploaded.assertStatus(202)
  for (let poll = 0; poll < 500; poll++) {
    const job = (await session.get(`/api/r/clients/imports/${uploaded.body().data.id}`)).body().data
    if (job.status !== 'validating') return job
    await new Promise((resolve) => setTimeout(resolve, 40))
  }
  throw new Error('The import is still validating')
}

test.group('Clients import: duplicates name only clients the importer may read', (group) => {
  // Import jobs run on their own connection: commit and truncate.
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))
  group.each.timeout(60_000)

  test('the validation errors of an importer who may not read the duplicate do not name it', async ({
    client,
    assert,
  }) => {
    const id = await othersClient()
    const csv = `first_name,primary_phone,email\nNueva,${PHONE},\nOtra,,${EMAIL}\n`
    // Agents do not import clients; a role that does but is scoped is
    // what the rule is about, so agents are granted the permission here.
    await grants.change(
      [{ role: 'agent', permission: 'clients.import', granted: true }],
      SYSTEM_ACTOR
    )
    const agent = await signIn(client, 'agent')
    const job = await validateImport(agent, csv)
    assert.equal(job.status, 'invalid')
    assert.deepEqual(
      job.errors.map((error: { line: number; field: string }) => [error.line, error.field]),
      [
        [2, 'primary_phone'],
        [3, 'email'],
      ]
    )
    assertNamesNobody(assert, job, id)

    const supervisor = await signIn(client, 'supervisor')
    const named = await validateImport(supervisor, csv)
    assert.include(JSON.stringify(named.errors), `#${id}`)
  })
})
