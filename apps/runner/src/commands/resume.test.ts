import { describe, expect, it } from 'vitest';
import { UsageError } from '../cli/usageError.js';
import { recordingIo } from './dbTestSupport.js';
import { resumeCommand } from './resume.js';

describe('resume arguments', () => {
  it('needs exactly one run id before opening anything', async () => {
    const io = recordingIo({ DATABASE_URL: 'pglite://memory' });
    for (const args of [[], ['a', 'b'], ['--force'], ['--json']]) {
      await expect(resumeCommand.run(args, io)).rejects.toThrow(UsageError);
    }
    expect(io.out()).toBe('');
  });
});
