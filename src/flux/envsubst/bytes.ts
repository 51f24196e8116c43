/**
 * Flux's envsubst works on Go strings, i.e. UTF-8 bytes: `${#v}` counts bytes, `${v:1:2}` slices
 * bytes, glob `*` skips byte by byte. We mirror that with "byte strings": JS strings whose chars
 * are the UTF-8 bytes (0–255) of the real text, decoded rune by rune with Go's rules.
 */

export const RUNE_ERROR = 0xfffd;

const NON_ASCII = /[\u0080-\u00ff]/;
const NON_ASCII_TEXT = /[\u0080-\uffff]/;
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Text as a byte string. */
export function toBytes(text: string): string {
  // ASCII text is its own byte string; skipping the encoder matters for many short inputs.
  if (!NON_ASCII_TEXT.test(text)) return text;
  return Buffer.from(text, 'utf8').toString('latin1');
}

/** Go's utf8.DecodeRuneInString at `i`: [rune, width]; invalid input yields [U+FFFD, 1]. */
export function decodeRune(b: string, i: number): [number, number] {
  const b0 = b.charCodeAt(i);
  if (b0 < 0x80) return [b0, 1];
  const cont = (k: number, lo = 0x80, hi = 0xbf): number => {
    const c = i + k < b.length ? b.charCodeAt(i + k) : -1;
    return c >= lo && c <= hi ? c & 0x3f : -1;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    const c1 = cont(1);
    return c1 < 0 ? [RUNE_ERROR, 1] : [((b0 & 0x1f) << 6) | c1, 2];
  }
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const c1 = b0 === 0xe0 ? cont(1, 0xa0) : b0 === 0xed ? cont(1, 0x80, 0x9f) : cont(1);
    const c2 = c1 < 0 ? -1 : cont(2);
    return c2 < 0 ? [RUNE_ERROR, 1] : [((b0 & 0x0f) << 12) | (c1 << 6) | c2, 3];
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const c1 = b0 === 0xf0 ? cont(1, 0x90) : b0 === 0xf4 ? cont(1, 0x80, 0x8f) : cont(1);
    const c2 = c1 < 0 ? -1 : cont(2);
    const c3 = c2 < 0 ? -1 : cont(3);
    return c3 < 0 ? [RUNE_ERROR, 1] : [((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3, 4];
  }
  return [RUNE_ERROR, 1];
}

/** UTF-8 encoding of one rune as a byte string. */
export function encodeRune(r: number): string {
  if (r < 0x80) return String.fromCharCode(r);
  if (r < 0x800) return String.fromCharCode(0xc0 | (r >> 6), 0x80 | (r & 0x3f));
  if (r < 0x10000) return String.fromCharCode(0xe0 | (r >> 12), 0x80 | ((r >> 6) & 0x3f), 0x80 | (r & 0x3f));
  return String.fromCharCode(
    0xf0 | (r >> 18),
    0x80 | ((r >> 12) & 0x3f),
    0x80 | ((r >> 6) & 0x3f),
    0x80 | (r & 0x3f),
  );
}

/** Runes of a byte string (Go's `[]rune(s)`: each invalid byte becomes U+FFFD). */
export function runes(b: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < b.length;) {
    const [r, w] = decodeRune(b, i);
    out.push(r);
    i += w;
  }
  return out;
}

export function fromRunes(rs: readonly number[]): string {
  return rs.map(encodeRune).join('');
}

/** Number of runes, as utf8.RuneCountInString. */
export function runeCount(b: string): number {
  let n = 0;
  for (let i = 0; i < b.length; n++) i += decodeRune(b, i)[1];
  return n;
}

/**
 * Why a byte string is not valid UTF-8, in go-yaml's reader words (Flux hits these when an
 * operator cut a multi-byte character), or undefined when it is valid.
 */
export function utf8Problem(b: string): string | undefined {
  if (!NON_ASCII.test(b)) return undefined;
  try {
    STRICT_UTF8.decode(Buffer.from(b, 'latin1'));
    return undefined;
  } catch {
    // invalid: work out how, below
  }
  for (let i = 0; i < b.length;) {
    const [r, w] = decodeRune(b, i);
    if (r !== RUNE_ERROR || w > 1) {
      i += w;
      continue;
    }
    const b0 = b.charCodeAt(i);
    const len = (b0 & 0xe0) === 0xc0 ? 2 : (b0 & 0xf0) === 0xe0 ? 3 : (b0 & 0xf8) === 0xf0 ? 4 : 0;
    if (len === 0) return 'invalid leading UTF-8 octet';
    if (i + len > b.length) return 'incomplete UTF-8 octet sequence';
    for (let k = 1; k < len; k++) {
      if ((b.charCodeAt(i + k) & 0xc0) !== 0x80) return 'invalid trailing UTF-8 octet';
    }
    return 'invalid length of a UTF-8 sequence';
  }
  return undefined;
}

/** The text of a valid UTF-8 byte string. */
export function fromBytes(b: string): string {
  if (!NON_ASCII_TEXT.test(b)) return b;
  return Buffer.from(b, 'latin1').toString('utf8');
}
