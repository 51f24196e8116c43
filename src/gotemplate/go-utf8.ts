/**
 * Go strings are byte strings; ours are JavaScript text. Bytes that are not valid UTF-8 (the
 * result of `trunc` cutting inside a character, `b64dec` of binary data) ride in the text as
 * lone surrogates U+DC80–U+DCFF, one per byte, so that they survive round trips: `len` counts
 * each as one byte, encoding/json writes each as `\ufffd`, `%q` as `\xNN`, and converting the
 * text back to bytes gives the original byte.
 */
import { utf8Bytes } from './go-quote.js';

const strict = new TextDecoder('utf-8', { fatal: true });

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

/** The UTF-8 bytes of a Go string, raw-byte surrogates as their byte. */
export function goStringBytes(s: string): Uint8Array {
  return utf8Bytes(s);
}

/** Go's `len(s)`: the string's length in bytes. */
export function goStringLength(s: string): number {
  return ASCII.test(s) ? s.length : utf8Bytes(s).length;
}

/** The length of the valid UTF-8 sequence at `i`, or 0 (utf8.DecodeRune's rules). */
function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean =>
    i + k < b.length && b[i + k]! >= lo && b[i + k]! <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    // No overlong forms and no UTF-16 surrogates.
    const lo = c === 0xe0 ? 0xa0 : 0x80;
    const hi = c === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    // No overlong forms and nothing above U+10FFFF.
    const lo = c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** Bytes as a Go string: valid UTF-8 as text, every other byte as its raw-byte surrogate. */
export function goStringOfBytes(bytes: Uint8Array): string {
  try {
    return strict.decode(bytes);
  } catch {
    let out = '';
    let start = 0;
    for (let i = 0; i < bytes.length;) {
      const n = sequenceLength(bytes, i);
      if (n > 0) {
        i += n;
        continue;
      }
      out += strict.decode(bytes.subarray(start, i)) + String.fromCharCode(0xdc00 + bytes[i]!);
      i++;
      start = i;
    }
    return out + strict.decode(bytes.subarray(start));
  }
}

// Raw-byte surrogates, not halves of a pair (the `u` flag reads pairs as one code point).
const RAW_BYTE = /[\udc80-\udcff]/u;

/**
 * The one text of a Go string's bytes. Raw bytes next to each other can form a valid UTF-8
 * sequence again (`trunc` output joined with the rest of the cut character); Go would then
 * print the character, so decode the bytes afresh.
 */
export function goCanonicalString(s: string): string {
  return RAW_BYTE.test(s) ? goStringOfBytes(utf8Bytes(s)) : s;
}
