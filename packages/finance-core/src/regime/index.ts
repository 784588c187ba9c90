/** Growth/inflation regime detection (docs/FACTORS.md). */
export * from './classifyRegimes.js';
export * from './detectRegimes.js';
export * from './hysteresisDirections.js';
export * from './regime.js';
export * from './regimeAt.js';
export * from './regimeOptions.js';
export * from './regimeSignal.js';
