import { type } from 'arktype';
import { portfoliosJson } from './bookColumns.js';
import type { BookPortfolio } from './bookRecords.js';
import type { BookProblem } from './booksError.js';
import { readBooksText } from './readBooksText.js';

/**
 * Reads and validates `portfolios.json` of `dir`: valid JSON (a syntax error reported
 * with its line and column), each entry a `portfolioEntry`, unique ids. Problems go
 * to `report`; a file with any of the first two kinds of problem gives no portfolios.
 */
export async function readPortfolios(
  dir: string,
  report: (p: BookProblem) => void,
): Promise<BookPortfolio[]> {
  const file = 'portfolios.json';
  const text = await readBooksText(dir, file, report);
  if (text === null) return [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message);
    const { line, column } =
      position === null ? { line: null, column: null } : lineAndColumn(text, Number(position[1]));
    report({
      file,
      line,
      column: column === null ? null : `column ${column}`,
      message: `not valid JSON: ${(error as Error).message}`,
    });
    return [];
  }
  const checked = portfoliosJson(json);
  if (checked instanceof type.errors) {
    for (const e of checked)
      report({ file, line: null, column: e.path.stringify() || null, message: e.problem });
    return [];
  }
  const ids = new Set<string>();
  return checked.portfolios.map((p, index) => {
    if (ids.has(p.id))
      report({
        file,
        line: null,
        column: `portfolios[${index}].id`,
        message: `${p.id} is listed twice`,
      });
    ids.add(p.id);
    return {
      id: p.id,
      name: p.name,
      baseCurrency: p.base_currency,
      benchmark: p.benchmark,
      inception: p.inception,
    };
  });
}

/** The 1-based line and column of character `position` of `text`. */
function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return { line, column: position - before.lastIndexOf('\n') };
}
