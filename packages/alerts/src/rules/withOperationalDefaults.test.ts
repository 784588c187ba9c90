import { describe, expect, it } from 'vitest';
import { rulesFrom } from '../testing/rulesFrom.js';
import { withOperationalDefaults } from './withOperationalDefaults.js';

describe('withOperationalDefaults', () => {
  it('adds a built-in rule for each operational kind the file lacks, on the given channels', () => {
    const rules = withOperationalDefaults([], ['console', 'webhook']);
    expect(rules.map((r) => [r.id, r.kind, r.severity, r.channels, r.cooldownSeconds])).toEqual([
      ['builtin.run_blocked', 'run_blocked', 'critical', ['console', 'webhook'], 0],
      ['builtin.deadline_missed', 'deadline_missed', 'warning', ['console', 'webhook'], 0],
    ]);
  });

  it("keeps the file's own operational rules and adds nothing for them", () => {
    const own = rulesFrom([{ id: 'mine', kind: 'run_blocked', channels: ['outbox'] }]);
    expect(withOperationalDefaults(own, ['console']).map((r) => r.id)).toEqual([
      'mine',
      'builtin.deadline_missed',
    ]);
  });
});
