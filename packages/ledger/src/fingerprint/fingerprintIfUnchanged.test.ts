import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fingerprintIfUnchanged } from './fingerprintIfUnchanged.js';
import { loadFingerprintedLedger } from './ledgerFingerprint.js';

describe('fingerprintIfUnchanged', () => {
  let dir: string;
  let top: string;
  let included: string;
  let missing: string;
  const pricesText = '2024-01-02 price AAPL 185.64 USD\n';

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-unchanged-'));
    top = join(dir, 'main.beancount');
    included = join(dir, 'prices.beancount');
    missing = join(dir, 'later.beancount');
    writeFileSync(
      top,
      'include "prices.beancount"\ninclude "later.beancount"\n2024-01-01 open Assets:Cash USD\n',
    );
    writeFileSync(included, pricesText);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const stored = () => {
    const { fingerprint, absent } = loadFingerprintedLedger(top);
    return { ...fingerprint, absent };
  };

  it('gives what loading again would give, when nothing changed or a file was only touched', () => {
    const before = stored();
    expect(before.absent).toEqual([missing]);
    expect(fingerprintIfUnchanged(before)).toEqual(loadFingerprintedLedger(top).fingerprint);
    const later = new Date(Date.now() + 60_000);
    utimesSync(included, later, later);
    const now = fingerprintIfUnchanged(before);
    expect(now?.digest).toBe(before.digest);
    expect(now?.files[1]?.mtimeMs).toBeCloseTo(later.getTime(), -1);
    expect(now).toEqual(loadFingerprintedLedger(top).fingerprint);
  });

  it('is null for a same-size edit with the mtime put back (size and mtime are not enough)', () => {
    const before = stored();
    const mtime = new Date(before.files[1]!.mtimeMs);
    writeFileSync(included, pricesText.replace('185.64', '185.65'));
    utimesSync(included, mtime, mtime);
    expect(fingerprintIfUnchanged(before)).toBeNull();
  });

  it('is null when a missing include appears, a read file goes, or the digest is not theirs', () => {
    const before = stored();
    writeFileSync(missing, '2024-01-03 price AAPL 1 USD\n');
    expect(fingerprintIfUnchanged(before)).toBeNull();
    rmSync(missing);
    expect(fingerprintIfUnchanged(before)).not.toBeNull();
    expect(fingerprintIfUnchanged({ ...before, digest: '0'.repeat(64) })).toBeNull();
    rmSync(included);
    expect(fingerprintIfUnchanged(before)).toBeNull();
  });
});
