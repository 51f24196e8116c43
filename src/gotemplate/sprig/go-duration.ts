/**
 * Go's time.Duration (int64 nanoseconds, kept as bigint): ParseDuration with its error texts,
 * String (`1h2m3.5s`, `1.5ms`) and Round.
 */
import { timeQuote } from './go-time-layout.js';

export const NANOSECOND = 1n;
export const MICROSECOND = 1000n;
export const MILLISECOND = 1_000_000n;
export const SECOND = 1_000_000_000n;
export const MINUTE = 60n * SECOND;
export const HOUR = 60n * MINUTE;

const MAX = (1n << 63n) - 1n;
const MIN = -(1n << 63n);

const UNITS: Readonly<Record<string, bigint>> = {
  ns: NANOSECOND,
  us: MICROSECOND,
  µs: MICROSECOND,
  μs: MICROSECOND,
  ms: MILLISECOND,
  s: SECOND,
  m: MINUTE,
  h: HOUR,
};

export class DurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DurationError';
  }
}

/** time.ParseDuration. */
export function parseDuration(text: string): bigint {
  const invalid = (): DurationError => new DurationError(`time: invalid duration ${timeQuote(text)}`);
  let s = text;
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') throw invalid();
  let d = 0n;
  while (s !== '') {
    if (!/^[0-9.]/.test(s)) throw invalid();
    const int = /^[0-9]*/.exec(s)?.[0] ?? '';
    s = s.slice(int.length);
    let v = BigInt(int === '' ? '0' : int);
    if (v > 1n << 63n) throw invalid();
    let frac = '';
    let post = false;
    if (s[0] === '.') {
      frac = /^[0-9]*/.exec(s.slice(1))?.[0] ?? '';
      post = frac.length > 0;
      s = s.slice(1 + frac.length);
    }
    if (int === '' && !post) throw invalid();
    const unitText = /^[^0-9.]*/.exec(s)?.[0] ?? '';
    if (unitText === '') throw new DurationError(`time: missing unit in duration ${timeQuote(text)}`);
    s = s.slice(unitText.length);
    const unit = UNITS[unitText];
    if (unit === undefined)
      throw new DurationError(`time: unknown unit ${timeQuote(unitText)} in duration ${timeQuote(text)}`);
    if (v > (1n << 63n) / unit) throw invalid();
    v *= unit;
    if (frac !== '') {
      // Go keeps at most the digits that fit in an int64 and scales with float64, as here.
      let f = 0n;
      let scale = 1;
      for (const c of frac) {
        const next = f * 10n + BigInt(c);
        if (f > MAX / 10n || next > 1n << 63n) break;
        f = next;
        scale *= 10;
      }
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > 1n << 63n) throw invalid();
    }
    d += v;
    if (d > 1n << 63n) throw invalid();
  }
  if (neg) return -d;
  if (d > MAX) throw invalid();
  return d;
}

/** The fraction v / 10^prec without trailing zeros (and without the dot when it is 0). */
function frac(v: bigint, prec: number): [string, bigint] {
  let digits = '';
  let print = false;
  let u = v;
  for (let i = 0; i < prec; i++) {
    const digit = u % 10n;
    print ||= digit !== 0n;
    if (print) digits = String(digit) + digits;
    u /= 10n;
  }
  return [print ? `.${digits}` : '', u];
}

/** Duration.String. */
export function formatDuration(d: bigint): string {
  const neg = d < 0n;
  let u = neg ? -d : d;
  let out: string;
  if (u < SECOND) {
    if (u === 0n) return '0s';
    const [prec, unit] = u < MICROSECOND ? [0, 'ns'] : u < MILLISECOND ? [3, 'µs'] : [6, 'ms'];
    const [f, whole] = frac(u, prec);
    out = `${whole}${f}${unit}`;
  } else {
    const [f, seconds] = frac(u, 9);
    u = seconds;
    out = `${u % 60n}${f}s`;
    u /= 60n;
    if (u > 0n) {
      out = `${u % 60n}m${out}`;
      u /= 60n;
      if (u > 0n) out = `${u}h${out}`;
    }
  }
  return neg ? `-${out}` : out;
}

/** Duration.Round(m), saturating as Go does. */
export function roundDuration(d: bigint, m: bigint): bigint {
  if (m <= 0n) return d;
  let r = d % m;
  if (d < 0n) {
    r = -r;
    if (r + r < m) return d + r;
    const d1 = d - m + r;
    return d1 < d ? d1 : MIN;
  }
  if (r + r < m) return d - r;
  const d1 = d + m - r;
  return d1 > d && d1 <= MAX ? d1 : MAX;
}

/** An int64 product, wrapped as Go's integer arithmetic wraps. */
export const wrap64 = (n: bigint): bigint => BigInt.asIntN(64, n);
