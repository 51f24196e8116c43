/**
 * Go's `strconv` quoting (`Quote`, `QuoteToASCII`, `QuoteRune`, `CanBackquote`, `IsPrint`), used
 * by `%q`, `%#v` and `%U`. A JavaScript string holds UTF-16; a Go string may hold bytes that
 * are not UTF-8. Such a byte B (0x80–0xFF) is carried as the lone surrogate U+DC00+B, so it
 * quotes as `\xB` and hex-dumps as B, as in Go; any other lone surrogate reads as U+FFFD.
 */

/** The raw byte a lone surrogate U+DC80–U+DCFF carries, or undefined. */
export function rawByte(unit: number): number | undefined {
  return unit >= 0xdc80 && unit <= 0xdcff ? unit - 0xdc00 : undefined;
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
export function isPrint(r: number): boolean {
  if (r < 0x80) return r >= 0x20 && r < 0x7f;
  if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) return false;
  return PRINTABLE.test(String.fromCodePoint(r));
}

const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  7: '\\a',
  8: '\\b',
  12: '\\f',
  10: '\\n',
  13: '\\r',
  9: '\\t',
  11: '\\v',
};

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function escapedRune(r: number, quote: string, asciiOnly: boolean): string {
  if (r === quote.codePointAt(0) || r === 0x5c) return '\\' + String.fromCodePoint(r);
  if (asciiOnly ? r < 0x80 && isPrint(r) : isPrint(r)) return String.fromCodePoint(r);
  const short = SHORT_ESCAPES[r];
  if (short !== undefined) return short;
  if (r < 0x20 || r === 0x7f) return '\\x' + hex(r, 2);
  if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) r = 0xfffd;
  return r < 0x10000 ? '\\u' + hex(r, 4) : '\\U' + hex(r, 8);
}

/** Code points of `s`, with each lone surrogate as U+FFFD (Go's reading of a bad byte). */
export function codePoints(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const r = ch.codePointAt(0) as number;
    out.push(r >= 0xd800 && r <= 0xdfff ? 0xfffd : r);
  }
  return out;
}

/** strconv.Quote (or QuoteToASCII when `asciiOnly`). */
export function quote(s: string, asciiOnly = false): string {
  let out = '"';
  for (const ch of s) {
    const r = ch.codePointAt(0) as number;
    const b = rawByte(r);
    if (b !== undefined) out += '\\x' + hex(b, 2);
    else out += escapedRune(r >= 0xd800 && r <= 0xdfff ? 0xfffd : r, '"', asciiOnly);
  }
  return out + '"';
}

/** strconv.QuoteRune (or QuoteRuneToASCII): invalid code points become U+FFFD. */
export function quoteRune(r: number, asciiOnly = false): string {
  const valid = r >= 0 && r <= 0x10ffff && !(r >= 0xd800 && r <= 0xdfff);
  return "'" + escapedRune(valid ? r : 0xfffd, "'", asciiOnly) + "'";
}

/** strconv.CanBackquote: no control characters other than tab, no backquote, no BOM. */
export function canBackquote(s: string): boolean {
  for (const ch of s) {
    const r = ch.codePointAt(0) as number;
    if (r === 0xfeff || (r >= 0xd800 && r <= 0xdfff)) return false;
    if ((r < 0x20 && r !== 9) || r === 0x60 || r === 0x7f) return false;
  }
  return true;
}

/** Number of code points (Go counts runes when padding to a width). */
export function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

const encoder = new TextEncoder();

/** The bytes of the Go string `s` (raw-byte surrogates as their byte), for `%x` of a string. */
export function utf8Bytes(s: string): Uint8Array {
  if (!/[\udc80-\udcff]/.test(s)) return encoder.encode(s);
  const out: number[] = [];
  for (const ch of s) {
    const b = rawByte(ch.codePointAt(0) as number);
    if (b !== undefined) out.push(b);
    else out.push(...encoder.encode(ch));
  }
  return Uint8Array.from(out);
}
