import type { Freshness } from '@truth-spine/orchestrator';
import { describe, expect, it } from 'vitest';
import { GateView } from './gateView.js';

const answer = (status: Freshness['status']): Freshness => ({
  pack_id: 'pack-2024-03-08-v1',
  as_of: '2024-03-08',
  status,
  hash: 'ab',
  fresh_at: null,
  blocked: null,
});

/** A store whose gate the test sets; counts reads. */
function store(initial: Freshness['status']) {
  let status = initial;
  let reads = 0;
  return {
    set: (s: Freshness['status']) => (status = s),
    reads: () => reads,
    read: async () => {
      reads++;
      return answer(status);
    },
  };
}

describe('GateView', () => {
  it('without memoize reads the gate for every (non-overlapping) request', async () => {
    const s = store('fresh');
    const gate = new GateView(s.read, false);
    await gate.get();
    await gate.get();
    expect(s.reads()).toBe(2);
  });

  it('memoized, keeps the answer between runs and re-reads on every step event until the run settles', async () => {
    const s = store('fresh');
    const gate = new GateView(s.read, true);
    expect((await gate.get())?.status).toBe('fresh');
    expect((await gate.get())?.status).toBe('fresh');
    expect(s.reads()).toBe(1);

    gate.pipelineActive(); // build_pack starts: a new pack is being written
    s.set('warming');
    expect((await gate.get())?.status).toBe('warming');
    s.set('blocked');
    expect((await gate.get())?.status).toBe('blocked'); // no memo while the run is active
    expect(s.reads()).toBe(3);

    gate.pipelineSettled();
    expect((await gate.get())?.status).toBe('blocked');
    expect((await gate.get())?.status).toBe('blocked');
    expect(s.reads()).toBe(4);
  });

  it('a failed read is not kept', async () => {
    let fail = true;
    const gate = new GateView(async () => {
      if (fail) throw new Error('gone');
      return answer('fresh');
    }, true);
    await expect(gate.get()).rejects.toThrow('gone');
    fail = false;
    expect((await gate.get())?.status).toBe('fresh');
  });
});
