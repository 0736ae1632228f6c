import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { ESLint } from 'eslint'
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

  /** Every file under `root`, relative to it, with the migration's timestamp blanked. */
  async function filesOf(root: string) {
    const files: Record<string, string> = {}
    for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue
      const relative = join(entry.parentPath, entry.name).slice(root.length + 1)
      files[relative.replace(/\/\d+_create_/, '/<timestamp>_create_')] = await readFile(
        join(entry.parentPath, entry.name),
        'utf8'
      )
    }
    return files
  }

  test('scaffolds a plugin on #sdk with a manifest the kernel accepts', async ({ assert }) => {
    const command = await ace.create(MakePlugin, ['call-notes', '--in', dir])
    await command.exec()
    command.assertSucceeded()
    const files = await filesOf(app.makePath(dir, 'call-notes'))
    assert.sameMembers(Object.keys(files), [
      'plugin.ts',
      'backend/resources.ts',
      'backend/routes.ts',
      'backend/on_client_merging.ts',
      'database/migrations/<timestamp>_create_call_notes_table.ts',
      'tests/call-notes.spec.ts',
      'README.md',
    ])
    for (const [file, contents] of Object.entries(files)) {
      for (const core of contents.matchAll(/from '(#[^']+)'/g)) {
        assert.oneOf(core[1], file.startsWith('tests/') ? ['#sdk', '#sdk/testing'] : ['#sdk'], file)
      }
    }
    const [manifest] = await new PluginRegistry().discover({ TABLERO_PLUGIN_DIRS: dir })
    assert.equal(manifest.name, 'call-notes')
    assert.deepEqual(manifest.label, { es: 'Call Notes', en: 'Call Notes' })
    assert.deepEqual(manifest.permissions?.[0].key, 'call-notes.summary')
    assert.deepEqual(manifest.clientTables, { call_notes: 'moved' })
    const { default: declared } = await manifest.resources!()
    assert.equal(declared[0].name, 'call_notes')
    assert.deepEqual(declared[0].permissions.agent, ['list', 'show'])
  })

  /**
   * tests/fixtures/plugins/recordatorios is what `make:plugin recordatorios` writes: the
   * functional suite runs its generated test (list, create, a forbidden
   * role) and the browser suite its generated screens, so both hold for
   * every scaffold as long as the two stay identical.
   */
  test('writes exactly the committed fixture plugin recordatorios, which passes the #sdk lint', async ({
    assert,
  }) => {
    const command = await ace.create(MakePlugin, ['recordatorios', '--in', dir])
    await command.exec()
    command.assertSucceeded()
    const fixture = app.makePath('tests/fixtures/plugins/recordatorios')
    assert.deepEqual(await filesOf(app.makePath(dir, 'recordatorios')), await filesOf(fixture))

    const eslint = new ESLint({ cwd: app.makePath() })
    const results = await eslint.lintFiles([fixture])
    const problems = results.flatMap((result) =>
      result.messages.map((message) => `${result.filePath}:${message.line} ${message.message}`)
    )
    assert.deepEqual(problems, [])
    assert.isAtLeast(results.length, 5)
    // The rule is live on these paths: a core import outside #sdk fails.
    const [outside] = await eslint.lintText("import plugins from '#services/plugins'\n", {
      filePath: join(fixture, 'backend/routes.ts'),
    })
    assert.include(outside.messages[0]?.message, 'only through #sdk')
  }).timeout(60_000)

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
