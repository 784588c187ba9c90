import { describe, expect, it } from 'vitest';
import { growthExponents } from './growthExponents.js';
import { scalingSvg } from './scalingSvg.js';

describe('growthExponents', () => {
  const sizes = [1000, 10_000, 100_000];
  it('finds slope 1 for linear, 2 for quadratic and ~0 for a fixed cost', () => {
    const [linear, quadratic, fixed] = growthExponents(sizes, [
      { name: 'linear', seconds: [1, 10, 100] },
      { name: 'quadratic', seconds: [1, 100, 10_000] },
      { name: 'fixed', seconds: [5, 5.5, 6] },
    ]);
    expect(linear?.exponents).toEqual([1, 1]);
    expect(linear?.shape).toBe('linear');
    expect(quadratic?.overall).toBeCloseTo(2, 12);
    expect(quadratic?.shape).toBe('superlinear');
    expect(fixed?.overall).toBeCloseTo(Math.log(6 / 5) / Math.log(100), 12);
    expect(fixed?.shape).toBe('sublinear');
  });
  it('gives null (not NaN) when a time is 0, and calls steps under 0.05 s negligible', () => {
    const [g, tiny] = growthExponents(
      [200, 1000],
      [
        { name: 'mark', seconds: [0, 0.2] },
        { name: 'tiny', seconds: [0.01, 0.04] },
      ],
    );
    expect(g?.overall).toBeNull();
    expect(g?.shape).toBe('unknown');
    expect(tiny?.overall).toBeCloseTo(Math.log(4) / Math.log(5), 12);
    expect(tiny?.shape).toBe('negligible');
  });
});

describe('scalingSvg', () => {
  it('draws one polyline per series with a point per positive time, deterministically', () => {
    const series = [
      { name: 'build_pack', seconds: [1, 4, 30] },
      { name: 'total <all>', seconds: [3, 0, 90] },
    ];
    const svg = scalingSvg('bench scaling', [1000, 10_000, 100_000], series);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    const polylines = [...svg.matchAll(/<polyline[^>]*points="([^"]*)"/g)].map(
      (m) => (m[1] as string).split(' ').length,
    );
    expect(polylines).toEqual([3, 2]);
    expect(svg).toContain('total &lt;all&gt;');
    expect(svg).toBe(scalingSvg('bench scaling', [1000, 10_000, 100_000], series));
  });
});
