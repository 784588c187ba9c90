import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv, readCsvTable } from './csv.js';

describe('parseCsv', () => {
  it('splits fields, unquotes, unescapes "" and accepts CRLF and a missing final newline', () => {
    expect(parseCsv('a,b,c\r\n1,"x, ""y""",\r\n\r\n2,3,4', 'f.csv')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, "y"', ''],
      ['2', '3', '4'],
    ]);
  });
  it('keeps decimals exactly as written', () => {
    expect(parseCsv('250.17999267578125,0.10\n', 'f.csv')).toEqual([
      ['250.17999267578125', '0.10'],
    ]);
  });
  it('names file and line of an unterminated quote', () => {
    expect(() => parseCsv('a\n"b\nc', 'f.csv')).toThrow('f.csv:3: unterminated quoted field');
  });
  it('names file, line and column of text after a closing quote', () => {
    expect(() => parseCsv('a,b\n"x"y,1\n', 'f.csv')).toThrow(
      'f.csv:2: text after a closing quote (column 4)',
    );
  });
  it('gives no rows for empty text', () => {
    expect(parseCsv('', 'f.csv')).toEqual([]);
  });
});

describe('formatCsv', () => {
  it('quotes only fields that need it and round-trips through parseCsv', () => {
    const rows = [
      ['id', 'description'],
      ['1', 'FX EUR 1.00 -> USD 1.10, at "ECB"'],
      ['2', 'plain'],
    ];
    const text = formatCsv(rows);
    expect(text).toBe('id,description\n1,"FX EUR 1.00 -> USD 1.10, at ""ECB"""\n2,plain\n');
    expect(parseCsv(text, 't.csv')).toEqual(rows);
  });
});

describe('readCsvTable', () => {
  it('finds columns case-insensitively by any alias and numbers data lines from 2', () => {
    const table = readCsvTable('Date,Adj Close\n2020-01-02,1\n', 'p.csv');
    expect(table.column('adj_close', 'adj close')).toBe(1);
    expect(table.rows[0]?.line).toBe(2);
  });
  it('names the file and the header when a column is missing', () => {
    expect(() => readCsvTable('Date,Close\n', 'p.csv').column('volume')).toThrow(
      'p.csv:1: expected a column named volume, header is Date,Close',
    );
  });
});
