import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { signIn } from '#sdk/testing'
import { API, buildList, campaign, clientsOf, dialerGroup, next, type Session } from './helpers.ts'

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
})
