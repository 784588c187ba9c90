export * from './dailyReturnsFromValues.js';
