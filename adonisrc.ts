import { defineConfig } from '@adonisjs/core/app'

export default defineConfig({
  /*
  | Host code lives in backend/; the entry points (ace.js, bin/) stay at the
  | root because the assembler hard-codes them.
  */
  directories: {
    config: 'backend/config',
    commands: 'backend/commands',
    contracts: 'backend/contracts',
    controllers: 'backend/controllers',
    exceptions: 'backend/exceptions',
    middleware: 'backend/middleware',
    models: 'backend/models',
    policies: 'backend/policies',
    providers: 'backend/providers',
    services: 'backend/services',
    start: 'backend/start',
    tests: 'backend/tests',
    validators: 'backend/validators',
    migrations: 'database/migrations',
    seeders: 'seed/seeders',
    factories: 'database/factories',
    public: 'admin/dist',
    views: 'backend/views',
    events: 'backend/events',
    listeners: 'backend/listeners',
  },

  commands: [
    () => import('@adonisjs/core/commands'),
    () => import('@adonisjs/lucid/commands'),
    () => import('@adonisjs/bouncer/commands'),
    /* commands declared by the enabled plugins (`commands` in plugin.ts) */
    () => import('#plugin_host/commands_loader'),
  ],

  providers: [
    () => import('@adonisjs/core/providers/app_provider'),
    () => import('@adonisjs/core/providers/hash_provider'),
    {
      file: () => import('@adonisjs/core/providers/repl_provider'),
      environment: ['repl', 'test'],
    },
    () => import('@adonisjs/core/providers/vinejs_provider'),
    () => import('@adonisjs/cors/cors_provider'),
    () => import('@adonisjs/lucid/database_provider'),
    () => import('@adonisjs/session/session_provider'),
    () => import('@adonisjs/shield/shield_provider'),
    () => import('@adonisjs/auth/auth_provider'),
    () => import('@adonisjs/bouncer/bouncer_provider'),
    () => import('@adonisjs/redis/redis_provider'),
    () => import('@adonisjs/limiter/limiter_provider'),
    () => import('@adonisjs/transmit/transmit_provider'),
    () => import('@adonisjs/mail/mail_provider'),
    () => import('#providers/conventions_provider'),
    () => import('#providers/plugin_host_provider'),
  ],

  preloads: [
    () => import('#start/shutdown'),
    () => import('#start/routes'),
    () => import('#start/kernel'),
    () => import('#start/realtime'),
    { file: () => import('#start/first_run'), environment: ['web'] },
    { file: () => import('#start/history'), environment: ['web'] },
    { file: () => import('#start/webhooks'), environment: ['web'] },
    { file: () => import('#start/notifications'), environment: ['web'] },
    { file: () => import('#start/budgets'), environment: ['web'] },
    { file: () => import('#start/board_snapshots'), environment: ['web'] },
  ],

  tests: {
    suites: [
      {
        files: ['backend/tests/unit/**/*.spec(.ts|.js)'],
        name: 'unit',
        timeout: 10000,
      },
      {
        files: ['backend/tests/functional/**/*.spec(.ts|.js)'],
        name: 'functional',
        timeout: 30000,
      },
      {
        files: ['backend/tests/e2e/**/*.spec(.ts|.js)'],
        name: 'e2e',
        timeout: 180000,
      },
      {
        files: ['backend/tests/browser/**/*.spec(.ts|.js)'],
        name: 'browser',
        timeout: 120000,
      },
      {
        /* what an attacker tries: roles, abilities, input, proxies, sessions, headers */
        files: ['backend/tests/security/**/*.spec(.ts|.js)'],
        name: 'security',
        timeout: 60000,
      },
      {
        /* dependencies that fail: own PostgreSQL and Redis processes, stopped by pid */
        files: ['backend/tests/faults/**/*.spec(.ts|.js)'],
        name: 'faults',
        timeout: 180000,
      },
      {
        files: ['plugins/*/tests/**/*.spec(.ts|.js)'],
        name: 'plugins',
        timeout: 30000,
      },
    ],
    forceExit: false,
  },

  /* copied into build/ by `node ace build` */
  metaFiles: [
    { pattern: 'seed/*.json', reloadServer: false },
    // make:plugin and make:agent render these
    { pattern: 'stubs/**/*.stub', reloadServer: false },
  ],

  hooks: {
    onBuildStarting: [],
  },
})
