import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/runCli.js';
import type { CliIo } from '../cli/io.js';
import { ledgerCommand } from './ledger.js';

const DIR = fileURLToPath(new URL('./__fixtures__/ledger/', import.meta.url));

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: {},
    cwd: DIR,
  };
  const code = await runCli(['ledger', ...args], io, [ledgerCommand]);
  return { code, stdout, stderr };
}

describe('ledger command', () => {
  it('check: no errors → exit 0 and an empty error list', async () => {
    const { code, stdout } = await run('check', 'mini.beancount');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ errors: [] });
  });

  it('check: errors as file:line: message on stderr and exit 1', async () => {
    const { code, stdout, stderr } = await run('check', 'broken.beancount');
    expect(code).toBe(1);
    expect(stderr).toBe(
      "broken.beancount:2: Invalid reference to unknown account 'Expenses:Unknown'\n" +
        'broken.beancount:2: Transaction does not balance: (1.00 USD)\n',
    );
    expect(JSON.parse(stdout).errors).toHaveLength(2);
  });

  it('balances: FIFO sale took 4 of the 350.00 lot; cash by hand', async () => {
    // Cash: 10000.00 − 3500.00 − 1902.50 + 1640.00 = 6237.50.
    const { code, stdout } = await run(
      'balances',
      'mini.beancount',
      '--date',
      '2024-03-01',
      '--json',
    );
    expect(code).toBe(0);
    const balances = JSON.parse(stdout);
    expect(balances['Assets:P-USD-GROWTH:Cash:USD']).toEqual([
      {
        units: '6237.50',
        currency: 'USD',
        cost_number: null,
        cost_currency: null,
        cost_date: null,
        cost_label: null,
      },
    ]);
    expect(balances['Assets:P-USD-GROWTH:Securities:BRK-B']).toEqual([
      {
        units: '6',
        currency: 'BRK-B',
        cost_number: '350.00',
        cost_currency: 'USD',
        cost_date: '2024-01-03',
        cost_label: null,
      },
      {
        units: '5',
        currency: 'BRK-B',
        cost_number: '380.50',
        cost_currency: 'USD',
        cost_date: '2024-02-01',
        cost_label: null,
      },
    ]);
  });

  it('balances: the as-of date is inclusive', async () => {
    const { stdout } = await run('balances', 'mini.beancount', '--date', '2024-01-02');
    expect(Object.keys(JSON.parse(stdout))).toEqual([
      'Assets:P-USD-GROWTH:Cash:USD',
      'Equity:P-USD-GROWTH:Contributions',
    ]);
  });

  it('holdings: cost basis and market value at the latest price on or before the date', async () => {
    // 6 × 350.00 + 5 × 380.50 = 4002.50; 11 × 400.25 = 4402.75.
    const { stdout } = await run('holdings', 'mini.beancount', '--date', '2024-03-01', '--json');
    expect(JSON.parse(stdout)).toEqual([
      {
        account: 'Assets:P-USD-GROWTH:Securities:BRK-B',
        commodity: 'BRK-B',
        units: '11',
        cost_total: '4002.50',
        price: '400.25',
        price_date: '2024-02-29',
        market_value: '4402.75',
      },
    ]);
  });

  it('rejects a missing or impossible date with a usage error (64)', async () => {
    expect((await run('holdings', 'mini.beancount')).code).toBe(64);
    const { code, stderr } = await run('balances', 'mini.beancount', '--date', '2024-02-30');
    expect(code).toBe(64);
    expect(stderr).toContain('--date');
  });

  it('names the file when it cannot be read (exit 1)', async () => {
    const { code, stderr } = await run('check', 'missing.beancount');
    expect(code).toBe(1);
    expect(stderr).toContain('missing.beancount');
  });
});
