import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/core/json.js';
import { encryptedSources } from '../../src/flux/decrypt-sources.js';
import { loadAgeIdentities } from '../../src/flux/sops/index.js';
import { renderRepository } from '../../src/render/render-repository.js';
import { maskDecrypted } from '../../src/report/build-output.js';
import { memoryTree } from '../fixtures/discover/memory-tree.js';
import { bootstrapFiles, fluxKs, yamlDocs } from '../fixtures/render/repo.js';
import { PROJECT_ROOT } from '../helpers/shared.js';

/** Real sops 3.8.1 output and its public throwaway key (see the fixture's README). */
const FIXTURE = join(PROJECT_ROOT, 'test/fixtures/sops/sops-age-3.8.1');
const encryptedEnv = readFileSync(join(FIXTURE, 'secret.enc.env'), 'utf8');
const identities = loadAgeIdentities({
  SOPS_AGE_KEY_FILE_CONTENT: readFileSync(join(FIXTURE, 'key.txt'), 'utf8'),
});

const files = (decryption: boolean, field: 'envs' | 'files' = 'envs') => ({
  ...bootstrapFiles('dev'),
  'clusters/dev/app.yaml': yamlDocs(
    fluxKs(
      'app',
      './apps/app',
      decryption ? { decryption: { provider: 'sops', secretRef: { name: 'sops-age' } } } : {},
    ),
  ),
  'apps/app/kustomization.yaml': 'resources: [base]\n',
  'apps/app/base/kustomization.yaml': `namespace: default\nsecretGenerator:\n- name: creds\n  ${field}: [secret.sops.env]\n  options: {disableNameSuffixHash: true}\n`,
  'apps/app/base/secret.sops.env': encryptedEnv,
});

function secretOf(objects: { obj: JsonObject; decrypted?: boolean }[]) {
  const found = objects.find((o) => o.obj.kind === 'Secret');
  if (!found) throw new Error('no Secret rendered');
  return found;
}

describe('SOPS-encrypted secretGenerator files', () => {
  it('finds the encrypted files reachable from the build directory', () => {
    expect(encryptedSources(memoryTree(files(true)), 'apps/app')).toEqual(['apps/app/base/secret.sops.env']);
  });

  it('are decrypted in memory before the build with --decrypt and spec.decryption, and stay masked in output', async () => {
    const result = await renderRepository(memoryTree(files(true)), { strict: true, decrypt: { identities } });
    const app = result.models[0]?.kustomizations.find((k) => k.ref.name === 'app');
    expect(app?.state).toBe('rendered');
    const secret = secretOf(app?.objects ?? []);
    const data = secret.obj.data as Record<string, string>;
    expect(Buffer.from(data.secret ?? '', 'base64').toString()).toBe('this is a secret');
    expect(secret.decrypted).toBe(true);
    const shown = maskDecrypted(secret as never, false).data as Record<string, string>;
    expect(Buffer.from(shown.secret ?? '', 'base64').toString()).toBe('**SOPS**');
  });

  it('without decryption, a whole encrypted file in a Secret is masked as flux build masks it (case 48)', async () => {
    const result = await renderRepository(memoryTree(files(false, 'files')), { strict: true });
    const app = result.models[0]?.kustomizations.find((k) => k.ref.name === 'app');
    const data = secretOf(app?.objects ?? []).obj.data as Record<string, string>;
    expect(data['secret.sops.env']).toBe('KipTT1BTKio=');
  });

  it('with decryption, a whole encrypted file becomes its plaintext', async () => {
    const result = await renderRepository(memoryTree(files(true, 'files')), {
      strict: true,
      decrypt: { identities },
    });
    const app = result.models[0]?.kustomizations.find((k) => k.ref.name === 'app');
    const data = secretOf(app?.objects ?? []).obj.data as Record<string, string>;
    expect(Buffer.from(data['secret.sops.env'] ?? '', 'base64').toString()).toContain(
      'secret=this is a secret',
    );
  });
});
