import { describe, expect, it } from 'vitest';
import { float64FromBytes, int32FromBytes, typedArrayBytes } from './returnSeriesBytes.js';

describe('return series bytes', () => {
  it('round-trips typed arrays, also from an unaligned view, little-endian', () => {
    const values = Float64Array.of(1.5, NaN, -0.25);
    const bytes = typedArrayBytes(values);
    expect(bytes.byteLength).toBe(24);
    expect(new DataView(bytes.buffer).getFloat64(0, true)).toBe(1.5);
    const shifted = new Uint8Array(25);
    shifted.set(bytes, 1);
    expect([...float64FromBytes(shifted.subarray(1))]).toEqual([1.5, NaN, -0.25]);
    const days = Int32Array.of(19000, -3);
    expect([...int32FromBytes(typedArrayBytes(days))]).toEqual([19000, -3]);
  });
  it('copies only the view, not the whole underlying buffer', () => {
    const whole = Float64Array.of(1, 2, 3, 4);
    expect(typedArrayBytes(whole.subarray(1, 3)).byteLength).toBe(16);
  });
});
