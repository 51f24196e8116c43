/** `flux build` masking (case 48) and the controller guard (case 47). */
import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import type { JsonObject } from '../../src/core/json.js';
import {
  isSopsEncrypted,
  maskSopsSecret,
  sopsNotDecryptedError,
  SOPS_MASK_BASE64,
} from '../../src/flux/sops/index.js';
import { decodeGoBase64 } from '../../src/flux/sops/go-base64.js';

const SOPS_BLOCK: JsonObject = {
  age: [{ recipient: 'age1xyz', enc: '-----BEGIN AGE ENCRYPTED FILE-----\n...\n' }],
  lastmodified: '2024-03-25T22:08:10Z',
  mac: 'ENC[AES256_GCM,data:abc,iv:def,tag:ghi,type:str]',
  version: '3.8.1',
};
const ENC = 'ENC[AES256_GCM,data:abc,iv:def,tag:ghi,type:str]';
const meta = { name: 's', namespace: 'ns' };
const b64 = (s: string): string => Buffer.from(s).toString('base64');
// A sops-encrypted .env file embedded by a secretGenerator.
const ENV_FILE = `token=${ENC}\nsops_mac=${ENC}\nsops_version=3.8.1\n`;

const cases: [string, JsonObject, JsonObject][] = [
  [
    'whole-object SOPS with stringData: sops removed, values **SOPS**',
    { apiVersion: 'v1', kind: 'Secret', metadata: meta, stringData: { a: ENC, b: ENC }, sops: SOPS_BLOCK },
    { apiVersion: 'v1', kind: 'Secret', metadata: meta, stringData: { a: '**SOPS**', b: '**SOPS**' } },
  ],
  [
    'whole-object SOPS with data: values base64 of **SOPS**',
    { apiVersion: 'v1', kind: 'Secret', metadata: meta, data: { a: ENC }, sops: SOPS_BLOCK },
    { apiVersion: 'v1', kind: 'Secret', metadata: meta, data: { a: 'KipTT1BTKio=' } },
  ],
  [
    'whole-object dockerconfigjson: data and stringData get the JSON mask',
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: meta,
      type: 'kubernetes.io/dockerconfigjson',
      data: { '.dockerconfigjson': ENC },
      stringData: { extra: ENC },
      sops: SOPS_BLOCK,
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: meta,
      type: 'kubernetes.io/dockerconfigjson',
      data: { '.dockerconfigjson': 'eyJtYXNrIjoiKipTT1BTKioifQ==' },
      stringData: { extra: '{"mask":"**SOPS**"}' },
    },
  ],
  [
    'secretGenerator file encrypted with SOPS: that data value masked',
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: meta,
      data: { 'token.env': b64(ENV_FILE), plain: b64('x') },
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: meta,
      data: { 'token.env': 'KipTT1BTKio=', plain: b64('x') },
    },
  ],
  [
    'stringData value embedding SOPS: masked with the base64 form (Flux quirk)',
    { apiVersion: 'v1', kind: 'Secret', metadata: meta, stringData: { f: ENV_FILE, g: 'plain' } },
    { apiVersion: 'v1', kind: 'Secret', metadata: meta, stringData: { f: 'KipTT1BTKio=', g: 'plain' } },
  ],
  [
    'plain Secret unchanged',
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: meta,
      type: 'Opaque',
      data: { a: b64('x') },
      stringData: { b: 'y' },
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: meta,
      type: 'Opaque',
      data: { a: b64('x') },
      stringData: { b: 'y' },
    },
  ],
  [
    'plain Secret: an empty data map is dropped, as kyaml SetDataMap does',
    { apiVersion: 'v1', kind: 'Secret', metadata: meta, data: {} },
    { apiVersion: 'v1', kind: 'Secret', metadata: meta },
  ],
  [
    'non-Secret with a sops block is untouched',
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta, data: { a: ENC }, sops: SOPS_BLOCK },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta, data: { a: ENC }, sops: SOPS_BLOCK },
  ],
];

describe('maskSopsSecret', () => {
  it.each(cases)('%s', (_name, input, expected) => {
    expect(maskSopsSecret(input)).toEqual(expected);
  });

  it('SOPS_MASK_BASE64 is base64 of **SOPS**', () => {
    expect(SOPS_MASK_BASE64).toBe('KipTT1BTKio=');
  });

  it('invalid base64 in data is an error with Go’s offset', () => {
    const bad: JsonObject = { apiVersion: 'v1', kind: 'Secret', metadata: meta, data: { a: 'not base64!' } };
    let err: unknown;
    try {
      maskSopsSecret(bad, { file: 'secret.yaml', line: 3 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DiagnosticError);
    expect((err as DiagnosticError).diagnostic).toMatchObject({
      rule: 'sops-mask',
      file: 'secret.yaml',
      line: 3,
      message: 'failed to mask secret s sops data: illegal base64 data at input byte 3 (data.a)',
    });
  });
});

describe('decodeGoBase64 (Go StdEncoding rules)', () => {
  const table: [string, string | number][] = [
    ['', ''],
    ['eA==', 'x'],
    ['eHk=', 'xy'],
    ['eHl6', 'xyz'],
    ['eHl6\neA==\r\n', 'xyzx'],
    ['eA', 0],
    ['eA=', 3],
    ['e===', 1],
    ['eA==eA==', 4],
    ['eA==\nx', 5],
    ['eH*6', 2],
  ];
  it.each(table)('%j', (input, expected) => {
    const got = decodeGoBase64(input);
    if (typeof expected === 'string') expect(got).toEqual({ ok: true, bytes: Buffer.from(expected) });
    else expect(got).toEqual({ ok: false, offset: expected });
  });
});

describe('isSopsEncrypted / sopsNotDecryptedError (case 47)', () => {
  const secret = (extra: JsonObject): JsonObject => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: meta,
    ...extra,
  });
  const table: [string, JsonObject, boolean][] = [
    ['v1 Secret with sops', secret({ sops: SOPS_BLOCK }), true],
    ['plain Secret', secret({}), false],
    ['ConfigMap with sops', { apiVersion: 'v1', kind: 'ConfigMap', sops: SOPS_BLOCK }, false],
    [
      'decrypt: disabled',
      secret({
        metadata: { ...meta, annotations: { 'kustomize.toolkit.fluxcd.io/decrypt': 'Disabled' } },
        sops: SOPS_BLOCK,
      }),
      false,
    ],
  ];
  it.each(table)('%s', (_n, obj, expected) => expect(isSopsEncrypted(obj)).toBe(expected));

  it('message names Secret/ns/name (namespace left out when empty)', () => {
    expect(sopsNotDecryptedError(secret({})).message).toBe(
      'Secret/ns/s is SOPS encrypted, configuring decryption is required for this secret to be reconciled',
    );
    expect(sopsNotDecryptedError({ kind: 'Secret', metadata: { name: 'x' } }).diagnostic).toMatchObject({
      rule: 'sops-encrypted-secret',
      message: expect.stringMatching(/^Secret\/x is SOPS/) as unknown as string,
    });
  });
});
