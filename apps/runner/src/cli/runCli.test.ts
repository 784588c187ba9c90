import { describe, expect, it } from 'vitest';
import type { Command } from './command.js';
import { ExitCode } from './exitCodes.js';
import type { CliIo } from './io.js';
import { runCli } from './runCli.js';
import { UsageError } from './usageError.js';

function bufferIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {}, cwd: '/' };
}

const echo: Command = {
  name: 'echo',
  summary: 'prints its arguments',
  run: async (args, io) => {
    if (args.includes('--bad')) throw new UsageError('--bad is not an option');
    if (args.includes('--boom')) throw new Error('disk full');
    io.stdout(args.join(' '));
    return ExitCode.ok;
  },
};

describe('runCli', () => {
  it('runs the named command with the remaining arguments', async () => {
    const io = bufferIo();
    expect(await runCli(['echo', 'a', 'b'], io, [echo])).toBe(0);
    expect(io.out.join('')).toBe('a b');
  });

  it('lists commands on help and exits 64 with no command', async () => {
    const io = bufferIo();
    expect(await runCli(['help'], io, [echo])).toBe(0);
    expect(io.out.join('')).toContain('echo  prints its arguments');
    expect(await runCli([], bufferIo(), [echo])).toBe(ExitCode.usage);
  });

  it('maps an unknown command and a usage error to 64, anything else to 1', async () => {
    const unknown = bufferIo();
    expect(await runCli(['nope'], unknown, [echo])).toBe(64);
    expect(unknown.err.join('')).toContain('unknown command "nope"');
    const usage = bufferIo();
    expect(await runCli(['echo', '--bad'], usage, [echo])).toBe(64);
    expect(usage.err.join('')).toBe('echo: --bad is not an option\n');
    const failure = bufferIo();
    expect(await runCli(['echo', '--boom'], failure, [echo])).toBe(1);
    expect(failure.err.join('')).toBe('echo: disk full\n');
  });
});
