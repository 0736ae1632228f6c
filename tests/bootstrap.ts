import { assert } from '@japa/assert'
import { apiClient } from '@japa/api-client'
import app from '@adonisjs/core/services/app'
import type { Config } from '@japa/runner/types'
import { pluginAdonisJS } from '@japa/plugin-adonisjs'
import testUtils from '@adonisjs/core/services/test_utils'
import { authApiClient } from '@adonisjs/auth/plugins/api_client'
import { sessionApiClient } from '@adonisjs/session/plugins/api_client'
import { shieldApiClient } from '@adonisjs/shield/plugins/api_client'
import { authCache } from '#services/auth_cache'
import { LiveStreams } from '#services/live_streams'
import { migrateForTheRun } from '#tests/helpers/database'

/**
 * Tests run against a real database (SQLite file or the MariaDB named by
 * MYSQL_DB_NAME) migrated before the suites, and a real HTTP server.
 */
export const plugins: Config['plugins'] = [
  assert(),
  apiClient(),
  pluginAdonisJS(app),
  sessionApiClient(app),
  shieldApiClient(),
  authApiClient(app),
]

export const runnerHooks: Required<Pick<Config, 'setup' | 'teardown'>> = {
  setup: [() => migrateForTheRun()],
  teardown: [],
}

export const configureSuite: Config['configureSuite'] = (suite) => {
  // Each test rolls its database changes back (global transactions) or
  // truncates: users and tokens the previous test made are gone, so the
  // auth cache must not remember them either.
  suite.onGroup((group) => group.each.setup(() => authCache.forgetQuietly()))
  suite.onTest((test) => test.setup(() => authCache.forgetQuietly()))
  if (['browser', 'functional'].includes(suite.name)) {
    return suite.setup(async () => {
      const close = await testUtils.httpServer().start()
      // a browser tab or a test's stream still open would keep close() waiting forever
      return () => {
        LiveStreams.closeAll()
        return close()
      }
    })
  }
}
