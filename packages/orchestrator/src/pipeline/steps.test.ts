import { describe, expect, it } from 'vitest';
import {
  batchedSteps,
  criticalStep,
  freshnessPrerequisites,
  isStepName,
  packBuildingStep,
  pipelineSteps,
  skippableStep,
  stepRow,
  stepTable,
} from './steps.js';

describe('the step table', () => {
  it('lists the seven steps once each, in the order of docs/PIPELINE.md', () => {
    expect(pipelineSteps).toEqual([
      'build_pack',
      'reconcile_ledger',
      'compute_daily_metrics',
      'prewarm_factors',
      'prewarm_ratings',
      'mark_pack_fresh',
      'evaluate_alerts',
    ]);
    expect(new Set(pipelineSteps).size).toBe(stepTable.length);
  });

  it('derives each special case from its column', () => {
    expect(criticalStep).toBe('reconcile_ledger');
    expect(skippableStep).toBe('build_pack');
    expect(packBuildingStep).toBe('build_pack');
    expect(batchedSteps).toEqual(['compute_daily_metrics', 'prewarm_factors', 'prewarm_ratings']);
    expect(freshnessPrerequisites).toEqual([
      'compute_daily_metrics',
      'prewarm_factors',
      'prewarm_ratings',
    ]);
  });

  it('puts the pack before every step that reads it and the gate after its prerequisites', () => {
    const position = (name: string) => pipelineSteps.findIndex((s) => s === name);
    for (const step of pipelineSteps) {
      if (step !== packBuildingStep)
        expect(position(step)).toBeGreaterThan(position(packBuildingStep));
    }
    for (const step of freshnessPrerequisites) {
      expect(position(step)).toBeLessThan(position('mark_pack_fresh'));
      expect(position(step)).toBeGreaterThan(position(criticalStep));
    }
  });

  it('gives every step a description of its body and answers by name', () => {
    for (const step of pipelineSteps) expect(stepRow(step).body.length).toBeGreaterThan(10);
    expect(isStepName('prewarm_ratings')).toBe(true);
    expect(isStepName('Build_pack')).toBe(false);
  });
});
