import { describe, expect, it } from 'vitest';
import { FreshAfterArrival } from './freshAfterArrival.js';

/** A source whose reads the test finishes by hand; each read records when it started. */
function manualSource() {
  const reads: { startedAt: number; finish: (v: number) => void; fail: (e: Error) => void }[] = [];
  let clock = 0;
  return {
    reads,
    tick: () => ++clock,
    read: () =>
      new Promise<number>((resolve, reject) => {
        reads.push({ startedAt: clock, finish: resolve, fail: reject });
      }),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('FreshAfterArrival', () => {
  it('answers every caller with a read that started after it asked, sharing reads', async () => {
    const source = manualSource();
    const gate = new FreshAfterArrival(source.read);
    const askedAt: number[] = [];
    const answers: Promise<number>[] = [];
    const ask = () => {
      askedAt.push(source.tick());
      answers.push(gate.get());
    };
    ask(); // starts read 0
    ask();
    ask(); // both wait for read 1
    expect(source.reads).toHaveLength(1);
    source.reads[0]!.finish(10);
    await settle();
    expect(source.reads).toHaveLength(2);
    ask(); // arrives during read 1: must wait for read 2
    source.reads[1]!.finish(11);
    await settle();
    expect(source.reads).toHaveLength(3);
    source.reads[2]!.finish(12);
    expect(await Promise.all(answers)).toEqual([10, 11, 11, 12]);
    // The read each caller got started at or after the caller asked.
    const readOf = [0, 1, 1, 2];
    readOf.forEach((r, caller) =>
      expect(source.reads[r]!.startedAt).toBeGreaterThanOrEqual(askedAt[caller]!),
    );
  });

  it('a failed read fails its callers only; the next caller reads again', async () => {
    const source = manualSource();
    const gate = new FreshAfterArrival(source.read);
    const first = gate.get();
    const queued = gate.get();
    source.reads[0]!.fail(new Error('database gone'));
    await expect(first).rejects.toThrow('database gone');
    await settle();
    source.reads[1]!.finish(7);
    expect(await queued).toBe(7);
    const later = gate.get();
    expect(source.reads).toHaveLength(3);
    source.reads[2]!.finish(8);
    expect(await later).toBe(8);
  });
});
