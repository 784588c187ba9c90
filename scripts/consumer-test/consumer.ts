// A stranger's strict TypeScript use of the installed package: the same three results as
// consumer.mjs, reached through the published types (results narrowed before use).
import {
  cumulativeReturn,
  dailyReturnsFromValues,
  fitFactorModel,
  isUndefinedValue,
  xirr,
  type CumulativeReturn,
  type FactorModelFit,
  type UndefinedValue,
  type XirrResult,
} from '@truth-spine/finance-core';
import { assertClose, assertThat, factorCase, twrCase, xirrCase } from './cases.mjs';

// The throwaway project installs nothing but the package (no @types/node): declare the one global used.
declare const console: { log(message: string): void };

const returns: Float64Array = dailyReturnsFromValues(
  Float64Array.from(twrCase.values),
  Float64Array.from(twrCase.flows),
  twrCase.startValue,
);
const twr: CumulativeReturn = cumulativeReturn(returns, 0, returns.length);
assertClose('ts TWR', twr.value, twrCase.expectedTwr, 1e-12);

const irr = xirr(xirrCase.days, xirrCase.amounts);
if (isUndefinedValue(irr)) throw new Error(`ts XIRR undefined: ${irr.reason}`);
const rate: XirrResult['rate'] = irr.rate;
assertClose('ts XIRR', rate, xirrCase.expectedRate, 1e-10);

const fit: FactorModelFit | UndefinedValue = fitFactorModel(
  Float64Array.from(factorCase.y),
  [Float64Array.from(factorCase.mkt), Float64Array.from(factorCase.smb)],
  factorCase.names,
);
if (isUndefinedValue(fit)) throw new Error(`ts factor model undefined: ${fit.reason}`);
assertClose('ts intercept', fit.intercept_daily, factorCase.expectedIntercept, 1e-12);
assertClose('ts loading MKT', fit.loadings['MKT'], factorCase.expectedLoadings.MKT, 1e-9);
assertClose('ts loading SMB', fit.loadings['SMB'], factorCase.expectedLoadings.SMB, 1e-9);
assertThat('ts factor observations', fit.n_obs === factorCase.expectedObservations);

console.log('strict TypeScript consumer: TWR, XIRR and factor model match');
