import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { signIn, makeClient } from '#sdk/testing'

const iso = (value: DateTime) =>
  value.toUTC().startOf('second').toISO({ suppressMilliseconds: true })

/** Issue 20 item 6: a task due in the past is a typo until the user confirms it. */
test.group('client tasks: due dates in the past', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a past due date is refused (422 on due_at) unless confirmPast', async ({
    client,
    assert,
  }) => {
    const agent = await signIn(client, 'agent')
    const clientId = await makeClient({ assigned_user_id: agent.user.id })
    const past = iso(DateTime.utc().minus({ days: 1 }))
    const refused = await agent
      .post('/api/r/client_tasks')
      .json({ client_id: clientId, title: 'Llamar', due_at: past })
    refused.assertStatus(422)
    assert.equal(refused.body().error.code, 'DATE_IN_PAST')
    assert.equal(refused.body().error.fields[0].field, 'due_at')
    assert.lengthOf(await db.from('client_tasks').where('client_id', clientId), 0)

    const confirmed = await agent
      .post('/api/r/client_tasks')
      .qs({ confirmPast: 1 })
      .json({ client_id: clientId, title: 'Llamar', due_at: past })
    confirmed.assertStatus(201)
    assert.equal(confirmed.body().data.due_at, past)

    const future = await agent
      .post('/api/r/client_tasks')
      .json({ client_id: clientId, title: 'Enviar', due_at: iso(DateTime.utc().plus({ days: 1 })) })
    future.assertStatus(201)
  })

  test('moving a due date into the past needs confirmPast; ticking an overdue task does not', async ({
    client,
    assert,
  }) => {
    const agent = await signIn(client, 'agent')
    const clientId = await makeClient({ assigned_user_id: agent.user.id })
    const past = iso(DateTime.utc().minus({ hours: 2 }))
    const created = await agent
      .post('/api/r/client_tasks')
      .qs({ confirmPast: 1 })
      .json({ client_id: clientId, title: 'Vencida', due_at: past })
    created.assertStatus(201)
    const id = created.body().data.id

    // an overdue task is ticked done, and its unchanged date resent, without confirmation
    const done = await agent.patch(`/api/r/client_tasks/${id}`).json({ done: true, due_at: past })
    done.assertStatus(200)

    const earlier = iso(DateTime.utc().minus({ days: 3 }))
    const moved = await agent.patch(`/api/r/client_tasks/${id}`).json({ due_at: earlier })
    moved.assertStatus(422)
    assert.equal(moved.body().error.fields[0].field, 'due_at')
    const confirmed = await agent
      .patch(`/api/r/client_tasks/${id}`)
      .qs({ confirmPast: 1 })
      .json({ due_at: earlier })
    confirmed.assertStatus(200)
    assert.equal(confirmed.body().data.due_at, earlier)
  })
})
