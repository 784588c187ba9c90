export * from './winLossStats.js';
