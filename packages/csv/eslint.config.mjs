import baseConfig from '../../eslint.config.mjs';

/**
 * csv turns text into records and back: no file system, network, environment or other
 * Node built-ins, so any package (and the browser) can use it. Its callers read the files.
 */
export default [
  ...baseConfig,
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['node:*'], message: 'csv is pure text: no Node built-ins.' }],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'csv is pure text: no environment or process access.' },
      ],
    },
  },
];
