/**
 * The parts of Go's `strconv` the template parser needs to read literals: `Unquote` and
 * `UnquoteChar` for strings and character constants, and `ParseInt`/`ParseUint`/`ParseFloat`
 * with base 0 for numbers (prefixes, `_` separators, hex floats), each failing where Go fails.
 */

/** strconv's ErrSyntax text, which the parser reports as is. */
export const SYNTAX_ERROR = 'invalid syntax';

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = {
  a: 7,
  b: 8,
  f: 12,
  n: 10,
  r: 13,
  t: 9,
  v: 11,
  '\\': 0x5c,
};

/** One decoded character: a code point, or a raw byte from `\x`/octal (`byte: true`). */
interface Unquoted {
  value: number;
  byte: boolean;
  next: number;
}

/**
 * strconv.UnquoteChar on `s` from index `i`, for a literal quoted by `quote`. Returns undefined
 * for Go's ErrSyntax.
 */
export function unquoteChar(s: string, i: number, quote: string): Unquoted | undefined {
  const c = s.codePointAt(i);
  if (c === undefined) return undefined;
  const ch = String.fromCodePoint(c);
  if (ch === quote && (quote === "'" || quote === '"')) return undefined;
  if (ch !== '\\') return { value: c, byte: false, next: i + ch.length };
  const e = s[i + 1];
  if (e === undefined) return undefined;
  const simple = SIMPLE_ESCAPES[e];
  if (simple !== undefined) return { value: simple, byte: false, next: i + 2 };
  switch (e) {
    case 'x':
    case 'u':
    case 'U': {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      let v = 0;
      for (let j = 0; j < n; j++) {
        const d = hexValue(s.charCodeAt(i + 2 + j));
        if (d < 0) return undefined;
        v = v * 16 + d;
      }
      if (e === 'x') return { value: v, byte: true, next: i + 2 + n };
      if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return undefined;
      return { value: v, byte: false, next: i + 2 + n };
    }
    case "'":
    case '"':
      if (e !== quote) return undefined;
      return { value: e.charCodeAt(0), byte: false, next: i + 2 };
  }
  if (e >= '0' && e <= '7') {
    let v = 0;
    for (let j = 0; j < 3; j++) {
      const d = s.charCodeAt(i + 1 + j) - 0x30;
      if (d < 0 || d > 7) return undefined;
      v = v * 8 + d;
    }
    if (v > 255) return undefined;
    return { value: v, byte: true, next: i + 4 };
  }
  return undefined;
}

const decoder = new TextDecoder('utf-8');

/**
 * strconv.Unquote for `"…"` and `` `…` `` literals. Bytes written with `\x` or octal escapes
 * are decoded as UTF-8 with the characters around them (an invalid sequence becomes U+FFFD,
 * as a JavaScript string cannot hold the raw byte). Returns undefined for ErrSyntax.
 */
export function unquote(lit: string): string | undefined {
  const q = lit[0];
  if (lit.length < 2 || lit[lit.length - 1] !== q) return undefined;
  const body = lit.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) return undefined;
    return body.includes('\r') ? body.replaceAll('\r', '') : body;
  }
  if (q !== '"') return undefined;
  if (!body.includes('\\') && !body.includes('"')) return body.includes('\n') ? undefined : body;
  let out = '';
  let bytes: number[] = [];
  const flush = (): void => {
    if (bytes.length > 0) out += decoder.decode(Uint8Array.from(bytes));
    bytes = [];
  };
  for (let i = 0; i < body.length;) {
    if (body[i] === '\n') return undefined;
    const r = unquoteChar(body, i, '"');
    if (r === undefined) return undefined;
    if (r.byte) bytes.push(r.value);
    else {
      flush();
      out += String.fromCodePoint(r.value);
    }
    i = r.next;
  }
  flush();
  return out;
}

/** Go's underscoreOK: `_` only between digits or after a base prefix, as Go literals allow. */
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s[0] === '+' || s[0] === '-') s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1] as string)) {
    i = 2;
    saw = '0';
    hex = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i] as string;
    if ((c >= '0' && c <= '9') || (hex && hexValue(c.charCodeAt(0)) >= 0)) {
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

/** The magnitude of an unsigned integer literal with base prefix rules (base 0), or undefined. */
function parseMagnitude(s: string): bigint | undefined {
  if (s === '') return undefined;
  let base = 10;
  let digits = s;
  if (s[0] === '0') {
    if (s.length >= 3 && (s[1] === 'x' || s[1] === 'X')) [base, digits] = [16, s.slice(2)];
    else if (s.length >= 3 && (s[1] === 'o' || s[1] === 'O')) [base, digits] = [8, s.slice(2)];
    else if (s.length >= 3 && (s[1] === 'b' || s[1] === 'B')) [base, digits] = [2, s.slice(2)];
    else if (s.length > 1) [base, digits] = [8, s.slice(1)];
  }
  let sawDigit = false;
  let v = 0n;
  for (const c of digits) {
    if (c === '_') continue;
    const d = hexValue(c.charCodeAt(0));
    if (d < 0 || d >= base) return undefined;
    v = v * BigInt(base) + BigInt(d);
    sawDigit = true;
  }
  if (!sawDigit) return undefined;
  if (s.includes('_') && !underscoreOK(s)) return undefined;
  return v;
}

const MAX_UINT64 = (1n << 64n) - 1n;
const MAX_INT64 = (1n << 63n) - 1n;

/** strconv.ParseUint(s, 0, 64): no sign allowed. */
export function parseUint64(s: string): bigint | undefined {
  if (s[0] === '+' || s[0] === '-') return undefined;
  const v = parseMagnitude(s);
  return v !== undefined && v <= MAX_UINT64 ? v : undefined;
}

/** strconv.ParseInt(s, 0, 64). */
export function parseInt64(s: string): bigint | undefined {
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  const v = parseMagnitude(s);
  if (v === undefined) return undefined;
  if (neg ? v > MAX_INT64 + 1n : v > MAX_INT64) return undefined;
  return neg ? -v : v;
}

const DECIMAL_FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const HEX_FLOAT = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/;
const SPECIAL_FLOAT = /^([+-]?)(inf|infinity|nan)$/i;

function hexFloat(m: RegExpExecArray): number | undefined {
  const [, sign, int = '', frac = '', exp = '0'] = m;
  if (int === '' && frac === '') return undefined;
  let mantissa = 0n;
  for (const c of int + frac) mantissa = mantissa * 16n + BigInt(hexValue(c.charCodeAt(0)));
  const e = Number(exp) - 4 * frac.length;
  // Exact up to the final rounding: scale a bigint mantissa by a power of two.
  const v = e >= 0 ? Number(mantissa << BigInt(Math.min(e, 2000))) : Number(mantissa) * 2 ** e;
  return sign === '-' ? -v : v;
}

/** strconv.ParseFloat(s, 64): undefined on a syntax error or when out of range (±Inf). */
export function parseFloat64(s: string): number | undefined {
  if (s.includes('_')) {
    if (!underscoreOK(s)) return undefined;
    s = s.replaceAll('_', '');
  }
  const special = SPECIAL_FLOAT.exec(s);
  if (special) {
    if (special[2]?.toLowerCase() === 'nan') return NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  let v: number | undefined;
  const hex = HEX_FLOAT.exec(s);
  if (hex) v = hexFloat(hex);
  else if (DECIMAL_FLOAT.test(s)) v = Number(s);
  if (v === undefined || !Number.isFinite(v)) return undefined;
  return v;
}

/** The length in UTF-8 bytes of `s` (Go positions and `len` count bytes). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}
