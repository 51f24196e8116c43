/**
 * sprig's certificate functions: `genCA genCAWithKey genSelfSignedCert genSelfSignedCertWithKey
 * genSignedCert genSignedCertWithKey buildCustomCert`. Each returns a `sprig.certificate` struct
 * with `.Cert` and `.Key` PEM text. Keys, serials and dates come from the seeded environment, so
 * a render repeats; the generated PEM texts are reported as volatile.
 */
import { createPrivateKey, type KeyObject } from 'node:crypto';

import { formatValue } from '../fmt.js';
import { GoCallError, GoStruct, isGoMap, getMapKey, type GoValue } from '../value.js';
import { decodePem, pem } from './asn1.js';
import { decodeBase64 } from './go-base-decode.js';
import { generateKey } from './keys.js';
import { randomBytes, type Entropy } from './random.js';
import {
  createCertificate,
  parseIp,
  readCertificate,
  subjectName,
  X509Error,
  type CertTemplate,
} from './x509.js';

/** What the certificate functions need from the sprig environment. */
export interface CertEnv extends Entropy {
  now(): Date;
}

export const CERTIFICATE = 'sprig.certificate';

export function certificate(cert: string, key: string): GoStruct {
  return new GoStruct(CERTIFICATE, { Cert: cert, Key: key });
}

/** A parsed private key: a KeyObject to sign with, or a DSA key Go can hold but not sign with. */
type PrivateKey = { kind: 'signer'; key: KeyObject } | { kind: 'dsa'; der: Uint8Array };

const fail = (message: string): never => {
  throw new GoCallError(message);
};

/** sprig's parsePrivateKeyPEM, with its error texts. */
export function parsePrivateKeyPem(text: string): PrivateKey {
  const block = decodePem(text);
  if (!block) throw new Error('no PEM data in input');
  const load = (type: 'pkcs8' | 'pkcs1' | 'sec1', what: string): PrivateKey => {
    try {
      return { kind: 'signer', key: createPrivateKey({ key: Buffer.from(block.der), format: 'der', type }) };
    } catch {
      throw new Error(`${what}: x509: malformed private key`);
    }
  };
  if (block.type === 'PRIVATE KEY') return load('pkcs8', 'decoding PEM as PKCS#8');
  if (!block.type.endsWith(' PRIVATE KEY'))
    throw new Error(`no private key data in PEM block of type ${block.type}`);
  switch (block.type.slice(0, -' PRIVATE KEY'.length)) {
    case 'RSA':
      return load('pkcs1', 'parsing RSA private key from PEM');
    case 'EC':
      return load('sec1', 'parsing EC private key from PEM');
    case 'DSA':
      return { kind: 'dsa', der: block.der };
    default:
      throw new Error(`invalid private key type ${block.type}`);
  }
}

/** sprig's pemBlockForKey: PKCS#1 for RSA, SEC 1 for EC, PKCS#8 for the others. */
function keyPem(k: PrivateKey): string {
  if (k.kind === 'dsa') return pem('DSA PRIVATE KEY', k.der);
  switch (k.key.asymmetricKeyType) {
    case 'rsa':
      return pem('RSA PRIVATE KEY', k.key.export({ format: 'der', type: 'pkcs1' }));
    case 'ec':
      return pem('EC PRIVATE KEY', k.key.export({ format: 'der', type: 'sec1' }));
    default:
      return pem('PRIVATE KEY', k.key.export({ format: 'der', type: 'pkcs8' }));
  }
}

function strings(list: GoValue, what: (v: GoValue) => string, parse: (s: string) => string): string[] {
  if (!Array.isArray(list)) return [];
  return list.map((v) => (typeof v === 'string' ? parse(v) : fail(what(v))));
}

/** sprig's getBaseCertTemplate: IPs and DNS names checked, a random serial, validity from now. */
function baseTemplate(
  env: CertEnv,
  cn: string,
  ips: GoValue,
  dns: GoValue,
  days: number,
  isCA: boolean,
): CertTemplate {
  const ipBytes: Uint8Array[] = [];
  strings(
    ips,
    (v) => `error parsing ip: ${formatValue(v)} is not a string`,
    (s) => {
      const ip = parseIp(s);
      if (!ip) fail(`error parsing ip: ${s}`);
      ipBytes.push(ip as Uint8Array);
      return s;
    },
  );
  const dnsNames = strings(
    dns,
    (v) => `error processing alternate dns name: ${formatValue(v)} is not a string`,
    (s) => s,
  );
  const serial = BigInt(`0x${Buffer.from(randomBytes(env, 16)).toString('hex')}`);
  const now = env.now();
  const notBefore = new Date(Math.floor(now.getTime() / 1000) * 1000);
  // time.Hour * 24 * time.Duration(daysValid) wraps around as Go's int64 nanoseconds do.
  const validNs = BigInt.asIntN(64, 86_400_000_000_000n * BigInt(days));
  const notAfter = new Date(notBefore.getTime() + Number(validNs / 1_000_000n));
  return { commonName: cn, serial, notBefore, notAfter, isCA, dnsNames, ips: ipBytes };
}

function issue(
  env: CertEnv,
  template: CertTemplate,
  subject: PrivateKey,
  signer: PrivateKey,
  parent?: Uint8Array,
): GoStruct {
  let der: Uint8Array;
  try {
    if (signer.kind === 'dsa')
      throw new X509Error('x509: certificate private key does not implement crypto.Signer');
    if (subject.kind === 'dsa') throw new X509Error('x509: unsupported public key type: *dsa.PublicKey');
    const parentInfo = parent ? readCertificate(parent) : undefined;
    der = createCertificate(template, subject.key, {
      subject: parentInfo?.subject ?? subjectName(template.commonName),
      subjectKeyId: parentInfo?.subjectKeyId,
      publicKey: parentInfo?.publicKey,
      key: signer.key,
    });
  } catch (e) {
    if (e instanceof X509Error) return fail(`error creating certificate: ${e.message}`);
    throw e;
  }
  const cert = pem('CERTIFICATE', der);
  const key = keyPem(subject);
  env.volatile(cert);
  env.volatile(key);
  return certificate(cert, key);
}

function generatedRsa(env: CertEnv): PrivateKey {
  const { key } = generateKey(env, 'rsa', 2048);
  return { kind: 'signer', key: key as KeyObject };
}

function givenKey(privPem: string, context: string): PrivateKey {
  try {
    return parsePrivateKeyPem(privPem);
  } catch (e) {
    return fail(`${context}: ${(e as Error).message}`);
  }
}

function field(ca: GoValue, name: string): string {
  const v = ca instanceof GoStruct ? ca.fields[name] : isGoMap(ca) ? getMapKey(ca, name) : undefined;
  return typeof v === 'string' ? v : '';
}

function signedBy(
  env: CertEnv,
  cn: string,
  ips: GoValue,
  dns: GoValue,
  days: number,
  ca: GoValue,
  key: PrivateKey,
): GoStruct {
  const block = decodePem(field(ca, 'Cert'));
  if (!block) return fail('unable to decode certificate');
  try {
    readCertificate(block.der);
  } catch (e) {
    if (e instanceof X509Error) fail(`error parsing certificate: decodedSignerCert.Bytes: ${e.message}`);
    throw e;
  }
  const signer = givenKey(field(ca, 'Key'), 'error parsing private key');
  return issue(env, baseTemplate(env, cn, ips, dns, days, false), key, signer, block.der);
}

export function genCA(env: CertEnv, cn: string, days: number, privPem?: string): GoStruct {
  const key = privPem === undefined ? generatedRsa(env) : givenKey(privPem, 'parsing private key');
  return issue(env, baseTemplate(env, cn, null, null, days, true), key, key);
}

export function genSelfSigned(
  env: CertEnv,
  cn: string,
  ips: GoValue,
  dns: GoValue,
  days: number,
  privPem?: string,
): GoStruct {
  const key = privPem === undefined ? generatedRsa(env) : givenKey(privPem, 'parsing private key');
  return issue(env, baseTemplate(env, cn, ips, dns, days, false), key, key);
}

export function genSigned(
  env: CertEnv,
  cn: string,
  ips: GoValue,
  dns: GoValue,
  days: number,
  ca: GoValue,
  privPem?: string,
): GoStruct {
  const key = privPem === undefined ? generatedRsa(env) : givenKey(privPem, 'parsing private key');
  return signedBy(env, cn, ips, dns, days, ca, key);
}

/** buildCustomCert: a certificate and key given in base64, checked and returned as they are. */
export function buildCustomCert(b64cert: string, b64key: string): GoStruct {
  const cert = decodeBase64(Buffer.from(b64cert, 'utf8'));
  if (!cert.ok) return fail('unable to decode base64 certificate');
  const key = decodeBase64(Buffer.from(b64key, 'utf8'));
  if (!key.ok) return fail('unable to decode base64 private key');
  const certText = Buffer.from(cert.bytes).toString('utf8');
  const keyText = Buffer.from(key.bytes).toString('utf8');
  const block = decodePem(certText);
  if (!block) return fail('unable to decode certificate');
  try {
    readCertificate(block.der);
  } catch (e) {
    if (e instanceof X509Error) fail(`error parsing certificate: decodedCert.Bytes: ${e.message}`);
    throw e;
  }
  givenKey(keyText, 'error parsing private key');
  return certificate(certText, keyText);
}
