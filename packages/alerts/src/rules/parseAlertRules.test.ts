import { describe, expect, it } from 'vitest';
import { AlertRulesError } from './alertRulesError.js';
import { parseAlertRules } from './parseAlertRules.js';

const volatilityRuleExample =
  '{"rules": [{"id": "vol-high", "kind": "metric", "metric": "volatility.1Y", "op": ">", ' +
  '"threshold": 0.25, "scope": "all", "severity": "warning", "channels": ["webhook"], ' +
  '"cooldown": "7d"}]}';

function problemsOf(rules: unknown[]): readonly string[] {
  try {
    parseAlertRules(JSON.stringify({ rules }), 'alerts.json');
  } catch (error) {
    expect(error).toBeInstanceOf(AlertRulesError);
    expect((error as AlertRulesError).code).toBe('alert_rules_invalid');
    return (error as AlertRulesError).problems;
  }
  throw new Error('expected the rules to be rejected');
}

const base = { severity: 'info', channels: ['console'], cooldown: '1d' };

describe('parseAlertRules', () => {
  it('accepts a volatility threshold rule as a user writes it', () => {
    expect(parseAlertRules(volatilityRuleExample, 'alerts.json')).toEqual([
      {
        id: 'vol-high',
        kind: 'metric',
        metric: 'volatility.1Y',
        op: '>',
        threshold: 0.25,
        scope: 'all',
        severity: 'warning',
        channels: ['webhook'],
        cooldown: '7d',
        cooldownSeconds: 604_800,
        enabled: true,
        description: null,
      },
    ]);
  });

  it('accepts every kind with its own fields and defaults', () => {
    const rules = parseAlertRules(
      JSON.stringify({
        rules: [
          { ...base, id: 'move', kind: 'price_move', scope: 'p1', threshold: 0.05 },
          { ...base, id: 'news', kind: 'news', scope: 'all', keywords: ['recall'] },
          { ...base, id: 'regime', kind: 'regime_change' },
          { ...base, id: 'blocked', kind: 'run_blocked', scope: 'all', severity: 'critical' },
          { ...base, id: 'late', kind: 'deadline_missed', enabled: false },
          {
            ...base,
            id: 'stale',
            kind: 'pack_stale',
            maxAgeHours: 36,
            channels: ['outbox', 'outbox'],
          },
        ],
      }),
      'alerts.json',
    );
    expect(rules.map((r) => [r.id, r.kind, r.scope, r.enabled])).toEqual([
      ['move', 'price_move', 'p1', true],
      ['news', 'news', 'all', true],
      ['regime', 'regime_change', 'all', true],
      ['blocked', 'run_blocked', 'all', true],
      ['late', 'deadline_missed', 'all', false],
      ['stale', 'pack_stale', 'all', true],
    ]);
    expect(rules[0]).toMatchObject({ direction: 'either', threshold: 0.05 });
    expect(rules[1]).toMatchObject({ keywords: ['recall'] });
    expect(rules[5]).toMatchObject({ maxAgeHours: 36, channels: ['outbox'] });
  });

  it('names file, rule index, rule id and field in every problem', () => {
    const good = JSON.parse(volatilityRuleExample).rules[0];
    expect(
      problemsOf([
        good,
        { ...good, id: 'b', threshold: '0.25' },
        { ...good, cooldown: '7 days' },
        { ...good, id: 'd', kind: 'sms' },
        { ...good, id: 'e', treshold: 1 },
        { ...good, id: '' },
        'not a rule',
        { ...base, id: 'h', kind: 'run_blocked', scope: 'p1' },
        { ...good, id: 'i', channels: [] },
        { ...base, id: 'j', kind: 'price_move', scope: 'all', threshold: 5 },
      ]),
    ).toEqual([
      'alerts.json: rules[1] ("b").threshold must be a number (was a string)',
      'alerts.json: rules[2] ("vol-high").cooldown must be a duration like "7d" or "12h" (was "7 days")',
      'alerts.json: rules[3] ("d").kind must be "deadline_missed", "metric", "news", "pack_stale", "price_move", "regime_change" or "run_blocked" (was "sms")',
      'alerts.json: rules[4] ("e").treshold must be removed',
      'alerts.json: rules[5].id must be non-empty',
      'alerts.json: rules[6] must be an object (was a string)',
      'alerts.json: rules[7] ("h").scope must be "all" (this kind has no narrower scope) (was "p1")',
      'alerts.json: rules[8] ("i").channels must be non-empty',
      'alerts.json: rules[9] ("j").threshold must be a fraction in (0, 1], e.g. 0.05 for 5 % (was 5)',
    ]);
  });

  it('rejects duplicate ids, naming the first', () => {
    const good = JSON.parse(volatilityRuleExample).rules[0];
    expect(problemsOf([good, good])).toEqual([
      'alerts.json: rules[1] ("vol-high").id duplicates rules[0]',
    ]);
  });

  it('rejects a file that is not JSON or has no rules array', () => {
    expect(() => parseAlertRules('{"rules": [', 'alerts.json')).toThrow(
      /^alerts\.json: not valid JSON/,
    );
    expect(() => parseAlertRules('{"rule": []}', 'alerts.json')).toThrow(
      'alerts.json: rules must be an array (was missing)',
    );
  });
});
