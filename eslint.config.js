import { configApp } from '@adonisjs/eslint-config'
import { react } from '@adonisjs/eslint-config/react'

const ADMIN_FILES = [
  'admin/**/*.{ts,tsx}',
  'plugins/*/admin/**/*.{ts,tsx}',
  'tests/fixtures/plugins/*/admin/**/*.{ts,tsx}',
]

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
  ...react.map((block) => ({ ...block, files: ADMIN_FILES }))
)
