import nx from '@nx/eslint-plugin';
import jsoncParser from 'jsonc-eslint-parser';

/**
 * Root lint configuration. Project tags (package.json "nx.tags") drive the dependency
 * rules drawn in docs/ARCHITECTURE.md#dependency-rules:
 * - finance-core depends on nothing of ours;
 * - csv (the one CSV parser, pure text) depends on nothing of ours;
 * - providers may use finance-core and csv; ledger may use finance-core only;
 * - store (the database: schema, migrations, connection) depends on nothing of ours;
 * - books may use store, ledger and csv; alerts may use store;
 * - orchestrator may use store, providers, ledger and finance-core;
 * - apps (runner, bench) may use any library — orchestrator for the pipeline, store for
 *   opening and reading the database, and ledger, providers and finance-core directly for
 *   the commands that need only them (`ledger`, `fetch`, `analyze`, the benches) — but
 *   never another app;
 * - no library depends on an app.
 * A project's package.json "dependencies" list exactly the libraries its sources import.
 */
export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    ignores: [
      '**/dist',
      '**/out-tsc',
      '**/node_modules',
      '**/.nx',
      '**/.data',
      '**/vitest.config.*.timestamp*',
    ],
  },
  {
    files: ['**/*.ts', '**/*.mts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:finance-core', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'scope:csv', onlyDependOnLibsWithTags: [] },
            {
              sourceTag: 'scope:providers',
              onlyDependOnLibsWithTags: ['scope:finance-core', 'scope:csv'],
            },
            { sourceTag: 'scope:ledger', onlyDependOnLibsWithTags: ['scope:finance-core'] },
            { sourceTag: 'scope:store', onlyDependOnLibsWithTags: [] },
            {
              sourceTag: 'scope:books',
              onlyDependOnLibsWithTags: ['scope:store', 'scope:ledger', 'scope:csv'],
            },
            { sourceTag: 'scope:alerts', onlyDependOnLibsWithTags: ['scope:store'] },
            {
              sourceTag: 'scope:orchestrator',
              onlyDependOnLibsWithTags: [
                'scope:store',
                'scope:books',
                'scope:alerts',
                'scope:finance-core',
                'scope:providers',
                'scope:ledger',
              ],
            },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.mts'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // With noUncheckedIndexedAccess every typed-array read is `T | undefined`; the hot
      // loops index within bounds they have just checked, and `!` says so without a branch.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Each project's package.json "dependencies" must list exactly the packages its library
    // or app sources import: a missing one breaks an installed package, an unused one
    // drags in code nobody calls. Tests and test helpers use the root devDependencies.
    files: ['**/package.json'],
    languageOptions: { parser: jsoncParser },
    rules: {
      '@nx/dependency-checks': [
        'error',
        {
          ignoredFiles: [
            '{projectRoot}/**/*.test.ts',
            '{projectRoot}/vitest.config.ts',
            '{projectRoot}/src/**/testing/**',
            '{projectRoot}/test-support/**',
          ],
        },
      ],
    },
  },
];
