import Big from 'big.js';
import type { DemoMarket } from './demoMarket.js';
import type { BookRow, JournalEntry } from './journal.js';
import { roundCash } from './money.js';
import type { DemoDataSpec, SourceFile } from './types.js';

/** A source file that was read, with the SHA-256 of its bytes. */
export interface UsedSource {
  readonly file: SourceFile;
  readonly sha256: string;
}

/**
 * Writes `README.md`, `SOURCES.md` and `market/SOURCES.md` of the data set: what each
 * portfolio exercises, the dates covered, the conventions of the books, and the origin,
 * licence, SHA-256 and treatment of every source file (derived and sample values labelled).
 */
export function writeDocs(
  spec: DemoDataSpec,
  market: DemoMarket,
  journals: ReadonlyMap<string, readonly JournalEntry[]>,
  used: readonly UsedSource[],
  files: ReadonlyMap<string, string>,
): Map<string, string> {
  const first = market.calendar.days[0] ?? '';
  const last = market.calendar.days.at(-1) ?? '';
  return new Map([
    ['README.md', readme(spec, market, journals, first, last, files)],
    ['SOURCES.md', booksSources(spec)],
    ['market/SOURCES.md', marketSources(spec, used, first, last)],
  ]);
}

function readme(
  spec: DemoDataSpec,
  market: DemoMarket,
  journals: ReadonlyMap<string, readonly JournalEntry[]>,
  first: string,
  last: string,
  files: ReadonlyMap<string, string>,
): string {
  const rows = (id: string): BookRow[] => (journals.get(id) ?? []).flatMap((e) => e.rows);
  const portfolioTable = spec.portfolios.map((p) => {
    const counts = new Map<string, number>();
    for (const r of rows(p.id)) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
    const summary = [...counts]
      .sort()
      .map(([t, n]) => `${n} ${t}`)
      .join(', ');
    return `| ${p.id} | ${p.baseCurrency} | ${p.benchmark} | ${p.inception} | ${p.purpose} | ${summary} |`;
  });
  const bytes = [...files.values()].reduce((n, t) => n + Buffer.byteLength(t), 0);
  return `# Bundled demo data set

Generated — do not edit by hand. Regenerate with

    npm run bench -- demo-data --source SOURCE_DIR --out data/demo

(the generator and its plans live in \`apps/bench/src/demoData/\`; \`demoDataSpec.ts\` holds the
universe and the portfolio plans). SOURCE_DIR holds the upstream files listed in
\`market/SOURCES.md\`, at the paths of its first column. Two runs give byte-identical files.

- **Dates covered:** trading days ${first} .. ${last} (the NYSE days of ${spec.calendarSymbol}'s price file).
- **Last date of the data: ${last}.** The runner's default nightly date on this set.
- Size: about ${Math.round(bytes / 1024)} KiB in ${files.size + 3} files.

## Layout

| path | format | content |
| --- | --- | --- |
| \`market/\` | offline market data (docs/DATA-FORMATS.md#market-data) | raw closes, ECB FX, FRED series, dividends, splits, fundamentals; see \`market/SOURCES.md\` |
| \`portfolios.json\`, \`securities.csv\`, \`transactions/<ID>.csv\` | books (docs/DATA-FORMATS.md#books) | the platform's books of each portfolio |
| \`ledgers/<ID>.beancount\` | Beancount 2.3.5 | one ledger per portfolio (the default \`LEDGER_DIR\`), agreeing with the books |

## Portfolios

| id | base | benchmark | inception | exercises | book rows |
| --- | --- | --- | --- | --- | --- |
${portfolioTable.join('\n')}

The portfolios are **sample data**: invented holdings and cash flows, priced with the real
market data of \`market/\`.

## Conventions of the books (\`transactions/<ID>.csv\`)

- Trade-date accounting: units and cash move on \`trade_date\`, which is also the ledger
  transaction's date. \`settle_date\` is informational (T+2 trading days for buys and sells,
  the trade date otherwise).
- \`quantity\` is positive for buys and sells (the type gives the direction); for a dividend
  it is the units held at the ex-date; for a split the shares added. \`price\` is the raw
  close the trade executed at, a dividend's amount per share, or the FX rate used.
  \`quantity\`/\`price\`/\`symbol\` are blank where they do not apply.
- \`amount\` is the signed cash effect in \`currency\`, rounded to the currency's minor unit
  half away from zero, as a broker books it: buys \`−round(quantity × price)\`, sells
  \`+round(quantity × price)\`, dividends \`+round(units × amount per share)\`. Commissions
  (${spec.fees.commission} in the security's currency per trade) are separate \`fee\` rows; an
  account fee of ${spec.fees.annualAccountFee} in base currency is charged on each year's last trading day.
- \`fx\` rows come in pairs with the same date and description: the currency sold (negative)
  and the currency bought (positive), converted at the ECB reference rate of that day (the
  latest earlier one on an ECB holiday); \`price\` is the published rate named in the description.
- A dividend declared in another currency than the security trades in (the SAP ADR, declared
  in EUR) is booked as a \`dividend\` row in the declared currency followed by an \`fx\` pair
  converting it to the trading currency **at the pay date's rate** — the cash an ADR holder
  receives. ${adrExample(spec, market, journals)}
- \`interest\`: on the last trading day of each quarter, on the USD cash balance of that day,
  at ${spec.cashRateSeries} (3-month Treasury bill, latest value on or before the day) × days since the last
  credit / 365, rounded to the cent.
- A split is one \`split\` row (amount 0); the ledger removes the old lots and adds new ones
  with the same lot dates at cost / ratio.
- Dividends with a pay date after ${last} are in \`market/corporate-actions/dividends.csv\` but
  not in the books (not yet paid).

## Ledgers (\`ledgers/<ID>.beancount\`)

Accounts as in the shared format: \`Assets:<ID>:Cash:<CCY>\`, \`Assets:<ID>:Securities:<SYMBOL>\`
(held at cost \`{}\`), \`Income:<ID>:Dividends:<SYMBOL>\`, \`Income:<ID>:Interest\`,
\`Expenses:<ID>:Fees\`, \`Equity:<ID>:Contributions\`, plus **\`Income:<ID>:CapitalGains\`** for
the realised result of sells (sells name the lots they reduce, first in first out, with cost
and lot date). Every transaction carries \`external_id\` metadata listing its book rows. The
ledger has \`price\` directives for each held security (and \`price <CCY> … USD\` for a non-USD
cash currency) on each month's last trading day and on ${last}, and \`balance\` assertions for
every asset account on each 1 January and on the day after ${last}.

## securities.csv

\`kind\` ∈ equity | etf | adr. For ADRs, **\`adr_ratio\` = underlying ordinary shares represented
by one ADR** (BP 6, HSBC 5, AZN 0.5, the others 1), \`underlying\` the home-market ticker and
\`underlying_currency\` its currency. The data set has no price files for the underlyings
(the sources have none).
`;
}

function adrExample(
  spec: DemoDataSpec,
  market: DemoMarket,
  journals: ReadonlyMap<string, readonly JournalEntry[]>,
): string {
  for (const [id, entries] of journals) {
    const rows = entries.flatMap((e) => e.rows);
    const index = rows.findIndex(
      (r) => r.type === 'dividend' && r.currency !== market.security(r.symbol).currency,
    );
    const dividend = rows[index];
    const received = rows[index + 2];
    if (dividend === undefined || received === undefined) continue;
    const to = received.currency;
    const atEx = roundCash(
      market.convert(new Big(dividend.amount), dividend.currency, to, dividend.exDate).value,
      to,
    );
    const difference = roundCash(new Big(received.amount).minus(atEx), to);
    return `Example (${id}): ${dividend.symbol} ${dividend.currency} ${dividend.amount} (ex ${dividend.exDate}, paid ${dividend.payDate}) → ${to} ${received.amount} at the pay-date rate; at the ex-date rate it would have been ${to} ${atEx}, a difference of ${to} ${difference}.`;
  }
  return `(${spec.name} has no such dividend.)`;
}

function booksSources(spec: DemoDataSpec): string {
  return `# Sources of the demo books and ledgers

Everything outside \`market/\` is **sample data** generated by \`apps/bench/src/demoData/\`
from the portfolio plans in \`demoDataSpec.ts\` (invented portfolios, deposits, trades and
withdrawals) and the market data in \`market/\` (real prices, ECB rates and FRED series;
their provenance and licences are in \`market/SOURCES.md\`).

| file | how it is made |
| --- | --- |
| \`portfolios.json\` | from the plans (${spec.portfolios.map((p) => p.id).join(', ')}) |
| \`securities.csv\` | names, kinds, countries and ADR ratios written in \`demoDataSpec.ts\` (public facts about each listing; ADR ratios as published by the depositary banks) |
| \`transactions/<ID>.csv\` | simulation of each plan: trades at the day's raw close, dividends from \`market/corporate-actions/dividends.csv\` on the units held at the ex-date, FX at ECB rates, interest at ${spec.cashRateSeries}, fees from a fixed schedule |
| \`ledgers/<ID>.beancount\` | the same simulated events written as Beancount transactions, plus month-end price directives from \`market/prices\` and \`market/fx\` |
| \`README.md\`, this file | generated with the data |

Licence of the generated books and ledgers: the repository's licence (Apache-2.0); the
market data inside them keeps the terms listed in \`market/SOURCES.md\`.
`;
}

function marketSources(
  spec: DemoDataSpec,
  used: readonly UsedSource[],
  first: string,
  last: string,
): string {
  const usedFor = (path: string): string => {
    const outputs = [
      ...spec.securities
        .filter((s) => s.prices.path === path)
        .map((s) => `prices/${s.symbol}.csv, dividends of ${s.symbol}`),
      ...spec.macro.filter((m) => m.file.path === path).map((m) => `macro/${m.id}.csv`),
      ...(spec.ecb.path === path
        ? [
            `fx/${[...spec.ecbCurrencies.map((c) => `EUR${c}`), ...spec.fxCrosses.map((x) => `${x.base}${x.quote}`)].join('.csv, fx/')}.csv`,
          ]
        : []),
      ...spec.fundamentals
        .filter(
          (f) =>
            f.recent?.path === path ||
            (spec.kaggleFundamentals?.path === path && f.kaggleTicker !== undefined),
        )
        .map((f) => `fundamentals/${f.symbol}.json`),
      ...(spec.news?.envelope.path === path
        ? [`the field layout of news/*.json (${spec.news.dates.join(', ')})`]
        : []),
    ];
    return outputs.join('; ');
  };
  const table = [...used]
    .sort((a, b) => (a.file.path < b.file.path ? -1 : 1))
    .map(
      (u) =>
        `| \`${u.file.path}\` | ${u.file.origin} | \`${u.sha256}\` | ${u.file.licence} | ${usedFor(u.file.path)} |`,
    );
  const splits = spec.splits.map(
    (s) => `  - ${s.symbol} ${s.numerator}:${s.denominator} effective ${s.date}: ${s.evidence}.`,
  );
  const declared = spec.declaredDividends.map(
    (d) => `  - ${d.symbol} ex ${d.exDate}: ${d.currency} ${d.amount} — ${d.evidence}.`,
  );
  return `# Sources of the offline market data

Every file here is cut from upstream files (snapshots of public GitHub repositories at the
commits below; the first column is each file's path in the generator's SOURCE_DIR) to the dates
${first} .. ${last}, by \`apps/bench/src/demoData/\`. The SHA-256 is of the source file read.

| source file | origin (repository @ commit : path) | sha256 | licence / terms | used for |
| --- | --- | --- | --- | --- |
${table.join('\n')}

## Treatment, derived values and sample data

- **prices/** — \`close\`, \`open\`, \`high\`, \`low\`, \`volume\` are the source's strings, unchanged,
  except before a split: Yahoo's \`Close\` is split-adjusted, so bars dated before a split are
  multiplied exactly by its ratio to give the raw exchange price (AAPL × 4 before 2020-08-31;
  volume left blank on those bars; Yahoo's 6-decimal rounding of the adjusted close shows
  through, e.g. 142.190004 for the printed 142.19). Closes are not dividend-adjusted.
- **corporate-actions/splits.csv** — not in the source files (their prices are already
  split-adjusted); each split is a public corporate action:
${splits.join('\n')}
- **corporate-actions/dividends.csv** — *derived*: the sources have no dividend events. Ex-dates
  and amounts are inferred from the jump in Adj Close / Close on the ex-date:
  amount = previous raw close × (1 − ratio before / ratio on the ex-date), snapped to the
  whole cent when within 0.0002 of one, else rounded to 4 decimals (may differ from the
  declared amount by a few 0.0001). Amounts are per share (per ADR) in USD, as Yahoo records
  them, except dividends declared in another currency (*sample data*, not in the sources):
${declared.join('\n')}
  **Record and pay dates are sample data**: record date = the next trading day after the
  ex-date; pay date = the first trading day at least a fixed number of days after the ex-date
  (per security, typical of its payer).
- **fx/EUR<CCY>.csv** — the ECB euro reference rates (CCY per 1 EUR), strings unchanged.
  **fx/GBPUSD.csv, fx/JPYUSD.csv** — *derived* cross rates on each ECB day:
  GBPUSD = EURUSD / EURGBP, JPYUSD = EURUSD / EURJPY (USD per 1 GBP / 1 JPY), rounded half-even
  to 10 decimals. ECB rates are published on TARGET days, which differ from NYSE days.
- **macro/** — FRED series as in the source files; FRED's missing marker (\`.\` or empty) is
  written as an empty value, never 0. The Thecoderstef files omit FRED's holiday rows; the
  BAMLC0A0CM and DGS3MO files keep them (empty values).
- **fundamentals/** — annual figures as in the sources, written in plain decimal notation
  (\`1.71E+11\` → \`171000000000\`, same value). *Derived*: \`period_end\` (fiscal year + the
  company's year-end day, for files that give only the year), \`total_debt\` (long-term +
  short-term debt), \`free_cash_flow\` (operating cash flow + capital expenditure, which the
  source records as negative), \`return_on_equity\` (net income / total equity). \`eps_diluted\`
  is the source's EPS (its basic/diluted basis is not stated) and \`shares_diluted\` the Kaggle
  table's "Estimated Shares Outstanding". Periods ending after ${last} are left out (not known
  on the last date). Unilever reports in EUR.
${newsTreatment(spec)}- Not included: real news (no licensed news source in the inputs), prices of ADR underlyings.
`;
}

/** The news paragraph of market/SOURCES.md (empty without news). */
function newsTreatment(spec: DemoDataSpec): string {
  if (spec.news === undefined) return '';
  return `- **news/** — *sample data*, not real news: on each of ${spec.news.dates.join(', ')}, one
  article per security held by a demo portfolio at that day's close, stating facts of the
  bundled prices only: its raw close (to the cent, half up, in the title) and the change from the previous trading day's close
  (\`(close − previous) / previous\`, in %, 2 decimals, half up). Each is built with exactly
  the article fields of the real NewsAPI answer \`${spec.news.envelope.path}\` (none of its
  text is used) and normalised as the NewsAPI client does; source "${spec.news.wire}", no
  author, published 21:30 UTC (after the US close), URLs on the reserved \`news.example\`
  domain (RFC 2606), which lead nowhere.
`;
}
