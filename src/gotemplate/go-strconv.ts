/**
 * Go's `strconv` parsing as the template functions reach it: `ParseInt(s, 0, 64)` (base
 * prefixes, legacy octal, `_` separators), `ParseFloat(s, 64)` (decimal and hex floats,
 * `inf`/`nan`, `_` separators) and `Atoi`. Each returns undefined where Go returns an error.
 */

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

function lower(c: string): string {
  return c.toLowerCase();
}

/** strconv's underscoreOK: `_` only between digits, or between a base prefix and a digit. */
export function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'box'.includes(lower(s[1] as string))) {
    i = 2;
    saw = '0';
    hex = lower(s[1] as string) === 'x';
  }
  for (; i < s.length; i++) {
    const c = s[i] as string;
    if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** The magnitude of an unsigned integer in Go's base-0 syntax (prefixes, legacy octal, `_`). */
function parseMagnitude(s: string): bigint | undefined {
  const s0 = s;
  if (s.length === 0) return undefined;
  let base = 10;
  if (s[0] === '0') {
    const p = s.length >= 3 ? lower(s[1] as string) : '';
    if (p === 'b' || p === 'o' || p === 'x') {
      base = p === 'b' ? 2 : p === 'o' ? 8 : 16;
      s = s.slice(2);
    } else {
      base = 8;
      s = s.slice(1);
    }
  }
  let n = 0n;
  let underscores = false;
  const big = BigInt(base);
  for (const c of s) {
    if (c === '_') {
      underscores = true;
      continue;
    }
    const d = parseInt(c, 36);
    if (Number.isNaN(d) || d >= base) return undefined;
    n = n * big + BigInt(d);
  }
  if (underscores && !underscoreOK(s0)) return undefined;
  return n;
}

/** strconv.ParseInt(s, 0, 64). */
export function parseIntBase0(s: string): bigint | undefined {
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  const magnitude = parseMagnitude(s);
  if (magnitude === undefined) return undefined;
  const n = neg ? -magnitude : magnitude;
  return n < INT64_MIN || n > INT64_MAX ? undefined : n;
}

/** strconv.ParseUint(s, 0, 64): no sign allowed. */
export function parseUintBase0(s: string): bigint | undefined {
  if (s[0] === '+' || s[0] === '-') return undefined;
  const n = parseMagnitude(s);
  return n !== undefined && n <= UINT64_MAX ? n : undefined;
}

/** strconv.Atoi: base 10, an optional sign, no separators, within int64. */
export function atoi(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n < INT64_MIN || n > INT64_MAX ? undefined : n;
}

const DECIMAL = /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const HEX = /^0[xX](?:([0-9a-fA-F]+)\.?([0-9a-fA-F]*)|\.([0-9a-fA-F]+))[pP]([+-]?[0-9]+)$/;

function special(s: string): number | undefined {
  let sign = 1;
  let body = s;
  if (s[0] === '+' || s[0] === '-') {
    sign = s[0] === '-' ? -1 : 1;
    body = s.slice(1);
  } else if (/^nan$/i.test(s)) return NaN;
  if (/^(?:inf|infinity)$/i.test(body)) return sign * Infinity;
  return undefined;
}

function hexFloat(m: RegExpExecArray, neg: boolean): number {
  const intPart = m[1] ?? '';
  const frac = m[2] ?? m[3] ?? '';
  const mant = BigInt('0x' + (intPart + frac || '0'));
  const exp = Number(m[4]) - 4 * frac.length;
  if (mant === 0n) return neg ? -0 : 0;
  // Scale exactly, then let the single BigInt→Number step round (half to even).
  let value: number;
  if (exp >= 0) value = exp > 2000 ? Infinity : Number(mant << BigInt(exp));
  else {
    const bits = mant.toString(2).length;
    const shift = Math.min(-exp, Math.max(bits - 60, 0));
    value = Number(mant >> BigInt(shift)) * 2 ** (exp + shift);
  }
  return neg ? -value : value;
}

/** strconv.ParseFloat(s, 64); out-of-range values are errors, as Go reports ErrRange. */
export function parseFloat64(s: string): number | undefined {
  const sp = special(s);
  if (sp !== undefined) return sp;
  let neg = false;
  let body = s;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    body = s.slice(1);
  }
  if (body.includes('_')) {
    if (!underscoreOK(s)) return undefined;
    body = body.replace(/_/g, '');
  }
  const hex = HEX.exec(body);
  let value: number;
  if (hex) value = hexFloat(hex, neg);
  else if (DECIMAL.test(body)) value = Number((neg ? '-' : '') + body);
  else return undefined;
  return Number.isFinite(value) ? value : undefined;
}
