import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '@truth-spine/store/testing';
import { readDatedSeries } from './readDatedSeries.js';

describe.each(testDatabaseKinds())('readDatedSeries on %s', (kind) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase(kind);
    const provenance = `'fixture'`;
    await test.db.query(
      `insert into market_macro (series, date, value, provider) values
         ('DGS3MO', '2024-01-03', 5.40, ${provenance}),
         ('DGS3MO', '2024-01-02', 5.375, ${provenance}),
         ('DGS3MO', '2024-01-04', null, ${provenance}),
         ('DGS3MO', '2024-01-05', 5.41, ${provenance}),
         ('DGS10', '2024-01-02', 3.95, ${provenance})`,
    );
  }, 60_000);
  afterAll(() => test.dispose());

  it('returns one entry per key: dates ascending, exact decimal text, NULL as null, only dates ≤ through', async () => {
    const read = await readDatedSeries(
      test.db,
      { table: 'market_macro', key: 'series', value: 'value' },
      ['DGS3MO', 'DGS10', 'T10YIE'],
      '2024-01-04',
    );
    expect([...read.keys()]).toEqual(['DGS10', 'DGS3MO']);
    expect(read.get('DGS3MO')).toEqual({
      dates: ['2024-01-02', '2024-01-03', '2024-01-04'],
      values: ['5.375', '5.40', null],
    });
    expect(read.get('DGS10')).toEqual({
      dates: ['2024-01-02'],
      values: ['3.95'],
    });
  });

  it('reads every key when keys is null', async () => {
    const read = await readDatedSeries(
      test.db,
      { table: 'market_macro', key: 'series', value: 'value' },
      null,
      '2024-12-31',
    );
    expect(read.get('DGS3MO')?.dates).toEqual([
      '2024-01-02',
      '2024-01-03',
      '2024-01-04',
      '2024-01-05',
    ]);
    expect(read.size).toBe(2);
  });
});
