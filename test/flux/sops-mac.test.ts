/**
 * The SOPS MAC of rendered Secrets. kustomize-controller never checks it (decryptor.go:
 * `checkSopsMac` is off and no option sets it), so a tampered MAC or a clear-text field changed
 * after encryption still renders, as Flux applies it; the file as written is checked and a
 * mismatch is a `sops-mac-mismatch` warning. Legitimate kustomize changes (namespace, labels)
 * are made after the file and never warn.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateX25519Identity } from 'age-encryption';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { JsonObject } from '../../src/core/json.js';
import {
  decryptSopsObject,
  loadAgeIdentities,
  MAC_MISMATCH_RULE,
  sourceMacProblem,
  type AgeIdentity,
  type MacProblem,
} from '../../src/flux/sops/index.js';
import { renderRepository } from '../../src/render/render-repository.js';
import { memoryTree } from '../fixtures/discover/memory-tree.js';
import { bootstrapFiles, fluxKs, yamlDocs } from '../fixtures/render/repo.js';
import { PROJECT_ROOT } from '../helpers/shared.js';
import { encValue, sopsEncrypt } from './sops-encryptor.js';

const SECRET: JsonObject = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'db', namespace: 'apps' },
  stringData: { password: 's3cr3t' },
};
const RULES = { encrypted_regex: '^(data|stringData)$' };
const LASTMODIFIED = '2025-01-02T03:04:05Z';

let key: string;
let ids: AgeIdentity[];
let doc: JsonObject;
let dataKey: Uint8Array;
beforeAll(async () => {
  key = await generateX25519Identity();
  ids = loadAgeIdentities({ SOPS_AGE_KEY: key });
  ({ doc, dataKey } = await sopsEncrypt(SECRET, key, RULES));
});

type Tamper = (d: JsonObject) => JsonObject;
const sopsOf = (d: JsonObject) => d.sops as JsonObject;
const TAMPER: Record<string, Tamper> = {
  untouched: (d) => d,
  'a forged sops.mac': (d) => ({
    ...d,
    sops: { ...sopsOf(d), mac: encValue('0'.repeat(128), 'str', dataKey, LASTMODIFIED) },
  }),
  'metadata.name changed after encryption': (d) => ({
    ...d,
    metadata: { ...(d.metadata as JsonObject), name: 'other' },
  }),
  'a clear-text field added after encryption': (d) => ({ ...d, type: 'kubernetes.io/tls' }),
  'sops.lastmodified changed': (d) => ({
    ...d,
    sops: { ...sopsOf(d), lastmodified: '2030-01-01T00:00:00Z' },
  }),
};

/** A cluster whose Kustomization decrypts `secret.sops.yaml`; `kustomization` adds kustomize changes. */
function repo(file: JsonObject, kustomization = 'resources: [secret.sops.yaml]\n') {
  return memoryTree({
    ...bootstrapFiles('dev'),
    'clusters/dev/app.yaml': yamlDocs(
      fluxKs('app', './app', { decryption: { provider: 'sops', secretRef: { name: 'sops-age' } } }),
    ),
    'app/kustomization.yaml': kustomization,
    // Written in the order sops hashed it: the MAC covers the values in file order.
    'app/secret.sops.yaml': stringify(file),
  });
}

async function renderApp(file: JsonObject, kustomization?: string) {
  const result = await renderRepository(repo(file, kustomization), {
    strict: true,
    decrypt: { identities: ids },
  });
  const model = result.models[0];
  const app = model?.kustomizations.find((k) => k.ref.name === 'app');
  const warnings = (model?.diagnostics ?? []).filter((d) => d.rule === MAC_MISMATCH_RULE);
  return { app, warnings };
}

describe('the MAC of a SOPS Secret, as Flux treats it', () => {
  it.each(Object.entries(TAMPER))('%s: rendered and decrypted as Flux would', async (name, tamper) => {
    const { app, warnings } = await renderApp(tamper(doc));
    expect(app?.state).toBe('rendered');
    const secret = app?.objects.find((o) => o.obj.kind === 'Secret');
    expect(secret?.decrypted).toBe(true);
    expect((secret?.obj.stringData as JsonObject).password).toBe('s3cr3t');
    if (name === 'untouched') {
      expect(warnings).toEqual([]);
    } else {
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({ severity: 'warning', file: 'app/secret.sops.yaml', line: 1 });
      expect(warnings[0]?.message).toContain('does not check the MAC and applies it anyway');
    }
  });

  it('kustomize setting the namespace and labels after the file is not a mismatch', async () => {
    const kustomization = 'namespace: elsewhere\ncommonLabels: {team: a}\nresources: [secret.sops.yaml]\n';
    const { app, warnings } = await renderApp(doc, kustomization);
    const secret = app?.objects.find((o) => o.obj.kind === 'Secret');
    expect((secret?.obj.metadata as JsonObject).namespace).toBe('elsewhere');
    expect(warnings).toEqual([]);
  });

  it('values reordered after encryption are a mismatch, as sops says', async () => {
    const { stringData, ...rest } = doc;
    expect(await sourceMacProblem(stringify({ stringData, ...rest }), ids)).toBeDefined();
    expect(await sourceMacProblem(stringify(doc), ids)).toBeUndefined();
  });
});

describe('onMacMismatch reports instead of failing', () => {
  it('decryptSopsObject hands the problem over and returns the plaintext', async () => {
    const problems: MacProblem[] = [];
    const out = await decryptSopsObject(
      TAMPER['a forged sops.mac']?.(doc) ?? {},
      ids,
      {},
      {
        onMacMismatch: (p) => problems.push(p),
      },
    );
    expect((out.stringData as JsonObject).password).toBe('s3cr3t');
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('MAC mismatch')]);
  });

  it('without it, a mismatch still fails as sops --decrypt does', async () => {
    await expect(decryptSopsObject(TAMPER['a forged sops.mac']?.(doc) ?? {}, ids)).rejects.toThrow(
      'MAC mismatch',
    );
  });
});

describe('SOPS files a secretGenerator reads', () => {
  const FIXTURE = join(PROJECT_ROOT, 'test/fixtures/sops/sops-age-3.8.1');
  const fixtureIds = loadAgeIdentities({
    SOPS_AGE_KEY_FILE_CONTENT: readFileSync(join(FIXTURE, 'key.txt'), 'utf8'),
  });
  const env = readFileSync(join(FIXTURE, 'secret.enc.env'), 'utf8');

  it.each([
    ['untouched', env, 0],
    [
      'with a changed sops_lastmodified',
      env.replace(/^sops_lastmodified=.*$/m, 'sops_lastmodified=2030-01-01T00:00:00Z'),
      1,
    ],
  ])('%s: decrypted before the build, a mismatch warned about', async (_name, text, count) => {
    const tree = memoryTree({
      ...bootstrapFiles('dev'),
      'clusters/dev/app.yaml': yamlDocs(
        fluxKs('app', './app', { decryption: { provider: 'sops', secretRef: { name: 'sops-age' } } }),
      ),
      'app/kustomization.yaml':
        'secretGenerator:\n- name: creds\n  envs: [secret.sops.env]\n  options: {disableNameSuffixHash: true}\n',
      'app/secret.sops.env': text,
    });
    const result = await renderRepository(tree, { strict: true, decrypt: { identities: fixtureIds } });
    const model = result.models[0];
    const app = model?.kustomizations.find((k) => k.ref.name === 'app');
    expect(app?.state).toBe('rendered');
    const warnings = (model?.diagnostics ?? []).filter((d) => d.rule === MAC_MISMATCH_RULE);
    expect(warnings).toHaveLength(count);
    if (count) expect(warnings[0]?.file).toBe('app/secret.sops.env');
  });
});
