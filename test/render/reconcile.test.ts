/**
 * The simulated Flux reconciliation end to end: small repositories rendered with
 * renderRepository, one behaviour of Flux per case.
 */
import { generateX25519Identity } from 'age-encryption';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../../src/core/json.js';
import { IN_CLUSTER_PLACEHOLDER } from '../../src/flux/in-cluster-values.js';
import { loadAgeIdentities, type AgeIdentity } from '../../src/flux/sops/index.js';
import { refKey, type ClusterModel, type KustomizationRecord } from '../../src/render/model.js';
import { renderRepository, type RepositoryRenderOptions } from '../../src/render/render-repository.js';
import { maskDecrypted } from '../../src/report/build-output.js';
import { memoryTree } from '../fixtures/discover/memory-tree.js';
import {
  bootstrapFiles,
  configMap,
  fluxKs,
  gitRepository,
  yamlDocs,
  type Files,
} from '../fixtures/render/repo.js';
import { sopsEncrypt } from '../flux/sops-encryptor.js';

async function renderFiles(files: Files, opts: Partial<RepositoryRenderOptions> = {}) {
  return renderRepository(memoryTree(files), { strict: true, ...opts });
}

/** The one cluster of a repository, failing loudly on repository-level errors. */
async function renderOne(files: Files, opts: Partial<RepositoryRenderOptions> = {}): Promise<ClusterModel> {
  const result = await renderFiles(files, opts);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(result.models).toHaveLength(1);
  return result.models[0] as ClusterModel;
}

/** `dev` bootstrapped by `flux bootstrap`, plus the given files. */
const dev = (files: Files): Files => ({ ...bootstrapFiles('dev'), ...files });

const states = (m: ClusterModel) => m.kustomizations.map((k) => `${refKey(k.ref)}=${k.state}`);

function ks(m: ClusterModel, name: string): KustomizationRecord {
  const found = m.kustomizations.find((k) => k.ref.name === name);
  if (!found) throw new Error(`no Kustomization ${name} in ${states(m).join(', ')}`);
  return found;
}

function field(obj: JsonValue | undefined, ...path: string[]): JsonValue | undefined {
  let cur = obj;
  for (const p of path) cur = isJsonObject(cur) ? cur[p] : undefined;
  return cur;
}

/** The rendered object of a Kustomization by kind/name. */
function object(k: KustomizationRecord, kind: string, name: string): JsonObject {
  const found = k.objects.find((o) => o.obj.kind === kind && field(o.obj, 'metadata', 'name') === name);
  if (!found) throw new Error(`${refKey(k.ref)} renders no ${kind}/${name}`);
  return found.obj;
}

const errors = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === 'error');
const rules = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.severity}:${d.rule}`);

describe('entry point forms, end to end', () => {
  const app = { 'apps/web/cm.yaml': yamlDocs(configMap('web', { greeting: 'hi' }, 'web')) };
  const clusterApps = (path: string) => yamlDocs(fluxKs('apps', path));
  it.each<[string, Files, { name: string; entryPath: string; kustomizations: string[] }]>([
    [
      'bootstrap gotk-sync.yaml',
      { ...bootstrapFiles('dev'), 'clusters/dev/apps.yaml': clusterApps('./apps/web'), ...app },
      {
        name: 'dev',
        entryPath: 'clusters/dev',
        kustomizations: ['flux-system/flux-system=rendered', 'flux-system/apps=rendered'],
      },
    ],
    [
      'clusters/<name>/flux',
      {
        'clusters/infra/flux/kustomization.yaml': yamlDocs({
          apiVersion: 'kustomize.config.k8s.io/v1beta1',
          kind: 'Kustomization',
          resources: ['apps.yaml'],
        }),
        'clusters/infra/flux/apps.yaml': clusterApps('./apps/web'),
        ...app,
      },
      {
        name: 'infra',
        entryPath: 'clusters/infra/flux',
        kustomizations: ['flux-system/flux-system=rendered', 'flux-system/apps=rendered'],
      },
    ],
    [
      'FluxInstance',
      {
        'clusters/prod/config/flux.yaml': yamlDocs({
          apiVersion: 'fluxcd.controlplane.io/v1',
          kind: 'FluxInstance',
          metadata: { name: 'flux', namespace: 'flux-system' },
          spec: {
            distribution: { version: '2.x', registry: 'ghcr.io/fluxcd' },
            sync: {
              name: 'cluster-repository',
              kind: 'GitRepository',
              url: 'https://github.com/example/fleet.git',
              ref: 'refs/heads/main',
              path: 'clusters/prod/config',
            },
          },
        }),
        'clusters/prod/config/apps.yaml': yamlDocs(
          fluxKs('apps', './apps/web', {
            sourceRef: { kind: 'GitRepository', name: 'cluster-repository' },
          }),
        ),
        ...app,
      },
      {
        name: 'prod',
        entryPath: 'clusters/prod/config',
        kustomizations: ['flux-system/cluster-repository=rendered', 'flux-system/apps=rendered'],
      },
    ],
    [
      'flux-instance HelmRelease',
      {
        'kubernetes/apps/flux-system/flux-instance/app/helmrelease.yaml': yamlDocs({
          apiVersion: 'helm.toolkit.fluxcd.io/v2',
          kind: 'HelmRelease',
          metadata: { name: 'flux-instance', namespace: 'flux-system' },
          spec: {
            interval: '1h',
            chartRef: { kind: 'OCIRepository', name: 'flux-instance' },
            values: {
              instance: {
                sync: {
                  kind: 'GitRepository',
                  url: 'https://github.com/example/home-ops',
                  ref: 'refs/heads/main',
                  path: 'kubernetes/flux/cluster',
                },
              },
            },
          },
        }),
        'kubernetes/flux/cluster/ks.yaml': yamlDocs(fluxKs('cluster-apps', './kubernetes/apps')),
      },
      {
        name: 'default',
        entryPath: 'kubernetes/flux/cluster',
        kustomizations: ['flux-system/flux-system=rendered', 'flux-system/cluster-apps=rendered'],
      },
    ],
  ])('%s', async (_form, files, want) => {
    const m = await renderOne(files);
    expect({ name: m.name, entryPath: m.entryPath, kustomizations: states(m) }).toEqual(want);
    expect(errors(m.diagnostics)).toEqual([]);
    const apps = m.kustomizations.at(-1) as KustomizationRecord;
    expect(apps.parent).toEqual(m.kustomizations[0]?.ref);
  });

  it('k8s-ops.yaml: rootKustomization, variables and in-cluster objects', async () => {
    const m = await renderOne({
      'k8s-ops.yaml': [
        'detect: false',
        'clusters:',
        '  - name: lab',
        '    path: clusters/lab',
        '    rootKustomization: { name: lab-root, namespace: flux-system }',
        '    variables: { CLUSTER_NAME: lab }',
        '    objects: [stubs/cluster-secrets.yaml]',
        '',
      ].join('\n'),
      'stubs/cluster-secrets.yaml': yamlDocs({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'cluster-secrets', namespace: 'flux-system' },
        stringData: { TOKEN: 'from-stub' },
      }),
      'clusters/lab/apps.yaml': yamlDocs(
        fluxKs('apps', './apps/web', {
          postBuild: { substituteFrom: [{ kind: 'Secret', name: 'cluster-secrets' }] },
        }),
      ),
      'apps/web/cm.yaml': yamlDocs(
        configMap('web', { cluster: '${CLUSTER_NAME}', token: 'x-${TOKEN}' }, 'web'),
      ),
    });
    expect({ name: m.name, entryPath: m.entryPath, kustomizations: states(m) }).toEqual({
      name: 'lab',
      entryPath: 'clusters/lab',
      kustomizations: ['flux-system/lab-root=rendered', 'flux-system/apps=rendered'],
    });
    expect(object(ks(m, 'apps'), 'ConfigMap', 'web').data).toEqual({ cluster: 'lab', token: 'x-from-stub' });
    expect(ks(m, 'apps').variables).toEqual(['CLUSTER_NAME', 'TOKEN']);
  });
});

describe('dependsOn', () => {
  it('orders kustomizations dependencies first, whatever the declaration order', async () => {
    const m = await renderOne(
      dev({
        'clusters/dev/ks.yaml': yamlDocs(
          fluxKs('c', './apps/c', { dependsOn: [{ name: 'a' }, { name: 'b' }] }),
          fluxKs('b', './apps/b', { dependsOn: [{ name: 'a' }] }),
          fluxKs('a', './apps/a'),
          fluxKs('d', './apps/d'),
        ),
        ...Object.fromEntries(
          ['a', 'b', 'c', 'd'].map((n) => [`apps/${n}/cm.yaml`, yamlDocs(configMap(n, { n }, 'default'))]),
        ),
      }),
    );
    expect(m.kustomizations.map((k) => k.ref.name)).toEqual(['flux-system', 'a', 'b', 'c', 'd']);
    expect(m.edges.map((e) => `${e.from.name}->${e.to.name}`)).toEqual(['b->a', 'c->a', 'c->b']);
  });

  it('fails both members of a cycle (case 44) and renders the others', async () => {
    const m = await renderOne(
      dev({
        'clusters/dev/ks.yaml': yamlDocs(
          fluxKs('a', './apps/a', { dependsOn: [{ name: 'b' }] }),
          fluxKs('b', './apps/b', { dependsOn: [{ name: 'a' }] }),
          fluxKs('c', './apps/c'),
        ),
        'apps/a/cm.yaml': yamlDocs(configMap('a', {}, 'default')),
        'apps/b/cm.yaml': yamlDocs(configMap('b', {}, 'default')),
        'apps/c/cm.yaml': yamlDocs(configMap('c', {}, 'default')),
      }),
    );
    expect(states(m).sort()).toEqual([
      'flux-system/a=failed',
      'flux-system/b=failed',
      'flux-system/c=rendered',
      'flux-system/flux-system=rendered',
    ]);
    const cycle = 'circular dependency detected: flux-system/a -> flux-system/b -> flux-system/a';
    expect([ks(m, 'a').reason, ks(m, 'b').reason]).toEqual([cycle, cycle]);
    expect(rules(m.diagnostics)).toEqual(['error:flux-dependency-cycle', 'error:flux-dependency-cycle']);
  });

  it('fails a Kustomization whose dependency does not exist', async () => {
    const m = await renderOne(
      dev({
        'clusters/dev/ks.yaml': yamlDocs(
          fluxKs('a', './apps/a', { dependsOn: [{ name: 'nope' }, { name: 'c', namespace: 'other' }] }),
          fluxKs('c', './apps/c'),
        ),
        'apps/a/cm.yaml': yamlDocs(configMap('a', {}, 'default')),
        'apps/c/cm.yaml': yamlDocs(configMap('c', {}, 'default')),
      }),
    );
    expect(ks(m, 'a')).toMatchObject({
      state: 'failed',
      reason: "dependency 'flux-system/nope', 'other/c' not found",
      objects: [],
    });
    expect(ks(m, 'c').state).toBe('rendered');
    expect(m.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        rule: 'flux-dependency-missing',
        file: 'clusters/dev/ks.yaml',
        message: "Kustomization flux-system/a: dependency 'flux-system/nope', 'other/c' not found",
      }),
    ]);
  });

  // Flux (kustomize-controller checkDependencies) reports a dependency that exists but never
  // becomes ready as `dependency '<ns/name>' is not ready`. Found in the corpus:
  // monosense-io__k8s-gitops fluent-bit-operator -> observability-victoria-logs -> (missing).
  it('names the dependency of a Kustomization waiting on a failed-to-start one (not ready)', async () => {
    const m = await renderOne(
      dev({
        'clusters/dev/ks.yaml': yamlDocs(
          fluxKs('a', './apps/a', { dependsOn: [{ name: 'nope' }] }),
          fluxKs('b', './apps/b', { dependsOn: [{ name: 'a' }] }),
        ),
        'apps/a/cm.yaml': yamlDocs(configMap('a', {}, 'default')),
        'apps/b/cm.yaml': yamlDocs(configMap('b', {}, 'default')),
      }),
    );
    expect(ks(m, 'b')).toMatchObject({ state: 'failed', reason: "dependency 'flux-system/a' is not ready" });
  });

  // With a cycle elsewhere in the cluster, a Kustomization stuck only on a missing dependency
  // must still say so (today every stuck Kustomization gets the cycle message).
  it('keeps the missing-dependency reason when an unrelated cycle exists', async () => {
    const m = await renderOne(
      dev({
        'clusters/dev/ks.yaml': yamlDocs(
          fluxKs('a', './apps/a', { dependsOn: [{ name: 'b' }] }),
          fluxKs('b', './apps/b', { dependsOn: [{ name: 'a' }] }),
          fluxKs('c', './apps/c', { dependsOn: [{ name: 'nope' }] }),
        ),
        'apps/a/cm.yaml': yamlDocs(configMap('a', {}, 'default')),
        'apps/b/cm.yaml': yamlDocs(configMap('b', {}, 'default')),
        'apps/c/cm.yaml': yamlDocs(configMap('c', {}, 'default')),
      }),
    );
    expect(ks(m, 'a').reason).toMatch(/^circular dependency detected: /);
    expect(ks(m, 'c')).toMatchObject({ state: 'failed', reason: "dependency 'flux-system/nope' not found" });
  });
});

describe('states of a Kustomization', () => {
  it('external sources, suspended Kustomizations and duplicate definitions', async () => {
    const m = await renderOne(
      dev({
        'clusters/dev/sources.yaml': yamlDocs(
          gitRepository('tenant', 'flux-system', 'https://github.com/example/tenant'),
          {
            apiVersion: 'source.toolkit.fluxcd.io/v1',
            kind: 'OCIRepository',
            metadata: { name: 'podinfo', namespace: 'flux-system' },
            spec: {
              interval: '10m',
              url: 'oci://ghcr.io/stefanprodan/manifests/podinfo',
              ref: { tag: 'latest' },
            },
          },
        ),
        'clusters/dev/ks.yaml': yamlDocs(
          fluxKs('tenant', './deploy', { sourceRef: { kind: 'GitRepository', name: 'tenant' } }),
          fluxKs('podinfo', './', { sourceRef: { kind: 'OCIRepository', name: 'podinfo' } }),
          fluxKs('paused', './apps/paused', { suspend: true }),
          fluxKs('infra', './infra'),
        ),
        'apps/paused/cm.yaml': yamlDocs(configMap('paused', {}, 'default')),
        'infra/web.yaml': yamlDocs(fluxKs('paused', './apps/other')),
      }),
    );
    expect(states(m)).toEqual([
      'flux-system/flux-system=rendered',
      'flux-system/tenant=external',
      'flux-system/podinfo=external',
      'flux-system/paused=suspended',
      'flux-system/infra=rendered',
    ]);
    expect(ks(m, 'tenant').reason).toBe('source GitRepository/flux-system/tenant is not this repository');
    expect(ks(m, 'podinfo').reason).toBe('source OCIRepository/flux-system/podinfo is not this repository');
    expect(ks(m, 'paused')).toMatchObject({ objects: [], file: 'clusters/dev/ks.yaml' });
    expect(m.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        rule: 'flux-duplicate-kustomization',
        file: 'infra/web.yaml',
        message:
          'Kustomization flux-system/paused is defined more than once (first in clusters/dev/ks.yaml); the first definition is used',
      }),
    ]);
    expect(m.sources.map((s) => `${s.kind}/${refKey(s.ref)} local=${String(s.local)}`)).toEqual(
      expect.arrayContaining([
        'GitRepository/flux-system/flux-system local=true',
        'GitRepository/flux-system/tenant local=false',
        'OCIRepository/flux-system/podinfo local=false',
      ]),
    );
  });

  it('a failing Kustomization does not stop its siblings', async () => {
    const m = await renderOne(
      dev({
        'clusters/dev/ks.yaml': yamlDocs(
          fluxKs('broken', './apps/missing'),
          fluxKs('bad-yaml', './apps/bad'),
          fluxKs('fine', './apps/fine'),
        ),
        'apps/bad/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: [\n',
        'apps/fine/cm.yaml': yamlDocs(configMap('fine', {}, 'default')),
      }),
    );
    expect(states(m)).toEqual([
      'flux-system/flux-system=rendered',
      'flux-system/broken=failed',
      'flux-system/bad-yaml=failed',
      'flux-system/fine=rendered',
    ]);
    expect(errors(m.diagnostics).map((d) => d.message.split(':')[0])).toEqual([
      'Kustomization flux-system/broken',
      'Kustomization flux-system/bad-yaml',
    ]);
    expect(ks(m, 'broken').reason).toMatch(/not found/);
  });
});

describe('postBuild substitution across Kustomizations', () => {
  it('a parent substitutes the postBuild values and path of the Kustomizations it applies (case 39)', async () => {
    const m = await renderOne(
      dev({
        'clusters/dev/apps.yaml': yamlDocs(
          fluxKs('apps', './apps', {
            postBuild: { substitute: { IMAGE: 'nginx:1.27', CLUSTER: 'dev' } },
          }),
        ),
        'apps/kustomization.yaml': yamlDocs({
          apiVersion: 'kustomize.config.k8s.io/v1beta1',
          kind: 'Kustomization',
          resources: ['child.yaml'],
        }),
        'apps/child.yaml': yamlDocs(
          fluxKs('child', './apps/overlays/${CLUSTER}', {
            postBuild: { substitute: { img: '${IMAGE}', literal: '$${IMAGE}' } },
          }),
        ),
        'apps/overlays/dev/cm.yaml': yamlDocs(configMap('web', { image: '${img}' }, 'web')),
        'apps/overlays/prod/cm.yaml': yamlDocs(configMap('wrong', {}, 'web')),
      }),
    );
    const child = ks(m, 'child');
    expect(field(child.spec, 'spec', 'postBuild', 'substitute')).toEqual({
      img: 'nginx:1.27',
      literal: '${IMAGE}',
    });
    expect(child.path).toBe('apps/overlays/dev');
    expect(object(child, 'ConfigMap', 'web').data).toEqual({ image: 'nginx:1.27' });
    expect(child.parent).toEqual({ namespace: 'flux-system', name: 'apps' });
  });

  it('substituteFrom precedence (case 28) with ConfigMaps rendered by a Kustomization declared later', async () => {
    const m = await renderOne(
      dev({
        // 'a-app.yaml' sorts before 'z-vars.yaml': app is seen first and must wait for vars.
        'clusters/dev/a-app.yaml': yamlDocs(
          fluxKs('app', './apps/app', {
            postBuild: {
              substitute: { b: '3' },
              substituteFrom: [
                { kind: 'ConfigMap', name: 'cm1' },
                { kind: 'ConfigMap', name: 'cm2' },
              ],
            },
          }),
        ),
        'clusters/dev/z-vars.yaml': yamlDocs(fluxKs('vars', './vars')),
        'vars/vars.yaml': yamlDocs(
          configMap('cm1', { a: '1', b: '1' }, 'flux-system'),
          configMap('cm2', { a: '2' }, 'flux-system'),
        ),
        'apps/app/cm.yaml': yamlDocs(configMap('app', { values: 'a=${a},b=${b}' }, 'default')),
      }),
    );
    expect(states(m)).toEqual([
      'flux-system/flux-system=rendered',
      'flux-system/vars=rendered',
      'flux-system/app=rendered',
    ]);
    expect(object(ks(m, 'app'), 'ConfigMap', 'app').data).toEqual({ values: 'a=2,b=3' });
    expect(errors(m.diagnostics)).toEqual([]);
  });

  it('a substituteFrom Secret created by an ExternalSecret renders with placeholders', async () => {
    const m = await renderOne(
      dev({
        'clusters/dev/ks.yaml': yamlDocs(
          fluxKs('app', './apps/app', {
            postBuild: { substituteFrom: [{ kind: 'Secret', name: 'app-vars' }] },
          }),
          fluxKs('secrets', './secrets'),
        ),
        'secrets/es.yaml': yamlDocs({
          apiVersion: 'external-secrets.io/v1',
          kind: 'ExternalSecret',
          metadata: { name: 'app-vars', namespace: 'flux-system' },
          spec: {
            secretStoreRef: { kind: 'ClusterSecretStore', name: 'vault' },
            data: [{ secretKey: 'TOKEN', remoteRef: { key: 'app/token' } }],
          },
        }),
        'apps/app/cm.yaml': yamlDocs(configMap('app', { token: 't-${TOKEN}' }, 'default')),
      }),
    );
    expect(states(m)).toEqual([
      'flux-system/flux-system=rendered',
      'flux-system/secrets=rendered',
      'flux-system/app=rendered',
    ]);
    expect(object(ks(m, 'app'), 'ConfigMap', 'app').data).toEqual({ token: `t-${IN_CLUSTER_PLACEHOLDER}` });
    expect(m.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'info',
        rule: 'flux-in-cluster-variables',
        file: 'clusters/dev/ks.yaml',
        message: expect.stringContaining('created by ExternalSecret flux-system/app-vars') as string,
      }),
    ]);
  });

  it.each<[string, boolean, string[]]>([
    ['strict: an undefined variable fails the Kustomization', true, ['flux-system/app=failed']],
    ['--no-strict: it becomes empty', false, ['flux-system/app=rendered']],
  ])('%s', async (_name, strict, want) => {
    const m = await renderOne(
      dev({
        'clusters/dev/ks.yaml': yamlDocs(
          fluxKs('app', './apps/app', { postBuild: { substitute: { DEFINED: 'set' } } }),
        ),
        'apps/app/cm.yaml': yamlDocs(configMap('app', { v: 'x-${UNDEFINED}', d: '${DEFINED}' }, 'default')),
      }),
      { strict },
    );
    expect(states(m).slice(1)).toEqual(want);
    if (strict) {
      expect(ks(m, 'app').reason).toContain('variable not set (strict mode): "UNDEFINED"');
      expect(rules(m.diagnostics)).toEqual(['error:flux-substitute']);
    } else {
      expect(object(ks(m, 'app'), 'ConfigMap', 'app').data).toEqual({ v: 'x-', d: 'set' });
      expect(errors(m.diagnostics)).toEqual([]);
    }
  });
});

describe('SOPS (cases 47 and 48)', () => {
  let identity: string;
  let ids: AgeIdentity[];
  let files: Files;
  beforeAll(async () => {
    identity = await generateX25519Identity();
    ids = loadAgeIdentities({ SOPS_AGE_KEY: identity });
    const secret = (name: string, stringData: JsonObject) =>
      sopsEncrypt(
        { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: 'flux-system' }, stringData },
        identity,
        { encrypted_regex: '^(data|stringData)$' },
      );
    const plainSecret = await secret('plain', { password: 's3cr3t' });
    const vars = await secret('sops-vars', { DOMAIN: 'example.org' });
    files = dev({
      'clusters/dev/ks.yaml': yamlDocs(
        fluxKs('no-decryption', './secrets/plain'),
        fluxKs('vars', './secrets/vars', {
          decryption: { provider: 'sops', secretRef: { name: 'sops-age' } },
        }),
        fluxKs('app', './apps/app', {
          postBuild: { substituteFrom: [{ kind: 'Secret', name: 'sops-vars' }] },
        }),
      ),
      'secrets/plain/secret.sops.yaml': yamlDocs(plainSecret.doc),
      'secrets/vars/secret.sops.yaml': yamlDocs(vars.doc),
      'apps/app/cm.yaml': yamlDocs(configMap('app', { host: 'web.${DOMAIN}' }, 'default')),
    });
  });

  it('without decryption: diagnostic sops-encrypted-secret, masked values, placeholders', async () => {
    const m = await renderOne(files);
    expect(states(m).slice(1)).toEqual([
      'flux-system/no-decryption=rendered',
      'flux-system/vars=rendered',
      'flux-system/app=rendered',
    ]);
    const plain = ks(m, 'no-decryption').objects[0];
    expect(plain?.masked).toBe(true);
    expect(plain?.obj.stringData).toEqual({ password: '**SOPS**' });
    expect(plain?.obj.sops).toBeUndefined();
    expect(ks(m, 'vars').objects[0]?.obj.stringData).toEqual({ DOMAIN: '**SOPS**' });
    expect(object(ks(m, 'app'), 'ConfigMap', 'app').data).toEqual({ host: `web.${IN_CLUSTER_PLACEHOLDER}` });
    expect(rules(m.diagnostics)).toEqual(['error:sops-encrypted-secret', 'info:flux-in-cluster-variables']);
    expect(m.diagnostics[0]).toMatchObject({
      file: 'secrets/plain/secret.sops.yaml',
      message:
        'Secret/flux-system/plain is SOPS encrypted, configuring decryption is required for this secret to be reconciled',
    });
  });

  it('with --decrypt: Secrets of Kustomizations with spec.decryption are decrypted in memory', async () => {
    const m = await renderOne(files, { decrypt: { identities: ids } });
    const vars = ks(m, 'vars').objects[0];
    expect(vars).toMatchObject({ decrypted: true });
    expect(vars?.obj.stringData).toEqual({ DOMAIN: 'example.org' });
    expect(vars && maskDecrypted(vars, false).stringData).toEqual({ DOMAIN: '**SOPS**' });
    expect(object(ks(m, 'app'), 'ConfigMap', 'app').data).toEqual({ host: 'web.example.org' });
    // No spec.decryption: Flux does not decrypt it, whatever key the user has.
    expect(ks(m, 'no-decryption').objects[0]).toMatchObject({ masked: true });
    expect(rules(m.diagnostics)).toEqual(['error:sops-encrypted-secret']);
  });
});

describe('the cluster as a whole', () => {
  const files = dev({
    'clusters/dev/infra.yaml': yamlDocs(fluxKs('infra', './infra')),
    'infra/kustomization.yaml': yamlDocs({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['ns.yaml', 'apps.yaml'],
    }),
    'infra/ns.yaml': yamlDocs({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'web' } }),
    'infra/apps.yaml': yamlDocs(fluxKs('apps', './apps', { targetNamespace: 'web' })),
    'apps/cm.yaml': yamlDocs(configMap('web', { a: 'b' })),
    'apps/child.yaml': yamlDocs(fluxKs('leaf', './leaf', {}, 'web')),
    'leaf/cm.yaml': yamlDocs(configMap('leaf', {}, 'web')),
  });

  it('every object carries the owner labels of its Kustomization (case 50)', async () => {
    const m = await renderOne(files);
    const owners = m.kustomizations.flatMap((k) =>
      k.objects.map((o) => [
        refKey(k.ref),
        field(o.obj, 'metadata', 'labels', 'kustomize.toolkit.fluxcd.io/namespace'),
        field(o.obj, 'metadata', 'labels', 'kustomize.toolkit.fluxcd.io/name'),
      ]),
    );
    expect(owners.length).toBeGreaterThan(5);
    for (const [key, namespace, name] of owners) expect(`${String(namespace)}/${String(name)}`).toBe(key);
  });

  it('children are rendered after their parents (case 51)', async () => {
    const m = await renderOne(files);
    expect(m.kustomizations.map((k) => `${refKey(k.ref)}<-${k.parent ? refKey(k.parent) : 'root'}`)).toEqual([
      'flux-system/flux-system<-root',
      'flux-system/infra<-flux-system/flux-system',
      'flux-system/apps<-flux-system/infra',
      'web/leaf<-flux-system/apps',
    ]);
    expect(
      ks(m, 'apps').objects.map(
        (o) => `${String(o.obj.kind)}/${String(field(o.obj, 'metadata', 'namespace'))}`,
      ),
    ).toEqual([
      // generated kustomization: files in byte order (child.yaml, cm.yaml), case 2
      'Kustomization/web',
      'ConfigMap/web',
    ]);
  });
});

describe('generated kustomization: Flux decodes every manifest before building', () => {
  const bad = 'apiVersion: v1\nmetadata: {name: x}\n'; // no kind
  const brokenSub = { 'apps/a-sub/kustomization.yaml': 'resources: [missing.yaml]\n' };
  it.each<[string, Files, RegExp]>([
    [
      'an undecodable manifest',
      { 'apps/z.yaml': bad },
      /failed to decode Kubernetes YAML from apps\/z\.yaml/,
    ],
    [
      'an undecodable manifest listed after a sub-kustomization that fails to build',
      { ...brokenSub, 'apps/z.yaml': bad },
      /failed to decode Kubernetes YAML from apps\/z\.yaml/,
    ],
    ['only the sub-kustomization failing', brokenSub, /missing\.yaml/],
  ])('%s', async (_, files, reason) => {
    const m = await renderOne(
      dev({
        'clusters/dev/apps.yaml': yamlDocs(fluxKs('apps', './apps')),
        'apps/cm.yaml': yamlDocs(configMap('web', { greeting: 'hi' }, 'web')),
        ...files,
      }),
    );
    expect(ks(m, 'apps').state).toBe('failed');
    expect(ks(m, 'apps').reason).toMatch(reason);
  });
});
