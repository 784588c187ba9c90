export * from './computeMetricSet.js';
export * from './metricSet.js';
export * from './metricSetInput.js';
export * from './metricSetInputError.js';
