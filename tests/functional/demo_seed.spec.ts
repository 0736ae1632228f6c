import { test } from '@japa/runner'
import plugins from '#services/plugins'
import resources from '#services/resources'
import DemoSeeder from '#database/seeders/demo_seeder'
import db from '@adonisjs/lucid/services/db'
import { signIn } from '#tests/helpers/auth'
import { truncateAfterEach } from '#tests/helpers/database'
import { SYSTEM_ACTOR } from '#services/audit_log'

test.group('Demo: npm start fills every screen, plugins too', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.timeout(120_000)
  group.each.teardown(async () => {
    // What a plugin made outside its tables (custom-fields' client columns) goes with it.
    for (const manifest of plugins.manifests) {
      if (!manifest.uninstall) continue
      const { default: uninstall } = await manifest.uninstall()
      await uninstall.run(() => {})
    }
    await resources.refreshFields()
  })

  test('every resource of a plugin with a demo has rows after the demo seed', async ({
    client,
    assert,
  }) => {
    await plugins.refresh(true)
    for (const manifest of plugins.manifests) {
      if (!plugins.isEnabled(manifest.name)) await plugins.enable(manifest.name, SYSTEM_ACTOR)
    }
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
