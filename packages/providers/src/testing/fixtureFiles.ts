import { readFileSync } from 'node:fs';

/**
 * The provider payload fixtures (`src/__fixtures__`, see its SOURCES.md), found from
 * this module both when run from `src/testing` and from `dist/testing`.
 */
const fixturesRoot = new URL('../../src/__fixtures__/', import.meta.url);

/** Raw text of a fixture, e.g. `fixtureText('fmp/quote.json')`. */
export function fixtureText(relativePath: string): string {
  return readFileSync(new URL(relativePath, fixturesRoot), 'utf8');
}

/** A fixture parsed as JSON. */
export function fixtureJson(relativePath: string): unknown {
  return JSON.parse(fixtureText(relativePath)) as unknown;
}
