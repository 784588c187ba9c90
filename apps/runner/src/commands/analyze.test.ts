import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeMetricSet, isoToEpochDay } from '@truth-spine/finance-core';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../cli/io.js';
import { runCli } from '../cli/runCli.js';
import { analyzeCommand } from './analyze.js';
import { parseDatedCsv } from './analyzeCsv.js';
import { analyzeInput, MARKET_COLUMNS, PORTFOLIO_COLUMNS } from './analyzeInput.js';

/** The reference data set, copied into finance-core's fixtures (see SOURCES.md there). */
const DATA = new URL(
  '../../../../packages/finance-core/src/__fixtures__/reference/',
  import.meta.url,
);
const dataFile = (name: string) => new URL(`data/${name}`, DATA).pathname;
const expected = (name: string) =>
  JSON.parse(readFileSync(new URL(`expected/${name}.json`, DATA), 'utf8')) as Record<string, any>;

function bufferIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {}, cwd: '/' };
}

async function analyze(portfolio: string, market: string, asOf: string) {
  const io = bufferIo();
  const code = await runCli(
    ['analyze', '--portfolio', portfolio, '--market', market, '--as-of', asOf],
    io,
    [analyzeCommand],
  );
  return { code, out: io.out.join(''), err: io.err.join('') };
}

describe('analyze on the reference inputs', () => {
  it('prints one JSON document equal to computeMetricSet, with the reference values', async () => {
    const { code, out, err } = await analyze(
      dataFile('P2.csv'),
      dataFile('market.csv'),
      '2024-12-31',
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    const document = JSON.parse(out);
    const ref = expected('P2_2024-12-31');
    expect(document.portfolio).toBe('P2');
    expect(document.twr['3Y'].cumulative).toBeCloseTo(ref.twr['3Y'].cumulative, 14);
    expect(document.mwr_xirr['3Y'].xirr).toBeCloseTo(ref.mwr_xirr['3Y'].xirr, 12);
    const flows: [string, number][] = document.mwr_xirr['3Y'].cash_flows_investor_view;
    const refFlows: [string, number][] = ref.mwr_xirr['3Y'].cash_flows_investor_view;
    expect(flows.map(([date]) => date)).toEqual(refFlows.map(([date]) => date));
    flows.forEach(([, amount], i) => expect(amount).toBeCloseTo(refFlows[i]![1], 8));
    expect(document.max_drawdown.inception.peak_date).toBe(ref.max_drawdown.inception.peak_date);
    expect(document.win_loss.inception.n_zero).toBe(60);
    const market = parseDatedCsv('m', readFileSync(dataFile('market.csv'), 'utf8'), MARKET_COLUMNS);
    const portfolio = parseDatedCsv(
      'p',
      readFileSync(dataFile('P2.csv'), 'utf8'),
      PORTFOLIO_COLUMNS,
    );
    const direct = computeMetricSet(
      analyzeInput('P2', portfolio, market),
      isoToEpochDay('2024-12-31'),
    );
    expect(document).toEqual(JSON.parse(JSON.stringify(direct)));
  });

  it('uses portfolio external flows that agree with cashflows.csv (summed per date)', () => {
    const cashflows = readFileSync(dataFile('cashflows.csv'), 'utf8').trim().split('\n').slice(1);
    for (const id of ['P1', 'P2']) {
      const table = parseDatedCsv(
        id,
        readFileSync(dataFile(`${id}.csv`), 'utf8'),
        PORTFOLIO_COLUMNS,
      );
      const fromPortfolio = new Map<number, number>();
      table.columns.get('external_flow')!.forEach((flow, i) => {
        if (flow !== 0) fromPortfolio.set(table.days[i]!, flow);
      });
      const fromCashflows = new Map<number, number>();
      for (const line of cashflows) {
        const [p, date, amount] = line.split(',');
        if (p !== id) continue;
        const day = isoToEpochDay(date!);
        fromCashflows.set(day, (fromCashflows.get(day) ?? 0) + Number(amount));
      }
      expect(fromPortfolio).toEqual(fromCashflows);
    }
  });
});

describe('parseDatedCsv', () => {
  it('reads quoted fields as RFC 4180 CSV, with the line each record starts on', () => {
    const table = parseDatedCsv('q.csv', '"date","value"\n2024-01-02,"1.5"\n\n2024-01-03, 2 \n', [
      'value',
    ]);
    expect(table.header).toEqual(['date', 'value']);
    expect([...table.days]).toEqual([isoToEpochDay('2024-01-02'), isoToEpochDay('2024-01-03')]);
    expect(table.lines).toEqual([2, 4]);
    expect([...table.columns.get('value')!]).toEqual([1.5, 2]);
  });
});

describe('analyze with missing rows', () => {
  it('accepts an as-of after the last portfolio row: those days are missing observations', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'analyze-gap-'));
    const lines = readFileSync(dataFile('P1.csv'), 'utf8').trim().split('\n');
    const path = join(dir, 'P1short.csv');
    writeFileSync(path, `${lines.slice(0, -2).join('\n')}\n`);
    const { code, out } = await analyze(path, dataFile('market.csv'), '2024-12-31');
    expect(code).toBe(0);
    const document = JSON.parse(out);
    expect(document.twr['1d']).toMatchObject({ n_rows: 1, n_obs: 0, cumulative: 0 });
    expect(document.volatility['30d']).toMatchObject({ n_rows: 30, n_obs: 28 });
  });
});

describe('analyze rejects bad input with one message naming file, line and column (exit 64)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'analyze-'));
  const portfolioText = readFileSync(dataFile('P1.csv'), 'utf8');
  const marketText = readFileSync(dataFile('market.csv'), 'utf8');
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const editLine = (text: string, line: number, edit: (l: string) => string) =>
    text
      .split('\n')
      .map((l, i) => (i === line - 1 ? edit(l) : l))
      .join('\n');

  const cases: [string, () => Promise<{ code: number; out: string; err: string }>, RegExp][] = [
    [
      'a missing column',
      () =>
        analyze(
          write('a.csv', portfolioText.replace('external_flow', 'flow')),
          dataFile('market.csv'),
          '2024-12-31',
        ),
      /a\.csv:1: column "external_flow": missing column/,
    ],
    [
      'an unparsable number',
      () =>
        analyze(
          write(
            'b.csv',
            editLine(portfolioText, 5, (l) => l.replace(/,[^,]*,/, ',abc,')),
          ),
          dataFile('market.csv'),
          '2024-12-31',
        ),
      /b\.csv:5: column "return": "abc" is not a number/,
    ],
    [
      'a duplicate date',
      () =>
        analyze(
          write(
            'c.csv',
            editLine(portfolioText, 6, (l) => l.replace(/^[^,]*/, '2019-01-03')),
          ),
          dataFile('market.csv'),
          '2024-12-31',
        ),
      /c\.csv:6: column "date": 2019-01-03 repeats the previous date/,
    ],
    [
      'unsorted dates',
      () =>
        analyze(
          dataFile('P1.csv'),
          write(
            'd.csv',
            editLine(marketText, 4, (l) => l.replace(/^[^,]*/, '2018-06-01')),
          ),
          '2024-12-31',
        ),
      /d\.csv:4: column "date": 2018-06-01 is before the previous date/,
    ],
    [
      'a bad market factor value',
      () =>
        analyze(
          dataFile('P1.csv'),
          write(
            'e.csv',
            editLine(marketText, 10, (l) => `${l.slice(0, l.lastIndexOf(','))},1.2.3`),
          ),
          '2024-12-31',
        ),
      /e\.csv:10: column "QMJ": "1\.2\.3" is not a number/,
    ],
    [
      'a quote that never closes',
      () =>
        analyze(
          write(
            'g.csv',
            editLine(portfolioText, 8, (l) => l.replace(/,/, ',"')),
          ),
          dataFile('market.csv'),
          '2024-12-31',
        ),
      /g\.csv:8: column "character 12": quote never closed/,
    ],
    [
      'a portfolio date missing from the market calendar',
      () =>
        analyze(
          write(
            'f.csv',
            editLine(portfolioText, 7, (l) => l.replace(/^[^,]*/, '2019-01-05')),
          ),
          dataFile('market.csv'),
          '2024-12-31',
        ),
      /f\.csv:7: column "date": date 2019-01-05 is not a date of the master calendar/,
    ],
    [
      'an as-of after the data',
      () => analyze(dataFile('P1.csv'), dataFile('market.csv'), '2025-01-02'),
      /--as-of 2025-01-02 is outside the data/,
    ],
    [
      'an as-of before the data',
      () => analyze(dataFile('P1.csv'), dataFile('market.csv'), '2018-12-31'),
      /--as-of 2018-12-31 is outside the data/,
    ],
    [
      'a malformed as-of',
      () => analyze(dataFile('P1.csv'), dataFile('market.csv'), '2024-02-30'),
      /--as-of: "2024-02-30" is not a calendar date/,
    ],
    [
      'a missing file',
      () => analyze(join(dir, 'nope.csv'), dataFile('market.csv'), '2024-12-31'),
      /--portfolio .*nope\.csv: ENOENT/,
    ],
  ];
  for (const [name, run, message] of cases) {
    it(name, async () => {
      const { code, out, err } = await run();
      expect(code).toBe(64);
      expect(out).toBe('');
      expect(err.trim().split('\n')).toHaveLength(1);
      expect(err).toMatch(message);
    });
  }
});
