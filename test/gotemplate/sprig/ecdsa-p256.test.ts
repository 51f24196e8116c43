import { createECDH, createPrivateKey, createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';

import { children, readElement } from '../../../src/gotemplate/sprig/asn1.js';
import { signP256 } from '../../../src/gotemplate/sprig/ecdsa-p256.js';

function p256Key(dHex: string) {
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(Buffer.from(dHex, 'hex'));
  const pub = ecdh.getPublicKey();
  const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64url');
  return createPrivateKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      d: b64(Buffer.from(dHex, 'hex')),
      x: b64(pub.subarray(1, 33)),
      y: b64(pub.subarray(33)),
    },
    format: 'jwk',
  });
}

describe('deterministic ECDSA P-256', () => {
  // RFC 6979, A.2.5: P-256 with SHA-256, message "sample".
  it('gives the RFC 6979 signature', () => {
    const key = p256Key('c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721');
    const der = signP256(Buffer.from('sample'), key);
    const [r, s] = children(readElement(der).content).map((e) =>
      Buffer.from(e.content).toString('hex').replace(/^00/, ''),
    );
    expect(r).toBe('efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716');
    expect(s).toBe('f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8');
    expect(verify('sha256', Buffer.from('sample'), createPublicKey(key), der)).toBe(true);
  });
});
