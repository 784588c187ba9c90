import { describe, expect, it } from 'vitest';
import { rowWindow } from './rowWindow.js';

describe('rowWindow', () => {
  it('row windows count rows and refuse to reach before the first row', () => {
    expect(rowWindow(3, 2, 0)).toEqual({ start: 2, end: 4 });
    expect(rowWindow(3, 4, 0)).toEqual({ start: 0, end: 4 });
    expect(rowWindow(3, 4, 1)).toBeNull();
  });
});
