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

// Number parsing is shared with the cast conversions sprig uses.
export { parseFloat64, parseIntBase0 as parseInt64, parseUintBase0 as parseUint64 } from './go-strconv.js';

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
