import { describe, expect, it } from 'vitest';
import { packageName } from './index.js';

describe('ledger index', () => {
  it('names its package', () => {
    expect(packageName).toBe('@truth-spine/ledger');
  });
});
