export * from './brentRoot.js';
export * from './exponentialSumRoots.js';
