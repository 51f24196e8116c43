import { createHash } from 'node:crypto';
import { generateX25519Identity } from 'age-encryption';
import { beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import type { JsonObject } from '../../src/core/json.js';
import { decryptSopsObject, loadAgeIdentities, type AgeIdentity } from '../../src/flux/sops/index.js';
import { encValue, sopsEncrypt, type EncryptRules } from './sops-encryptor.js';

const SECRET: JsonObject = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'db', namespace: 'apps', labels: { tier: 'db' } },
  type: 'Opaque',
  stringData: { password: 's3cr3t', port: 5432, ratio: 0.25, enabled: true, empty: '' },
  data: { token: 'dG9rZW4=' },
};

let key: string;
let ids: AgeIdentity[];
beforeAll(async () => {
  key = await generateX25519Identity();
  ids = loadAgeIdentities({ SOPS_AGE_KEY: key });
});

async function rejection(p: Promise<unknown>): Promise<DiagnosticError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof DiagnosticError)) throw new Error(`expected a DiagnosticError, got ${String(err)}`);
  return err;
}

describe('decryptSopsObject round trip (test encryptor)', () => {
  const cases: [string, EncryptRules][] = [
    ['default _unencrypted suffix (everything encrypted)', {}],
    ['encrypted_regex ^(data|stringData)$ (the Flux convention)', { encrypted_regex: '^(data|stringData)$' }],
    [
      'unencrypted_regex ^(apiVersion|kind|metadata|type)$',
      { unencrypted_regex: '^(apiVersion|kind|metadata|type)$' },
    ],
    ['encrypted_suffix', { encrypted_suffix: 'Data' }],
    [
      'mac_only_encrypted with encrypted_regex',
      { encrypted_regex: '^stringData$', mac_only_encrypted: true },
    ],
  ];
  it.each(cases)('%s', async (_name, rules) => {
    const { doc } = await sopsEncrypt(SECRET, key, rules);
    await expect(decryptSopsObject(doc, ids)).resolves.toEqual(SECRET);
  });

  it('uses the path with a trailing colon as additional data, without list indices', async () => {
    const { doc, dataKey } = await sopsEncrypt({ a: 'x' }, key);
    const sops = doc.sops as JsonObject;
    const plain = { list: ['one', 'two'], data: { password: 'pw' } };
    // Same data key, values encrypted by hand with sops's AAD rule.
    const hand = {
      list: [encValue('one', 'str', dataKey, 'list:'), encValue('two', 'str', dataKey, 'list:')],
      data: { password: encValue('pw', 'str', dataKey, 'data:password:') },
      sops: { ...sops },
    };
    const hash = createHash('sha512').update('one').update('two').update('pw');
    (hand.sops as JsonObject).mac = encValue(
      hash.digest('hex').toUpperCase(),
      'str',
      dataKey,
      '2025-01-02T03:04:05Z',
    );
    await expect(decryptSopsObject(hand, ids)).resolves.toEqual(plain);
  });
});

describe('tampering and wrong keys fail clearly', () => {
  it('a changed ciphertext fails GCM authentication', async () => {
    const { doc } = await sopsEncrypt(SECRET, key);
    const sd = doc.stringData as JsonObject;
    sd.password = String(sd.password).replace(/data:(.)/, (_m, c: string) => `data:${c === 'A' ? 'B' : 'A'}`);
    const err = await rejection(decryptSopsObject(doc, ids, { file: 'secret.yaml' }));
    expect(err.diagnostic).toMatchObject({ rule: 'sops-decrypt', file: 'secret.yaml' });
    expect(err.message).toContain('could not decrypt value at stringData.password');
  });

  it('a value moved to another key fails (path is authenticated)', async () => {
    const { doc } = await sopsEncrypt(SECRET, key);
    const sd = doc.stringData as JsonObject;
    [sd.password, sd.port] = [sd.port ?? null, sd.password ?? null];
    expect((await rejection(decryptSopsObject(doc, ids))).message).toContain('could not decrypt value');
  });

  it('a changed unencrypted value fails the MAC check', async () => {
    const { doc } = await sopsEncrypt(SECRET, key, { encrypted_regex: '^(data|stringData)$' });
    (doc.metadata as JsonObject).name = 'other';
    const err = await rejection(decryptSopsObject(doc, ids));
    expect(err.message).toContain('MAC mismatch');
  });

  it('swapped list items fail the MAC check', async () => {
    const { doc } = await sopsEncrypt({ list: ['one', 'two', 'three'] }, key);
    const list = doc.list as string[];
    [list[0], list[1]] = [list[1] as string, list[0] as string];
    expect((await rejection(decryptSopsObject(doc, ids))).message).toContain('MAC mismatch');
  });

  it('a changed plaintext MAC fails', async () => {
    const { doc, dataKey } = await sopsEncrypt(SECRET, key);
    (doc.sops as JsonObject).mac = encValue('0'.repeat(128), 'str', dataKey, '2025-01-02T03:04:05Z');
    expect((await rejection(decryptSopsObject(doc, ids))).message).toContain('MAC mismatch');
  });

  it('a changed lastmodified makes the stored MAC undecryptable', async () => {
    const { doc } = await sopsEncrypt(SECRET, key);
    (doc.sops as JsonObject).lastmodified = '2025-01-02T03:04:06Z';
    expect((await rejection(decryptSopsObject(doc, ids))).message).toContain(
      'failed to verify sops data integrity',
    );
  });

  it('verifyMac: false reproduces the controller (no MAC check)', async () => {
    const { doc } = await sopsEncrypt(SECRET, key, { encrypted_regex: '^(data|stringData)$' });
    (doc.metadata as JsonObject).labels = { added: 'by-kustomize' };
    const out = await decryptSopsObject(doc, ids, {}, { verifyMac: false });
    expect(out.stringData).toEqual(SECRET.stringData);
  });

  it('a wrong key names the recipients', async () => {
    const { doc } = await sopsEncrypt(SECRET, key);
    const other = loadAgeIdentities({ SOPS_AGE_KEY: await generateX25519Identity() });
    const err = await rejection(decryptSopsObject(doc, other, { subject: 'Secret/apps/db' }));
    expect(err.message).toMatch(/^Secret\/apps\/db: cannot get sops data key: none of the 1 age identities/);
    expect(err.message).toContain('age1');
  });

  it('no identities at all', async () => {
    const { doc } = await sopsEncrypt(SECRET, key);
    expect((await rejection(decryptSopsObject(doc, []))).diagnostic.hint).toContain('SOPS_AGE_KEY');
  });

  it('a value that should be encrypted but is plain', async () => {
    const { doc } = await sopsEncrypt(SECRET, key);
    (doc.stringData as JsonObject).password = 'plain';
    expect((await rejection(decryptSopsObject(doc, ids))).message).toContain(
      "does not match sops' data format",
    );
  });

  it('pgp-only files say so', async () => {
    const doc: JsonObject = {
      a: 'x',
      sops: { pgp: [{ fp: 'ABC', enc: '...' }], mac: 'ENC[x]', lastmodified: 'x' },
    };
    expect((await rejection(decryptSopsObject(doc, ids))).message).toContain('encrypted for pgp');
  });
});

describe('loadAgeIdentities', () => {
  it('reads both sources, skipping comments and blank lines', async () => {
    const other = await generateX25519Identity();
    const file = `# created: now\n# public key: age1...\n\n${other}\n`;
    const got = loadAgeIdentities({ SOPS_AGE_KEY: key, SOPS_AGE_KEY_FILE_CONTENT: file });
    expect(got.map((i) => i.secretKey)).toEqual([key, other]);
    expect(got[1]?.source).toBe('SOPS_AGE_KEY_FILE line 4');
  });

  it('rejects a line that is not a key', () => {
    expect(() => loadAgeIdentities({ SOPS_AGE_KEY_FILE_CONTENT: 'age1notasecret' })).toThrow(
      /SOPS_AGE_KEY_FILE line 1 is not an age identity/,
    );
  });
});
