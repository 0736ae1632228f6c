import { test } from '@japa/runner'
import type { Group } from '@japa/runner/core'
import { DateTime } from 'luxon'
import plugins from '#services/plugins'
import resources from '#services/resources'
import DemoSeeder from '#database/seeders/demo_seeder'
import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import { signIn } from '#tests/helpers/auth'
import { truncateAfterEach } from '#tests/helpers/database'
import { SYSTEM_ACTOR } from '#services/audit_log'

/**
 * A group whose tests seed the demo: an empty database each, and after
 * each, what plugins made outside their tables (custom-fields' client
 * columns) goes with them.
 */
function seedsTheDemo(group: Group) {
  group.each.setup(() => truncateAfterEach())
  group.each.timeout(120_000)
  group.each.teardown(async () => {
    for (const manifest of plugins.manifests) {
      if (!manifest.uninstall) continue
      const { default: uninstall } = await manifest.uninstall()
      await uninstall.run(() => {})
    }
    await resources.refreshFields()
  })
}

/** Every discovered plugin on, as a first start has them. */
async function enableEveryPlugin() {
  await plugins.refresh(true)
  for (const manifest of plugins.manifests) {
    if (!plugins.isEnabled(manifest.name)) await plugins.enable(manifest.name, SYSTEM_ACTOR)
  }
}

test.group('Demo: npm start fills every screen, plugins too', (group) => {
  seedsTheDemo(group)

  test('every resource of a plugin with a demo has rows after the demo seed', async ({
    client,
    assert,
  }) => {
    await enableEveryPlugin()
    const seeded = plugins.manifests.filter((manifest) => manifest.demo && manifest.resources)
    assert.isAbove(seeded.length, 0)
    await new DemoSeeder(db.connection()).run()

    const admin = await signIn(client, 'admin')
    const empty: string[] = []
    for (const manifest of seeded) {
      const { default: definitions } = await manifest.resources!()
      for (const definition of definitions) {
        const response = await admin.get(`/api/r/${definition.name}?perPage=1`)
        response.assertStatus(200)
        if (response.body().meta.total === 0) empty.push(definition.name)
      }
    }
    assert.deepEqual(empty, [], 'resources the demo leaves empty')
  })
  test('the demo has two bases, each holding its campaign clients', async ({ client, assert }) => {
    await new DemoSeeder(db.connection()).run()
    const admin = await signIn(client, 'admin')
    const list = await admin.get('/api/r/bases?sort=id')
    list.assertStatus(200)
    const bases = list.body().data
    assert.lengthOf(bases, 2)
    const counts = await admin.get(`/api/bases/counts?ids=${bases.map((b: any) => b.id).join(',')}`)
    counts.assertStatus(200)
    for (const base of bases) {
      assert.isAbove(base.rows, 0)
      assert.equal(counts.body().data[String(base.id)].clients, base.rows)
      const [other] = await db
        .from('clients')
        .where('base_id', base.id)
        .whereNot('campaign_id', base.campaign_id)
        .count('* as total')
      assert.equal(Number(other.total), 0)
    }
  })
})

/** Rows of `table` matching `where`, counted. */
async function countWhere(table: string, where: (query: any) => void = () => {}) {
  const query = db.from(table)
  where(query)
  const [row] = await query.count('* as total')
  return Number(row.total)
}

test.group('Demo: every screen has data on first start', (group) => {
  seedsTheDemo(group)

  test('a result tree and a script per campaign, a profile with fields, thirty days of gestiones by each team, and callbacks overdue, due today and queued', async ({
    client,
    assert,
  }) => {
    await enableEveryPlugin()
    await new DemoSeeder(db.connection()).run()
    const campaigns = await countWhere('campaigns')
    const distinct = async (table: string) => (await db.from(table).distinct('campaign_id')).length
    assert.equal(await distinct('tip_results'), campaigns)
    assert.equal(await distinct('speech_scripts'), campaigns)
    assert.isAtLeast(await countWhere('cf_fields'), 3)
    assert.isAtLeast(await countWhere('cf_profile_campaigns'), 1)

    // A few thousand gestiones over the last thirty days, none ahead of now.
    const now = DateTime.utc()
    const sql = (at: DateTime) => at.toUTC().toFormat('yyyy-LL-dd HH:mm:ss')
    const gestiones = await countWhere('tip_gestiones')
    assert.isAtLeast(gestiones, 2000)
    assert.equal(
      await countWhere('tip_gestiones', (q) =>
        q.where('created_at', '<', sql(now.minus({ days: 31 })))
      ),
      0
    )
    assert.equal(await countWhere('tip_gestiones', (q) => q.where('created_at', '>', sql(now))), 0)
    const days = await db.from('tip_gestiones').select('created_at')
    const distinctDays = new Set(
      days.map((row) => String(sql(toDateTime(row.created_at))).slice(0, 10))
    )
    assert.isAtLeast(distinctDays.size, 25)
    // Recorded by the campaign's team, on clients assigned to whoever recorded them.
    const strangers = await db
      .from('tip_gestiones')
      .leftJoin('campaign_agents', (join) => {
        join
          .on('campaign_agents.campaign_id', 'tip_gestiones.campaign_id')
          .andOn('campaign_agents.user_id', 'tip_gestiones.user_id')
      })
      .whereNull('campaign_agents.user_id')
      .count('* as total')
    assert.equal(Number(strangers[0].total), 0)

    // The supervisor's home: today's gestiones per agent, in the supervisor's zone.
    const supervisor = await User.findByOrFail('email', 'supervisor@tablero.test')
    const today = now.setZone(supervisor.timezone)
    const endOfToday = today.startOf('day').plus({ days: 1 })
    const stats = await (
      await signIn(client, supervisor)
    )
      .get('/api/p/tipificaciones/stats')
      .qs({ from: today.toISODate(), to: today.toISODate() })
    stats.assertStatus(200)
    assert.isAbove(stats.body().data.totalGestiones, 0)
    assert.isAtLeast(stats.body().data.byAgent.length, 5)

    // Callbacks: overdue, due later today, and in the campaigns' shared queue.
    const pending = (where: (query: any) => void) =>
      countWhere('tip_callbacks', (q) => where(q.where('status', 'pending')))
    assert.isAbove(await pending((q) => q.where('due_at', '<', sql(now))), 0)
    assert.isAbove(
      await pending((q) =>
        q.where('due_at', '>=', sql(today.startOf('day'))).where('due_at', '<', sql(endOfToday))
      ),
      0
    )
    assert.isAbove(await pending((q) => q.whereNull('user_id')), 0)

    // The first agent's home finds its own callbacks due today.
    const agent = await User.findByOrFail('email', 'agent1@tablero.test')
    const filter = JSON.stringify({
      and: [
        { field: 'user_id', op: 'eq', value: agent.id },
        { field: 'status', op: 'eq', value: 'pending' },
        { field: 'due_at', op: 'lt', value: endOfToday.toUTC().toISO() },
      ],
    })
    const due = await (
      await signIn(client, agent)
    )
      .get('/api/r/tip_callbacks')
      .qs({ filter, perPage: 1 })
    due.assertStatus(200)
    assert.isAbove(due.body().meta.total, 0)

    // Idempotent: a second run on the filled database adds nothing.
    await new DemoSeeder(db.connection()).run()
    assert.equal(await countWhere('tip_gestiones'), gestiones)
  })
})

/** A datetime column as the driver returns it (a Date on MySQL, a string on SQLite). */
function toDateTime(value: Date | string) {
  return value instanceof Date
    ? DateTime.fromJSDate(value, { zone: 'utc' })
    : DateTime.fromSQL(value, { zone: 'utc' })
}
