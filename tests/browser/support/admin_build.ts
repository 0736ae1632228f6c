import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const APP_ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const VITE_CLI = resolve(APP_ROOT, 'node_modules/vite/bin/vite.js')

/** Where the test server serves the admin from (bin/test.ts sets the same default). */
export const ADMIN_TEST_DIST = resolve(
  APP_ROOT,
  process.env.ADMIN_DIST_DIR ?? 'tmp/admin-test-dist'
)

let build: Promise<string> | undefined

function runViteBuild(): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [VITE_CLI, 'build', '--config', 'admin/vite.config.ts', '--outDir', ADMIN_TEST_DIST],
      {
        cwd: APP_ROOT,
        // The fixture plugins (hello, greeter-extra) must be in the build, as in the server.
        env: {
          ...process.env,
          NODE_ENV: 'production',
          TABLERO_PLUGIN_DIRS: process.env.TABLERO_PLUGIN_DIRS ?? 'plugins,tests/fixtures/plugins',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      }
    )
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', fail)
    child.on('close', (code) => {
      if (code === 0) done(ADMIN_TEST_DIST)
      else fail(new Error(`Building the admin failed (exit ${code}):\n${output}`))
    })
  })
}

/**
 * Builds the admin once per test run, whichever spec asks first, so that the browser tests
 * exercise the same bundle production serves, including the lazy plugin chunks.
 */
export function ensureAdminBuilt() {
  build ??= runViteBuild()
  return build
}
