/**
 * Go's base64.StdEncoding and base32.StdEncoding decoders, for the error texts sprig's `b64dec`
 * and `b32dec` return as their result: `illegal base64 data at input byte N`, where N counts bytes
 * as Go's decoder reaches them (line breaks are skipped, padding is required).
 */

export type DecodeResult = { ok: true; bytes: Uint8Array } | { ok: false; offset: number };

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const PAD = 0x3d;
const CR = 0x0d;
const LF = 0x0a;

function decodeMap(alphabet: string): Int16Array {
  const map = new Int16Array(256).fill(-1);
  for (let i = 0; i < alphabet.length; i++) map[alphabet.charCodeAt(i)] = i;
  return map;
}

const B64_MAP = decodeMap(B64);
const B32_MAP = decodeMap(B32);

const isNewline = (b: number | undefined): boolean => b === LF || b === CR;

/** base64.StdEncoding.DecodeString, quantum by quantum as Go's decodeQuantum. */
export function decodeBase64(src: Uint8Array): DecodeResult {
  const out: number[] = [];
  let si = 0;
  while (si < src.length) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let trailing = -1;
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return { ok: true, bytes: Uint8Array.from(out) };
        return { ok: false, offset: si - j };
      }
      const c = src[si++] as number;
      const v = B64_MAP[c] as number;
      if (v >= 0) {
        dbuf[j] = v;
        continue;
      }
      if (isNewline(c)) {
        j--;
        continue;
      }
      if (c !== PAD || j < 2) return { ok: false, offset: si - 1 };
      if (j === 2) {
        // "==" is expected; the first "=" is read.
        while (si < src.length && isNewline(src[si])) si++;
        if (si === src.length) return { ok: false, offset: src.length };
        if (src[si] !== PAD) return { ok: false, offset: si - 1 };
        si++;
      }
      while (si < src.length && isNewline(src[si])) si++;
      if (si < src.length) trailing = si;
      dlen = j;
      break;
    }
    const val =
      ((dbuf[0] as number) << 18) |
      ((dbuf[1] as number) << 12) |
      ((dbuf[2] as number) << 6) |
      (dbuf[3] as number);
    const bytes = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff];
    out.push(...bytes.slice(0, dlen - 1));
    if (trailing >= 0) return { ok: false, offset: trailing };
  }
  return { ok: true, bytes: Uint8Array.from(out) };
}

/** base32.StdEncoding.DecodeString: line breaks are removed first, then 8-character quanta. */
export function decodeBase32(input: Uint8Array): DecodeResult {
  const src = input.filter((b) => !isNewline(b));
  const olen = src.length;
  const out: number[] = [];
  let pos = 0;
  let end = false;
  while (pos < olen && !end) {
    const dbuf = [0, 0, 0, 0, 0, 0, 0, 0];
    let dlen = 8;
    for (let j = 0; j < 8;) {
      if (pos === olen) return { ok: false, offset: olen - (olen - pos) - j };
      const c = src[pos++] as number;
      const left = olen - pos;
      if (c === PAD && j >= 2 && left < 8) {
        if (left + j < 7) return { ok: false, offset: olen };
        for (let k = 0; k < 7 - j; k++) {
          if (left > k && src[pos + k] !== PAD) return { ok: false, offset: pos + k - 1 };
        }
        dlen = j;
        end = true;
        if (dlen === 1 || dlen === 3 || dlen === 6) return { ok: false, offset: pos - 1 };
        break;
      }
      const v = B32_MAP[c] as number;
      if (v < 0) return { ok: false, offset: pos - 1 };
      dbuf[j++] = v;
    }
    let bits = 0n;
    for (const d of dbuf) bits = (bits << 5n) | BigInt(d);
    const bytes = Array.from({ length: 5 }, (_, i) => Number((bits >> BigInt(32 - 8 * i)) & 0xffn));
    // 8 characters carry 5 bytes; 2, 4, 5 and 7 carry 1, 2, 3 and 4.
    const count = [0, 0, 1, 0, 2, 3, 0, 4, 5][dlen] as number;
    out.push(...bytes.slice(0, count));
  }
  return { ok: true, bytes: Uint8Array.from(out) };
}
