/*
|--------------------------------------------------------------------------
| Test runner entry point
|--------------------------------------------------------------------------
|
| `npm test` runs this file. Suites are declared in adonisrc.ts; the
| database is migrated fresh before the suites run (tests/bootstrap.ts).
|
*/
process.env.NODE_ENV = 'test'
// The fixture plugins join the real ones; the server listens on its own port
// so a running dev server does not get in the way.
process.env.TABLERO_PLUGIN_DIRS ??= 'plugins,tests/fixtures/plugins'
process.env.ADMIN_DIST_DIR ??= 'tmp/admin-test-dist'
process.env.HOST ??= '127.0.0.1'
process.env.PORT ??= '3339'

import 'reflect-metadata'
import { Ignitor, prettyPrintError } from '@adonisjs/core'
import { configure, processCLIArgs, run } from '@japa/runner'
import { APP_ROOT, importer } from './app_root.ts'
import { resetTestDatabase } from './reset_test_database.ts'

await resetTestDatabase()

new Ignitor(APP_ROOT, { importer })
  .tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
    app.listen('SIGTERM', () => app.terminate())
    app.listenIf(app.managedByPm2, 'SIGINT', () => app.terminate())
  })
  .testRunner()
  .configure(async (app) => {
    const { runnerHooks, ...config } = await import('../../tests/bootstrap.ts')

    processCLIArgs(process.argv.splice(2))
    configure({
      ...app.rcFile.tests,
      ...config,
      setup: runnerHooks.setup,
      teardown: runnerHooks.teardown.concat([() => app.terminate()]),
    })
  })
  .run(() => run())
  .catch((error) => {
    process.exitCode = 1
    prettyPrintError(error)
  })
