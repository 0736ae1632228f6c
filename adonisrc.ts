import { defineConfig } from '@adonisjs/core/app'

/**
 * The application's code lives in backend/ (the design card fixes the top
 * level); these directories tell Adonis where each kind of file is.
 */
export default defineConfig({
  directories: {
    config: 'config',
    commands: 'backend/commands',
    controllers: 'backend/controllers',
    exceptions: 'backend/exceptions',
    models: 'backend/models',
    middleware: 'backend/middleware',
    services: 'backend/services',
    validators: 'backend/validators',
    policies: 'backend/policies',
    events: 'backend/events',
    listeners: 'backend/listeners',
    providers: 'backend/providers',
    start: 'backend/start',
    migrations: 'database/migrations',
    seeders: 'database/seeders',
    factories: 'database/factories',
    tmp: 'tmp',
  },

  commands: [
    () => import('@adonisjs/core/commands'),
    () => import('@adonisjs/lucid/commands'),
    () => import('@adonisjs/queue/commands'),
  ],

  providers: [
    () => import('@adonisjs/core/providers/app_provider'),
    () => import('#providers/config_wiring_provider'),
    () => import('@adonisjs/core/providers/hash_provider'),
    {
      file: () => import('@adonisjs/core/providers/repl_provider'),
      environment: ['repl', 'test'],
    },
    () => import('@adonisjs/core/providers/vinejs_provider'),
    () => import('@adonisjs/session/session_provider'),
    () => import('@adonisjs/shield/shield_provider'),
    () => import('@adonisjs/lucid/database_provider'),
    () => import('@adonisjs/auth/auth_provider'),
    () => import('@adonisjs/redis/redis_provider'),
    () => import('@adonisjs/limiter/limiter_provider'),
    () => import('@adonisjs/lock/lock_provider'),
    () => import('@adonisjs/queue/queue_provider'),
    () => import('@adonisjs/drive/drive_provider'),
    () => import('@adonisjs/transmit/transmit_provider'),
    () => import('#providers/kernel_provider'),
    () => import('#providers/jobs_provider'),
    { file: () => import('#providers/client_error_provider'), environment: ['web', 'test'] },
  ],

  preloads: [() => import('#start/kernel'), () => import('#start/routes')],

  tests: {
    suites: [
      {
        name: 'unit',
        files: ['tests/unit/**/*.spec.ts'],
        timeout: 5000,
      },
      {
        name: 'functional',
        files: [
          'tests/functional/**/*.spec.ts',
          'plugins/*/tests/**/*.spec.ts',
          'tests/fixtures/plugins/*/tests/**/*.spec.ts',
        ],
        timeout: 30000,
      },
      {
        name: 'browser',
        files: ['tests/browser/**/*.spec.ts'],
        timeout: 120000,
      },
    ],
    forceExit: true,
  },
})
