import baseConfig from '../../eslint.config.mjs';

/**
 * finance-core is pure: no file system, network, processes, clock-reading services,
 * environment, database or logging. These rules make that promise enforceable.
 */
const ioModules = [
  'fs',
  'fs/promises',
  'net',
  'http',
  'https',
  'http2',
  'child_process',
  'worker_threads',
  'dgram',
  'dns',
  'tls',
  'cluster',
  'os',
  'process',
  'readline',
  'postgres',
  'drizzle-orm',
  'pino',
  'winston',
  'bunyan',
  'debug',
  'croner',
  'undici',
  'axios',
];

export default [
  ...baseConfig,
  {
    // Every file under src/ except tests, fixtures included: test helpers that read files
    // live in test-support/, outside the library.
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ioModules.map((name) => ({
            name,
            message: 'finance-core is pure: no I/O.',
          })),
          patterns: [
            { group: ['node:*'], message: 'finance-core is pure: no Node built-ins.' },
            {
              group: ['drizzle-orm/*', '@electric-sql/*', 'pino-*'],
              message: 'finance-core is pure: no database or logging.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'finance-core is pure: no environment or process access.' },
        { name: 'fetch', message: 'finance-core is pure: no network.' },
        { name: 'XMLHttpRequest', message: 'finance-core is pure: no network.' },
        { name: 'WebSocket', message: 'finance-core is pure: no network.' },
        { name: 'require', message: 'finance-core is ESM and pure.' },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Date',
          property: 'now',
          message: 'finance-core is pure: take time as an input.',
        },
        { object: 'console', property: 'log', message: 'finance-core is pure: no logging.' },
        { object: 'console', property: 'error', message: 'finance-core is pure: no logging.' },
        { object: 'console', property: 'warn', message: 'finance-core is pure: no logging.' },
        { object: 'console', property: 'info', message: 'finance-core is pure: no logging.' },
        { object: 'Math', property: 'random', message: 'finance-core is pure and deterministic.' },
      ],
      'no-console': 'error',
    },
  },
];
