import { describe, expect, it } from 'vitest';
import { packageName } from './index.js';

describe('orchestrator index', () => {
  it('names its package', () => {
    expect(packageName).toBe('@truth-spine/orchestrator');
  });
});
