/** Go formatting that the MAC and the JSON store depend on, and masking of a real corpus Secret. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isJsonObject } from '../../src/core/json.js';
import { maskSopsSecret } from '../../src/flux/sops/index.js';
import { formatGoFloat } from '../../src/flux/sops/go-format.js';
import { goJsonString } from '../../src/flux/sops/go-json.js';
import { macAdditionalData } from '../../src/flux/sops/metadata.js';
import { parseYamlDocuments } from '../../src/yaml/parse.js';
import { CORPUS_DIR, sharedAvailable } from '../helpers/shared.js';

describe('formatGoFloat = strconv.FormatFloat(f, f, -1, 64)', () => {
  const table: [number, string][] = [
    [7, '7'],
    [3.14, '3.14'],
    [0.1, '0.1'],
    [1e21, '1000000000000000000000'],
    [1.5e-7, '0.00000015'],
    [-2.5, '-2.5'],
    [0, '0'],
  ];
  it.each(table)('%d', (n, s) => expect(formatGoFloat(n)).toBe(s));
});

describe('goJsonString = json.Marshal(string)', () => {
  const table: [string, string][] = [
    ['a"b\\c', '"a\\"b\\\\c"'],
    ['<&>', '"\\u003c\\u0026\\u003e"'],
    ['line\nnext\t\u0001', '"line\\nnext\\t\\u0001"'],
  ];
  it.each(table)('%j', (s, out) => expect(goJsonString(s)).toBe(out));
});

describe('macAdditionalData = time.Format(RFC3339)', () => {
  const table: [string, string][] = [
    ['2024-03-25T22:08:10Z', '2024-03-25T22:08:10Z'],
    ['2024-03-25T22:08:10.123456Z', '2024-03-25T22:08:10Z'],
    ['2024-03-25T22:08:10+00:00', '2024-03-25T22:08:10Z'],
    ['2024-03-25T22:08:10+02:00', '2024-03-25T22:08:10+02:00'],
  ];
  it.each(table)('%s', (s, out) => expect(macAdditionalData(s)).toBe(out));
});

const CORPUS_SECRET = join(CORPUS_DIR, 'angelnu__k8s-gitops/components/postgresql/secret.sops.yaml');

describe.skipIf(!sharedAvailable() || !existsSync(CORPUS_SECRET))('real SOPS Secret from the corpus', () => {
  it('flux build masking removes sops and masks every value', () => {
    const docs = parseYamlDocuments(readFileSync(CORPUS_SECRET, 'utf8'), 'secret.sops.yaml');
    const secrets = docs.map((d) => d.value).filter(isJsonObject);
    expect(secrets.length).toBeGreaterThan(0);
    for (const s of secrets) {
      const masked = maskSopsSecret(s);
      expect(masked.sops).toBeUndefined();
      const values = [
        ...Object.values(isJsonObject(masked.data) ? masked.data : {}),
        ...Object.values(isJsonObject(masked.stringData) ? masked.stringData : {}),
      ];
      expect(values.length).toBeGreaterThan(0);
      for (const v of values)
        expect(['**SOPS**', 'KipTT1BTKio=', 'eyJtYXNrIjoiKipTT1BTKioifQ==']).toContain(v);
    }
  });
});
