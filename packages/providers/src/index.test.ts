import { describe, expect, it } from 'vitest';
import { packageName } from './index.js';

describe('providers index', () => {
  it('names its package', () => {
    expect(packageName).toBe('@truth-spine/providers');
  });
});
