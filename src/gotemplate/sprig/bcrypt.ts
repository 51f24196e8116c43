/**
 * bcrypt as golang.org/x/crypto/bcrypt writes it (`$2a$`, cost 10 for sprig): eksblowfish over
 * the password with its trailing NUL, 64 encryptions of "OrpheanBeholderScryDoubt", 23 bytes of
 * the result in bcrypt's base64. Blowfish's initial tables are the hexadecimal digits of π, which
 * are computed once here rather than spelled out.
 */

const WORDS = 18 + 4 * 256;
let piWords: Uint32Array | undefined;

/** arctan(1/x) scaled by 2^bits, by its Taylor series. */
function arctanInverse(x: bigint, bits: bigint): bigint {
  const x2 = x * x;
  let term = (1n << bits) / x;
  let sum = term;
  for (let k = 1n; term !== 0n; k++) {
    term /= x2;
    sum += (k % 2n === 0n ? 1n : -1n) * (term / (2n * k + 1n));
  }
  return sum;
}

/** The first 1042 32-bit words of π's fraction: Blowfish's P-array, then its four S-boxes. */
function blowfishTables(): Uint32Array {
  if (piWords) return piWords;
  const bits = BigInt(WORDS * 32 + 64);
  // Machin: π = 16·arctan(1/5) − 4·arctan(1/239).
  const pi = 16n * arctanInverse(5n, bits) - 4n * arctanInverse(239n, bits);
  const fraction = (pi >> 64n) & ((1n << BigInt(WORDS * 32)) - 1n);
  const hex = fraction.toString(16).padStart(WORDS * 8, '0');
  piWords = new Uint32Array(WORDS);
  for (let i = 0; i < WORDS; i++) piWords[i] = parseInt(hex.slice(i * 8, i * 8 + 8), 16);
  return piWords;
}

/** P-array at 0..17, then S0..S3 at 18 + 256·n. */
type State = Uint32Array;

function encryptBlock(s: State, l0: number, r0: number): [number, number] {
  let l = l0 >>> 0;
  let r = r0 >>> 0;
  const f = (x: number): number =>
    ((((s[18 + (x >>> 24)] as number) + (s[274 + ((x >>> 16) & 0xff)] as number)) ^
      (s[530 + ((x >>> 8) & 0xff)] as number)) +
      (s[786 + (x & 0xff)] as number)) >>>
    0;
  l ^= s[0] as number;
  for (let i = 1; i <= 16; i += 2) {
    r ^= f(l) ^ (s[i] as number);
    l ^= f(r) ^ (s[i + 1] as number);
  }
  r ^= s[17] as number;
  return [r >>> 0, l >>> 0];
}

function nextWord(bytes: Uint8Array, at: { j: number }): number {
  let w = 0;
  for (let k = 0; k < 4; k++) {
    w = ((w << 8) | (bytes[at.j] as number)) >>> 0;
    at.j = (at.j + 1) % bytes.length;
  }
  return w;
}

/** Blowfish's key schedule, mixing in `salt` when given (expandKeyWithSalt) or not (ExpandKey). */
function expand(s: State, key: Uint8Array, salt?: Uint8Array): void {
  const k = { j: 0 };
  for (let i = 0; i < 18; i++) s[i] = ((s[i] as number) ^ nextWord(key, k)) >>> 0;
  const sj = { j: 0 };
  let l = 0;
  let r = 0;
  for (let i = 0; i < WORDS; i += 2) {
    if (salt) {
      l ^= nextWord(salt, sj);
      r ^= nextWord(salt, sj);
    }
    [l, r] = encryptBlock(s, l, r);
    s[i] = l;
    s[i + 1] = r;
  }
}

const ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const STANDARD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** bcrypt's base64: its own alphabet, no padding. */
export function bcryptBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes)
    .toString('base64')
    .replace(/=+$/, '')
    .replace(/[A-Za-z0-9+/]/g, (c) => ALPHABET[STANDARD.indexOf(c)] as string);
}

/** A bcrypt hash of `password` (at most 72 bytes) with a 16-byte `salt`. */
export function bcryptHash(password: Uint8Array, salt: Uint8Array, cost: number): string {
  const key = new Uint8Array(password.length + 1);
  key.set(password);
  const s = Uint32Array.from(blowfishTables());
  expand(s, key, salt);
  for (let i = 0; i < 2 ** cost; i++) {
    expand(s, key);
    expand(s, salt);
  }
  const data = new DataView(new TextEncoder().encode('OrpheanBeholderScryDoubt').buffer);
  for (let i = 0; i < 24; i += 8) {
    let l = data.getUint32(i);
    let r = data.getUint32(i + 4);
    for (let j = 0; j < 64; j++) [l, r] = encryptBlock(s, l, r);
    data.setUint32(i, l);
    data.setUint32(i + 4, r);
  }
  const hash = new Uint8Array(data.buffer).subarray(0, 23);
  return `$2a$${String(cost).padStart(2, '0')}$${bcryptBase64(salt)}${bcryptBase64(hash)}`;
}
