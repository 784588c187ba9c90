import Big from 'big.js';

/**
 * The active ISO 4217 currency codes a brokerage account can hold cash in, with the digits
 * of each one's minor unit (2 unless listed otherwise). Left out on purpose: the codes
 * that are not money an account settles in — XXX (no currency), XTS (testing), the
 * precious metals (XAU, XAG, XPT, XPD), the IMF and bond-market units (XDR, XSU, XUA,
 * XBA–XBD) and the fund/indexed units (BOV, CHE, CHW, CLF, COU, MXV, USN, UYI, UYW).
 */
const twoDigitCodes = `
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN
BZD CAD CDF CHF CNY COP CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS
GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR
LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD
PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN
SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD UYU UZS VES WST XCD XCG YER ZAR ZMW
ZWG`;
const zeroDigitCodes = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF';
const threeDigitCodes = 'BHD IQD JOD KWD LYD OMR TND';

const minorUnitDigits: ReadonlyMap<string, number> = new Map([
  ...codes(twoDigitCodes).map((c) => [c, 2] as const),
  ...codes(zeroDigitCodes).map((c) => [c, 0] as const),
  ...codes(threeDigitCodes).map((c) => [c, 3] as const),
]);

/** True for an active ISO 4217 code of money an account can hold (USD, JPY; not XXX). */
export function isCurrencyCode(code: string): boolean {
  return minorUnitDigits.has(code);
}

/** Digits after the decimal point of `code`'s minor unit (USD 2, JPY 0, KWD 3), or null. */
export function minorUnitDigitsOf(code: string): number | null {
  return minorUnitDigits.get(code) ?? null;
}

/**
 * An exact decimal rounded half away from zero to `code`'s minor unit (2 digits for an
 * unknown code), as a plain decimal: `196813.489820` EUR → `196813.49`, `1234.5` JPY → `1235`.
 */
export function roundToMinorUnit(amount: string, code: string): string {
  const digits = minorUnitDigitsOf(code) ?? 2;
  return new Big(amount).round(digits, Big.roundHalfUp).toFixed(digits);
}

function codes(text: string): string[] {
  return text.split(/\s+/).filter((c) => c !== '');
}
