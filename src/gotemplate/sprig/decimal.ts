/**
 * The part of shopspring/decimal that sprig's float functions (`addf`, `subf`, `mulf`, `divf`,
 * `add1f`) use: each float64 becomes the shortest decimal that reads back as it, the operation
 * is exact in decimal (division is rounded half away from zero to 16 places), and the result is
 * read back as the nearest float64. So `mulf 1.1 3` is `3.3`, where float arithmetic gives
 * `3.3000000000000003`.
 */
import { GoCallError } from '../value.js';

/** coefficient × 10^exponent */
export interface Decimal {
  readonly coef: bigint;
  readonly exp: number;
}

const DIVISION_PRECISION = 16;

/** decimal.NewFromFloat. */
export function fromFloat(f: number): Decimal {
  if (!Number.isFinite(f)) {
    const text = Number.isNaN(f) ? 'NaN' : f > 0 ? '+Inf' : '-Inf';
    throw new GoCallError(`Cannot create a Decimal from ${text}`);
  }
  // JavaScript's shortest round-trip digits are the same digits Go's strconv picks.
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(f));
  if (m === null) return { coef: 0n, exp: 0 };
  const frac = m[3] ?? '';
  const coef = BigInt(m[2]! + frac) * (m[1] === '-' ? -1n : 1n);
  return { coef, exp: Number(m[4] ?? 0) - frac.length };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const exp = Math.min(a.exp, b.exp);
  return [a.coef * 10n ** BigInt(a.exp - exp), b.coef * 10n ** BigInt(b.exp - exp), exp];
}

export function add(a: Decimal, b: Decimal): Decimal {
  const [x, y, exp] = align(a, b);
  return { coef: x + y, exp };
}

export function sub(a: Decimal, b: Decimal): Decimal {
  const [x, y, exp] = align(a, b);
  return { coef: x - y, exp };
}

export function mul(a: Decimal, b: Decimal): Decimal {
  return { coef: a.coef * b.coef, exp: a.exp + b.exp };
}

/** Decimal.Div: the quotient to 16 decimal places, half away from zero. */
export function div(a: Decimal, b: Decimal): Decimal {
  if (b.coef === 0n) throw new GoCallError('decimal division by 0');
  const shift = a.exp - b.exp + DIVISION_PRECISION;
  const num = shift >= 0 ? a.coef * 10n ** BigInt(shift) : a.coef;
  const den = shift >= 0 ? b.coef : b.coef * 10n ** BigInt(-shift);
  let q = num / den;
  const r = num % den;
  const abs = (x: bigint): bigint => (x < 0n ? -x : x);
  if (2n * abs(r) >= abs(den)) q += num < 0n !== den < 0n ? -1n : 1n;
  return { coef: q, exp: -DIVISION_PRECISION };
}

/** Decimal.Float64: the nearest float64. */
export function toFloat(d: Decimal): number {
  return Number(`${d.coef}e${d.exp}`);
}
