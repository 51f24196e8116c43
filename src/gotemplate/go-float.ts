/**
 * Go's `strconv.FormatFloat`. Digits come from the exact binary value: the shortest
 * round-trip digits for precision -1 (JavaScript picks the same shortest, closest digits for
 * a float64), and round-half-even on the exact decimal expansion for an explicit precision,
 * as Go's multiprecision and Ryū fixed paths both do. `toFixed`/`toPrecision` are not used
 * for explicit precisions: they round ties away from zero.
 */

export type FloatFormat = 'e' | 'E' | 'f' | 'g' | 'G' | 'b' | 'x' | 'X';

/** A decimal `0.d × 10^dp`; `d` has no leading or trailing zeros (`''` is zero, with dp 0). */
interface Decimal {
  d: string;
  dp: number;
}

interface FloatBits {
  neg: boolean;
  /** Mantissa with the implicit bit; the value is `mant × 2^(exp - mantBits)`. */
  mant: bigint;
  exp: number;
  mantBits: number;
}

const view = new DataView(new ArrayBuffer(8));

function floatBits(f: number, bitSize: 32 | 64): FloatBits {
  const mantBits = bitSize === 32 ? 23 : 52;
  const expBits = bitSize === 32 ? 8 : 11;
  const bias = bitSize === 32 ? -127 : -1023;
  let bits: bigint;
  if (bitSize === 32) {
    view.setFloat32(0, f);
    bits = BigInt(view.getUint32(0));
  } else {
    view.setFloat64(0, f);
    bits = view.getBigUint64(0);
  }
  const neg = bits >> BigInt(mantBits + expBits) !== 0n;
  let exp = Number((bits >> BigInt(mantBits)) & ((1n << BigInt(expBits)) - 1n));
  let mant = bits & ((1n << BigInt(mantBits)) - 1n);
  if (exp === 0) exp++;
  else mant |= 1n << BigInt(mantBits);
  exp += bias;
  return { neg, mant, exp, mantBits };
}

function trimDecimal(d: string, dp: number): Decimal {
  let end = d.length;
  while (end > 0 && d[end - 1] === '0') end--;
  return end === 0 ? { d: '', dp: 0 } : { d: d.slice(0, end), dp };
}

/** The exact decimal expansion of `mant × 2^exp2` (finite: at most a few hundred digits). */
function exactDecimal(mant: bigint, exp2: number): Decimal {
  if (mant === 0n) return { d: '', dp: 0 };
  if (exp2 >= 0) {
    const s = (mant << BigInt(exp2)).toString();
    return trimDecimal(s, s.length);
  }
  const s = (mant * 5n ** BigInt(-exp2)).toString();
  return trimDecimal(s, s.length + exp2);
}

/** Go's decimal.Round: round to `nd` digits, ties to even (a tie at nd 0 rounds down). */
function roundDecimal(a: Decimal, nd: number): Decimal {
  if (nd < 0 || nd >= a.d.length) return a;
  const digit = a.d.charCodeAt(nd) - 48;
  let up: boolean;
  if (digit === 5 && nd + 1 === a.d.length) up = nd > 0 && (a.d.charCodeAt(nd - 1) - 48) % 2 === 1;
  else up = digit >= 5;
  if (!up) return trimDecimal(a.d.slice(0, nd), a.dp);
  for (let i = nd - 1; i >= 0; i--) {
    const c = a.d.charCodeAt(i);
    if (c < 57) return { d: a.d.slice(0, i) + String.fromCharCode(c + 1), dp: a.dp };
  }
  return { d: '1', dp: a.dp + 1 };
}

function decimalFromExponential(s: string): Decimal {
  const [mantissa = '0', exp = '0'] = s.split('e');
  return trimDecimal(mantissa.replace('.', ''), Number(exp) + 1);
}

/** Shortest digits that read back as the same float32 (Ryū's choice in all but tie corner cases). */
function shortestFloat32(x: number): Decimal {
  for (let k = 1; k <= 9; k++) {
    const s = x.toPrecision(k);
    if (Math.fround(Number(s)) === x) return decimalFromExponential(x.toExponential(k - 1));
    // At a power of two the gap below is half the gap above: a neighbour may round-trip.
    const near = Number(s);
    const step = 10 ** (Math.floor(Math.log10(Math.abs(near))) - k + 1);
    for (const c of [near - step, near + step]) {
      const t = Number(c.toPrecision(k));
      if (t !== 0 && Math.fround(t) === x) return decimalFromExponential(t.toExponential(k - 1));
    }
  }
  return decimalFromExponential(x.toExponential(8));
}

function shortestDigits(f: number, bitSize: 32 | 64): Decimal {
  const x = Math.abs(f);
  if (x === 0) return { d: '', dp: 0 };
  // Integers below 1e21 print in full in JavaScript, with the same shortest digits.
  if (bitSize === 64 && Number.isInteger(x) && x < 1e21) {
    const s = String(x);
    return trimDecimal(s, s.length);
  }
  return bitSize === 32 ? shortestFloat32(x) : decimalFromExponential(x.toExponential());
}

function fmtE(neg: boolean, d: Decimal, prec: number, ch: 'e' | 'E'): string {
  let out = neg ? '-' : '';
  out += d.d.length > 0 ? d.d[0] : '0';
  if (prec > 0) out += '.' + d.d.slice(1, prec + 1).padEnd(prec, '0');
  const exp = d.d.length === 0 ? 0 : d.dp - 1;
  return `${out}${ch}${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

function fmtF(neg: boolean, d: Decimal, prec: number): string {
  let out = neg ? '-' : '';
  out += d.dp > 0 ? d.d.slice(0, d.dp).padEnd(d.dp, '0') : '0';
  if (prec > 0) {
    let frac = '';
    for (let i = 1; i <= prec; i++) {
      const j = d.dp + i - 1;
      frac += j >= 0 && j < d.d.length ? d.d[j] : '0';
    }
    out += '.' + frac;
  }
  return out;
}

function fmtB(bits: FloatBits): string {
  const exp = bits.exp - bits.mantBits;
  return `${bits.neg ? '-' : ''}${bits.mant}p${exp >= 0 ? '+' : '-'}${Math.abs(exp)}`;
}

/** %x: -0x1.yyyyp±dd, rounded half-even to `prec` hex digits when prec is 0…14. */
function fmtX(bits: FloatBits, prec: number, upper: boolean): string {
  let { mant, exp } = bits;
  if (mant === 0n) exp = 0;
  const ONE = 1n << 60n;
  mant <<= BigInt(60 - bits.mantBits);
  while (mant !== 0n && (mant & ONE) === 0n) {
    mant <<= 1n;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & (ONE - 1n);
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const hex = (n: bigint): string => {
    const s = n.toString(16);
    return upper ? s.toUpperCase() : s;
  };
  let out = `${bits.neg ? '-' : ''}0${upper ? 'X' : 'x'}${(mant >> 60n) & 1n}`;
  mant = (mant << 4n) & ((1n << 64n) - 1n);
  const digits = prec < 0 ? (mant === 0n ? 0 : Infinity) : prec;
  if (digits > 0) {
    out += '.';
    for (let i = 0; i < digits && (prec >= 0 || mant !== 0n); i++) {
      out += hex((mant >> 60n) & 15n);
      mant = (mant << 4n) & ((1n << 64n) - 1n);
    }
  }
  const e = Math.abs(exp);
  return `${out}${upper ? 'P' : 'p'}${exp < 0 ? '-' : '+'}${String(e).padStart(2, '0')}`;
}

/** strconv.FormatFloat(f, fmt, prec, bitSize). */
export function formatFloat(f: number, fmt: FloatFormat, prec: number, bitSize: 64 | 32 = 64): string {
  if (bitSize === 64 && prec < 0 && f !== 0) {
    // Where JavaScript also writes plain decimals it prints the same shortest digits.
    const abs = Math.abs(f);
    if ((fmt === 'g' || fmt === 'G') && abs >= 1e-4 && abs < 1e6) return String(f);
    if (fmt === 'f' && abs >= 1e-6 && abs < 1e21) return String(f);
  }
  const value = bitSize === 32 ? Math.fround(f) : f;
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  const neg = value < 0 || Object.is(value, -0);
  if (fmt === 'b' || fmt === 'x' || fmt === 'X') {
    const bits = floatBits(value, bitSize);
    return fmt === 'b' ? fmtB(bits) : fmtX(bits, prec, fmt === 'X');
  }
  if (prec < 0) {
    const d = shortestDigits(value, bitSize);
    if (fmt === 'e' || fmt === 'E') prec = Math.max(d.d.length - 1, 0);
    else if (fmt === 'f') prec = Math.max(d.d.length - d.dp, 0);
    else prec = d.d.length;
    return layout(neg, d, fmt, prec, true);
  }
  const bits = floatBits(value, bitSize);
  const exact = exactDecimal(bits.mant, bits.exp - bits.mantBits);
  let d: Decimal;
  if (fmt === 'e' || fmt === 'E') d = roundDecimal(exact, prec + 1);
  else if (fmt === 'f') d = roundDecimal(exact, exact.dp + prec);
  else {
    if (prec === 0) prec = 1;
    d = roundDecimal(exact, prec);
  }
  return layout(neg, d, fmt, prec, false);
}

function layout(
  neg: boolean,
  d: Decimal,
  fmt: 'e' | 'E' | 'f' | 'g' | 'G',
  prec: number,
  shortest: boolean,
): string {
  if (fmt === 'e' || fmt === 'E') return fmtE(neg, d, prec, fmt);
  if (fmt === 'f') return fmtF(neg, d, prec);
  // 'g' / 'G': %e when the exponent is < -4 or >= the precision (6 for the shortest form).
  let eprec = prec;
  if (eprec > d.d.length && d.d.length >= d.dp) eprec = d.d.length;
  if (shortest) eprec = 6;
  const exp = d.dp - 1;
  if (exp < -4 || exp >= eprec) {
    if (prec > d.d.length) prec = d.d.length;
    return fmtE(neg, d, prec - 1, fmt === 'g' ? 'e' : 'E');
  }
  if (prec > d.dp) prec = d.d.length;
  return fmtF(neg, d, Math.max(prec - d.dp, 0));
}
