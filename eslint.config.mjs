import nx from '@nx/eslint-plugin';

/**
 * Root lint configuration. Project tags (package.json "nx.tags") drive the
 * dependency rules of SPEC §1: apps → orchestrator → {providers, ledger, finance-core};
 * providers and ledger may use finance-core; finance-core depends on nothing of ours.
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
            { sourceTag: 'scope:providers', onlyDependOnLibsWithTags: ['scope:finance-core'] },
            { sourceTag: 'scope:ledger', onlyDependOnLibsWithTags: ['scope:finance-core'] },
            {
              sourceTag: 'scope:orchestrator',
              onlyDependOnLibsWithTags: ['scope:finance-core', 'scope:providers', 'scope:ledger'],
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
];
