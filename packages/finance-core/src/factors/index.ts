/** Factor kernels (docs/FACTORS.md): OLS factor model, attribution, rolling correlation, momentum, macro factor changes. */
export * from './attributeFactorReturns.js';
export * from './factorChanges.js';
export { FactorInputError, type FactorInputErrorCode } from './factorInputError.js';
export * from './factorMomentumZ.js';
export * from './factorMomentumZSeries.js';
export * from './factorWindowCache.js';
export * from './fitFactorModel.js';
export * from './macroFactors.js';
export * from './rollingCorrelation.js';
export { rollingCorrelationAt, type CorrelationValue } from './rollingCorrelationAt.js';
