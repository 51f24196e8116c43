/**
 * sprig's encodings and hashes: `b64enc b64dec b32enc b32dec sha1sum sha256sum sha512sum
 * adler32sum`. Go strings are bytes: text is hashed and encoded as its UTF-8 bytes. The decoders
 * return Go's error text as their result when the input is not valid, as sprig does.
 */
import { createHash } from 'node:crypto';

import type { FuncMap } from '../value.js';
import { goFunc, STRING, strArg } from './define.js';
import { decodeBase32, decodeBase64, type DecodeResult } from './go-base-decode.js';
import { utf8Bytes, utf8Text } from './go-strings.js';

function hashHex(algorithm: string, s: string): string {
  return createHash(algorithm).update(utf8Bytes(s)).digest('hex');
}

/** hash/adler32 of the bytes, printed in decimal as sprig prints it. */
export function adler32(bytes: Uint8Array): number {
  const MOD = 65521;
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % MOD;
    b = (b + a) % MOD;
  }
  return (b * 65536 + a) >>> 0;
}

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** base32.StdEncoding.EncodeToString. */
export function encodeBase32(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 5) {
    const chunk = bytes.subarray(i, i + 5);
    let bits = 0n;
    for (let k = 0; k < 5; k++) bits = (bits << 8n) | BigInt(chunk[k] ?? 0);
    // 1..5 input bytes give 2, 4, 5, 7 or 8 characters; the rest is padding.
    const chars = [0, 2, 4, 5, 7, 8][chunk.length] as number;
    for (let k = 0; k < 8; k++) out += k < chars ? B32[Number((bits >> BigInt(35 - 5 * k)) & 31n)] : '=';
  }
  return out;
}

function decoded(result: DecodeResult, name: string): string {
  return result.ok ? utf8Text(result.bytes) : `illegal ${name} data at input byte ${result.offset}`;
}

export const encodingFuncMap: FuncMap = {
  b64enc: goFunc([STRING], STRING, (s) => Buffer.from(utf8Bytes(strArg(s))).toString('base64')),
  b64dec: goFunc([STRING], STRING, (s) => decoded(decodeBase64(utf8Bytes(strArg(s))), 'base64')),
  b32enc: goFunc([STRING], STRING, (s) => encodeBase32(utf8Bytes(strArg(s)))),
  b32dec: goFunc([STRING], STRING, (s) => decoded(decodeBase32(utf8Bytes(strArg(s))), 'base32')),
  sha1sum: goFunc([STRING], STRING, (s) => hashHex('sha1', strArg(s))),
  sha256sum: goFunc([STRING], STRING, (s) => hashHex('sha256', strArg(s))),
  sha512sum: goFunc([STRING], STRING, (s) => hashHex('sha512', strArg(s))),
  adler32sum: goFunc([STRING], STRING, (s) => String(adler32(utf8Bytes(strArg(s))))),
};
