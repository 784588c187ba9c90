export * from './annualizationFactor.js';
export * from './maxDrawdown.js';
export * from './sharpeRatio.js';
export * from './volatility.js';
