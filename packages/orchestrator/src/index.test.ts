import { describe, expect, it } from 'vitest';
import * as orchestrator from './index.js';

describe('@truth-spine/orchestrator public API', () => {
  it('declares the seven steps in the order of docs/PIPELINE.md', () => {
    expect(orchestrator.pipelineSteps).toEqual([
      'build_pack',
      'reconcile_ledger',
      'compute_daily_metrics',
      'prewarm_factors',
      'prewarm_ratings',
      'mark_pack_fresh',
      'evaluate_alerts',
    ]);
    expect(orchestrator.criticalStep).toBe('reconcile_ledger');
    expect(orchestrator.freshnessPrerequisites).toEqual([
      'compute_daily_metrics',
      'prewarm_factors',
      'prewarm_ratings',
    ]);
  });
});
