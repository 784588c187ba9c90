import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv } from './csvTable.js';

describe('csvTable', () => {
  it('parses rows by header with their line numbers, skipping blank lines', () => {
    const rows = parseCsv(
      'date,rate\r\n2025-01-02,1.03\n\n2025-01-03,"1.04"\n',
      ['date', 'rate'],
      'fx/EURUSD.csv',
    );
    expect(rows).toEqual([
      { line: 2, values: { date: '2025-01-02', rate: '1.03' } },
      { line: 4, values: { date: '2025-01-03', rate: '1.04' } },
    ]);
  });

  it('names file and line for a wrong header or field count', () => {
    expect(() => parseCsv('day,rate\n', ['date', 'rate'], 'fx/EURUSD.csv')).toThrow(
      'fx/EURUSD.csv:1: header "date,rate"',
    );
    expect(() => parseCsv('date,rate\n2025-01-02\n', ['date', 'rate'], 'f.csv')).toThrow(
      'f.csv:2: 2 fields (date,rate), found 1',
    );
    expect(() => parseCsv('date,rate\n"2025,1\n', ['date', 'rate'], 'f.csv')).toThrow(
      'f.csv:2: a closing quote',
    );
  });

  it('ignores a BOM, skips lines of spaces and trims values', () => {
    expect(
      parseCsv('\uFEFFdate,rate\n   \n2025-01-02, 1.03 \n', ['date', 'rate'], 'f.csv'),
    ).toEqual([{ line: 3, values: { date: '2025-01-02', rate: '1.03' } }]);
  });

  it('reports the first problem in line order, a quote spanning lines as unclosed', () => {
    const header = ['date', 'rate'];
    expect(() => parseCsv('date,rate\n2025-01-02\n"x,1\n', header, 'f.csv')).toThrow(
      'f.csv:2: 2 fields (date,rate), found 1',
    );
    expect(() => parseCsv('date,rate\n2025-01-02,1\n"x\ny",1\n"z,1\n', header, 'f.csv')).toThrow(
      'f.csv:3: a closing quote before the end of the line',
    );
    expect(() => parseCsv('date,rate\n2025-01-02,1\n"x"y,1\n', header, 'f.csv')).toThrow(
      'f.csv:3: a comma or the end of the line after a closing quote (column 4)',
    );
  });

  it('round-trips what it writes, with null as blank and quoting when needed', () => {
    const header = ['symbol', 'amount', 'currency'];
    const text = formatCsv(header, [
      { symbol: 'BRK-B', amount: '0.5', currency: null },
      { symbol: 'A,"B"', amount: '1', currency: 'USD' },
    ]);
    expect(text).toBe('symbol,amount,currency\nBRK-B,0.5,\n"A,""B""",1,USD\n');
    expect(parseCsv(text, header, 'x').map((r) => r.values)).toEqual([
      { symbol: 'BRK-B', amount: '0.5', currency: '' },
      { symbol: 'A,"B"', amount: '1', currency: 'USD' },
    ]);
  });
});
