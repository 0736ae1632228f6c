import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { makeUser, signIn } from '#tests/helpers/auth'
import { dispatchJob } from '#services/jobs/dispatch'
import { JobRuns } from '#services/jobs/job_runs'
import { JobSchedule } from '#services/jobs/job_schedule'
import { failJob, slowJob } from '#tests/fixtures/plugins/hello/backend/jobs'
import { truncateAfterEach } from '#tests/helpers/database'
import { settleJob, startJobWorker, stopJobWorker } from '#tests/helpers/jobs'
import { SYSTEM_ACTOR } from '#services/audit_log'
import plugins from '#services/plugins'

const HELLO = '/api/p/hello/jobs'

test.group('SDK: background jobs', (group) => {
  // Jobs run on the worker's own connection and commit: truncate.
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))
  group.each.teardown(() => stopJobWorker())

  test('a dispatched job runs, reports progress and ends done with its result', async ({
    client,
    assert,
  }) => {
    const agent = await signIn(client, 'agent')
    const dispatched = await agent.post(`${HELLO}/count`).json({ upTo: 4 })
    dispatched.assertStatus(202)
    const id = dispatched.body().data.id

    const queued = await agent.get(`/api/jobs/${id}`)
    queued.assertStatus(200)
    assert.containsSubset(queued.body().data, {
      id,
      name: 'hello.count',
      plugin: 'hello',
      status: 'queued',
      progress: 0,
      userId: agent.user.id,
      startedAt: null,
    })

    await startJobWorker()
    await settleJob(id)
    const done = await agent.get(`/api/jobs/${id}`)
    assert.containsSubset(done.body().data, {
      status: 'done',
      progress: 100,
      message: '4 of 4',
      result: { message: 'hola desde un job', counted: 4 },
      error: null,
      attempts: 1,
    })
    assert.isString(done.body().data.finishedAt)
  })

  test('a job dispatched in a transaction that rolls back is never queued', async ({
    client,
    assert,
  }) => {
    const agent = await signIn(client, 'agent')
    const response = await agent.post(`${HELLO}/count`).json({ rollback: true })
    response.assertStatus(500)
    assert.lengthOf(await db.from('job_runs'), 0)
    assert.lengthOf(await db.from('queue_jobs'), 0)
  })

  test('a failing job ends failed with its error message', async ({ client, assert }) => {
    const agent = await signIn(client, 'agent')
    const id = (await agent.post(`${HELLO}/fail`)).body().data.id
    await startJobWorker()
    await settleJob(id)
    const failed = await agent.get(`/api/jobs/${id}`)
    assert.containsSubset(failed.body().data, {
      status: 'failed',
      error: 'the greeting went wrong',
      result: null,
      attempts: 1,
    })
  })

  test('a job with retries left is run again and can still succeed', async ({ client, assert }) => {
    const agent = await signIn(client, 'agent')
    const id = (await agent.post(`${HELLO}/flaky`)).body().data.id
    await startJobWorker()
    const run = await settleJob(id)
    assert.containsSubset(run, { status: 'done', attempts: 2, result: { attempt: 2 } })
  })

  test('a job that outlives its timeout ends failed, even if its handler returns later', async ({
    assert,
  }) => {
    const admin = await makeUser('admin')
    const { id } = await dispatchJob(slowJob, {}, { user: admin })
    await startJobWorker()
    const run = await settleJob(id)
    assert.equal(run.status, 'failed')
    assert.equal(run.error, 'The job "hello.slow" has exceeded the timeout of 50ms')
    await stopJobWorker()
    // The handler saw the abort and returned: the run stays failed, with no result.
    assert.containsSubset(JobRuns.present((await JobRuns.find(id))!), {
      status: 'failed',
      result: null,
    })
  })

  test('only the user who dispatched a job, or an admin, reads it', async ({ client }) => {
    const agent = await signIn(client, 'agent')
    const id = (await agent.post(`${HELLO}/fail`)).body().data.id

    const other = await signIn(client, 'supervisor')
    const hidden = await other.get(`/api/jobs/${id}`)
    hidden.assertStatus(404)
    hidden.assertBodyContains({ error: { code: 'NOT_FOUND' } })
    ;(await other.get('/api/jobs/999999')).assertStatus(404)

    const admin = await signIn(client, 'admin')
    ;(await admin.get(`/api/jobs/${id}`)).assertStatus(200)
  })

  test('reading a job needs a signed-in user', async ({ client }) => {
    const response = await client.get('/api/jobs/1')
    response.assertStatus(401)
  })

  test("a disabled plugin's job is refused at dispatch", async ({ client, assert }) => {
    const admin = await signIn(client, 'admin')
    await plugins.disable('greeter-extra', SYSTEM_ACTOR)
    await plugins.disable('hello', SYSTEM_ACTOR)
    try {
      const refused = await dispatchJob(failJob, {}, { user: admin.user }).catch((e) => e)
      assert.equal(refused.code, 'PLUGIN_DISABLED')
      assert.equal(refused.status, 404)
      assert.lengthOf(await db.from('job_runs'), 0)
    } finally {
      await plugins.enable('hello', SYSTEM_ACTOR)
      await plugins.enable('greeter-extra', SYSTEM_ACTOR)
    }
  })

  test('a job dispatched inside a transaction, with plugin states due for a re-read, waits for no other connection', async ({
    assert,
  }) => {
    const user = await makeUser('agent')
    const realNow = Date.now
    const rolledBack = new Error('roll back')
    const outcome = await db
      .transaction(async (trx) => {
        // the states this node holds are an hour old: a re-read is due
        Date.now = () => realNow() + 3_600_000
        try {
          const run = await dispatchJob(failJob, {}, { user, trx })
          assert.isAbove(run.id, 0)
        } finally {
          Date.now = realNow
        }
        throw rolledBack
      })
      .catch((error) => error)
    // On SQLite a re-read on the app's connection would wait for this transaction (60 s).
    assert.strictEqual(outcome, rolledBack)
    assert.lengthOf(await db.from('job_runs'), 0)
  }).timeout(10_000)
})

test.group('SDK: jobs that run on their own (every)', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => plugins.refresh(true))
  group.each.teardown(() => JobSchedule.stop())

  test('each round is dispatched by the one node that claims it, as the system', async ({
    assert,
  }) => {
    const hourly = { ...failJob, every: () => '1h' }
    // two nodes' timers firing in the same round: one dispatches, the other skips it
    assert.isTrue(await JobSchedule.tick(hourly, 3_600_000))
    assert.isFalse(await JobSchedule.tick(hourly, 3_600_000))
    const runs = await db.from('job_runs').where('name', 'hello.fail')
    assert.lengthOf(runs, 1)
    assert.isNull(runs[0].user_id)
  })

  test('the timer dispatches a round without anyone calling; a new round once the claim lapses', async ({
    assert,
  }) => {
    JobSchedule.start([
      { ...failJob, every: () => 150 },
      { ...slowJob, every: () => null },
    ])
    const runs = async (name: string) => (await db.from('job_runs').where('name', name)).length
    for (let wait = 0; wait < 100 && (await runs('hello.fail')) < 2; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    // stopped before the tables are emptied: no round in flight lands in the next test
    await JobSchedule.stop()
    assert.isAtLeast(await runs('hello.fail'), 2)
    assert.equal(await runs('hello.slow'), 0)
  })

  test("a disabled plugin's job is not dispatched by the schedule", async ({ assert }) => {
    await plugins.disable('greeter-extra', SYSTEM_ACTOR)
    await plugins.disable('hello', SYSTEM_ACTOR)
    try {
      assert.isFalse(await JobSchedule.tick({ ...failJob, every: () => 1000 }, 1000))
      assert.lengthOf(await db.from('job_runs'), 0)
    } finally {
      await plugins.enable('hello', SYSTEM_ACTOR)
      await plugins.enable('greeter-extra', SYSTEM_ACTOR)
    }
  })
})
