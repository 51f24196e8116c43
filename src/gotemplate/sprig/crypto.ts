/**
 * sprig's crypto functions: `bcrypt htpasswd genPrivateKey derivePassword encryptAES decryptAES`
 * and the certificate functions. What sprig draws from crypto/rand comes from the seeded
 * environment here, and every generated value is reported as volatile.
 */
import { createCipheriv, createDecipheriv, createHmac, scryptSync } from 'node:crypto';

import { GoCallError, GoInt, type FuncMap, type GoValue } from '../value.js';
import { bcryptHash } from './bcrypt.js';
import {
  buildCustomCert,
  CERTIFICATE,
  genCA,
  genSelfSigned,
  genSigned,
  type CertEnv,
} from './certificates.js';
import { goFunc, INT, intArg, STRING, strArg } from './define.js';
import { decodeBase64 } from './go-base-decode.js';
import { utf8Bytes, utf8Text } from './go-strings.js';
import { generateKey, type KeyKind } from './keys.js';
import { randomBytes, type Entropy } from './random.js';

const LIST = '[]interface {}';

function bcrypt(env: Entropy, input: string): string {
  const password = utf8Bytes(input);
  if (password.length > 72)
    return 'failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes';
  const out = bcryptHash(password, randomBytes(env, 16), 10);
  env.volatile(out);
  return out;
}

const TEMPLATES: Readonly<Record<string, readonly string[]>> = {
  maximum: ['anoxxxxxxxxxxxxxxxxx', 'axxxxxxxxxxxxxxxxxno'],
  long: [
    'CvcvnoCvcvCvcv',
    'CvcvCvcvnoCvcv',
    'CvcvCvcvCvcvno',
    'CvccnoCvcvCvcv',
    'CvccCvcvnoCvcv',
    'CvccCvcvCvcvno',
    'CvcvnoCvccCvcv',
    'CvcvCvccnoCvcv',
    'CvcvCvccCvcvno',
    'CvcvnoCvcvCvcc',
    'CvcvCvcvnoCvcc',
    'CvcvCvcvCvccno',
    'CvccnoCvccCvcv',
    'CvccCvccnoCvcv',
    'CvccCvccCvcvno',
    'CvcvnoCvccCvcc',
    'CvcvCvccnoCvcc',
    'CvcvCvccCvccno',
    'CvccnoCvcvCvcc',
    'CvccCvcvnoCvcc',
    'CvccCvcvCvccno',
  ],
  medium: ['CvcnoCvc', 'CvcCvcno'],
  short: ['Cvcn'],
  basic: ['aaanaaan', 'aannaaan', 'aaannaaa'],
  pin: ['nnnn'],
};

const CHARACTERS: Readonly<Record<string, string>> = {
  V: 'AEIOU',
  C: 'BCDFGHJKLMNPQRSTVWXYZ',
  v: 'aeiou',
  c: 'bcdfghjklmnpqrstvwxyz',
  A: 'AEIOUBCDFGHJKLMNPQRSTVWXYZ',
  a: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz',
  n: '0123456789',
  o: "@&%?,=[]_:-+*$#!'^~;()/.",
  x: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()',
};

const uint32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
};

/** The Master Password algorithm sprig implements: scrypt of the password, HMAC of the site. */
function derivePassword(counter: number, type: string, password: string, user: string, site: string): string {
  const templates = TEMPLATES[type];
  if (!templates) return `cannot find password template ${type}`;
  const scope = Buffer.from('com.lyndir.masterpassword');
  const userBytes = Buffer.from(utf8Bytes(user));
  const salt = Buffer.concat([scope, uint32(userBytes.length), userBytes]);
  const key = scryptSync(Buffer.from(utf8Bytes(password)), salt, 64, {
    N: 32768,
    r: 8,
    p: 2,
    maxmem: 64 * 1024 * 1024,
  });
  const siteBytes = Buffer.from(utf8Bytes(site));
  const seed = createHmac('sha256', key)
    .update(Buffer.concat([scope, uint32(siteBytes.length), siteBytes, uint32(counter)]))
    .digest();
  const template = templates[(seed[0] as number) % templates.length] as string;
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const chars = CHARACTERS[template[i] as string] as string;
    out += chars[(seed[i + 1] as number) % chars.length];
  }
  return out;
}

function aesKey(password: string): Buffer {
  const key = Buffer.alloc(32);
  Buffer.from(utf8Bytes(password)).copy(key, 0, 0, 32);
  return key;
}

function encryptAES(env: Entropy, password: string, plaintext: string): string {
  if (plaintext === '') return '';
  const content = Buffer.from(utf8Bytes(plaintext));
  const padding = 16 - (content.length % 16);
  const iv = Buffer.from(randomBytes(env, 16));
  const cipher = createCipheriv('aes-256-cbc', aesKey(password), iv).setAutoPadding(false);
  const padded = Buffer.concat([content, Buffer.alloc(padding, padding)]);
  const out = Buffer.concat([iv, cipher.update(padded), cipher.final()]).toString('base64');
  env.volatile(out);
  return out;
}

function decryptAES(password: string, crypt64: string): string {
  if (crypt64 === '') return '';
  const input = utf8Bytes(crypt64);
  const decoded = decodeBase64(input);
  if (!decoded.ok) throw new GoCallError(`illegal base64 data at input byte ${decoded.offset}`);
  const crypt = Buffer.from(decoded.bytes);
  // DecodeString allocates DecodedLen(len(input)) bytes, and Go reports that capacity.
  const capacity = Math.floor(input.length / 4) * 3;
  if (crypt.length < 16)
    throw new GoCallError(`runtime error: slice bounds out of range [:16] with capacity ${capacity}`);
  const body = crypt.subarray(16);
  if (body.length % 16 !== 0) throw new GoCallError('crypto/cipher: input not full blocks');
  const decipher = createDecipheriv('aes-256-cbc', aesKey(password), crypt.subarray(0, 16)).setAutoPadding(
    false,
  );
  const plain = Buffer.concat([decipher.update(body), decipher.final()]);
  if (plain.length === 0) throw new GoCallError('runtime error: index out of range [-1]');
  const end = plain.length - (plain[plain.length - 1] as number);
  if (end < 0) throw new GoCallError(`runtime error: slice bounds out of range [:${end}]`);
  return utf8Text(plain.subarray(0, end));
}

function genPrivateKey(env: Entropy, type: string): string {
  const kinds: Readonly<Record<string, [KeyKind, number]>> = {
    '': ['rsa', 4096],
    rsa: ['rsa', 4096],
    dsa: ['dsa', 0],
    ecdsa: ['ecdsa', 0],
    ed25519: ['ed25519', 0],
  };
  const kind = Object.hasOwn(kinds, type) ? kinds[type] : undefined;
  if (!kind) return `Unknown type ${type}`;
  const out = generateKey(env, kind[0], kind[1] || 2048).pem;
  env.volatile(out);
  return out;
}

const uint32Arg = (v: GoValue): number => (v instanceof GoInt ? Number(BigInt.asUintN(32, v.value)) : 0);

export function cryptoFuncs(env: CertEnv): FuncMap {
  const s = strArg;
  return {
    bcrypt: goFunc([STRING], STRING, (p) => bcrypt(env, s(p))),
    htpasswd: goFunc([STRING, STRING], STRING, (user, p) =>
      s(user).includes(':') ? `invalid username: ${s(user)}` : `${s(user)}:${bcrypt(env, s(p))}`,
    ),
    genPrivateKey: goFunc([STRING], STRING, (t) => genPrivateKey(env, s(t))),
    derivePassword: goFunc(['uint32', STRING, STRING, STRING, STRING], STRING, (c, t, p, u, site) =>
      derivePassword(uint32Arg(c), s(t), s(p), s(u), s(site)),
    ),
    buildCustomCert: goFunc([STRING, STRING], CERTIFICATE, (c, k) => buildCustomCert(s(c), s(k))),
    genCA: goFunc([STRING, INT], CERTIFICATE, (cn, d) => genCA(env, s(cn), intArg(d))),
    genCAWithKey: goFunc([STRING, INT, STRING], CERTIFICATE, (cn, d, k) =>
      genCA(env, s(cn), intArg(d), s(k)),
    ),
    genSelfSignedCert: goFunc([STRING, LIST, LIST, INT], CERTIFICATE, (cn, ips, dns, d) =>
      genSelfSigned(env, s(cn), ips, dns, intArg(d)),
    ),
    genSelfSignedCertWithKey: goFunc([STRING, LIST, LIST, INT, STRING], CERTIFICATE, (cn, ips, dns, d, k) =>
      genSelfSigned(env, s(cn), ips, dns, intArg(d), s(k)),
    ),
    genSignedCert: goFunc([STRING, LIST, LIST, INT, CERTIFICATE], CERTIFICATE, (cn, ips, dns, d, ca) =>
      genSigned(env, s(cn), ips, dns, intArg(d), ca),
    ),
    genSignedCertWithKey: goFunc(
      [STRING, LIST, LIST, INT, CERTIFICATE, STRING],
      CERTIFICATE,
      (cn, ips, dns, d, ca, k) => genSigned(env, s(cn), ips, dns, intArg(d), ca, s(k)),
    ),
    encryptAES: goFunc([STRING, STRING], STRING, (p, t) => encryptAES(env, s(p), s(t))),
    decryptAES: goFunc([STRING, STRING], STRING, (p, c) => decryptAES(s(p), s(c))),
  };
}
