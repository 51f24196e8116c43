/**
 * alert-source-missing: Alerts and Receivers naming objects the cluster does not have, on
 * hand-built models, then on every corpus repository (strict render) with the count pinned.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alertSourceMissing } from '../../src/checks/cluster/alert-source-missing.js';
import type { CheckContext } from '../../src/checks/rule.js';
import type { JsonObject } from '../../src/core/json.js';
import type { ClusterModel, KustomizationRecord, RenderedObject } from '../../src/render/model.js';
import { renderRepository } from '../../src/render/render-repository.js';
import { memoryTree } from '../../src/tree/overlay-tree.js';
import { openWorktree } from '../../src/tree/worktree.js';
import { CORPUS_DIR, corpusRepos, sharedAvailable } from '../helpers/shared.js';

const obj = (apiVersion: string, kind: string, name: string, namespace: string, spec?: JsonObject) => ({
  apiVersion,
  kind,
  metadata: { name, namespace },
  ...(spec ? { spec } : {}),
});

const alert = (sources: JsonObject[], namespace = 'flux-system'): JsonObject =>
  obj('notification.toolkit.fluxcd.io/v1beta3', 'Alert', 'alert', namespace, {
    providerRef: { name: 'slack' },
    eventSources: sources,
  });

const receiver = (resources: JsonObject[]): JsonObject =>
  obj('notification.toolkit.fluxcd.io/v1', 'Receiver', 'hook', 'flux-system', {
    type: 'github',
    resources,
  });

const ksRecord = (name: string, objects: JsonObject[], file = `${name}/all.yaml`): KustomizationRecord => ({
  ref: { namespace: 'flux-system', name },
  ...(name === 'flux-system' ? {} : { parent: { namespace: 'flux-system', name: 'flux-system' } }),
  file: `clusters/${name}.yaml`,
  line: 1,
  state: 'rendered',
  source: 'GitRepository/flux-system/flux-system',
  dependsOn: [],
  objects: objects.map((o, i): RenderedObject => ({ obj: o, file, line: 1 + i * 100 })),
  variables: [],
  spec: obj('kustomize.toolkit.fluxcd.io/v1', 'Kustomization', name, 'flux-system'),
});

function model(objects: JsonObject[], name = 'prod'): ClusterModel {
  const kss = [ksRecord('flux-system', []), ksRecord('apps', objects), ksRecord('infra', [])];
  return {
    name,
    entryPath: 'clusters',
    kustomizations: kss,
    helmReleases: [],
    sources: [],
    edges: [],
    diagnostics: [],
  };
}

const ctx = (models: ClusterModel[], files: Record<string, string> = {}): CheckContext => ({
  tree: memoryTree(files),
  yamlFiles: Object.keys(files),
  models,
  config: undefined,
  kubernetesVersion: '1.35',
});

const helmRepo = obj('source.toolkit.fluxcd.io/v1', 'HelmRepository', 'charts', 'flux-system');
const hr = obj('helm.toolkit.fluxcd.io/v2', 'HelmRelease', 'podinfo', 'web', {
  chart: {
    spec: {
      chart: 'podinfo',
      sourceRef: { kind: 'HelmRepository', name: 'charts', namespace: 'flux-system' },
    },
  },
});

interface Case {
  name: string;
  objects: JsonObject[];
  messages: string[];
}

const CASES: Case[] = [
  {
    name: 'a Kustomization that exists, in the Alert namespace by default',
    objects: [alert([{ kind: 'Kustomization', name: 'apps' }])],
    messages: [],
  },
  {
    name: 'a misspelt Kustomization, with the closest name',
    objects: [alert([{ kind: 'Kustomization', name: 'app' }])],
    messages: [
      'Alert flux-system/alert names Kustomization flux-system/app, which does not exist (closest Kustomization in flux-system: apps) on cluster prod',
    ],
  },
  {
    name: 'the namespace defaults to the Alert namespace, not flux-system',
    objects: [alert([{ kind: 'Kustomization', name: 'apps' }], 'monitoring')],
    messages: [
      'names Kustomization monitoring/apps, which does not exist (no Kustomization in namespace monitoring; closest elsewhere: flux-system/apps)',
    ],
  },
  {
    name: "name '*' and matchLabels are not references to one object",
    objects: [
      alert([
        { kind: 'HelmRelease', name: '*' },
        { kind: 'GitRepository', name: '*', matchLabels: { a: 'b' } },
      ]),
    ],
    messages: [],
  },
  {
    name: 'a kind the cluster has none of',
    objects: [alert([{ kind: 'OCIRepository', name: 'manifests' }])],
    messages: [
      'names OCIRepository flux-system/manifests, which does not exist (the cluster has no OCIRepository at all)',
    ],
  },
  {
    name: 'a HelmRelease and the HelmChart helm-controller creates for it',
    objects: [
      helmRepo,
      hr,
      alert([
        { kind: 'HelmRelease', name: 'podinfo', namespace: 'web' },
        { kind: 'HelmChart', name: 'web-podinfo' },
        { kind: 'HelmRepository', name: 'charts' },
      ]),
    ],
    messages: [],
  },
  {
    name: 'a Receiver resource naming a GitRepository that is not there',
    objects: [
      receiver([{ apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'GitRepository', name: 'other-repo' }]),
    ],
    messages: ['Receiver flux-system/hook names GitRepository flux-system/other-repo, which does not exist'],
  },
  {
    name: 'a ResourceSet generates exact names, and any name where templated',
    objects: [
      obj('fluxcd.controlplane.io/v1', 'ResourceSet', 'apps', 'flux-system', {
        resources: [
          {
            apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
            kind: 'Kustomization',
            metadata: { name: 'tenant' },
          },
          {
            apiVersion: 'source.toolkit.fluxcd.io/v1',
            kind: 'OCIRepository',
            metadata: { name: 'app-<< inputs.name >>' },
          },
        ],
      }),
      alert([
        { kind: 'Kustomization', name: 'tenant' },
        { kind: 'OCIRepository', name: 'app-web' },
        { kind: 'Kustomization', name: 'tenant-web' },
      ]),
    ],
    messages: [
      'names Kustomization flux-system/tenant-web, which does not exist (closest Kustomization in flux-system: tenant)',
    ],
  },
  {
    name: 'an Alert of another API group is not a Flux Alert',
    objects: [{ ...alert([{ kind: 'Kustomization', name: 'nope' }]), apiVersion: 'example.com/v1' }],
    messages: [],
  },
];

describe('alert-source-missing', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const m = model(c.objects);
    // The HelmRelease record the render would make for the fixture's HelmRelease.
    if (c.objects.includes(hr)) {
      m.helmReleases.push({
        ref: { namespace: 'web', name: 'podinfo' },
        file: 'apps/all.yaml',
        state: 'not-rendered',
        owner: { namespace: 'flux-system', name: 'apps' },
        chart: 'podinfo',
        source: 'HelmRepository/flux-system/charts',
        dependsOn: [],
        suspended: false,
        obj: hr,
        objects: [],
      });
    }
    const out = alertSourceMissing.check(ctx([m]));
    expect(out.map((d) => d.message)).toEqual(c.messages.map((s) => expect.stringContaining(s)));
    for (const d of out) expect([d.rule, d.severity]).toEqual(['alert-source-missing', 'warning']);
  });

  it('points at the eventSources entry and merges clusters sharing the file', () => {
    const text = [
      'apiVersion: notification.toolkit.fluxcd.io/v1beta3',
      'kind: Alert',
      'metadata:',
      '  name: alert',
      '  namespace: flux-system',
      'spec:',
      '  eventSources:',
      '    - kind: Kustomization',
      '      name: apps',
      '    - kind: Kustomization',
      '      name: missing',
      '',
    ].join('\n');
    const a = alert([
      { kind: 'Kustomization', name: 'apps' },
      { kind: 'Kustomization', name: 'missing' },
    ]);
    const out = alertSourceMissing.check(
      ctx([model([a], 'prod'), model([a], 'dev')], { 'apps/all.yaml': text }),
    );
    expect(out.map((d) => [d.file, d.line])).toEqual([['apps/all.yaml', 10]]);
    expect(out[0]?.message).toContain('on clusters prod, dev');
  });

  it('counts objects only a rendered HelmRelease creates', () => {
    const m = model([alert([{ kind: 'Kustomization', name: 'from-chart' }])]);
    m.helmReleases.push({
      ref: { namespace: 'flux-system', name: 'flux-instance' },
      file: 'x.yaml',
      state: 'rendered',
      owner: { namespace: 'flux-system', name: 'apps' },
      chart: 'flux-instance',
      source: 'OCIRepository/flux-system/flux-instance',
      dependsOn: [],
      suspended: false,
      obj: obj('helm.toolkit.fluxcd.io/v2', 'HelmRelease', 'flux-instance', 'flux-system', {}),
      objects: [
        {
          obj: obj('kustomize.toolkit.fluxcd.io/v1', 'Kustomization', 'from-chart', 'flux-system'),
          file: 'x.yaml',
        },
      ],
    });
    expect(alertSourceMissing.check(ctx([m]))).toEqual([]);
  });
});

/** Findings per corpus repository; each was looked at (docs/corpus.md). */
const CORPUS: Record<string, string[]> = {
  // The Alert still names the Kustomizations of an older layout: settings, operators,
  // infrastructure and apps are gone, and the root is cluster-repository (the FluxInstance's
  // sync.name), not flux-system. True findings: the commit statuses of those never post.
  'angelnu__k8s-gitops': [
    'apps/flux-system/notifications/github_alert.yaml:12 Alert flux-system/cluster names Kustomization flux-system/settings, which does not exist (closest Kustomization in flux-system: searxng) on clusters prod, test',
    'apps/flux-system/notifications/github_alert.yaml:15 Alert flux-system/cluster names Kustomization flux-system/flux-system, which does not exist (closest Kustomization in flux-system: longhorn-system) on clusters prod, test',
    'apps/flux-system/notifications/github_alert.yaml:18 Alert flux-system/cluster names Kustomization flux-system/operators, which does not exist (closest Kustomization in flux-system: openebs) on clusters prod, test',
    'apps/flux-system/notifications/github_alert.yaml:21 Alert flux-system/cluster names Kustomization flux-system/infrastructure, which does not exist (closest Kustomization in flux-system: ingress-nginx) on clusters prod, test',
    'apps/flux-system/notifications/github_alert.yaml:24 Alert flux-system/cluster names Kustomization flux-system/apps, which does not exist (closest Kustomization in flux-system: gatus) on clusters prod, test',
  ],
  'bjw-s-labs__home-ops': [],
  'fluxcd__flux2-monitoring-example': [],
  'fluxcd__flux2-multi-tenancy': [],
  'monosense-io__k8s-gitops': [],
  'onedr0p__home-ops': [],
};

describe.skipIf(!sharedAvailable())('alert-source-missing over the corpus (strict render)', () => {
  it('covers every corpus repository', () => {
    expect(Object.keys(CORPUS).sort()).toEqual(corpusRepos());
  });

  it.each(Object.keys(CORPUS))('%s', async (repo) => {
    const tree = openWorktree(join(CORPUS_DIR, repo));
    const render = await renderRepository(tree, { strict: true });
    const found = alertSourceMissing.check({ ...ctx(render.models), tree, config: render.config });
    expect(found.map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual(CORPUS[repo] ?? []);
  });
});
