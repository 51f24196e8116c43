/**
 * X.509 certificates as Go's x509.CreateCertificate writes them for sprig's templates: v3, a
 * random 128-bit serial, the subject `CN=…`, key usage, server and client auth, basic
 * constraints, a subject key id for CAs (the first 20 bytes of the SHA-256 of the public key, as
 * Go 1.25 computes it), an authority key id from the parent, and SANs (DNS names, then IPs).
 */
import { createHash, createPublicKey, sign, type KeyObject } from 'node:crypto';

import {
  bitString,
  boolean,
  children,
  explicit,
  goString,
  implicit,
  integer,
  nul,
  octetString,
  oid,
  readElement,
  readOid,
  sequence,
  set,
  time,
  type Der,
} from './asn1.js';
import { signP256 } from './ecdsa-p256.js';

/** The issuer a certificate is signed by: its subject and key id, and the key to sign with. */
export interface Issuer {
  readonly subject: Der;
  readonly subjectKeyId?: Uint8Array;
  readonly publicKey?: Der;
  readonly key: KeyObject;
}

export interface CertTemplate {
  readonly commonName: string;
  readonly serial: bigint;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly isCA: boolean;
  readonly dnsNames: readonly string[];
  /** 4 or 16 bytes each. */
  readonly ips: readonly Uint8Array[];
}

/** An error Go's x509 reports; `message` is its text. */
export class X509Error extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'X509Error';
  }
}

const KEY_USAGE_DIGITAL_SIGNATURE = 1 << 0;
const KEY_USAGE_KEY_ENCIPHERMENT = 1 << 2;
const KEY_USAGE_CERT_SIGN = 1 << 5;

/** `CN=name`, or the empty name when there is no common name. */
export function subjectName(commonName: string): Der {
  if (commonName === '') return sequence();
  return sequence(set(sequence(oid('2.5.4.3'), goString(commonName))));
}

function extension(id: string, critical: boolean, value: Der): Der {
  return critical
    ? sequence(oid(id), boolean(true), octetString(value))
    : sequence(oid(id), octetString(value));
}

/** Go's marshalKeyUsage: the usage bits reversed into a BIT STRING without trailing zero bits. */
function keyUsage(bits: number): Der {
  const reverse = (b: number): number =>
    parseInt(b.toString(2).padStart(8, '0').split('').reverse().join(''), 2);
  const bytes = [reverse(bits & 0xff), reverse((bits >> 8) & 0xff)];
  const used = bytes[1] === 0 ? Uint8Array.of(bytes[0] as number) : Uint8Array.from(bytes);
  const last = used[used.length - 1] as number;
  let trailing = 0;
  while (trailing < 8 && !(last & (1 << trailing))) trailing++;
  return bitString(used, used.length * 8 - (last === 0 ? 8 : trailing));
}

function signatureAlgorithm(key: KeyObject): { der: Der; digest: string | null } {
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return { der: sequence(oid('1.2.840.113549.1.1.11'), nul()), digest: 'sha256' };
    case 'ec': {
      const curve = key.asymmetricKeyDetails?.namedCurve;
      if (curve === 'secp384r1') return { der: sequence(oid('1.2.840.10045.4.3.3')), digest: 'sha384' };
      if (curve === 'secp521r1') return { der: sequence(oid('1.2.840.10045.4.3.4')), digest: 'sha512' };
      return { der: sequence(oid('1.2.840.10045.4.3.2')), digest: 'sha256' };
    }
    case 'ed25519':
      return { der: sequence(oid('1.3.101.112')), digest: null };
    default:
      throw new X509Error('x509: certificate private key does not implement crypto.Signer');
  }
}

/** The subjectPublicKeyInfo of a private or public key. */
export function publicKeyInfo(key: KeyObject): Der {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  if (!['rsa', 'ec', 'ed25519'].includes(pub.asymmetricKeyType ?? ''))
    throw new X509Error(
      `x509: unsupported public key type: *${pub.asymmetricKeyType ?? 'unknown'}.PublicKey`,
    );
  return pub.export({ format: 'der', type: 'spki' });
}

/** The public key bits inside a subjectPublicKeyInfo. */
function publicKeyBits(spki: Der): Uint8Array {
  const bits = children(readElement(spki).content)[1];
  return bits ? bits.content.subarray(1) : new Uint8Array();
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** A signed certificate (DER) for `template` and the subject's public key, issued by `issuer`. */
export function createCertificate(template: CertTemplate, subjectKey: KeyObject, issuer: Issuer): Der {
  const algorithm = signatureAlgorithm(issuer.key);
  if (issuer.publicKey && !sameBytes(issuer.publicKey, publicKeyInfo(issuer.key)))
    throw new X509Error("x509: provided PrivateKey doesn't match parent's PublicKey");
  const spki = publicKeyInfo(subjectKey);
  const subject = subjectName(template.commonName);
  const extensions: Der[] = [
    extension(
      '2.5.29.15',
      true,
      keyUsage(
        KEY_USAGE_DIGITAL_SIGNATURE | KEY_USAGE_KEY_ENCIPHERMENT | (template.isCA ? KEY_USAGE_CERT_SIGN : 0),
      ),
    ),
    extension('2.5.29.37', false, sequence(oid('1.3.6.1.5.5.7.3.1'), oid('1.3.6.1.5.5.7.3.2'))),
    extension('2.5.29.19', true, template.isCA ? sequence(boolean(true)) : sequence()),
  ];
  if (template.isCA) {
    const id = createHash('sha256').update(publicKeyBits(spki)).digest().subarray(0, 20);
    extensions.push(extension('2.5.29.14', false, octetString(id)));
  }
  if (issuer.subjectKeyId && issuer.subjectKeyId.length > 0 && !sameBytes(issuer.subject, subject))
    extensions.push(extension('2.5.29.35', false, sequence(implicit(0, issuer.subjectKeyId))));
  if (template.dnsNames.length > 0 || template.ips.length > 0) {
    const names: Der[] = [];
    for (const name of template.dnsNames) {
      if ([...name].some((c) => c.charCodeAt(0) > 0x7f))
        throw new X509Error(`x509: "${name}" cannot be encoded as an IA5String`);
      names.push(implicit(2, Buffer.from(name, 'latin1')));
    }
    for (const ip of template.ips) names.push(implicit(7, ip));
    extensions.push(extension('2.5.29.17', subject.length === 2, sequence(...names)));
  }
  const tbs = sequence(
    explicit(0, integer(2n)),
    integer(template.serial),
    algorithm.der,
    issuer.subject,
    sequence(time(template.notBefore), time(template.notAfter)),
    subject,
    spki,
    explicit(3, sequence(...extensions)),
  );
  const signature =
    issuer.key.asymmetricKeyDetails?.namedCurve === 'prime256v1'
      ? signP256(tbs, issuer.key)
      : sign(algorithm.digest, tbs, { key: issuer.key, dsaEncoding: 'der' });
  return sequence(tbs, algorithm.der, bitString(signature));
}

/** What a parent certificate contributes: its subject and subject key id, and its public key. */
export function readCertificate(der: Uint8Array): {
  subject: Der;
  subjectKeyId?: Uint8Array;
  publicKey: Der;
} {
  try {
    const [tbs] = children(readElement(der).content);
    if (!tbs || tbs.tag !== 0x30) throw new Error('no tbsCertificate');
    const fields = children(tbs.content);
    const offset = fields[0]?.tag === 0xa0 ? 1 : 0;
    const subject = fields[offset + 4];
    const spki = fields[offset + 5];
    if (subject?.tag !== 0x30 || spki?.tag !== 0x30) throw new Error('bad certificate');
    let subjectKeyId: Uint8Array | undefined;
    const ext = fields.find((f) => f.tag === 0xa3);
    for (const e of ext ? children(readElement(ext.content).content) : []) {
      const [id, ...rest] = children(e.content);
      const value = rest[rest.length - 1];
      if (id && value && readOid(id.content) === '2.5.29.14')
        subjectKeyId = readElement(value.content).content;
    }
    return { subject: subject.raw, subjectKeyId, publicKey: spki.raw };
  } catch {
    throw new X509Error('x509: malformed certificate');
  }
}

/** Go's net.ParseIP, as the bytes a SAN holds (To4 when it is an IPv4 address), or undefined. */
export function parseIp(text: string): Uint8Array | undefined {
  const v4 = (s: string): number[] | undefined => {
    const parts = s.split('.');
    if (parts.length !== 4) return undefined;
    const out: number[] = [];
    for (const p of parts) {
      if (!/^[0-9]{1,3}$/.test(p) || (p.length > 1 && p.startsWith('0')) || Number(p) > 255) return undefined;
      out.push(Number(p));
    }
    return out;
  };
  const four = v4(text);
  if (four) return Uint8Array.from(four);
  if (!text.includes(':')) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string): number[] | undefined => {
    if (s === '') return [];
    const out: number[] = [];
    const parts = s.split(':');
    for (const [i, p] of parts.entries()) {
      if (i === parts.length - 1 && p.includes('.')) {
        const tail = v4(p);
        if (!tail) return undefined;
        out.push(...tail);
        continue;
      }
      if (!/^[0-9a-fA-F]{1,4}$/.test(p)) return undefined;
      const n = parseInt(p, 16);
      out.push(n >> 8, n & 0xff);
    }
    return out;
  };
  const head = groups(halves[0] ?? '');
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  const fill = 16 - head.length - tail.length;
  if (halves.length === 2 ? fill < 2 : fill !== 0) return undefined;
  const bytes = Uint8Array.from([...head, ...new Array<number>(fill).fill(0), ...tail]);
  const mapped = bytes.subarray(0, 12).every((b, i) => b === (i >= 10 ? 0xff : 0));
  return mapped ? bytes.subarray(12) : bytes;
}
