import { describe, expect, it } from 'vitest';
import { formatCsvField } from './formatCsvField.js';
import { parseCsv } from './parseCsv.js';

describe('formatCsvField', () => {
  it('leaves a plain field as it is', () => {
    expect(formatCsvField('245.00')).toBe('245.00');
    expect(formatCsvField('')).toBe('');
    expect(formatCsvField('a "quoted" word')).toBe('"a ""quoted"" word"');
  });

  it('quotes a field with a comma, a quote or a line break, doubling its quotes', () => {
    expect(formatCsvField('x,y')).toBe('"x,y"');
    expect(formatCsvField('A,"B"')).toBe('"A,""B"""');
    expect(formatCsvField('two\nlines')).toBe('"two\nlines"');
    expect(formatCsvField('cr\r')).toBe('"cr\r"');
  });

  it('is read back unchanged by parseCsv', () => {
    const fields = ['plain', 'x, y', 'say "hi"', 'two\r\nlines', ''];
    const text = `h1,h2,h3,h4,h5\n${fields.map(formatCsvField).join(',')}\n`;
    expect(parseCsv(text).records).toEqual([{ line: 2, fields }]);
  });
});
