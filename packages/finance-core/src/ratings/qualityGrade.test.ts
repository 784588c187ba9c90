import { describe, expect, it } from 'vitest';
import { qualityGrade } from './qualityGrade.js';

describe('qualityGrade', () => {
  it('applies the documented bands with inclusive lower bounds', () => {
    expect(qualityGrade(10)).toBe('A');
    expect(qualityGrade(8.5)).toBe('A');
    expect(qualityGrade(8.49)).toBe('B');
    expect(qualityGrade(7)).toBe('B');
    expect(qualityGrade(6.8)).toBe('C');
    expect(qualityGrade(5.5)).toBe('C');
    expect(qualityGrade(4)).toBe('D');
    expect(qualityGrade(3.99)).toBe('F');
    expect(qualityGrade(0)).toBe('F');
  });
});
