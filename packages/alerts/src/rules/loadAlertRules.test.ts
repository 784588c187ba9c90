import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAlertRules } from './loadAlertRules.js';

describe('loadAlertRules', () => {
  it('reads and validates a file', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'alert-rules-')), 'alerts.json');
    await writeFile(
      file,
      '{"rules":[{"id":"x","kind":"run_blocked","severity":"critical","channels":["console"],"cooldown":"0s"}]}',
    );
    const rules = await loadAlertRules(file);
    expect(rules.map((r) => [r.id, r.cooldownSeconds])).toEqual([['x', 0]]);
  });

  it('names the file and the setting when the file cannot be read', async () => {
    const file = join(tmpdir(), 'no-such-dir-for-alerts', 'alerts.json');
    await expect(loadAlertRules(file)).rejects.toThrow(
      `${file}: cannot read the alert rules file named by ALERT_RULES (ENOENT)`,
    );
  });
});
