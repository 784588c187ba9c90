import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerChangedSince, ledgerDigest, loadFingerprintedLedger } from './ledgerFingerprint.js';

const hex = (s: string) => createHash('sha256').update(s).digest('hex');

describe('ledger fingerprint', () => {
  let dir: string;
  let top: string;
  let included: string;
  const topText = 'include "prices.beancount"\n2024-01-01 open Assets:Cash USD\n';
  const pricesText = '2024-01-02 price AAPL 185.64 USD\n';

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-fp-'));
    top = join(dir, 'main.beancount');
    included = join(dir, 'prices.beancount');
    writeFileSync(top, topText);
    writeFileSync(included, pricesText);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('hashes the top file and its includes, in the order they were read', () => {
    const { ledger, fingerprint } = loadFingerprintedLedger(top);
    expect(ledger.errors).toEqual([]);
    expect(fingerprint.files.map((f) => [f.path, f.size, f.sha256])).toEqual([
      [top, Buffer.byteLength(topText), hex(topText)],
      [included, Buffer.byteLength(pricesText), hex(pricesText)],
    ]);
    // digest by hand: path NUL sha LF per file
    expect(fingerprint.digest).toBe(
      hex(`${top}\u0000${hex(topText)}\n${included}\u0000${hex(pricesText)}\n`),
    );
    expect(ledgerDigest(fingerprint.files)).toBe(fingerprint.digest);
  });

  it('is unchanged when nothing changed or a file was only touched', () => {
    const { fingerprint } = loadFingerprintedLedger(top);
    expect(ledgerChangedSince(fingerprint)).toBe(false);
    const later = new Date(Date.now() + 60_000);
    utimesSync(included, later, later);
    expect(ledgerChangedSince(fingerprint)).toBe(false);
    expect(loadFingerprintedLedger(top).fingerprint.digest).toBe(fingerprint.digest);
  });

  it('notices an edit of an included file even at the same size', () => {
    const { fingerprint } = loadFingerprintedLedger(top);
    writeFileSync(included, pricesText.replace('185.64', '185.65'));
    const later = new Date(Date.now() + 60_000);
    utimesSync(included, later, later);
    expect(ledgerChangedSince(fingerprint)).toBe(true);
    expect(loadFingerprintedLedger(top).fingerprint.digest).not.toBe(fingerprint.digest);
  });

  it('notices a deleted include', () => {
    const { fingerprint } = loadFingerprintedLedger(top);
    rmSync(included);
    expect(ledgerChangedSince(fingerprint)).toBe(true);
    const reloaded = loadFingerprintedLedger(top);
    expect(reloaded.fingerprint.files.map((f) => f.path)).toEqual([top]);
    expect(reloaded.ledger.errors.map((e) => e.type)).toEqual(['LoadError']);
  });
});
