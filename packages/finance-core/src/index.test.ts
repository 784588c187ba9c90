import { describe, expect, it } from 'vitest';
import { packageName } from './index.js';

describe('finance-core index', () => {
  it('names its package', () => {
    expect(packageName).toBe('@truth-spine/finance-core');
  });
});
