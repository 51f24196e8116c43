/**
 * Base64 decoding with the exact acceptance rules and error offsets of Go's
 * `base64.StdEncoding.DecodeString`: `\r` and `\n` are skipped anywhere, padding is
 * required, anything after the padding is an error. Node's decoder accepts far more,
 * and `flux build` fails on what Go rejects, so we need Go's verdict.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Map<string, number>([...ALPHABET].map((c, i) => [c, i]));

export type GoBase64Result = { ok: true; bytes: Buffer } | { ok: false; offset: number };

const isNewline = (c: string | undefined): boolean => c === '\n' || c === '\r';

/** Go's message for a CorruptInputError. */
export function goBase64Error(offset: number): string {
  return `illegal base64 data at input byte ${offset}`;
}

export function decodeGoBase64(src: string): GoBase64Result {
  const out: number[] = [];
  let si = 0;
  while (si < src.length) {
    const quantum: number[] = [];
    let j = 0;
    for (; j < 4; j++) {
      while (si < src.length && isNewline(src[si])) si++;
      if (si === src.length) {
        if (j === 0) return { ok: true, bytes: Buffer.from(out) };
        return { ok: false, offset: si - j };
      }
      const c = src[si] as string;
      si++;
      const v = DECODE.get(c);
      if (v !== undefined) {
        quantum.push(v);
        continue;
      }
      if (c !== '=') return { ok: false, offset: si - 1 };
      // Padding: only valid as the 3rd or 4th character of the last quantum.
      if (j === 0 || j === 1) return { ok: false, offset: si - 1 };
      if (j === 2) {
        while (si < src.length && isNewline(src[si])) si++;
        if (si === src.length) return { ok: false, offset: src.length };
        if (src[si] !== '=') return { ok: false, offset: si - 1 };
        si++;
      }
      while (si < src.length && isNewline(src[si])) si++;
      if (si < src.length) return { ok: false, offset: si };
      break;
    }
    const [a = 0, b = 0, c = 0, d = 0] = quantum;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    if (j >= 2) out.push((n >> 16) & 0xff);
    if (j >= 3) out.push((n >> 8) & 0xff);
    if (j >= 4) out.push(n & 0xff);
    if (j < 4) break;
  }
  return { ok: true, bytes: Buffer.from(out) };
}
