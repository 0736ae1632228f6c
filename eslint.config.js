import { configApp } from '@adonisjs/eslint-config'
import { react } from '@adonisjs/eslint-config/react'

const ADMIN_FILES = [
  'admin/**/*.{ts,tsx}',
  'plugins/*/admin/**/*.{ts,tsx}',
  'tests/fixtures/plugins/*/admin/**/*.{ts,tsx}',
]

const PLUGIN_BACKEND = [
  'plugins/*/*.ts',
  'plugins/*/backend/**/*.ts',
  'plugins/*/database/**/*.ts',
  'tests/fixtures/plugins/*/*.ts',
  'tests/fixtures/plugins/*/backend/**/*.ts',
  'tests/fixtures/plugins/*/database/**/*.ts',
]
const PLUGIN_TESTS = ['plugins/*/tests/**/*.ts', 'tests/fixtures/plugins/*/tests/**/*.ts']

/** A plugin reaches the core only through `#sdk` (and its tests through `#sdk/testing`). */
const onlySdk = (allowed) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          // `#` starts a comment in gitignore patterns: a regex instead.
          regex: `^#(?!(?:${allowed.map((path) => path.slice(1)).join('|')})$)`,
          message: `A plugin imports the core only through ${allowed.join(' or ')} (backend/sdk).`,
        },
      ],
    },
  ],
})

/**
 * AdonisJS rules for the backend (incl. Prettier), the React rules of the
 * same preset for the admin and every plugin's admin folder.
 */
export default configApp(
  { ignores: ['tmp/**', 'admin/dist/**', 'node_modules/**'] },
  {
    // `(await request).body()` reads best in tests.
    files: ['tests/**/*.ts', 'plugins/*/tests/**/*.ts'],
    rules: { '@unicorn/no-await-expression-member': 'off' },
  },
  ...react.map((block) => ({ ...block, files: ADMIN_FILES })),
  { files: PLUGIN_BACKEND, rules: onlySdk(['#sdk']) },
  { files: PLUGIN_TESTS, rules: onlySdk(['#sdk', '#sdk/testing']) },
  {
    // The core knows no plugin: plugins plug into it, never the reverse.
    files: ['backend/**/*.ts', 'config/**/*.ts', 'database/**/*.ts', 'tests/**/*.ts'],
    ignores: ['tests/fixtures/plugins/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // fixture plugins (tests/fixtures/plugins) are the tests' own
              regex: '^#plugins/|^(?!#tests/fixtures/)(?:.*/)?plugins/[^/]+/(?:backend|shared|database)/',
              message: 'Core code and core tests import no plugin.',
            },
          ],
        },
      ],
    },
  },
  {
    // Config files are data: packages and env only. The app wires its own code
    // into them (backend/providers/config_wiring_provider.ts) or is imported
    // lazily where the package asks for a loader (`() => import('#models/user')`).
    files: ['config/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // `#` starts a comment in gitignore patterns: a regex instead.
              regex: '^#(?!start/env$|config/)|^\\.\\./',
              message: 'config/* imports only packages, #start/env and other config files.',
            },
          ],
        },
      ],
    },
  }
)
