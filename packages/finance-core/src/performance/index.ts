export * from './annualizedReturn.js';
export * from './cumulativeReturn.js';
export * from './xirr.js';
