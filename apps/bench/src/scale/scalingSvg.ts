import type { StepSeries } from './growthExponents.js';

const width = 760;
const height = 460;
const margin = { left: 70, right: 210, top: 40, bottom: 60 };
const colours = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#111111',
];

/**
 * A hand-written SVG log-log chart: seconds (y) against portfolios (x), one line and
 * markers per series, grid lines at powers of ten, a dashed reference slope of 1
 * (linear) through the first size of the last series, and a legend. Pure: same input →
 * same text.
 */
export function scalingSvg(
  title: string,
  sizes: readonly number[],
  series: readonly StepSeries[],
): string {
  const positive = series.flatMap((s) => s.seconds).filter((t) => t > 0);
  const yMin = 10 ** Math.floor(Math.log10(Math.min(...positive, 1)));
  const yMax = 10 ** Math.ceil(Math.log10(Math.max(...positive, 1)));
  const xMin = 10 ** Math.floor(Math.log10(Math.min(...sizes)));
  const xMax = 10 ** Math.ceil(Math.log10(Math.max(...sizes)));
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const x = (n: number) => margin.left + (Math.log10(n / xMin) / Math.log10(xMax / xMin)) * plotW;
  const y = (t: number) =>
    margin.top + plotH - (Math.log10(t / yMin) / Math.log10(yMax / yMin)) * plotH;
  const f = (v: number) => v.toFixed(1);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${margin.left}" y="24" font-size="15">${escapeXml(title)}</text>`,
  ];
  for (let p = xMin; p <= xMax; p *= 10)
    parts.push(
      `<line x1="${f(x(p))}" y1="${margin.top}" x2="${f(x(p))}" y2="${margin.top + plotH}" stroke="#ddd"/>`,
      `<text x="${f(x(p))}" y="${margin.top + plotH + 18}" text-anchor="middle">${p.toLocaleString('en-US')}</text>`,
    );
  for (let p = yMin; p <= yMax; p *= 10)
    parts.push(
      `<line x1="${margin.left}" y1="${f(y(p))}" x2="${margin.left + plotW}" y2="${f(y(p))}" stroke="#ddd"/>`,
      `<text x="${margin.left - 8}" y="${f(y(p) + 4)}" text-anchor="end">${p >= 1 ? p : p.toPrecision(1)} s</text>`,
    );
  parts.push(
    `<rect x="${margin.left}" y="${margin.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#444"/>`,
    `<text x="${margin.left + plotW / 2}" y="${height - 18}" text-anchor="middle">portfolios (log scale)</text>`,
    `<text transform="translate(18 ${margin.top + plotH / 2}) rotate(-90)" text-anchor="middle">seconds (log scale)</text>`,
  );
  const last = series.at(-1);
  const anchor = last?.seconds[0];
  if (anchor !== undefined && anchor > 0) {
    const n0 = sizes[0] as number;
    const n1 = sizes.at(-1) as number;
    parts.push(
      `<line x1="${f(x(n0))}" y1="${f(y(anchor))}" x2="${f(x(n1))}" y2="${f(y(Math.min(yMax, (anchor * n1) / n0)))}" stroke="#999" stroke-dasharray="6 4"/>`,
    );
  }
  series.forEach((s, i) => {
    const colour = colours[i % colours.length] as string;
    const points = sizes
      .map((n, j) => [n, s.seconds[j] as number] as const)
      .filter(([, t]) => t > 0)
      .map(([n, t]) => `${f(x(n))},${f(y(t))}`);
    parts.push(
      `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points.join(' ')}"/>`,
    );
    for (const point of points) {
      const [px, py] = point.split(',');
      parts.push(`<circle cx="${px}" cy="${py}" r="3" fill="${colour}"/>`);
    }
    const ly = margin.top + 14 + i * 18;
    parts.push(
      `<line x1="${width - margin.right + 14}" y1="${ly - 4}" x2="${width - margin.right + 34}" y2="${ly - 4}" stroke="${colour}" stroke-width="2"/>`,
      `<text x="${width - margin.right + 40}" y="${ly}">${escapeXml(s.name)}</text>`,
    );
  });
  const ly = margin.top + 14 + series.length * 18;
  parts.push(
    `<line x1="${width - margin.right + 14}" y1="${ly - 4}" x2="${width - margin.right + 34}" y2="${ly - 4}" stroke="#999" stroke-dasharray="6 4"/>`,
    `<text x="${width - margin.right + 40}" y="${ly}">linear (slope 1)</text>`,
    '</svg>',
  );
  return `${parts.join('\n')}\n`;
}

function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}
