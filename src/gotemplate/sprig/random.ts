/**
 * sprig's random functions: `randAlphaNum randAlpha randAscii randNumeric randBytes randInt
 * shuffle uuidv4`. Sprig draws from crypto/rand and math/rand, so helm's output changes on every
 * run; here every draw comes from the environment's seeded generator, so a render is repeatable,
 * and every generated value is reported as volatile so later stages can mask it.
 */
import { GoCallError, type FuncMap } from '../value.js';
import { goFunc, goIntOf, INT, intArg, STRING, strArg } from './define.js';
import { checkLength } from './limits.js';

/** What the random functions need from the sprig environment. */
export interface Entropy {
  /** A seeded pseudo-random number in [0, 1). */
  random(): number;
  /** Records a generated value so later stages can mask it. */
  volatile(value: string): void;
}

/** A uniform integer in [0, n). */
export function randomBelow(env: Entropy, n: number): number {
  return Math.min(n - 1, Math.floor(env.random() * n));
}

export function randomBytes(env: Entropy, count: number): Uint8Array {
  const bytes = new Uint8Array(count);
  for (let i = 0; i < count; i++) bytes[i] = randomBelow(env, 256);
  return bytes;
}

const DIGITS = '0123456789';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

/** goutils' CryptoRandom* for `count` characters of `alphabet`; a negative count gives ''. */
function randomString(env: Entropy, count: number, alphabet: string, what: string): string {
  if (count <= 0) return '';
  checkLength(count, what);
  let out = '';
  for (let i = 0; i < count; i++) out += alphabet[randomBelow(env, alphabet.length)];
  env.volatile(out);
  return out;
}

/** xstrings.Shuffle: Fisher–Yates over the runes. */
function shuffle(env: Entropy, s: string): string {
  if (s === '') return s;
  const runes = [...s];
  for (let i = runes.length - 1; i > 0; i--) {
    const j = randomBelow(env, i + 1);
    [runes[i], runes[j]] = [runes[j] as string, runes[i] as string];
  }
  const out = runes.join('');
  env.volatile(out);
  return out;
}

/** uuid.New().String(): 122 random bits, version 4, RFC 4122 variant. */
export function uuidv4(env: Entropy): string {
  const b = randomBytes(env, 16);
  b[6] = ((b[6] as number) & 0x0f) | 0x40;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const hex = Buffer.from(b).toString('hex');
  const out = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  env.volatile(out);
  return out;
}

export function randomFuncs(env: Entropy): FuncMap {
  return {
    randAlphaNum: goFunc([INT], STRING, (n) =>
      randomString(env, intArg(n), DIGITS + LETTERS, 'randAlphaNum'),
    ),
    randAlpha: goFunc([INT], STRING, (n) => randomString(env, intArg(n), LETTERS, 'randAlpha')),
    randAscii: goFunc([INT], STRING, (n) => randomString(env, intArg(n), ASCII, 'randAscii')),
    randNumeric: goFunc([INT], STRING, (n) => randomString(env, intArg(n), DIGITS, 'randNumeric')),
    randBytes: goFunc([INT], STRING, (n) => {
      const count = intArg(n);
      if (count < 0) throw new GoCallError('runtime error: makeslice: len out of range');
      checkLength(count, 'randBytes');
      const out = Buffer.from(randomBytes(env, count)).toString('base64');
      env.volatile(out);
      return out;
    }),
    randInt: goFunc([INT, INT], INT, (min, max) => {
      const lo = intArg(min);
      const span = intArg(max) - lo;
      if (span <= 0) throw new GoCallError('invalid argument to Intn');
      const out = lo + randomBelow(env, span);
      env.volatile(String(out));
      return goIntOf(out);
    }),
    shuffle: goFunc([STRING], STRING, (s) => shuffle(env, strArg(s))),
    uuidv4: goFunc([], STRING, () => uuidv4(env)),
  };
}
