export * from './convertToBase.js';
export * from './decomposeCurrencyReturn.js';
export * from './hedgedBenchmarkReturns.js';
