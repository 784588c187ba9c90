import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The FX pairs an offline market-data directory has rates for: one per `fx/<PAIR>.csv`
 * (`EURUSD` = USD per one EUR). An absent `fx/` folder has none.
 */
export async function offlineFxPairs(offlineDataDir: string): Promise<ReadonlySet<string>> {
  const names = await readdir(join(offlineDataDir, 'fx')).catch(() => [] as string[]);
  return new Set(
    names.flatMap((name) => {
      const pair = /^([A-Z]{6})\.csv$/.exec(name)?.[1];
      return pair === undefined ? [] : [pair];
    }),
  );
}
