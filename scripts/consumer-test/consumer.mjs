// A stranger's plain Node ESM use of the installed package: TWR, XIRR and a factor model,
// checked against cases.mjs, plus the package's null-with-reason convention, and the
// installed README documenting every exported function and class under its own heading.
import { readFileSync } from 'node:fs';
import * as financeCore from '@truth-spine/finance-core';
import {
  cumulativeReturn,
  dailyReturnsFromValues,
  fitFactorModel,
  isUndefinedValue,
  xirr,
} from '@truth-spine/finance-core';
import { assertClose, assertThat, factorCase, twrCase, xirrCase } from './cases.mjs';

const returns = dailyReturnsFromValues(
  Float64Array.from(twrCase.values),
  Float64Array.from(twrCase.flows),
  twrCase.startValue,
);
twrCase.expectedDailyReturns.forEach((r, i) =>
  assertClose(`mjs daily return ${i}`, returns[i], r, 1e-12),
);
const twr = cumulativeReturn(returns, 0, returns.length);
assertClose('mjs TWR', twr.value, twrCase.expectedTwr, 1e-12);
assertThat('mjs TWR observations', twr.nObs === 3);

const irr = xirr(xirrCase.days, xirrCase.amounts);
assertClose('mjs XIRR', irr.rate, xirrCase.expectedRate, 1e-10);
assertThat('mjs XIRR span', irr.days === xirrCase.expectedSpanDays);
const sameDay = xirr([xirrCase.days[0], xirrCase.days[0]], [-1, 1]);
assertThat(
  'mjs XIRR on one date is null with a reason',
  isUndefinedValue(sameDay) && sameDay.reason.length > 0,
);

const fit = fitFactorModel(
  Float64Array.from(factorCase.y),
  [Float64Array.from(factorCase.mkt), Float64Array.from(factorCase.smb)],
  factorCase.names,
);
assertThat('mjs factor model defined', !isUndefinedValue(fit));
assertClose('mjs intercept', fit.intercept_daily, factorCase.expectedIntercept, 1e-12);
for (const name of factorCase.names) {
  assertClose(`mjs loading ${name}`, fit.loadings[name], factorCase.expectedLoadings[name], 1e-9);
}
assertClose('mjs R²', fit.r_squared, 1, 1e-12);
assertThat('mjs factor observations', fit.n_obs === factorCase.expectedObservations);

const readme = readFileSync('node_modules/@truth-spine/finance-core/README.md', 'utf8');
const undocumented = Object.entries(financeCore)
  .filter(
    ([name, value]) =>
      typeof value === 'function' && !new RegExp(`^### ${name}\\b`, 'm').test(readme),
  )
  .map(([name]) => name);
assertThat(
  `README documents every exported function (missing: ${undocumented.join(', ')})`,
  undocumented.length === 0,
);

console.log('plain ESM consumer: TWR, XIRR and factor model match');
