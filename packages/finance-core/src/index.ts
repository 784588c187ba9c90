/**
 * @truth-spine/finance-core — pure portfolio mathematics: metrics, factors, regimes, ratings. No I/O.
 * Conventions: docs/CONVENTIONS.md in this package.
 */
export * from './result/undefinedValue.js';
export * from './ratings/index.js';
export * from './dates/index.js';
export * from './returns/index.js';
export * from './performance/index.js';
export * from './risk/index.js';
export * from './benchmark/index.js';
export * from './trading/index.js';
export * from './currency/index.js';
export * from './statistics/index.js';
export * from './numeric/index.js';
export * from './metricSet/index.js';
export * from './factors/index.js';
export * from './regime/index.js';
