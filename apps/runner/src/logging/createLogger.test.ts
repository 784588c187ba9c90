import { describe, expect, it } from 'vitest';
import { createLogger } from './createLogger.js';

describe('createLogger', () => {
  it('writes one JSON line per call to the stderr writer it is given', () => {
    const lines: string[] = [];
    const logger = createLogger((text) => lines.push(text));
    logger.info({ runId: 'R1' }, 'run finished');
    logger.debug({}, 'below the default level');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('\n')).toBe(true);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 30,
      name: 'truth-spine',
      runId: 'R1',
      msg: 'run finished',
    });
  });

  it('honours LOG_LEVEL and falls back to info for an unknown one', () => {
    const lines: string[] = [];
    createLogger((text) => lines.push(text), { level: 'warn' }).info({}, 'hidden');
    createLogger((text) => lines.push(text), { level: 'loud' }).info({}, 'shown');
    expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['shown']);
  });

  it('writes human-readable text when pretty', () => {
    const lines: string[] = [];
    createLogger((text) => lines.push(text), { pretty: true }).warn(
      { asOf: '2024-03-08' },
      'pass stopped',
    );
    expect(lines).toHaveLength(1);
    expect(() => JSON.parse(lines[0]!)).toThrow();
    expect(lines[0]).toContain('pass stopped');
    expect(lines[0]).toContain('2024-03-08');
  });
});
