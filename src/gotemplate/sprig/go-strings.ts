/**
 * Go's `strings` and `unicode` behaviour for the sprig string functions. Go strings are UTF-8
 * bytes and several library functions index them byte by byte, so a few functions here work on
 * bytes; the rest work on code points with Go's simple (one rune to one rune) case mappings,
 * which differ from JavaScript's full mappings (`ß` stays `ß` in Go's ToUpper).
 */
import { goStringBytes, goStringOfBytes } from '../go-utf8.js';
import { GoCallError } from '../value.js';
import { checkLength } from './limits.js';

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

export function isAscii(s: string): boolean {
  return ASCII.test(s);
}

/** The bytes of a Go string (bytes that are not UTF-8 ride as U+DC80–U+DCFF, see go-utf8). */
export function utf8Bytes(s: string): Uint8Array {
  return goStringBytes(s);
}

/** Bytes back to a Go string: each byte that is not part of valid UTF-8 is kept as its own. */
export function utf8Text(bytes: Uint8Array): string {
  return goStringOfBytes(bytes);
}

/** Go's `len(s)`: the length in UTF-8 bytes. */
export function byteLength(s: string): number {
  return isAscii(s) ? s.length : utf8Bytes(s).length;
}

/** Go's `s[start:end]` on byte offsets already known to be in range. */
export function byteSlice(s: string, start: number, end: number): string {
  if (isAscii(s)) return s.slice(start, end);
  return utf8Text(utf8Bytes(s).subarray(start, end));
}

/**
 * The error Go's runtime reports for `s[low:high]` out of range, as text/template shows it
 * (`runtime error: slice bounds out of range [:5] with length 3`). `low` undefined means `s[:high]`.
 */
export function checkSliceBounds(length: number, low: number | undefined, high: number): void {
  if (high < 0 || high > length) {
    throw new GoCallError(
      high < 0
        ? `runtime error: slice bounds out of range [:${high}]`
        : `runtime error: slice bounds out of range [:${high}] with length ${length}`,
    );
  }
  if (low !== undefined && (low < 0 || low > high)) {
    throw new GoCallError(`runtime error: slice bounds out of range [${low}:${high}]`);
  }
}

/** unicode.IsSpace. */
export function isSpace(cp: number): boolean {
  if (cp <= 0xff) {
    return (cp >= 0x09 && cp <= 0x0d) || cp === 0x20 || cp === 0x85 || cp === 0xa0;
  }
  return (
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

const UPPER = /^\p{Lu}$/u;
const LOWER = /^\p{Ll}$/u;
const TITLE = /^\p{Lt}$/u;
const LETTER = /^\p{L}$/u;
const NUMBER = /^\p{N}$/u;
const DIGIT = /^\p{Nd}$/u;
const PUNCT = /^\p{P}$/u;

const charOf = (cp: number): string => String.fromCodePoint(cp);

export const isUpper = (cp: number): boolean =>
  cp < 0x80 ? cp >= 0x41 && cp <= 0x5a : UPPER.test(charOf(cp));
export const isLower = (cp: number): boolean =>
  cp < 0x80 ? cp >= 0x61 && cp <= 0x7a : LOWER.test(charOf(cp));
export const isTitle = (cp: number): boolean => cp >= 0x80 && TITLE.test(charOf(cp));
export const isLetter = (cp: number): boolean => LETTER.test(charOf(cp));
export const isNumber = (cp: number): boolean => NUMBER.test(charOf(cp));
export const isDigit = (cp: number): boolean => DIGIT.test(charOf(cp));
export const isPunct = (cp: number): boolean => PUNCT.test(charOf(cp));

/** A single code point from a case mapping, or undefined when JavaScript's mapping is a full (multi-rune) one. */
function single(mapped: string): number | undefined {
  const cp = mapped.codePointAt(0);
  return cp !== undefined && mapped.length === (cp > 0xffff ? 2 : 1) ? cp : undefined;
}

/** Greek letters with a subscript iota: Go's simple upper case is the capital with iota (ᾳ → ᾼ). */
function greekIotaUpper(cp: number): number | undefined {
  if ((cp >= 0x1f80 && cp <= 0x1f87) || (cp >= 0x1f90 && cp <= 0x1f97)) return cp + 8;
  if (cp >= 0x1fa0 && cp <= 0x1fa7) return cp + 8;
  if (cp === 0x1fb3 || cp === 0x1fc3 || cp === 0x1ff3) return cp + 9;
  return undefined;
}

/** unicode.ToUpper. */
export function toUpperRune(cp: number): number {
  if (cp < 0x80) return cp >= 0x61 && cp <= 0x7a ? cp - 32 : cp;
  return single(charOf(cp).toUpperCase()) ?? greekIotaUpper(cp) ?? cp;
}

/** unicode.ToLower. */
export function toLowerRune(cp: number): number {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? cp + 32 : cp;
  if (cp === 0x130) return 0x69; // İ: the full mapping adds a combining dot
  return single(charOf(cp).toLowerCase()) ?? cp;
}

/** unicode.ToTitle: the upper case except for digraphs and scripts with a distinct title form. */
export function toTitleRune(cp: number): number {
  if (cp >= 0x1c4 && cp <= 0x1cc) return 0x1c5 + 3 * Math.floor((cp - 0x1c4) / 3);
  if (cp >= 0x1f1 && cp <= 0x1f3) return 0x1f2;
  // Georgian Mkhedruli letters have an upper case (Mtavruli) but are their own title case.
  if ((cp >= 0x10d0 && cp <= 0x10fa) || (cp >= 0x10fd && cp <= 0x10ff)) return cp;
  return toUpperRune(cp);
}

export function mapRunes(s: string, f: (cp: number) => number): string {
  let out = '';
  for (const ch of s) out += String.fromCodePoint(f(ch.codePointAt(0) ?? 0));
  return out;
}

/** strings.ToUpper. */
export const goToUpper = (s: string): string => (isAscii(s) ? s.toUpperCase() : mapRunes(s, toUpperRune));

/** strings.ToLower. */
export const goToLower = (s: string): string => (isAscii(s) ? s.toLowerCase() : mapRunes(s, toLowerRune));

/** strings.Title: upper-cases (title-cases) the first letter of each word. */
export function goTitle(s: string): string {
  let prev = 0x20;
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    out += isSeparator(prev) ? String.fromCodePoint(toTitleRune(cp)) : ch;
    prev = cp;
  }
  return out;
}

function isSeparator(cp: number): boolean {
  if (cp <= 0x7f) {
    const alnum = (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
    return !(alnum || cp === 0x5f);
  }
  if (isLetter(cp) || isDigit(cp)) return false;
  return isSpace(cp);
}

function trimWith(s: string, drop: (cp: number) => boolean): string {
  const chars = Array.from(s);
  let start = 0;
  let end = chars.length;
  while (start < end && drop(chars[start]!.codePointAt(0) ?? 0)) start++;
  while (end > start && drop(chars[end - 1]!.codePointAt(0) ?? 0)) end--;
  return chars.slice(start, end).join('');
}

/** strings.TrimSpace. */
export const goTrimSpace = (s: string): string => trimWith(s, isSpace);

/** strings.Trim(s, cutset). */
export function goTrim(s: string, cutset: string): string {
  if (s === '' || cutset === '') return s;
  const set = new Set(Array.from(cutset, (c) => c.codePointAt(0) ?? 0));
  return trimWith(s, (cp) => set.has(cp));
}

/** strings.SplitN; n < 0 means no limit, n == 0 gives no pieces. */
export function goSplitN(s: string, sep: string, n: number): string[] {
  if (n === 0) return [];
  if (sep === '') {
    const runes = Array.from(s);
    if (n < 0 || n >= runes.length) return runes;
    return [...runes.slice(0, n - 1), runes.slice(n - 1).join('')];
  }
  const parts = s.split(sep);
  if (n < 0 || parts.length <= n) return parts;
  return [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}

/** strings.Replace(s, old, new, -1), with an empty `old` matching before every rune and at the end. */
export function goReplaceAll(s: string, old: string, replacement: string, what: string): string {
  if (old === replacement) return s;
  if (old === '') {
    const runes = Array.from(s);
    checkLength(s.length + (runes.length + 1) * replacement.length, what);
    return replacement + runes.map((r) => r + replacement).join('');
  }
  if (replacement.length > old.length) {
    const count = s.split(old).length - 1;
    checkLength(s.length + count * (replacement.length - old.length), what);
  }
  return s.split(old).join(replacement);
}

/** strings.Repeat with Go's panic for a negative count and our size limit. */
export function goRepeat(s: string, count: number, what: string): string {
  if (count < 0) throw new GoCallError('strings: negative Repeat count');
  if (count === 0 || s === '') return '';
  checkLength(s.length * count, what);
  return s.repeat(count);
}

/** Go's string order: byte-wise on UTF-8, which is code point order (not UTF-16 unit order). */
export function compareGoStrings(a: string, b: string): number {
  if (isAscii(a) && isAscii(b)) return a < b ? -1 : a > b ? 1 : 0;
  const x = Array.from(a, (c) => c.codePointAt(0) ?? 0);
  const y = Array.from(b, (c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i]! - y[i]!;
  }
  return x.length - y.length;
}
