/**
 * The decryptor against files made by the real sops 3.8.1 (see
 * test/fixtures/sops/sops-age-3.8.1/README.md): values, types and the MAC must match.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isJsonObject } from '../../src/core/json.js';
import { decryptSopsFile, decryptSopsObject, loadAgeIdentities } from '../../src/flux/sops/index.js';
import { parseYamlDocuments } from '../../src/yaml/parse.js';
import { PROJECT_ROOT } from '../helpers/shared.js';

const DIR = join(PROJECT_ROOT, 'test/fixtures/sops/sops-age-3.8.1');
const read = (name: string): string => readFileSync(join(DIR, name), 'utf8');
const identities = loadAgeIdentities({ SOPS_AGE_KEY_FILE_CONTENT: read('key.txt') });

const PLAIN = {
  secret: 'this is a secret',
  string: 'string',
  int: 7,
  float: 3.14,
  boolean: true,
  complex: { value: 'this is a secret', array: ['one', 'two', 'three'] },
};

describe('real sops 3.8.1 fixtures', () => {
  it('decrypts the YAML file parsed by our pipeline parser, MAC verified', async () => {
    const [doc] = parseYamlDocuments(read('secret.enc.yaml'), 'secret.enc.yaml');
    const value = doc?.value;
    if (!isJsonObject(value)) throw new Error('fixture did not parse to an object');
    await expect(decryptSopsObject(value, identities, { file: 'secret.enc.yaml' })).resolves.toEqual(PLAIN);
  });

  it('decrypts the YAML file as a whole SOPS file', async () => {
    const text = await decryptSopsFile(read('secret.enc.yaml'), 'yaml', identities);
    expect(text).toContain('secret: this is a secret');
    expect(text).not.toContain('sops:');
  });

  it('decrypts the JSON file (ints stored as float) and emits it as sops does', async () => {
    const out = await decryptSopsFile(read('secret.enc.json'), 'json', identities);
    expect(JSON.parse(out)).toEqual(PLAIN);
    expect(out.startsWith('{\n\t"secret": "this is a secret",\n')).toBe(true);
  });

  it('decrypts the dotenv file with flattened metadata', async () => {
    const out = await decryptSopsFile(read('secret.enc.env'), 'dotenv', identities);
    expect(out).toBe('secret=this is a secret\nanother_secret=7\n');
  });
});
