/**
 * bootstrap-values-drift and bootstrap-crd-order on helmfile bootstraps in memory with
 * hand-built cluster models (HelmReleases rendered or not), then on the corpus (strict render,
 * charts not rendered) with the findings pinned.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bootstrapCrdOrder } from '../../src/checks/cluster/bootstrap-crd-order.js';
import { bootstrapValuesDrift, valueDiff } from '../../src/checks/cluster/bootstrap-values-drift.js';
import type { CheckContext, Rule } from '../../src/checks/rule.js';
import type { JsonObject } from '../../src/core/json.js';
import type { ClusterModel, HelmReleaseRecord } from '../../src/render/model.js';
import { renderRepository } from '../../src/render/render-repository.js';
import { scanTree } from '../../src/render/discover/scan.js';
import { memoryTree } from '../../src/tree/overlay-tree.js';
import type { RepoTree } from '../../src/tree/repo-tree.js';
import { openWorktree } from '../../src/tree/worktree.js';
import { CORPUS_DIR, corpusRepos, sharedAvailable } from '../helpers/shared.js';

const yamlFiles = (tree: RepoTree) => scanTree(tree).files.filter((f) => /\.ya?ml$/.test(f));

const crd = (group: string, kind: string): JsonObject => ({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: `${kind.toLowerCase()}s.${group}` },
  spec: { group, names: { kind, plural: `${kind.toLowerCase()}s` } },
});
const obj = (apiVersion: string, kind: string, name: string): JsonObject => ({
  apiVersion,
  kind,
  metadata: { name },
});
const serviceMonitor = obj('monitoring.coreos.com/v1', 'ServiceMonitor', 'sm');
const deployment = obj('apps/v1', 'Deployment', 'd');

interface HrOptions {
  values?: JsonObject;
  version?: string;
  objects?: JsonObject[];
  rendered?: boolean;
}

function hr(name: string, namespace: string, o: HrOptions = {}): HelmReleaseRecord {
  const rendered = o.rendered ?? o.objects !== undefined;
  return {
    ref: { namespace, name },
    file: `apps/${name}/helmrelease.yaml`,
    line: 1,
    state: rendered ? 'rendered' : 'not-rendered',
    owner: { namespace: 'flux-system', name: 'apps' },
    chart: name,
    version: o.version ?? '1.0.0',
    source: 'HelmRepository/flux-system/charts',
    dependsOn: [],
    suspended: false,
    obj: {
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: { name, namespace },
      spec: {
        chart: { spec: { chart: name, version: o.version ?? '1.0.0' } },
        ...(o.values ? { values: o.values } : {}),
      },
    },
    objects: (o.objects ?? []).map((x) => ({ obj: x, file: `apps/${name}/helmrelease.yaml` })),
  };
}

const model = (name: string, helmReleases: HelmReleaseRecord[]): ClusterModel => ({
  name,
  entryPath: `clusters/${name}`,
  kustomizations: [],
  helmReleases,
  sources: [],
  edges: [],
  diagnostics: [],
});

function ctx(files: Record<string, string>, models: ClusterModel[]): CheckContext {
  const tree = memoryTree(files);
  return { tree, yamlFiles: yamlFiles(tree), models, config: undefined, kubernetesVersion: '1.35' };
}

const release = (name: string, namespace: string, extra = ''): string =>
  `  - name: ${name}\n    namespace: ${namespace}\n    chart: charts/${name}\n    version: 1.0.0\n${extra}`;
const crdsPhase = (releases: string): string =>
  `helmDefaults:\n  args: [--include-crds, --no-hooks]\nreleases:\n${releases}`;
const FROM_HR =
  '{{ (fromYaml (readFile (printf "../../apps/%s/helmrelease.yaml" .Release.Name))).spec.values | toYaml }}\n';

interface Case {
  name: string;
  files: Record<string, string>;
  models: ClusterModel[];
  messages: string[];
  at?: string;
}

function runCases(rule: Rule, cases: Case[]): void {
  it('has a failing and a passing fixture', () => {
    expect(cases.some((c) => c.messages.length > 0)).toBe(true);
    expect(cases.some((c) => c.messages.length === 0)).toBe(true);
  });
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const out = rule.check(ctx(c.files, c.models));
    expect(out.map((d) => d.message)).toEqual(c.messages.map((m) => expect.stringContaining(m)));
    for (const d of out) expect([d.rule, d.severity]).toEqual([rule.id, rule.severity]);
    if (c.at) expect(`${out[0]?.file}:${out[0]?.line}`).toBe(c.at);
  });
}

describe('valueDiff', () => {
  it.each<[string, JsonObject, JsonObject, boolean, string[]]>([
    ['equal', { a: { b: 1 } }, { a: { b: 1 } }, false, []],
    ['a nested leaf', { a: { b: 1, c: [1] } }, { a: { b: 2, c: [1] } }, false, ['a.b']],
    ['missing on either side', { a: 1 }, { b: 1 }, false, ['a', 'b']],
    ['one way: only what the bootstrap sets', { a: 1 }, { a: 1, b: 1 }, true, []],
    ['templated leaves are unknown', { a: '__templated__' }, { a: 1 }, false, []],
    ['lists compare whole', { a: [1, 2] }, { a: [2, 1] }, false, ['a']],
  ])('%s', (_name, own, flux, oneWay, expected) => {
    expect(valueDiff(own, flux, oneWay)).toEqual(expected);
  });
});

describe('bootstrap-values-drift', () => {
  runCases(bootstrapValuesDrift, [
    {
      name: 'values read from the HelmRelease: no drift',
      files: {
        'bootstrap/helmfile.d/01-apps.yaml': `releases:\n${release('cilium', 'kube-system', '    values: [../values.yaml.gotmpl]\n')}`,
        'bootstrap/values.yaml.gotmpl': FROM_HR,
      },
      models: [model('prod', [hr('cilium', 'kube-system', { values: { ipam: { mode: 'kubernetes' } } })])],
      messages: [],
    },
    {
      name: 'inline values, version and chart that differ, at the release',
      files: {
        'bootstrap/helmfile.d/01-apps.yaml': `releases:\n${release('other', 'x')}  - name: cilium\n    namespace: kube-system\n    chart: oci://ghcr.io/x/cilium-enterprise\n    version: v1.1.0\n    values:\n      - ipam: {mode: cluster-pool}\n        a: {b: 1, c: 2, d: 3, e: 4}\n`,
      },
      models: [
        model('prod', [
          hr('cilium', 'kube-system', { values: { ipam: { mode: 'kubernetes' }, a: { b: 1 } } }),
        ]),
      ],
      messages: [
        'bootstrap release kube-system/cilium differs from the HelmRelease Flux takes it over with (apps/cilium/helmrelease.yaml): chart cilium-enterprise (Flux: cilium); version v1.1.0 (Flux: 1.0.0); values at a.c, a.d, a.e and 1 more on cluster prod',
      ],
      at: 'bootstrap/helmfile.d/01-apps.yaml:6',
    },
    {
      name: 'a v prefix is the same version; the HelmRelease of another namespace is not the one',
      files: {
        'bootstrap/helmfile.d/01-apps.yaml': `releases:\n  - name: cert-manager\n    namespace: cert-manager\n    chart: jetstack/cert-manager\n    version: 1.0.0\n`,
      },
      models: [
        model('prod', [
          hr('cert-manager', 'cert-manager', { version: 'v1.0.0' }),
          hr('cert-manager', 'other', { version: '9.9.9' }),
        ]),
      ],
      messages: [],
    },
    {
      name: 'set overrides a HelmRelease value, next to the HelmRelease values file',
      files: {
        'bootstrap/helmfile.d/01-apps.yaml': `releases:\n${release('coredns', 'kube-system', '    values: [../values.yaml.gotmpl]\n    set:\n      - name: replicaCount\n        value: 1\n')}`,
        'bootstrap/values.yaml.gotmpl': FROM_HR,
      },
      models: [model('prod', [hr('coredns', 'kube-system', { values: { replicaCount: 2, other: 1 } })])],
      messages: ['values at replicaCount on cluster prod'],
    },
    {
      name: 'a bootstrap directory named after a cluster is checked against that cluster only',
      files: {
        'bootstrap/dev/helmfile.d/01-apps.yaml': `releases:\n${release('coredns', 'kube-system', '    values: [{replicaCount: 1}]\n')}`,
      },
      models: [
        model('dev', [hr('coredns', 'kube-system', { values: { replicaCount: 1 } })]),
        model('prod', [hr('coredns', 'kube-system', { values: { replicaCount: 3 } })]),
      ],
      messages: [],
    },
    {
      name: 'one bootstrap for several clusters names them all',
      files: {
        'bootstrap/helmfile.yaml': `releases:\n${release('coredns', 'kube-system', '    values: [{replicaCount: 1}]\n')}`,
      },
      models: [
        model('dev', [hr('coredns', 'kube-system', { values: { replicaCount: 3 } })]),
        model('prod', [hr('coredns', 'kube-system', { values: { replicaCount: 3 } })]),
      ],
      messages: ['values at replicaCount on clusters dev, prod'],
    },
    {
      name: 'a CRD phase installs no release Flux adopts; a values file it cannot read is unknown',
      files: {
        'bootstrap/helmfile.d/00-crds.yaml': crdsPhase(
          release('cilium', 'kube-system', '    values: [{a: 1}]\n'),
        ),
        'bootstrap/helmfile.d/01-apps.yaml': `releases:\n${release('cilium', 'kube-system', '    values: [../other.yaml.gotmpl]\n')}`,
        'bootstrap/other.yaml.gotmpl': 'a: {{ .Values.a }}\n',
      },
      models: [model('prod', [hr('cilium', 'kube-system', { values: { a: 2 } })])],
      messages: [],
    },
  ]);
});

const TWO_PHASES = {
  'bootstrap/helmfile.d/00-crds.yaml': crdsPhase(release('prometheus-operator-crds', 'observability')),
  'bootstrap/helmfile.d/01-apps.yaml': `releases:\n${release('cilium', 'kube-system')}`,
};

describe('bootstrap-crd-order', () => {
  runCases(bootstrapCrdOrder, [
    {
      name: 'the CRD phase installs the CRD of what a later release applies',
      files: TWO_PHASES,
      models: [
        model('prod', [
          hr('prometheus-operator-crds', 'observability', {
            objects: [crd('monitoring.coreos.com', 'ServiceMonitor')],
          }),
          hr('cilium', 'kube-system', { objects: [deployment, serviceMonitor] }),
        ]),
      ],
      messages: [],
    },
    {
      name: 'no phase installs it: the release, the kind, and where the CRD comes from',
      files: { 'bootstrap/helmfile.d/01-apps.yaml': TWO_PHASES['bootstrap/helmfile.d/01-apps.yaml'] },
      models: [
        model('prod', [
          hr('prometheus-operator-crds', 'observability', {
            objects: [crd('monitoring.coreos.com', 'ServiceMonitor')],
          }),
          hr('cilium', 'kube-system', { objects: [deployment, serviceMonitor] }),
        ]),
      ],
      messages: [
        'bootstrap release kube-system/cilium applies ServiceMonitor (monitoring.coreos.com), whose CRD no earlier phase installs on cluster prod',
      ],
      at: 'bootstrap/helmfile.d/01-apps.yaml:2',
    },
    {
      name: 'a release it needs installs it; one it does not need runs in parallel and does not count',
      files: {
        'bootstrap/helmfile.d/01-apps.yaml': `releases:\n${release('flux-operator', 'flux-system')}${release('flux-instance', 'flux-system', '    needs: [flux-system/flux-operator]\n')}${release('other', 'flux-system')}`,
      },
      models: [
        model('prod', [
          hr('flux-operator', 'flux-system', {
            objects: [crd('fluxcd.controlplane.io', 'FluxInstance'), deployment],
          }),
          hr('flux-instance', 'flux-system', {
            objects: [obj('fluxcd.controlplane.io/v1', 'FluxInstance', 'flux')],
          }),
          hr('other', 'flux-system', { objects: [obj('fluxcd.controlplane.io/v1', 'FluxInstance', 'flux')] }),
        ]),
      ],
      messages: ['bootstrap release flux-system/other applies FluxInstance (fluxcd.controlplane.io)'],
    },
    {
      name: 'a release of unknown chart whose name carries the group counts as installing it',
      files: {
        'bootstrap/helmfile.d/00-crds.yaml': crdsPhase(
          '  - name: cilium-crds-v2\n    namespace: kube-system\n    chart: git::https://github.com/cilium/cilium.git@pkg/k8s/apis/cilium.io/client/crds/v2?ref=v1.18.5\n',
        ),
        'bootstrap/helmfile.d/01-apps.yaml': `releases:\n${release('cilium', 'kube-system')}`,
      },
      models: [
        model('prod', [
          hr('cilium', 'kube-system', { objects: [obj('cilium.io/v2', 'CiliumLoadBalancerIPPool', 'p')] }),
        ]),
      ],
      messages: [],
    },
    {
      name: 'a release whose HelmRelease was not rendered is not checked',
      files: { 'bootstrap/helmfile.d/01-apps.yaml': TWO_PHASES['bootstrap/helmfile.d/01-apps.yaml'] },
      models: [model('prod', [hr('cilium', 'kube-system', { rendered: false })])],
      messages: [],
    },
    {
      name: 'a CRD-only phase is not checked; a release brings its own CRDs',
      files: {
        'bootstrap/helmfile.d/00-crds.yaml': crdsPhase(release('cilium', 'kube-system')),
        'bootstrap/helmfile.d/01-apps.yaml': `releases:\n${release('cert-manager', 'cert-manager')}`,
      },
      models: [
        model('prod', [
          hr('cilium', 'kube-system', { objects: [serviceMonitor] }),
          hr('cert-manager', 'cert-manager', {
            objects: [
              crd('cert-manager.io', 'ClusterIssuer'),
              obj('cert-manager.io/v1', 'ClusterIssuer', 'ca'),
            ],
          }),
        ]),
      ],
      messages: [],
    },
  ]);
});

/** Findings per corpus repository: charts are not rendered, so only drift can show. */
const CORPUS: Record<string, string[]> = {
  'angelnu__k8s-gitops': [],
  'bjw-s-labs__home-ops': [],
  'fluxcd__flux2-monitoring-example': [],
  'fluxcd__flux2-multi-tenancy': [],
  // True finding: the bootstrap installs external-secrets 0.20.3 with CRDs off and its own
  // webhook/certController values; the HelmRelease (OCIRepository tag 0.20.4) sets replicas and
  // metrics instead, so Flux's first reconcile upgrades and reconfigures it. The other bootstrap
  // releases have no HelmRelease in a rendered Kustomization (cert-manager and networking fail).
  'monosense-io__k8s-gitops': [
    'bootstrap-values-drift bootstrap/helmfile.d/01-core.yaml.gotmpl:121 bootstrap release external-secrets/external-secrets differs from the HelmRelease Flux takes it over with (kubernetes/infrastructure/security/external-secrets/app/helmrelease.yaml): version 0.20.3 (Flux: 0.20.4); values at certController, crds, installCRDs and 4 more on cluster infra',
  ],
  'onedr0p__home-ops': [],
};

describe.skipIf(!sharedAvailable())('bootstrap rules over the corpus (strict render)', () => {
  it('covers every corpus repository', () => {
    expect(Object.keys(CORPUS).sort()).toEqual(corpusRepos());
  });

  it.each(Object.keys(CORPUS))('%s', async (repo) => {
    const tree = openWorktree(join(CORPUS_DIR, repo));
    const render = await renderRepository(tree, { strict: true });
    const c: CheckContext = {
      tree,
      yamlFiles: yamlFiles(tree),
      models: render.models,
      config: render.config,
      kubernetesVersion: '1.35',
    };
    const found = [bootstrapValuesDrift, bootstrapCrdOrder].flatMap((r) => r.check(c));
    expect(found.map((d) => `${d.rule} ${d.file}:${d.line} ${d.message}`)).toEqual(CORPUS[repo]);
  });
});
