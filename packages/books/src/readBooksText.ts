import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BookProblem } from './booksError.js';

/**
 * The text of `file` in the books directory `dir`; null after reporting a problem (with
 * the error code) when it cannot be read.
 */
export async function readBooksText(
  dir: string,
  file: string,
  report: (p: BookProblem) => void,
): Promise<string | null> {
  try {
    return await readFile(join(dir, file), 'utf8');
  } catch (error) {
    report({
      file,
      line: null,
      column: null,
      message: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    });
    return null;
  }
}
