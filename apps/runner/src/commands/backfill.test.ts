import { describe, expect, it } from 'vitest';
import { UsageError } from '../cli/usageError.js';
import { backfillCommand } from './backfill.js';
import { recordingIo } from './dbTestSupport.js';

describe('backfill arguments', () => {
  it('needs two real dates in order before opening anything', async () => {
    const io = recordingIo({ DATABASE_URL: 'pglite://memory' });
    for (const args of [
      [],
      ['2024-03-01'],
      ['2024-03-01', '2024-03-08', 'extra'],
      ['2024-02-30', '2024-03-08'],
      ['2024-03-08', '2024-03-01'],
    ]) {
      await expect(backfillCommand.run(args, io)).rejects.toThrow(UsageError);
    }
    await expect(backfillCommand.run(['2024-03-08', '2024-03-01'], io)).rejects.toThrow(
      /FROM 2024-03-08 is after TO 2024-03-01/,
    );
    expect(io.out()).toBe('');
  });
});
