import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from './parseCsv.js';

describe('parseCsv', () => {
  it('splits header and records, keeping the line each record starts on', () => {
    const table = parseCsv('a,b,c\r\n1,,3\n\n"x, y","say ""hi""","two\nlines"\nlast,row,here');
    expect(table.header).toEqual(['a', 'b', 'c']);
    expect(table.records).toEqual([
      { line: 2, fields: ['1', '', '3'] },
      { line: 4, fields: ['x, y', 'say "hi"', 'two\nlines'] },
      { line: 6, fields: ['last', 'row', 'here'] },
    ]);
  });

  it('reports an unterminated quote and text after a quote with line and column', () => {
    expect(() => parseCsv('a,b\n1,"open')).toThrow(new CsvSyntaxError(2, 3, 'quote never closed'));
    expect(() => parseCsv('a,b\n"x"y,2')).toThrow('line 2, column 4: text after a closing quote');
  });

  it('keeps fields exactly as written: spaces, a lone CR, a quote inside a field, a BOM', () => {
    expect(parseCsv('\uFEFFa,b\n  \nx\ry, a"b \n')).toEqual({
      header: ['\uFEFFa', 'b'],
      records: [
        { line: 2, fields: ['  '] },
        { line: 3, fields: ['x\ry', ' a"b '] },
      ],
    });
  });

  it('gives an empty table for empty text', () => {
    expect(parseCsv('')).toEqual({ header: [], records: [] });
  });
});
