/**
 * Exact decimal arithmetic for the number keywords: the validator compares big.Rat values of
 * the schema's literals and of the shortest decimal form of each float64, so `0.3` is a
 * multiple of `0.1` and `maximum: 0.1` admits 0.1.
 */
import { formatFloat } from '../../../gotemplate/go-float.js';
import { JsonNumber } from './json.js';

/** `n × 10^e`. */
export interface Decimal {
  n: bigint;
  e: number;
}

// Beyond this many decimal digits of alignment the floats decide (a bound on the work).
const MAX_SCALE = 4000;

function parse(text: string): Decimal | undefined {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) return undefined;
  const frac = m[3] ?? '';
  const exp = Number(m[4] ?? '0') - frac.length;
  if (!Number.isFinite(exp) || Math.abs(exp) > 1e6) return undefined;
  const n = BigInt(`${m[2]}${frac}`);
  return { n: m[1] ? -n : n, e: exp };
}

export function toDecimal(v: number | JsonNumber): Decimal | undefined {
  if (v instanceof JsonNumber) return parse(v.literal);
  if (!Number.isFinite(v)) return undefined;
  return parse(formatFloat(v, 'e', -1));
}

function align(a: Decimal, b: Decimal): [bigint, bigint] | undefined {
  const e = Math.min(a.e, b.e);
  if (a.e - e > MAX_SCALE || b.e - e > MAX_SCALE) return undefined;
  return [a.n * 10n ** BigInt(a.e - e), b.n * 10n ** BigInt(b.e - e)];
}

function asFloat(v: number | JsonNumber): number {
  return v instanceof JsonNumber ? v.value : v;
}

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b`. */
export function compare(a: number | JsonNumber, b: number | JsonNumber): number {
  const da = toDecimal(a);
  const db = toDecimal(b);
  const pair = da && db ? align(da, db) : undefined;
  if (pair) return pair[0] < pair[1] ? -1 : pair[0] > pair[1] ? 1 : 0;
  const fa = asFloat(a);
  const fb = asFloat(b);
  return fa < fb ? -1 : fa > fb ? 1 : 0;
}

/** Whether `a / b` is an integer (b ≠ 0). */
export function isMultiple(a: number | JsonNumber, b: number | JsonNumber): boolean {
  const da = toDecimal(a);
  const db = toDecimal(b);
  const pair = da && db ? align(da, db) : undefined;
  if (pair) return pair[1] !== 0n && pair[0] % pair[1] === 0n;
  return Number.isInteger(asFloat(a) / asFloat(b));
}

export function isIntegral(v: number): boolean {
  return Number.isInteger(v);
}
