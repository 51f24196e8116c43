/**
 * HelmReleases rendered inside the cluster render, with an in-memory chart service: states,
 * values from the cluster, CRD and hook policies, post-renderers, capabilities, chart sources,
 * and the diagnostics a failure leaves.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../../src/core/json.js';
import { IN_CLUSTER_PLACEHOLDER } from '../../src/flux/in-cluster-values.js';
import type { ClusterModel, HelmReleaseRecord } from '../../src/render/model.js';
import { renderRepository } from '../../src/render/render-repository.js';
import { memoryTree } from '../fixtures/discover/memory-tree.js';
import { bootstrapFiles, configMap, yamlDocs, type Files } from '../fixtures/render/repo.js';
import {
  chartArchive,
  DEMO_CHART,
  demoChart,
  helmRelease,
  helmRepository,
  memoryService,
  resolved,
  type MemoryService,
} from './helm-release-fixtures.js';

const REPO = 'https://charts.example.com';
const demo = resolved('demo', '1.0.0', chartArchive('demo', DEMO_CHART));
const cached = { [`${REPO} demo@1.0.0`]: demo };

async function renderWith(
  objects: JsonObject[],
  service: MemoryService | undefined,
  extra: Files = {},
): Promise<ClusterModel> {
  const files: Files = {
    ...bootstrapFiles('dev'),
    'clusters/dev/apps.yaml': yamlDocs(helmRepository('charts', REPO), ...objects),
    ...extra,
  };
  const secrets = new Set<string>();
  const result = await renderRepository(memoryTree(files), {
    strict: true,
    secrets,
    ...(service ? { helm: service } : {}),
  });
  expect(result.models).toHaveLength(1);
  return result.models[0]!;
}

function hr(m: ClusterModel, name: string): HelmReleaseRecord {
  const found = m.helmReleases.find((h) => h.ref.name === name);
  if (!found) throw new Error(`no HelmRelease ${name}`);
  return found;
}

function field(obj: JsonValue | undefined, ...path: string[]): JsonValue | undefined {
  let cur = obj;
  for (const p of path) cur = isJsonObject(cur) ? cur[p] : undefined;
  return cur;
}

const ids = (r: HelmReleaseRecord) =>
  r.objects.map((o) => `${String(o.obj.kind)}/${String(field(o.obj, 'metadata', 'name'))}`);
const obj = (r: HelmReleaseRecord, kind: string, name: string): JsonObject => {
  const found = r.objects.find((o) => o.obj.kind === kind && field(o.obj, 'metadata', 'name') === name);
  if (!found) throw new Error(`no ${kind}/${name} in ${ids(r).join(', ')}`);
  return found.obj;
};
const byRule = (ds: readonly Diagnostic[], rule: string) => ds.filter((d) => d.rule === rule);

describe('HelmReleases without a chart service', () => {
  it('are listed, not rendered, as before', async () => {
    const m = await renderWith([helmRelease('web', 'apps', { chart: demoChart() })], undefined);
    expect(hr(m, 'web')).toMatchObject({
      state: 'not-rendered',
      objects: [],
      file: 'clusters/dev/apps.yaml',
    });
  });
});

describe('a HelmRelease rendered as helm-controller installs it', () => {
  const values = configMap(
    'web-values',
    { 'values.yaml': 'greeting: from-configmap\nimage: nginx:2.0\n' },
    'apps',
  );
  const release = helmRelease('web', 'apps', {
    chart: demoChart(),
    targetNamespace: 'prod',
    valuesFrom: [{ kind: 'ConfigMap', name: 'web-values' }],
    values: { greeting: 'inline' },
  });

  it('renders the chart with Flux values, release name and namespace; CRDs first; test hooks left out', async () => {
    const service = memoryService(cached);
    const m = await renderWith([values, release], service);
    const r = hr(m, 'web');
    expect(m.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.state).toBe('rendered');
    expect(r).toMatchObject({
      chartName: 'demo',
      chartVersion: '1.0.0',
      values: { greeting: 'inline', image: 'nginx:2.0' },
    });
    expect(ids(r)).toEqual([
      'CustomResourceDefinition/widgets.example.com',
      'ConfigMap/prod-web-cm',
      'Deployment/prod-web',
      'Job/prod-web-migrate',
    ]);
    const cm = obj(r, 'ConfigMap', 'prod-web-cm');
    expect(field(cm, 'data')).toMatchObject({ greeting: 'inline', namespace: 'prod' });
    // helm template leaves namespaces out; Flux installs them into the target namespace.
    expect(field(cm, 'metadata', 'namespace')).toBeUndefined();
    expect(r.objects.every((o) => o.file === 'clusters/dev/apps.yaml')).toBe(true);
    expect(r.objects[1]?.template).toBe('demo/templates/cm.yaml');
  });

  it('puts the origin labels on every object, hooks included (strategy combined), CRDs too', async () => {
    const m = await renderWith([values, release], memoryService(cached));
    for (const o of hr(m, 'web').objects) {
      expect(field(o.obj, 'metadata', 'labels'), String(o.obj.kind)).toMatchObject({
        'helm.toolkit.fluxcd.io/name': 'web',
        'helm.toolkit.fluxcd.io/namespace': 'apps',
      });
    }
  });

  it.each<[string, JsonObject, string[]]>([
    [
      'install.crds Skip drops crds/',
      { install: { crds: 'Skip' } },
      ['ConfigMap/prod-web-cm', 'Deployment/prod-web', 'Job/prod-web-migrate'],
    ],
    [
      'install.disableHooks drops hooks',
      { install: { disableHooks: true } },
      ['CustomResourceDefinition/widgets.example.com', 'ConfigMap/prod-web-cm', 'Deployment/prod-web'],
    ],
    [
      'test.enable keeps test hooks',
      { test: { enable: true } },
      [
        'CustomResourceDefinition/widgets.example.com',
        'ConfigMap/prod-web-cm',
        'Deployment/prod-web',
        'Pod/prod-web-test',
        'Job/prod-web-migrate',
      ],
    ],
  ])('%s', async (_name, spec, expected) => {
    const m = await renderWith(
      [values, { ...release, spec: { ...(release.spec as JsonObject), ...spec } }],
      memoryService(cached),
    );
    expect(ids(hr(m, 'web'))).toEqual(expected);
  });

  it('asks for every chart of the cluster in one call, each once', async () => {
    const service = memoryService(cached);
    await renderWith(
      [helmRelease('a', 'apps', { chart: demoChart() }), helmRelease('b', 'apps', { chart: demoChart() })],
      service,
    );
    expect(service.calls).toHaveLength(1);
    expect(service.calls[0]).toEqual([
      { kind: 'helm-repository', url: REPO, chart: 'demo', version: '1.0.0' },
    ]);
  });
});

describe('post-renderers and commonMetadata', () => {
  const spec = {
    chart: demoChart(),
    commonMetadata: {
      labels: { team: 'web', 'helm.toolkit.fluxcd.io/name': 'overridden' },
      annotations: { owner: 'ops' },
    },
    postRenderers: [
      {
        kustomize: {
          patches: [
            {
              target: { kind: 'Deployment' },
              patch: '- op: add\n  path: /spec/replicas\n  value: 3\n',
            },
          ],
          images: [{ name: 'nginx', newName: 'registry.example.com/nginx', newTag: '9.9' }],
        },
      },
    ],
  };

  it('patches and images go through kustomize, then commonMetadata, then origin labels win', async () => {
    const m = await renderWith([helmRelease('web', 'apps', spec)], memoryService(cached));
    const r = hr(m, 'web');
    expect(r.state).toBe('rendered');
    const deploy = obj(r, 'Deployment', 'web');
    expect(field(deploy, 'spec', 'replicas')).toBe(3);
    expect(JSON.stringify(deploy)).toContain('registry.example.com/nginx:9.9');
    expect(field(deploy, 'metadata', 'labels')).toEqual({
      team: 'web',
      'helm.toolkit.fluxcd.io/name': 'web',
      'helm.toolkit.fluxcd.io/namespace': 'apps',
    });
    expect(field(deploy, 'metadata', 'annotations')).toEqual({ owner: 'ops' });
    // CRDs get the origin labels only.
    expect(
      field(obj(r, 'CustomResourceDefinition', 'widgets.example.com'), 'metadata', 'annotations'),
    ).toBeUndefined();
  });

  it('postRenderStrategy nohooks leaves hooks as helm rendered them', async () => {
    const m = await renderWith(
      [helmRelease('web', 'apps', { ...spec, postRenderStrategy: 'nohooks' })],
      memoryService(cached),
    );
    expect(field(obj(hr(m, 'web'), 'Job', 'web-migrate'), 'metadata', 'labels')).toBeUndefined();
  });

  it('a patch kustomize refuses fails the release with the reason', async () => {
    const bad = { ...spec, postRenderers: [{ kustomize: { patches: [{ patch: 'not: [a patch' }] } }] };
    const m = await renderWith([helmRelease('web', 'apps', bad)], memoryService(cached));
    expect(hr(m, 'web').state).toBe('failed');
    expect(byRule(m.diagnostics, 'helm-render-failed')[0]?.message).toContain(
      'post-renderer kustomize failed',
    );
  });
});

describe('failures and states', () => {
  it.each<[string, JsonObject, string, string, string]>([
    [
      'a chart that is not cached',
      { chart: demoChart('2.0.0') },
      'chart-unavailable',
      'helm-chart-unavailable',
      'not in the chart cache',
    ],
    [
      'a template that fails',
      { chart: demoChart(), values: { boom: true } },
      'failed',
      'helm-render-failed',
      'boom was set',
    ],
    [
      'values the schema rejects',
      { chart: demoChart(), values: { greeting: 5 } },
      'failed',
      'helm-values-schema',
      'greeting',
    ],
    [
      'a missing valuesFrom ConfigMap',
      { chart: demoChart(), valuesFrom: [{ kind: 'ConfigMap', name: 'nope' }] },
      'failed',
      'helm-render-failed',
      'resource not found',
    ],
    [
      'a source that does not exist',
      { chart: { spec: { chart: 'demo', sourceRef: { kind: 'HelmRepository', name: 'missing' } } } },
      'failed',
      'helm-render-failed',
      "HelmRepository 'apps/missing' not found",
    ],
  ])('%s', async (_name, spec, state, rule, text) => {
    const m = await renderWith([helmRelease('web', 'apps', spec)], memoryService(cached));
    const r = hr(m, 'web');
    expect(r.state).toBe(state);
    expect(r.objects).toEqual([]);
    const d = byRule(m.diagnostics, rule)[0];
    expect(d).toMatchObject({ severity: 'error', file: 'clusters/dev/apps.yaml' });
    expect(d?.line).toBeGreaterThan(1);
    expect(`${d?.message} ${r.reason}`).toContain(text);
  });

  it('a suspended release is not rendered', async () => {
    const m = await renderWith(
      [helmRelease('web', 'apps', { chart: demoChart(), suspend: true })],
      memoryService(cached),
    );
    expect(hr(m, 'web').state).toBe('suspended');
  });

  it('a release for a remote cluster (kubeConfig) is reported, not merged', async () => {
    const spec = { chart: demoChart(), kubeConfig: { secretRef: { name: 'remote' } } };
    const m = await renderWith([helmRelease('web', 'apps', spec)], memoryService(cached));
    expect(hr(m, 'web')).toMatchObject({ state: 'not-rendered', objects: [] });
    expect(byRule(m.diagnostics, 'helm-remote-cluster')).toHaveLength(1);
  });
});

describe('values from Secrets', () => {
  const secret = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'web-secret', namespace: 'apps' },
    stringData: { 'values.yaml': 'greeting: top-secret-value\n' },
  };
  const external = {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata: { name: 'web-ext', namespace: 'apps' },
    spec: { target: { name: 'web-ext' }, data: [{ secretKey: 'password', remoteRef: { key: 'x' } }] },
  };

  it('records what a Secret gives as secret text', async () => {
    const files: Files = {
      ...bootstrapFiles('dev'),
      'clusters/dev/apps.yaml': yamlDocs(
        helmRepository('charts', REPO),
        secret,
        helmRelease('web', 'apps', {
          chart: demoChart(),
          valuesFrom: [{ kind: 'Secret', name: 'web-secret' }],
        }),
      ),
    };
    const secrets = new Set<string>();
    const result = await renderRepository(memoryTree(files), {
      strict: true,
      secrets,
      helm: memoryService(cached),
    });
    expect(hr(result.models[0]!, 'web').state).toBe('rendered');
    expect(secrets.has('top-secret-value')).toBe(true);
  });

  it('a Secret that exists only in the cluster renders with placeholders and no schema check', async () => {
    const spec = {
      chart: demoChart(),
      valuesFrom: [{ kind: 'Secret', name: 'web-ext', valuesKey: 'password', targetPath: 'greeting' }],
    };
    const service = memoryService(cached);
    const m = await renderWith([external, helmRelease('web', 'apps', spec)], service);
    expect(hr(m, 'web').state).toBe('rendered');
    expect(field(obj(hr(m, 'web'), 'ConfigMap', 'web-cm'), 'data', 'greeting')).toBe(IN_CLUSTER_PLACEHOLDER);
    expect(byRule(m.diagnostics, 'helm-values-placeholder')[0]?.message).toContain(
      'ExternalSecret apps/web-ext',
    );
    expect(service.renders[0]?.options.skipSchemaValidation).toBe(true);
  });
});

describe('capabilities', () => {
  const crd = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'widgets.example.com' },
    spec: {
      group: 'example.com',
      names: { kind: 'Widget', plural: 'widgets' },
      scope: 'Namespaced',
      versions: [{ name: 'v1', served: true, storage: true }],
    },
  };
  const noCrds = { install: { crds: 'Skip' } };

  it('include the CRDs the cluster renders', async () => {
    const without = await renderWith(
      [helmRelease('web', 'apps', { chart: demoChart(), ...noCrds })],
      memoryService(cached),
    );
    expect(field(obj(hr(without, 'web'), 'ConfigMap', 'web-cm'), 'data', 'widgets')).toBe('false');
    const withCrd = await renderWith(
      [crd, helmRelease('web', 'apps', { chart: demoChart(), ...noCrds })],
      memoryService(cached),
    );
    expect(field(obj(hr(withCrd, 'web'), 'ConfigMap', 'web-cm'), 'data', 'widgets')).toBe('true');
  });

  it('include CRDs of HelmReleases rendered before, in dependsOn order', async () => {
    const first = helmRelease('first', 'apps', {
      chart: demoChart(),
      ...noCrds,
      dependsOn: [{ name: 'crds' }],
    });
    const crds = helmRelease('crds', 'apps', { chart: demoChart() });
    const m = await renderWith([first, crds], memoryService(cached));
    expect(field(obj(hr(m, 'first'), 'ConfigMap', 'first-cm'), 'data', 'widgets')).toBe('true');
  });

  it('use the service kube version', async () => {
    const service = memoryService(cached, '1.31.2');
    await renderWith([helmRelease('web', 'apps', { chart: demoChart() })], service);
    expect(service.renders[0]?.options.kubeVersion).toBe('1.31.2');
  });
});

describe('chart sources', () => {
  const oci = (ref: JsonObject): JsonObject => ({
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'OCIRepository',
    metadata: { name: 'demo', namespace: 'apps' },
    spec: {
      interval: '1h',
      url: 'oci://ghcr.io/example/demo',
      ref,
      layerSelector: { mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip', operation: 'copy' },
    },
  });
  const viaRef = helmRelease('web', 'apps', { chartRef: { kind: 'OCIRepository', name: 'demo' } });
  const ociKey =
    'oci://ghcr.io/example/demo:1.0.0 layer application/vnd.cncf.helm.chart.content.v1.tar+gzip copy';

  it('an OCIRepository chart gets the manifest digest in its version, as helm-controller does', async () => {
    const chart = resolved(
      'demo',
      '1.0.0',
      chartArchive('demo', DEMO_CHART),
      `sha256:${'abcdef0123456789'.repeat(4)}`,
    );
    const m = await renderWith([oci({ tag: '1.0.0' }), viaRef], memoryService({ [ociKey]: chart }));
    const r = hr(m, 'web');
    expect(r.chartVersion).toBe('1.0.0+abcdef012345');
    expect(field(obj(r, 'ConfigMap', 'web-cm'), 'metadata', 'labels', 'helm.sh/chart')).toBe(
      'demo-1.0.0_abcdef012345',
    );
  });

  it('without the digest it renders the plain version and says so', async () => {
    const chart = resolved('demo', '1.0.0', chartArchive('demo', DEMO_CHART));
    const m = await renderWith([oci({ tag: '1.0.0' }), viaRef], memoryService({ [ociKey]: chart }));
    expect(hr(m, 'web').chartVersion).toBe('1.0.0');
    expect(byRule(m.diagnostics, 'helm-chart-digest-unknown')).toMatchObject([{ severity: 'info' }]);
  });

  it('a chart folder of this repository is read from the tree', async () => {
    const files = Object.fromEntries(Object.entries(DEMO_CHART).map(([k, v]) => [`charts/demo/${k}`, v]));
    const spec = {
      chart: {
        spec: {
          chart: './charts/demo',
          sourceRef: { kind: 'GitRepository', name: 'flux-system', namespace: 'flux-system' },
        },
      },
    };
    const m = await renderWith([helmRelease('web', 'apps', spec)], memoryService({}), files);
    expect(hr(m, 'web')).toMatchObject({ state: 'rendered', chartName: 'demo', chartVersion: '1.0.0' });
  });

  it('a chart in another Git repository is unavailable', async () => {
    const other = {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      metadata: { name: 'other', namespace: 'apps' },
      spec: { interval: '1h', url: 'https://example.com/other.git', ref: { branch: 'main' } },
    };
    const spec = {
      chart: { spec: { chart: './chart', sourceRef: { kind: 'GitRepository', name: 'other' } } },
    };
    const m = await renderWith([other, helmRelease('web', 'apps', spec)], memoryService({}));
    expect(hr(m, 'web').state).toBe('chart-unavailable');
    expect(hr(m, 'web').reason).toContain('not this repository');
  });
});
