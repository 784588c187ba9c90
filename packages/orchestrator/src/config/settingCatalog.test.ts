import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settingCatalog } from './settingCatalog.js';

const operations = readFileSync(new URL('../../../../docs/OPERATIONS.md', import.meta.url), 'utf8');

describe('the setting catalog', () => {
  it('names each setting once', () => {
    const names = settingCatalog.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[A-Z][A-Z0-9_]*$/);
  });

  it('is listed setting by setting in docs/OPERATIONS.md', () => {
    const missing = settingCatalog.filter((s) => !operations.includes(`\`${s.name}\``));
    expect(missing.map((s) => s.name)).toEqual([]);
  });

  it('marks every API key, signing secret and database URL secret', () => {
    const secrets = settingCatalog.filter((s) => s.kind === 'secret').map((s) => s.name);
    expect(settingCatalog.filter((s) => s.secret).map((s) => s.name)).toEqual(secrets);
    expect(secrets.sort()).toEqual(
      [
        'ALERT_WEBHOOK_SECRET',
        'DATABASE_URL',
        'FMP_API_KEY',
        'FRED_API_KEY',
        'HTTP_ACCESS_TOKEN',
        'NEWSAPI_API_KEY',
        'POLYGON_API_KEY',
      ].sort(),
    );
  });

  it('gives every checked setting a default its own type accepts', () => {
    for (const spec of settingCatalog) {
      if (spec.type === null || spec.defaultValue === null) continue;
      expect(spec.type.parse(String(spec.defaultValue)), spec.name).toEqual(spec.defaultValue);
    }
  });
});
