import { describe, expect, it } from 'vitest';
import { ruleFrom } from '../testing/rulesFrom.js';
import { regimeChangeCondition } from './regimeChangeCondition.js';

const rule = ruleFrom({ id: 'regime', kind: 'regime_change' });

describe('regimeChangeCondition', () => {
  it('holds only when both days are known and differ', () => {
    expect(
      regimeChangeCondition(rule, { previous: 'Goldilocks', current: 'Reflation' }),
    ).toMatchObject({
      holds: true,
      message: 'Regime changed from Goldilocks to Reflation',
    });
    expect(regimeChangeCondition(rule, { previous: 'Reflation', current: 'Reflation' }).holds).toBe(
      false,
    );
    expect(regimeChangeCondition(rule, { previous: null, current: 'Reflation' }).holds).toBeNull();
    expect(regimeChangeCondition(rule, null).holds).toBeNull();
  });
});
