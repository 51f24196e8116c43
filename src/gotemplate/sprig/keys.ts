/**
 * Private keys for sprig's crypto functions, derived from the seeded generator so a render
 * repeats: RSA (primes found with node's native primality test), ECDSA P-256 and Ed25519 (the
 * private scalar or seed drawn, the public key computed natively). DSA parameters cannot be
 * derived cheaply: that key comes from node:crypto and is not repeatable (it is reported volatile
 * like every other generated key).
 */
import {
  checkPrimeSync,
  createECDH,
  createHash,
  createPrivateKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';

import {
  bitString,
  children,
  explicit,
  integer,
  octetString,
  oid,
  pem,
  readElement,
  sequence,
} from './asn1.js';
import { randomBytes, type Entropy } from './random.js';

const E = 65537n;

function bigFromBytes(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
}

function bytesOf(n: bigint, length: number): Uint8Array {
  return Buffer.from(n.toString(16).padStart(length * 2, '0'), 'hex');
}

/** Odd primes below 10 000, to sieve candidates before the (native) Miller–Rabin test. */
const SMALL_PRIMES: readonly number[] = (() => {
  const composite = new Uint8Array(10_000);
  const out: number[] = [];
  for (let i = 3; i < composite.length; i += 2) {
    if (composite[i]) continue;
    out.push(i);
    for (let j = i * i; j < composite.length; j += 2 * i) composite[j] = 1;
  }
  return out;
})();

/** A prime of exactly `bits` bits with the top two bits set (so p·q has 2·bits bits), p−1 coprime to e. */
function prime(env: Entropy, bits: number): bigint {
  for (;;) {
    const start = bigFromBytes(randomBytes(env, bits / 8)) | (3n << BigInt(bits - 2)) | 1n;
    // Residues of the candidate modulo each small prime, stepped along with the candidate.
    const residues = SMALL_PRIMES.map((s) => Number(start % BigInt(s)));
    for (let delta = 0; delta < 1 << 16; delta += 2) {
      let divisible = false;
      for (let i = 0; i < SMALL_PRIMES.length; i++) {
        if (((residues[i] as number) + delta) % (SMALL_PRIMES[i] as number) === 0) {
          divisible = true;
          break;
        }
      }
      if (divisible) continue;
      const p = start + BigInt(delta);
      if ((p - 1n) % E === 0n) continue;
      if (checkPrimeSync(p, { checks: 20 })) return p;
    }
  }
}

function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [((a % m) + m) % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % m) + m) % m;
}

/** A byte stream from SHA-256 in counter mode over `seed`: the prime search's own randomness. */
function streamFrom(seed: Uint8Array): Entropy {
  let block = new Uint8Array();
  let at = 0;
  let counter = 0;
  return {
    random: () => {
      if (at >= block.length) {
        block = createHash('sha256').update(seed).update(String(counter++)).digest();
        at = 0;
      }
      return (block[at++] as number) / 256;
    },
    volatile: () => undefined,
  };
}

const RSA_CACHE_LIMIT = 64;
const rsaCache = new Map<string, Uint8Array>();

/**
 * A PKCS#1 RSAPrivateKey of `bits` bits with e = 65537, as DER. It takes a fixed 32-byte seed
 * from `env`, so later draws do not depend on how long the prime search ran, and keys are kept
 * per seed: rendering the same release again (a diff's base and head) does not search again.
 */
export function rsaPkcs1(env: Entropy, bits: number): Uint8Array {
  const seed = randomBytes(env, 32);
  const cacheKey = `${bits}:${Buffer.from(seed).toString('hex')}`;
  const hit = rsaCache.get(cacheKey);
  if (hit) return hit;
  const stream = streamFrom(seed);
  for (;;) {
    const p = prime(stream, bits / 2);
    const q = prime(stream, bits / 2);
    if (p === q) continue;
    const n = p * q;
    const d = modInverse(E, (p - 1n) * (q - 1n));
    const der = sequence(
      integer(0n),
      integer(n),
      integer(E),
      integer(d),
      integer(p),
      integer(q),
      integer(d % (p - 1n)),
      integer(d % (q - 1n)),
      integer(modInverse(q, p)),
    );
    if (rsaCache.size >= RSA_CACHE_LIMIT) rsaCache.clear();
    rsaCache.set(cacheKey, der);
    return der;
  }
}

/** The order of P-256: a private scalar must be in [1, N). */
const P256_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;

/** An ECDSA P-256 key in SEC 1 form (`EC PRIVATE KEY`), as Go's MarshalECPrivateKey writes it. */
export function ecSec1(env: Entropy): Uint8Array {
  let d = 0n;
  while (d === 0n || d >= P256_N) d = bigFromBytes(randomBytes(env, 32));
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(bytesOf(d, 32));
  const publicKey = ecdh.getPublicKey();
  return sequence(
    integer(1n),
    octetString(bytesOf(d, 32)),
    explicit(0, oid('1.2.840.10045.3.1.7')),
    explicit(1, bitString(publicKey)),
  );
}

/** An Ed25519 key in PKCS#8 form (`PRIVATE KEY`). */
export function ed25519Pkcs8(env: Entropy): Uint8Array {
  const seed = randomBytes(env, 32);
  return sequence(integer(0n), sequence(oid('1.3.101.112')), octetString(octetString(seed)));
}

/**
 * A DSA key (L2048N256) in the form sprig writes: SEQUENCE { 0, P, Q, G, Y, X }. Its parameters
 * come from node:crypto's generator.
 */
export function dsaSprig(): Uint8Array {
  const { privateKey } = generateKeyPairSync('dsa', { modulusLength: 2048, divisorLength: 256 });
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  const [, algorithm, key] = children(readElement(der).content);
  const params = children(children(algorithm?.content ?? new Uint8Array())[1]?.content ?? new Uint8Array());
  const [p, q, g] = params.map((e) => bigFromBytes(e.content)) as [bigint, bigint, bigint];
  const x = bigFromBytes(readElement(key?.content ?? new Uint8Array()).content);
  return sequence(integer(0n), integer(p), integer(q), integer(g), integer(modPow(g, x, p)), integer(x));
}

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  let b = base % mod;
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % mod;
    b = (b * b) % mod;
  }
  return result;
}

export type KeyKind = 'rsa' | 'ecdsa' | 'ed25519' | 'dsa';

/** A generated key: its PEM as sprig prints it, and a KeyObject to sign with (none for DSA). */
export interface GeneratedKey {
  readonly pem: string;
  readonly key?: KeyObject;
}

export function generateKey(env: Entropy, kind: KeyKind, rsaBits = 2048): GeneratedKey {
  switch (kind) {
    case 'rsa': {
      const der = rsaPkcs1(env, rsaBits);
      return {
        pem: pem('RSA PRIVATE KEY', der),
        key: createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs1' }),
      };
    }
    case 'ecdsa': {
      const der = ecSec1(env);
      return {
        pem: pem('EC PRIVATE KEY', der),
        key: createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'sec1' }),
      };
    }
    case 'ed25519': {
      const der = ed25519Pkcs8(env);
      return {
        pem: pem('PRIVATE KEY', der),
        key: createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' }),
      };
    }
    case 'dsa':
      return { pem: pem('DSA PRIVATE KEY', dsaSprig()) };
  }
}
