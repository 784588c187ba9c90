import { describe, expect, it } from 'vitest';
import { AlertRulesError } from '@truth-spine/alerts';
import { rulesFrom } from '@truth-spine/alerts/testing';
import { configureChannels } from './configureChannels.js';

const sink = { write: () => true };
const rules = rulesFrom([
  { id: 'a', kind: 'run_blocked', channels: ['console'] },
  { id: 'vol-high', kind: 'run_blocked', channels: ['outbox', 'webhook'] },
]);

describe('configureChannels', () => {
  it('builds the configured channels; console is always there', () => {
    const channels = configureChannels(
      {
        rulesFile: 'alerts.json',
        webhook: { url: 'http://127.0.0.1:9/x', secret: 's'.repeat(16) },
        outboxFile: '/tmp/o.jsonl',
      },
      rules,
      sink,
    );
    expect(Object.keys(channels).sort()).toEqual(['console', 'outbox', 'webhook']);
    expect(
      Object.keys(
        configureChannels({ rulesFile: null, webhook: null, outboxFile: null }, [], sink),
      ),
    ).toEqual(['console']);
  });

  it('names the rule, the channel and the missing settings', () => {
    let error: unknown;
    try {
      configureChannels({ rulesFile: 'alerts.json', webhook: null, outboxFile: null }, rules, sink);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AlertRulesError);
    expect((error as AlertRulesError).problems).toEqual([
      'alerts.json: rules[1] ("vol-high").channels[0] "outbox" needs ALERT_OUTBOX',
      'alerts.json: rules[1] ("vol-high").channels[1] "webhook" needs ALERT_WEBHOOK_URL and ALERT_WEBHOOK_SECRET',
    ]);
  });
});
