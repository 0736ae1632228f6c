import { rm } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import plugins from '#services/plugins'
import PluginList from '#commands/plugin_list'
import PluginEnable from '#commands/plugin_enable'
import PluginDisable from '#commands/plugin_disable'
import MakePlugin from '#commands/make_plugin'
import PluginRollback from '#commands/plugin_rollback'
import db from '@adonisjs/lucid/services/db'
import { SYSTEM_ACTOR } from '#services/audit_log'
import { PluginRegistry } from '#kernel/plugin_registry'

test.group('Plugin commands', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => plugins.refresh(true))
  group.each.setup(() => {
    ace.ui.switchMode('raw')
    return () => ace.ui.switchMode('normal')
  })

  test('plugin:list shows every plugin with its state', async ({ assert }) => {
    const command = await ace.create(PluginList, [])
    await command.exec()
    command.assertSucceeded()
    const output = command.logger
      .getLogs()
      .map((log) => log.message)
      .join('\n')
    assert.include(output, 'hello')
    assert.include(output, 'greeter-extra')
    assert.include(output, 'enabled')
  })

  test('plugin:disable then plugin:enable toggles the state', async ({ assert }) => {
    const off = await ace.create(PluginDisable, ['greeter-extra'])
    await off.exec()
    off.assertSucceeded()
    off.assertLog('[ green(success) ] Plugin "greeter-extra" is disabled')
    assert.isFalse(plugins.isEnabled('greeter-extra'))

    const on = await ace.create(PluginEnable, ['greeter-extra'])
    await on.exec()
    on.assertSucceeded()
    assert.isTrue(plugins.isEnabled('greeter-extra'))
  })

  test('plugin:disable refuses while a dependent is enabled, in one line', async ({ assert }) => {
    const command = await ace.create(PluginDisable, ['hello'])
    await command.exec()
    command.assertFailed()
    command.assertLog(
      '[ red(error) ] Cannot disable "hello": "greeter-extra" depend on it; disable them first',
      'stderr'
    )
    assert.isTrue(plugins.isEnabled('hello'))
  })

  test('plugin:enable names an unknown plugin', async () => {
    const command = await ace.create(PluginEnable, ['nope'])
    await command.exec()
    command.assertFailed()
    command.assertLog('[ red(error) ] Unknown plugin "nope"', 'stderr')
  })
})

test.group('make:plugin', (group) => {
  const dir = 'tmp/scaffold-test'
  group.each.setup(async () => {
    ace.ui.switchMode('raw')
    await rm(app.makePath(dir), { recursive: true, force: true })
    return async () => {
      ace.ui.switchMode('normal')
      await rm(app.makePath(dir), { recursive: true, force: true })
    }
  })

  test('scaffolds the plugin anatomy with a manifest the kernel accepts', async ({ assert }) => {
    const command = await ace.create(MakePlugin, ['call-notes', '--in', dir])
    await command.exec()
    command.assertSucceeded()
    for (const file of [
      'plugin.ts',
      'backend/routes.ts',
      'database/migrations/.gitkeep',
      'admin/index.tsx',
      'tests/call-notes.spec.ts',
      'README.md',
    ]) {
      assert.isTrue(existsSync(app.makePath(dir, 'call-notes', file)), file)
    }
    const manifests = await new PluginRegistry().discover({ TABLERO_PLUGIN_DIRS: dir })
    assert.equal(manifests[0].name, 'call-notes')
    assert.deepEqual(manifests[0].label, { es: 'Call Notes', en: 'Call Notes' })
  })

  test('refuses a name that is not kebab-case', async () => {
    const command = await ace.create(MakePlugin, ['Bad_Name', '--in', dir])
    await command.exec()
    command.assertFailed()
    command.assertLog(
      '[ red(error) ] Plugin "Bad_Name": the name must be kebab-case (e.g. my-plugin)',
      'stderr'
    )
  })

  test('refuses to overwrite an existing plugin', async () => {
    await (await ace.create(MakePlugin, ['twice', '--in', dir])).exec()
    const again = await ace.create(MakePlugin, ['twice', '--in', dir])
    await again.exec()
    again.assertFailed()
    again.assertLog(`[ red(error) ] Plugin "twice": ${dir}/twice already exists`, 'stderr')
  })
})

test.group('plugin:rollback', (group) => {
  group.each.setup(() => plugins.refresh(true))
  group.each.setup(() => {
    ace.ui.switchMode('raw')
    return () => ace.ui.switchMode('normal')
  })

  test('refuses while the plugin is enabled, lists without --force, rolls back with it', async ({
    assert,
  }) => {
    const enabled = await ace.create(PluginRollback, ['hello'])
    await enabled.exec()
    enabled.assertFailed()

    await plugins.disable('greeter-extra', SYSTEM_ACTOR)
    await plugins.disable('hello', SYSTEM_ACTOR)
    try {
      const dryRun = await ace.create(PluginRollback, ['hello'])
      await dryRun.exec()
      dryRun.assertFailed()
      assert.isTrue(await db.connection().schema.hasTable('greetings'))

      const forced = await ace.create(PluginRollback, ['hello', '--force'])
      await forced.exec()
      forced.assertSucceeded()
      assert.isFalse(await db.connection().schema.hasTable('greetings'))
      assert.isTrue(await db.connection().schema.hasTable('clients'))
    } finally {
      // Put the fixture's table back for the other groups.
      await testUtils.db().migrate()
      await plugins.enable('hello', SYSTEM_ACTOR)
      await plugins.enable('greeter-extra', SYSTEM_ACTOR)
    }
    assert.isTrue(await db.connection().schema.hasTable('greetings'))
  })
})

test.group('Plugin commands on a database never migrated', (group) => {
  const sqlitePath = app.tmpPath('never-migrated.sqlite3')
  group.each.setup(async () => {
    await rm(sqlitePath, { force: true })
    return () => rm(sqlitePath, { force: true })
  })

  /** The command as an operator runs it: its own process, on an empty SQLite file. */
  async function runAce(...argv: string[]) {
    const env = { ...process.env, DB_CONNECTION: 'sqlite', SQLITE_PATH: sqlitePath, NO_COLOR: '1' }
    try {
      const { stdout, stderr } = await promisify(execFile)(
        process.execPath,
        [app.makePath('ace.js'), ...argv],
        { env, cwd: app.makePath(), timeout: 60_000 }
      )
      return { code: 0, output: stdout + stderr }
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string }
      return { code: failed.code ?? -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` }
    }
  }

  for (const argv of [['plugin:list'], ['plugin:enable', 'tipificaciones']]) {
    test(`${argv[0]} says to run the migrations, in one line without a stack trace`, async ({
      assert,
    }) => {
      const { code, output } = await runAce(...argv)
      assert.notEqual(code, 0)
      const lines = output.trim().split('\n')
      assert.lengthOf(lines, 1, output)
      assert.include(lines[0], 'run node ace migration:run first')
      assert.notInclude(output, ' at ')
    }).timeout(90_000)
  }
})
