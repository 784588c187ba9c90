/**
 * @truth-spine/finance-core — pure portfolio mathematics (SPEC §6–§8). No I/O.
 * Conventions: docs/CONVENTIONS.md in this package.
 */
export * from './result/undefinedValue.js';
export * from './ratings/index.js';
export * from './factors/index.js';
export * from './regime/index.js';
