export * from './activeRisk.js';
export * from './capm.js';
