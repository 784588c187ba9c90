import { describe, expect, it } from 'vitest';
import * as store from './index.js';

describe('@truth-spine/store public API', () => {
  it('exposes the store tables the steps write', () => {
    const tables = Object.keys(store.schema).filter((k) => k !== 'bytea');
    for (const table of [
      'packs',
      'packPrices',
      'packFx',
      'packMacro',
      'valuations',
      'returnSeries',
      'metricSets',
      'factorSets',
      'regimes',
      'ratings',
      'reconciliationResults',
      'reconciliationBreaks',
      'alertRules',
      'alertEvents',
      'alertDeliveries',
      'alertStates',
      'runs',
      'runSteps',
      'deadLetters',
      'securities',
      'portfolios',
      'transactions',
    ]) {
      expect(tables).toContain(table);
    }
  });
});
