export * from './sampleMoments.js';
export * from './countObservations.js';
