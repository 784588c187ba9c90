import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyTextFormat } from './copyTextFormat.js';

/**
 * COPY's text format read back the way the server does (a test-only reader): lines end in
 * `\n`, fields are tab-separated, `\N` alone is NULL, and `\\`, `\t`, `\n`, `\r` are the
 * escaped characters.
 */
function readCopyText(text: string): (string | null)[][] {
  expect(text.endsWith('\n') || text === '').toBe(true);
  return text
    .split('\n')
    .slice(0, -1)
    .map((line) =>
      line.split('\t').map((field) => {
        if (field === '\\N') return null;
        return field.replace(/\\(.)/g, (_, ch: string) => {
          const unescaped = { '\\': '\\', t: '\t', n: '\n', r: '\r' }[ch];
          if (unescaped === undefined) throw new Error(`unexpected escape \\${ch}`);
          return unescaped;
        });
      }),
    );
}

describe('copyTextFormat', () => {
  it('escapes backslash, tab, newline and carriage return; NULL is \\N, empty is empty', () => {
    expect(
      copyTextFormat([
        ['a\tb', null, '', 'back\\slash', 'two\nlines\r', 'ünï €'],
        [-0, 1.5, true, new Uint8Array([0, 255]), { k: 'a\tb' }, undefined],
      ]),
    ).toBe(
      'a\\tb\t\\N\t\tback\\\\slash\ttwo\\nlines\\r\tünï €\n' +
        '-0\t1.5\tt\t\\\\x00ff\t{"k":"a\\\\tb"}\t\\N\n',
    );
    expect(copyTextFormat([])).toBe('');
    // The four characters 'N' and '\N' as text are not NULL once written.
    expect(readCopyText(copyTextFormat([['\\N', 'N']]))).toEqual([['\\N', 'N']]);
  });

  it('round-trips any strings and NULLs through the server-side reading', () => {
    const field = fc.option(fc.string({ unit: 'binary' }), { nil: null });
    const rows = fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), { maxLength: 20 });
    fc.assert(
      fc.property(rows, (generated) => {
        expect(readCopyText(copyTextFormat(generated))).toEqual(generated);
      }),
      { numRuns: 200 },
    );
  });
});
