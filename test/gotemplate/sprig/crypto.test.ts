import { X509Certificate, createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';

import { children, readElement, readOid } from '../../../src/gotemplate/sprig/asn1.js';
import { bcryptHash } from '../../../src/gotemplate/sprig/bcrypt.js';
import type { CertEnv } from '../../../src/gotemplate/sprig/certificates.js';
import { cryptoFuncs } from '../../../src/gotemplate/sprig/crypto.js';
import { GoCallError, GoInt, GoStruct, type GoValue } from '../../../src/gotemplate/value.js';

const NOW = new Date('2026-12-07T20:49:30.250Z');

function env(seed = 1): CertEnv & { values: string[] } {
  let state = seed;
  const values: string[] = [];
  return {
    random: () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 2 ** 32;
    },
    now: () => new Date(NOW.getTime()),
    volatile: (v) => values.push(v),
    values,
  };
}

const int = (n: number): GoInt => new GoInt('int', BigInt(n));

function call(e: CertEnv, name: string, ...args: GoValue[]): GoValue {
  const f = cryptoFuncs(e)[name];
  if (!f) throw new Error(`no function ${name}`);
  return f.fn(...args);
}

function error(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof GoCallError) return e.message;
    throw e;
  }
  return 'no error';
}

const cert = (v: GoValue): { Cert: string; Key: string } => {
  if (!(v instanceof GoStruct) || v.typeName !== 'sprig.certificate')
    throw new Error('not a sprig.certificate');
  return v.fields as { Cert: string; Key: string };
};

/** The DER tree of a PEM certificate: tags everywhere, contents except where Go's draws differ. */
function shape(pemText: string): unknown {
  const der = Buffer.from(pemText.replace(/-----[^-]+-----|\s/g, ''), 'base64');
  const walk = (content: Uint8Array, path: string): unknown[] =>
    children(content).map((e, i) => {
      const here = `${path}/${i}`;
      if (e.tag & 0x20) return { tag: e.tag, items: walk(e.content, here) };
      if (e.tag === 0x06) return { oid: readOid(e.content) };
      // Serials, times, keys, key ids and signatures come from the random draws and the clock.
      if ([0x02, 0x17, 0x03].includes(e.tag) || (e.tag === 0x04 && e.content.length === 22))
        return { tag: e.tag };
      if (e.tag === 0x04) return { tag: e.tag, value: readableExtension(e.content) };
      return { tag: e.tag, value: Buffer.from(e.content).toString('hex') };
    });
  return walk(readElement(der).raw, '');
}

function readableExtension(content: Uint8Array): string {
  return Buffer.from(content)
    .toString('hex')
    .replace(/^(30..80)14[0-9a-f]{40}$/, '$1<key id>');
}

// Recorded from helm v4.1.4: genCA "my-ca" 365, then genSignedCert "leaf.example"
// (list "10.0.0.1" "::1") (list "a.example" "b.example") 30 with that CA.
const HELM_CA_AND_LEAF = `
-----BEGIN CERTIFICATE-----
MIIDDDCCAfSgAwIBAgIRAL+wK5Lh8JfxaEuJFOv8ZaUwDQYJKoZIhvcNAQELBQAw
EDEOMAwGA1UEAxMFbXktY2EwHhcNMjYxMjA3MjA0OTMwWhcNMjcxMjA3MjA0OTMw
WjAQMQ4wDAYDVQQDEwVteS1jYTCCASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoC
ggEBAMmnPDZw9u8H6Ise6MGMolmAU9yb/qQtp2Xtr0GtogKGdAUv4ON0u6eKyhth
Z2EBW9CfRjtEthqdMHMfL8E+G5tTQ1B9Q9NmMclpPKS4MSB8oyDoiGjuVtwial9+
4sJm91zhy44PR+ySzjgSRz6irMmAaOBUvSQfzW4ZCosYagnzxYd3hdThSdNApiVw
AQBRnWG5N3hAtDp/u0EEzxp2ysG9jFBFawfGT96PVuo4TWvNA4PqlvxkflFFypRR
kmb0USo1FIoRd+dRJVlCx4tcBr+bWIhkI/1OI1QjTFnjS7ZDeXtQJGjrEQRy9IQr
4NfXqFQLYdgTW48Rs5cOvljE528CAwEAAaNhMF8wDgYDVR0PAQH/BAQDAgKkMB0G
A1UdJQQWMBQGCCsGAQUFBwMBBggrBgEFBQcDAjAPBgNVHRMBAf8EBTADAQH/MB0G
A1UdDgQWBBSFxj1wbuV8TsvBfWUllXRRyOyjPjANBgkqhkiG9w0BAQsFAAOCAQEA
T3pdAhTU6dBh6VYNLnAMP7DBQeGtuyxiJcmIbN0MqS40u6dkakMAV1ERRHqFCkd0
ag5X6jsknM8ZRWgNOD7RkeIRxPq7ZLj4QtyJ9WJx+ibdhKIPVbVqRb2HWQG365RZ
f2oBKlaaHS+PB7GV16bAfNkAz2kBW5eZUsB1d5pMbk1lCqiQwIXwYdVwGTpYUFLj
1iWW3jYphz0xuT8Oix4d5SMXUjEl5+YUmXTdmuiJfSRlVOG+cFaqlNTQkI7IgT45
UwDL6RH8Ou80tXzmGH9HsaBP4a20li0MRU3PEVDrxBRSqqMTmpSzfia/e7SvknZh
WqUEe8HpyPzJ16FuvnlXhQ==
-----END CERTIFICATE-----
-----BEGIN CERTIFICATE-----
MIIDTTCCAjWgAwIBAgIRAMU6/dga8PSxU13TOCcw/rMwDQYJKoZIhvcNAQELBQAw
EDEOMAwGA1UEAxMFbXktY2EwHhcNMjYxMjA3MjA0OTMwWhcNMjcwMTA2MjA0OTMw
WjAXMRUwEwYDVQQDEwxsZWFmLmV4YW1wbGUwggEiMA0GCSqGSIb3DQEBAQUAA4IB
DwAwggEKAoIBAQDmfsxbEpRpUrAkZYIP3o7PTBLkGGHjFRZPKJYdimTJoGOclnuO
B/VN736bpZVuHFu+bI8MrjrWmgjyBQ9CmynHyH8z6Am/0K5s7D6O+GbwxUszCHyv
8LKK4eFTjqeQCxAv7wHmPf1iTRdBIqcdgzj1gwbZPHWkgwYlB35HzP+lJoAhPK6B
KfADfyxic066mylVNG5+0iy1te/eMXQgi0SrOsOoU7Vm1Zi7YQgRPXDBeR4PKRPu
5oUFmyPsDOtQBmHg16LI5bd3CK1TZM3f1xoPUuwqgsYxhMRWQes9l3wJeDd1/3tL
8Ur79Dh+lQEZ466/hLOr5d78InKjrIrQaN7VAgMBAAGjgZowgZcwDgYDVR0PAQH/
BAQDAgWgMB0GA1UdJQQWMBQGCCsGAQUFBwMBBggrBgEFBQcDAjAMBgNVHRMBAf8E
AjAAMB8GA1UdIwQYMBaAFIXGPXBu5XxOy8F9ZSWVdFHI7KM+MDcGA1UdEQQwMC6C
CWEuZXhhbXBsZYIJYi5leGFtcGxlhwQKAAABhxAAAAAAAAAAAAAAAAAAAAABMA0G
CSqGSIb3DQEBCwUAA4IBAQC7MW+xF3497KO8qk0G/6Z1CpYdy+SnsWq0kwLvZ0WR
BYHq5DS+YW7nUf/hk7JhidTN/XC1t1nYs2JVFqpco317ezeyKBwaeASt02hMaLV/
WxcPUpYKtZKfn88fHriupc6VwrB7mS84k8dmcSkW75FTmNrjwLeHbZwGcF1lk0Ki
zPs26XuURPxy9zT+MEyDy+FJGSdGedUHHQu5tSIxZWD+WWvX5HCx9rtBxeXdBPn/
klloGmrxD17hcXtHnXK40NykmXIbok5kCbcDXraH3873egOKPt5NJ+YteRh72mUQ
bj/lY62zy6/ocCJPJK4bHrebDL0r/dxVfb+8pdBmovbY
-----END CERTIFICATE-----
`;

describe('certificates', () => {
  it('builds genCA and genSignedCert certificates shaped exactly as helm builds them', () => {
    const e = env();
    const ca = cert(call(e, 'genCA', 'my-ca', int(365)));
    const leaf = cert(
      call(
        e,
        'genSignedCert',
        'leaf.example',
        ['10.0.0.1', '::1'],
        ['a.example', 'b.example'],
        int(30),
        call(env(), 'genCA', 'my-ca', int(365)),
      ),
    );
    const [helmCa, helmLeaf] = HELM_CA_AND_LEAF.split(/(?<=-----END CERTIFICATE-----\n)/);
    expect(shape(ca.Cert)).toEqual(shape(helmCa ?? ''));
    expect(shape(leaf.Cert)).toEqual(shape(helmLeaf ?? ''));
  });

  it('issues a CA and a certificate it signed, with the dates, names and key ids of sprig', () => {
    const e = env(2);
    const caValue = call(e, 'genCA', 'my-ca', int(365));
    const ca = new X509Certificate(cert(caValue).Cert);
    expect(ca.subject).toBe('CN=my-ca');
    expect(ca.ca).toBe(true);
    expect(new Date(ca.validFrom).toISOString()).toBe('2026-12-07T20:49:30.000Z');
    expect(new Date(ca.validTo).toISOString()).toBe('2027-12-07T20:49:30.000Z');
    expect(ca.verify(ca.publicKey)).toBe(true);
    expect(cert(caValue).Key).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
    expect(createPrivateKey(cert(caValue).Key).asymmetricKeyDetails?.modulusLength).toBe(2048);

    const leafValue = call(e, 'genSignedCert', 'leaf', ['10.0.0.1', '::1'], ['a.example'], int(30), caValue);
    const leaf = new X509Certificate(cert(leafValue).Cert);
    expect(leaf.issuer).toBe('CN=my-ca');
    expect(leaf.ca).toBe(false);
    expect(leaf.checkIssued(ca)).toBe(true);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(leaf.subjectAltName).toBe('DNS:a.example, IP Address:10.0.0.1, IP Address:0:0:0:0:0:0:0:1');
    expect(e.values).toEqual([
      cert(caValue).Cert,
      cert(caValue).Key,
      cert(leafValue).Cert,
      cert(leafValue).Key,
    ]);
  });

  it('repeats for the same seed', () => {
    expect(cert(call(env(5), 'genSelfSignedCert', 'x', null, ['x'], int(1))).Cert).toBe(
      cert(call(env(5), 'genSelfSignedCert', 'x', null, ['x'], int(1))).Cert,
    );
  });

  it('signs with a given ECDSA or Ed25519 key, and re-encodes it as sprig does', () => {
    const e = env(3);
    const ecKey = call(e, 'genPrivateKey', 'ecdsa') as string;
    const ca = cert(call(e, 'genCAWithKey', 'x*&é', int(1), ecKey));
    const x = new X509Certificate(ca.Cert);
    expect(x.subject).toBe('CN=x*&é');
    expect(x.verify(x.publicKey)).toBe(true);
    expect(ca.Key).toBe(ecKey);
    // ECDSA signatures use RFC 6979 nonces, so the same seed gives the same certificate.
    expect(cert(call(env(9), 'genCAWithKey', 'x', int(1), ecKey)).Cert).toBe(
      cert(call(env(9), 'genCAWithKey', 'x', int(1), ecKey)).Cert,
    );
    const edKey = call(e, 'genPrivateKey', 'ed25519') as string;
    const self = new X509Certificate(
      cert(call(e, 'genSelfSignedCertWithKey', '', ['::ffff:1.2.3.4'], null, int(1), edKey)).Cert,
    );
    expect(self.subjectAltName).toBe('IP Address:1.2.3.4');
    expect(self.verify(self.publicKey)).toBe(true);
  });

  it('rebuilds a certificate from base64 with buildCustomCert', () => {
    const ca = cert(call(env(4), 'genSelfSignedCert', 'x', null, null, int(1)));
    const b64 = (s: string): string => Buffer.from(s).toString('base64');
    expect(cert(call(env(), 'buildCustomCert', b64(ca.Cert), b64(ca.Key)))).toEqual(ca);
  });

  // helm v4.1.4's errors for the same calls.
  it.each([
    ['genSelfSignedCert', ['x', [int(1)], null, int(1)], 'error parsing ip: 1 is not a string'],
    ['genSelfSignedCert', ['x', ['1.2.3'], null, int(1)], 'error parsing ip: 1.2.3'],
    ['genSelfSignedCert', ['x', ['01.2.3.4'], null, int(1)], 'error parsing ip: 01.2.3.4'],
    [
      'genSelfSignedCert',
      ['x', null, [int(2)], int(1)],
      'error processing alternate dns name: 2 is not a string',
    ],
    ['genCAWithKey', ['x', int(1), 'garbage'], 'parsing private key: no PEM data in input'],
    ['buildCustomCert', ['!!', ''], 'unable to decode base64 certificate'],
    ['buildCustomCert', ['eA==', ''], 'unable to decode certificate'],
  ] as [string, GoValue[], string][])('%s %#', (name, args, want) => {
    expect(error(() => call(env(), name, ...args))).toBe(want);
  });

  it('refuses to sign with a DSA key, as Go does', () => {
    const e = env();
    const dsa = call(e, 'genPrivateKey', 'dsa') as string;
    expect(dsa).toMatch(/^-----BEGIN DSA PRIVATE KEY-----\n/);
    expect(error(() => call(e, 'genCAWithKey', 'x', int(1), dsa))).toBe(
      'error creating certificate: x509: certificate private key does not implement crypto.Signer',
    );
  });
});

describe('private keys', () => {
  it.each([
    ['ecdsa', 'EC PRIVATE KEY', 'ec'],
    ['ed25519', 'PRIVATE KEY', 'ed25519'],
  ])('genPrivateKey %s', (type, header, kind) => {
    const e = env();
    const key = call(e, 'genPrivateKey', type) as string;
    expect(key.startsWith(`-----BEGIN ${header}-----\n`)).toBe(true);
    expect(createPrivateKey(key).asymmetricKeyType).toBe(kind);
    expect(e.values).toEqual([key]);
  });

  it('answers an unknown type as sprig does', () => {
    expect(call(env(), 'genPrivateKey', 'bogus')).toBe('Unknown type bogus');
  });
});

describe('passwords and hashes', () => {
  // helm v4.1.4's answers.
  it.each([
    [1, 'long', 'password', 'user', 'example.com', 'ZedaFaxcZaso9*'],
    [3, 'pin', 'pw', 'é', 's', '0494'],
    [1, 'maximum', 'p', 'u', 's', 't4#xAFSyHw8MyJrJ7#ru'],
    [1, 'nope', 'p', 'u', 's', 'cannot find password template nope'],
  ])('derivePassword %i %s', (counter, type, password, user, site, want) => {
    expect(
      call(env(), 'derivePassword', new GoInt('uint32', BigInt(counter)), type, password, user, site),
    ).toBe(want);
  });

  // Checked against libxcrypt's crypt(3).
  it.each([
    ['', '$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.'],
    ['a', '$2a$06$m0CrhHm10qJ3lXRY.5zDGO3rS2KdeeWLuGmsfGlMfOxih58VYVfxe'],
    ['abc', '$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i'],
    ['abcdefghijklmnopqrstuvwxyz', '$2a$06$.rCVZVOThsIa97pEDOxvGuRRgzG64bvtJ0938xuqzv18d3ZpQhstC'],
    ['été', '$2a$05$CCCCCCCCCCCCCCCCCCCCC.9JqnEJ42xpxVHXRhE1G05t9eSTjVDoS'],
  ])('bcrypt of %j', (password, want) => {
    const salt = bcryptSalt(want.slice(7, 29));
    expect(bcryptHash(new TextEncoder().encode(password), salt, Number(want.slice(4, 6)))).toBe(want);
  });

  it('hashes with bcrypt cost 10 and a seeded salt for bcrypt and htpasswd', () => {
    const e = env();
    const hash = call(e, 'htpasswd', 'user', 'pw') as string;
    expect(hash).toMatch(/^user:\$2a\$10\$[./A-Za-z0-9]{53}$/);
    expect(e.values).toEqual([hash.slice(5)]);
    expect(call(env(), 'htpasswd', 'a:b', 'x')).toBe('invalid username: a:b');
    expect(call(env(), 'bcrypt', 'a'.repeat(73))).toBe(
      'failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes',
    );
  });

  it('decrypts what helm encrypted, and round-trips encryptAES', () => {
    expect(call(env(), 'decryptAES', 'secretkey', 'k1rF+arlBiuuQvwoa19IbX5T9pSbtCHM2JiOxHRbAug=')).toBe(
      'plaintext',
    );
    const e = env();
    const crypt = call(e, 'encryptAES', 'k', 'hello world 1234') as string;
    expect(call(e, 'decryptAES', 'k', crypt)).toBe('hello world 1234');
    expect(e.values).toEqual([crypt]);
    expect(call(e, 'encryptAES', 'k', '')).toBe('');
    expect(call(e, 'decryptAES', 'k', '')).toBe('');
  });

  it.each([
    // Go reports the capacity DecodeString allocated: 3 bytes per 4 input characters.
    ['aGVsbG8=', 'runtime error: slice bounds out of range [:16] with capacity 6'],
    ['!!', 'illegal base64 data at input byte 0'],
    ['MDEyMzQ1Njc4OWFiY2RlZjAxMjM=', 'crypto/cipher: input not full blocks'],
  ])('decryptAES %j fails as helm does', (crypt, want) => {
    expect(error(() => call(env(), 'decryptAES', 'k', crypt))).toBe(want);
  });
});

function bcryptSalt(text: string): Uint8Array {
  const alphabet = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const standard = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const b64 = [...text].map((c) => standard[alphabet.indexOf(c)]).join('');
  return Buffer.from(`${b64}==`, 'base64');
}
