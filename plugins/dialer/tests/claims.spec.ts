import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { AuditLog } from '#sdk'
import { signIn } from '#sdk/testing'
import { resetTelephony } from '../backend/telephony/index.ts'
import {
  API,
  buildList,
  campaign,
  clientsOf,
  dialerGroup,
  dialerWorld,
  next,
  type Session,
} from './helpers.ts'

const AGENTS = 12
const CONTACTS = 90

test.group('dialer: concurrent claims (D4)', (group) => {
  dialerGroup(group)

  test('many agents claiming at once over HTTP: no contact twice, none lost', async ({
    client,
    assert,
  }) => {
    const supervisor = await signIn(client, 'supervisor')
    const agents: Session[] = []
    for (let index = 0; index < AGENTS; index++) agents.push(await signIn(client, 'agent'))
    const campaignId = await campaign(agents.map((agent) => agent.user.id))
    await clientsOf(campaignId, CONTACTS)
    await buildList(supervisor, campaignId)
    // a small hopper, so that refills race the claims too
    await db.table('dialer_settings').insert({
      campaign_id: campaignId,
      hopper_size: 7,
      created_at: '2026-01-01 00:00:00',
    })

    const claimedBy = new Map<number, number[]>()
    await Promise.all(
      agents.map(async (agent) => {
        for (;;) {
          const contact = await next(agent, campaignId)
          if (!contact) return
          claimedBy.set(contact.id, [...(claimedBy.get(contact.id) ?? []), agent.user.id])
          const done = await agent.post(`${API}/contacts/${contact.id}/no-answer`)
          done.assertStatus(200)
        }
      })
    )

    const duplicates = [...claimedBy.values()].filter((holders) => holders.length > 1)
    assert.lengthOf(duplicates, 0)
    assert.equal(claimedBy.size, CONTACTS)
    const rows = await db.from('dialer_contacts').select('status', 'attempts')
    assert.isTrue(rows.every((row) => row.status === 'recall' && Number(row.attempts) === 1))
    const claims = await db.from('audit_logs').where('action', 'dialer.claim').count('* as total')
    assert.equal(Number(claims[0].total), CONTACTS)
    assert.isAbove(new Set([...claimedBy.values()].flat()).size, 1)
  }).timeout(120_000)

  test('a claim and its no-answer are one short transaction each: the statements they send are counted', async ({
    client,
    assert,
    cleanup,
  }) => {
    // The claim places a preview call (AgentCalls): its platform answers after ten minutes, so no
    // call event of the warm-up's call writes while the statements are counted.
    const saved = { ...process.env }
    Object.assign(process.env, { DIALER_TELEPHONY: 'simulated', DIALER_SIM_DELAY_MS: '600000' })
    await resetTelephony()
    cleanup(async () => {
      process.env = saved
      await resetTelephony()
    })
    const { supervisor, ana, campaignId } = await dialerWorld(client)
    await clientsOf(campaignId, 3)
    await buildList(supervisor, campaignId)
    const warm = await next(ana, campaignId) // fills the hopper, creates the agent's state row
    await ana.post(`${API}/contacts/${warm!.id}/no-answer`)

    const sent: string[] = []
    const listener = (query: { sql: string }) => sent.push(query.sql)
    const knex = db.connection().getWriteClient()
    knex.on('query', listener)
    try {
      const claimed = await next(ana, campaignId)
      const request = sent.splice(0)
      // the preview call the claim places (AgentCalls), after the claim's commit: its held-call
      // check and its dialer_calls row
      const committed = request.findIndex((sql) => /^commit/i.test(sql.trim()))
      const claimStatements = committed + 1
      const call = request.slice(committed + 1)
      assert.isAtMost(call.length, 2)
      assert.isTrue(
        call.every((sql) => sql.includes('dialer_calls')),
        call.join('\n')
      )
      ;(await ana.post(`${API}/contacts/${claimed!.id}/no-answer`)).assertStatus(200)
      const isolation = db.connection().dialect.name === 'mysql' ? 1 : 0
      // the campaign membership, begin (after the isolation on MySQL, before the write that
      // takes SQLite's one lock), the agent's row, the hopper row with its contact,
      // do-not-call, the row's delete, the contact, the agent, the audit entry, commit
      assert.isAtMost(claimStatements, 11)
      // the contact with its campaign's rules, (isolation,) begin, the contact, the agent,
      // the audit entry, commit
      assert.isAtMost(sent.length, 6 + isolation)
    } finally {
      knex.removeListener('query', listener)
    }
  })

  test("an agent's no-answer does not hold back another agent's claim while it commits", async ({
    client,
    assert,
  }) => {
    const { supervisor, ana, beto, campaignId } = await dialerWorld(client)
    await clientsOf(campaignId, 4)
    await buildList(supervisor, campaignId)
    const held = await next(ana, campaignId)
    // ana's no-answer stops inside its transaction, its contact written, until beto has claimed
    let reached!: () => void
    const inside = new Promise<void>((resolve) => (reached = resolve))
    let release!: () => void
    const betoDone = new Promise<void>((resolve) => (release = resolve))
    const { record } = AuditLog
    AuditLog.record = async (trx, actor, entry) => {
      if (entry.action === 'dialer.no-answer') {
        reached()
        await betoDone
      }
      return record.call(AuditLog, trx, actor, entry)
    }
    try {
      // sent now (a request is sent when it is awaited)
      const answered = ana
        .post(`${API}/contacts/${held!.id}/no-answer`)
        .then((response) => response)
      await inside
      // at repeatable read, ana's write locked the gap of the claimed-by index that
      // beto's contact enters: beto waited for the lock wait timeout and got a 500
      const claimed = await beto.post(`${API}/campaigns/${campaignId}/next`)
      release()
      claimed.assertStatus(200)
      ;(await answered).assertStatus(200)
      assert.notEqual(claimed.body().data.id, held!.id)
    } finally {
      release()
      AuditLog.record = record
    }
  })
    .skip(process.env.DB_CONNECTION !== 'mysql', 'SQLite has one writer: a claim waits for it')
    .timeout(120_000)
})
