/**
 * Deterministic ECDSA on P-256 with SHA-256 (RFC 6979 nonces). Go signs with random nonces, so
 * helm's ECDSA-signed certificates change on every run; node:crypto does too and cannot be
 * seeded. Signing here makes a render repeat; any valid signature is as good as Go's.
 */
import { createHash, createHmac, type KeyObject } from 'node:crypto';

import { integer, sequence } from './asn1.js';

const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const GX = 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n;
const GY = 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n;

const mod = (a: bigint, m: bigint): bigint => ((a % m) + m) % m;

function inverse(a: bigint, m: bigint): bigint {
  let [r0, r1] = [mod(a, m), m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return mod(s0, m);
}

/** Jacobian coordinates; Z = 0 is the point at infinity. */
type Point = readonly [bigint, bigint, bigint];

function double([x, y, z]: Point): Point {
  if (z === 0n || y === 0n) return [0n, 1n, 0n];
  // a = -3: M = 3(X − Z²)(X + Z²).
  const zz = mod(z * z, P);
  const m = mod(3n * (x - zz) * (x + zz), P);
  const s = mod(4n * x * y * y, P);
  const x3 = mod(m * m - 2n * s, P);
  const yyyy = mod(y * y * y * y, P);
  return [x3, mod(m * (s - x3) - 8n * yyyy, P), mod(2n * y * z, P)];
}

function add(a: Point, b: Point): Point {
  if (a[2] === 0n) return b;
  if (b[2] === 0n) return a;
  const [x1, y1, z1] = a;
  const [x2, y2, z2] = b;
  const z1z1 = mod(z1 * z1, P);
  const z2z2 = mod(z2 * z2, P);
  const u1 = mod(x1 * z2z2, P);
  const u2 = mod(x2 * z1z1, P);
  const s1 = mod(y1 * z2 * z2z2, P);
  const s2 = mod(y2 * z1 * z1z1, P);
  if (u1 === u2) return s1 === s2 ? double(a) : [0n, 1n, 0n];
  const h = mod(u2 - u1, P);
  const r = mod(s2 - s1, P);
  const hh = mod(h * h, P);
  const hhh = mod(h * hh, P);
  const x3 = mod(r * r - hhh - 2n * u1 * hh, P);
  return [x3, mod(r * (u1 * hh - x3) - s1 * hhh, P), mod(h * z1 * z2, P)];
}

/** The affine x coordinate of k·G. */
function baseMultiplyX(k: bigint): bigint {
  let result: Point = [0n, 1n, 0n];
  let addend: Point = [GX, GY, 1n];
  for (let e = k; e > 0n; e >>= 1n) {
    if (e & 1n) result = add(result, addend);
    addend = double(addend);
  }
  const zi = inverse(result[2], P);
  return mod(result[0] * zi * zi, P);
}

const bytes32 = (n: bigint): Buffer => Buffer.from(n.toString(16).padStart(64, '0'), 'hex');
const toBig = (b: Uint8Array): bigint => BigInt(`0x${Buffer.from(b).toString('hex') || '0'}`);

/** RFC 6979 §3.2 nonces for P-256 and SHA-256, in order. */
function* nonces(d: bigint, h: bigint): Generator<bigint> {
  let v = Buffer.alloc(32, 1);
  let k = Buffer.alloc(32, 0);
  const x = bytes32(d);
  const hm = bytes32(mod(h, N));
  k = createHmac('sha256', k)
    .update(Buffer.concat([v, Buffer.of(0), x, hm]))
    .digest();
  v = createHmac('sha256', k).update(v).digest();
  k = createHmac('sha256', k)
    .update(Buffer.concat([v, Buffer.of(1), x, hm]))
    .digest();
  v = createHmac('sha256', k).update(v).digest();
  for (;;) {
    v = createHmac('sha256', k).update(v).digest();
    const candidate = toBig(v);
    if (candidate > 0n && candidate < N) yield candidate;
    k = createHmac('sha256', k)
      .update(Buffer.concat([v, Buffer.of(0)]))
      .digest();
    v = createHmac('sha256', k).update(v).digest();
  }
}

/** An ECDSA-with-SHA256 signature (DER) of `data` by a P-256 private key. */
export function signP256(data: Uint8Array, key: KeyObject): Uint8Array {
  const d = toBig(Buffer.from(key.export({ format: 'jwk' }).d ?? '', 'base64url'));
  const h = toBig(createHash('sha256').update(data).digest());
  for (const k of nonces(d, h)) {
    const r = mod(baseMultiplyX(k), N);
    if (r === 0n) continue;
    const s = mod(inverse(k, N) * (h + r * d), N);
    if (s !== 0n) return sequence(integer(r), integer(s));
  }
  throw new Error('unreachable');
}
