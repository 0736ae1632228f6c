import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { makeUser, signIn } from '#tests/helpers/auth'
import { truncateAfterEach } from '#tests/helpers/database'
import { settleJob, startJobWorker, stopJobWorker } from '#tests/helpers/jobs'
import { toSqlDateTime } from '#services/audit_log'
import { ASSIGN_BATCH } from '#services/assignments/client_assigner'

const now = () => toSqlDateTime(DateTime.utc())

async function makeCampaign(name: string, memberIds: number[]) {
  const [id] = await db
    .table('campaigns')
    .insert({ name, type: 'outbound_dialer', active: 1, created_at: now(), updated_at: now() })
  if (memberIds.length > 0) {
    await db
      .table('campaign_agents')
      .multiInsert(
        memberIds.map((userId) => ({ campaign_id: id, user_id: userId, created_at: now() }))
      )
  }
  return Number(id)
}

/** `count` clients of the campaign, inserted in one go; `status` lets a filter pick them. */
async function makeClients(
  campaignId: number,
  count: number,
  values: Record<string, unknown> = {}
) {
  const rows = Array.from({ length: count }, (_, i) => ({
    first_name: 'Cliente',
    last_name: `Asignable ${i}`,
    search_name: `cliente asignable ${i}`,
    status: 'new',
    vip: 0,
    bad: 0,
    campaign_id: campaignId,
    created_at: now(),
    ...values,
  }))
  for (let start = 0; start < rows.length; start += 500) {
    await db.table('clients').multiInsert(rows.slice(start, start + 500))
  }
}

const VIPS = { field: 'vip', op: 'eq', value: true }

async function assignedCounts(campaignId: number) {
  const rows = await db
    .from('clients')
    .where('campaign_id', campaignId)
    .groupBy('assigned_user_id')
    .select('assigned_user_id')
    .count('* as total')
  return Object.fromEntries(rows.map((row) => [String(row.assigned_user_id), Number(row.total)]))
}

test.group('Asignaciones (D2)', (group) => {
  // Locks and jobs need committed rows (no global transaction): truncate.
  group.each.setup(() => truncateAfterEach())
  group.each.teardown(() => stopJobWorker())

  test("100 filtered clients go to 5 agents, 20 each, and each client's history shows it", async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const agents = await Promise.all([1, 2, 3, 4, 5].map(() => makeUser('agent')))
    const campaignId = await makeCampaign(
      'Cobranzas',
      agents.map((agent) => agent.id)
    )
    await makeClients(campaignId, 100, { vip: 1 })
    await makeClients(campaignId, 7, { vip: 0 })

    const counted = await supervisor
      .post('/api/assignments/count')
      .json({ campaignId, filter: VIPS, recordType: 'unassigned' })
    counted.assertStatus(200)
    assert.deepEqual(counted.body().data, { matched: 100, assigned: 0 })

    const done = await supervisor.post('/api/assignments').json({
      campaignId,
      filter: VIPS,
      recordType: 'unassigned',
      mode: 'assign',
      userIds: agents.map((agent) => agent.id),
      expected: { matched: 100, assigned: 0 },
    })
    done.assertStatus(200)
    assert.equal(done.body().data.outcome.clients, 100)
    const counts = await assignedCounts(campaignId)
    for (const agent of agents) assert.equal(counts[agent.id], 20)
    assert.equal(counts.null, 7)

    // One audit entry per batch and agent, each naming its clients.
    const entries = await db.from('audit_logs').where({ resource: 'clients', action: 'assign' })
    assert.lengthOf(entries, 5)
    const one = await db
      .from('clients')
      .where('campaign_id', campaignId)
      .whereNotNull('assigned_user_id')
      .first()
    const history = await supervisor.get(`/api/r/clients/${one.id}/history`)
    history.assertStatus(200)
    assert.containsSubset(history.body().data[0], {
      action: 'assign',
      actor: { id: supervisor.user.id },
      after: { assigned_user_id: Number(one.assigned_user_id) },
    })
    const log = await supervisor.get(`/api/clients/${one.id}/log`)
    assert.equal(log.body().data[0].action, 'assign')
  })

  test('the remainder goes one client at a time, and the results can be unassigned', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const agents = await Promise.all([1, 2, 3].map(() => makeUser('agent')))
    const campaignId = await makeCampaign(
      'Resto',
      agents.map((agent) => agent.id)
    )
    await makeClients(campaignId, 11)
    const assign = await supervisor.post('/api/assignments').json({
      campaignId,
      mode: 'assign',
      userIds: agents.map((agent) => agent.id),
      expected: { matched: 11, assigned: 0 },
    })
    assign.assertStatus(200)
    const shares = Object.values(assign.body().data.outcome.perUser).map(Number).sort()
    assert.deepEqual(shares, [3, 4, 4])

    // A maximum count takes the first clients of the set.
    const limited = await supervisor
      .post('/api/assignments/count')
      .json({ campaignId, recordType: 'assigned', limit: 5 })
    assert.deepEqual(limited.body().data, { matched: 5, assigned: 5 })
    const unassign = await supervisor.post('/api/assignments').json({
      campaignId,
      recordType: 'assigned',
      limit: 5,
      mode: 'unassign',
      expected: { matched: 5, assigned: 5 },
    })
    unassign.assertStatus(200)
    assert.equal((await assignedCounts(campaignId)).null, 5)
    assert.lengthOf(await db.from('audit_logs').where({ action: 'unassign' }), 1)
  })

  test('bad input is refused and nothing is applied', async ({ client, assert }) => {
    const supervisor = await signIn(client, 'supervisor')
    const agent = await signIn(client, 'agent')
    const [ana, beto, outsider] = await Promise.all([1, 2, 3].map(() => makeUser('agent')))
    const campaignId = await makeCampaign('Errores', [ana.id, beto.id])
    await makeClients(campaignId, 1)
    const base = { campaignId, mode: 'assign', expected: { matched: 1, assigned: 0 } }

    const outside = await supervisor
      .post('/api/assignments')
      .json({ ...base, userIds: [ana.id, outsider.id] })
    outside.assertStatus(422)
    outside.assertBodyContains({
      error: { fields: [{ field: 'userIds[1]', rule: 'notInCampaign' }] },
    })

    const fewer = await supervisor
      .post('/api/assignments')
      .json({ ...base, userIds: [ana.id, beto.id] })
    fewer.assertStatus(422)
    fewer.assertBodyContains({ error: { fields: [{ field: 'userIds', rule: 'fewerClients' }] } })

    const none = await supervisor.post('/api/assignments').json({
      ...base,
      filter: { field: 'status', op: 'eq', value: 'closed' },
      userIds: [ana.id],
      expected: { matched: 0, assigned: 0 },
    })
    none.assertStatus(422)
    none.assertBodyContains({ error: { fields: [{ field: 'filter', rule: 'noMatches' }] } })

    const noAgents = await supervisor.post('/api/assignments').json({ ...base, userIds: [] })
    noAgents.assertStatus(422)

    const badFilter = await supervisor
      .post('/api/assignments/count')
      .json({ campaignId, filter: { field: 'nope', op: 'eq', value: 1 } })
    badFilter.assertStatus(422)

    const forbidden = await agent.post('/api/assignments').json({ ...base, userIds: [ana.id] })
    forbidden.assertStatus(403)
    ;(await agent.post('/api/assignments/count').json({ campaignId })).assertStatus(403)

    assert.deepEqual(await assignedCounts(campaignId), { null: 1 })
    assert.lengthOf(await db.from('audit_logs').whereIn('action', ['assign', 'unassign']), 0)
  })

  test('two supervisors assigning the same clients at once: the second sees what changed', async ({
    client,
    assert,
  }) => {
    const first = await signIn(client, 'supervisor')
    const second = await signIn(client, 'supervisor')
    const [ana, beto] = await Promise.all([1, 2].map(() => makeUser('agent')))
    const campaignId = await makeCampaign('Carrera', [ana.id, beto.id])
    await makeClients(campaignId, 40)
    const order = (userIds: number[]) => ({
      campaignId,
      recordType: 'unassigned',
      mode: 'assign',
      userIds,
      expected: { matched: 40, assigned: 0 },
    })
    const answers = await Promise.all([
      first.post('/api/assignments').json(order([ana.id])),
      second.post('/api/assignments').json(order([beto.id])),
    ])
    const statuses = answers.map((answer) => answer.status()).sort()
    assert.deepEqual(statuses, [200, 409])
    const refused = answers.find((answer) => answer.status() === 409)!
    assert.containsSubset(refused.body().error, {
      code: 'ASSIGNMENT_CHANGED',
      fields: [
        {
          field: 'expected',
          rule: 'changed',
          meta: { expected: { matched: 40, assigned: 0 }, now: { matched: 0, assigned: 0 } },
        },
      ],
    })
    assert.include(refused.body().error.message, '40')
    const counts = await assignedCounts(campaignId)
    assert.equal((counts[ana.id] ?? 0) + (counts[beto.id] ?? 0), 40)
    assert.isTrue(counts[ana.id] === 40 || counts[beto.id] === 40)
  })

  test('a large set runs as a background job with progress, one audit entry per batch', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const [ana, beto] = await Promise.all([1, 2].map(() => makeUser('agent')))
    const campaignId = await makeCampaign('Masiva', [ana.id, beto.id])
    const total = ASSIGN_BATCH * 2 + 200
    await makeClients(campaignId, total)
    const dispatched = await supervisor.post('/api/assignments').json({
      campaignId,
      mode: 'assign',
      userIds: [ana.id, beto.id],
      expected: { matched: total, assigned: 0 },
    })
    dispatched.assertStatus(202)
    const jobId = dispatched.body().data.jobId
    await startJobWorker()
    await settleJob(jobId)
    const job = await supervisor.get(`/api/jobs/${jobId}`)
    assert.containsSubset(job.body().data, { status: 'done', progress: 100 })
    const counts = await assignedCounts(campaignId)
    assert.deepEqual([counts[ana.id], counts[beto.id]], [total / 2, total / 2])
    // 1,100 clients each: a batch of 1,000 and one of 100, per agent.
    assert.lengthOf(await db.from('audit_logs').where({ action: 'assign' }), 4)
    assert.equal(Number((await db.from('audit_log_records').count('* as n').first()).n), total)
  })
})
