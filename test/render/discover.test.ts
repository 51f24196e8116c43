import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/render/config.js';
import { discoverClusters, type ClusterEntry, type SourceMapping } from '../../src/render/discover/index.js';
import { clusterName, fluxPath } from '../../src/render/discover/paths.js';
import { openWorktree } from '../../src/tree/worktree.js';
import { memoryTree } from '../fixtures/discover/memory-tree.js';
import { PROJECT_ROOT } from '../helpers/shared.js';

const FIXTURES = join(PROJECT_ROOT, 'test/fixtures/discover');

function discoverFixture(name: string) {
  const tree = openWorktree(join(FIXTURES, name));
  const loaded = loadConfig(tree);
  expect(loaded.diagnostics).toEqual([]);
  return discoverClusters(tree, loaded.config);
}

const git = (name: string, namespace = 'flux-system'): SourceMapping => ({
  kind: 'GitRepository',
  namespace,
  name,
  path: '',
});
const none = { variables: {}, objects: [] };

describe('discoverClusters: entry point forms', () => {
  it.each<[string, ClusterEntry[]]>([
    [
      'bootstrap',
      [
        {
          name: 'dev',
          entryPath: 'clusters/dev',
          rootKustomization: { name: 'flux-system', namespace: 'flux-system' },
          sources: [git('flux-system')],
          from: 'bootstrap',
          file: 'clusters/dev/flux-system/gotk-components.yaml',
          ...none,
        },
        {
          name: 'edge',
          entryPath: 'edge/config',
          rootKustomization: { name: 'edge-root', namespace: 'flux-ops' },
          sources: [{ kind: 'OCIRepository', namespace: 'flux-ops', name: 'fleet', path: '' }],
          from: 'bootstrap',
          file: 'edge/flux-ops/gotk-sync.yaml',
          line: 15,
          ...none,
        },
        {
          name: 'production',
          entryPath: 'clusters/production',
          rootKustomization: { name: 'flux-system', namespace: 'flux-system' },
          sources: [git('flux-system')],
          from: 'bootstrap',
          file: 'clusters/production/flux-system/gotk-sync.yaml',
          line: 20,
          ...none,
        },
        {
          name: 'staging',
          entryPath: 'clusters/staging',
          rootKustomization: { name: 'flux-system', namespace: 'flux-system' },
          sources: [git('flux-system')],
          from: 'bootstrap',
          file: 'clusters/staging/flux-system/gotk-sync.yaml',
          ...none,
        },
      ],
    ],
    [
      'clusters-dir',
      ['apps', 'infra'].map((c) => ({
        name: c,
        entryPath: `clusters/${c}/flux`,
        rootKustomization: { name: 'flux-system', namespace: 'flux-system' },
        sources: [git('flux-system')],
        from: 'clusters-dir' as const,
        file: `clusters/${c}/flux/kustomization.yaml`,
        ...none,
      })),
    ],
    [
      'flux-instance',
      [
        {
          name: 'prod',
          entryPath: 'clusters/prod/config',
          rootKustomization: { name: 'cluster-repository', namespace: 'flux-system' },
          sources: [git('cluster-repository')],
          from: 'flux-instance',
          file: 'clusters/prod/config/flux.yaml',
          line: 15,
          ...none,
        },
        {
          name: 'test',
          entryPath: 'clusters/test/config',
          rootKustomization: { name: 'flux-ops', namespace: 'flux-ops' },
          sources: [{ kind: 'OCIRepository', namespace: 'flux-ops', name: 'flux-ops', path: '' }],
          from: 'flux-instance',
          file: 'clusters/test/config/flux.yaml',
          line: 16,
          ...none,
        },
      ],
    ],
    [
      'flux-instance-helmrelease',
      [
        {
          name: 'default',
          entryPath: 'kubernetes/flux/cluster',
          rootKustomization: { name: 'flux-system', namespace: 'flux-system' },
          sources: [git('flux-system')],
          from: 'flux-instance-helmrelease',
          file: 'kubernetes/apps/flux-system/flux-instance/app/helmrelease.yaml',
          line: 17,
          ...none,
        },
      ],
    ],
    [
      'config',
      [
        {
          name: 'lab',
          entryPath: 'clusters/lab',
          rootKustomization: { name: 'lab-root', namespace: 'flux-system' },
          sources: [git('flux-system')],
          from: 'config',
          file: 'k8s-ops.yaml',
          line: 17,
          ...none,
        },
        {
          // Renames the detected 'default' and keeps its root Kustomization and source.
          name: 'main',
          entryPath: 'kubernetes/flux/cluster',
          rootKustomization: { name: 'flux-system', namespace: 'flux-system' },
          sources: [
            { kind: 'GitRepository', namespace: 'flux-system', name: 'shared-config', path: 'vendor/shared' },
            git('flux-system'),
          ],
          from: 'config',
          file: 'k8s-ops.yaml',
          line: 6,
          variables: { CLUSTER_NAME: 'main' },
          objects: ['stubs/cluster-secrets.yaml'],
        },
      ],
    ],
    [
      'detect-off',
      [
        {
          name: 'infra',
          entryPath: 'clusters/infra',
          rootKustomization: { name: 'flux-system', namespace: 'flux-system' },
          sources: [git('flux-system')],
          from: 'config',
          file: 'k8s-ops.yaml',
          line: 3,
          ...none,
        },
      ],
    ],
  ])('%s', (fixture, expected) => {
    const { clusters, diagnostics } = discoverFixture(fixture);
    expect(diagnostics).toEqual([]);
    expect(clusters).toEqual(expected);
  });
});

describe('discoverClusters: problems', () => {
  it('reports two entry points claiming one cluster name, and keeps the first', () => {
    const { clusters, diagnostics } = discoverFixture('duplicate');
    expect(clusters.map((c) => [c.name, c.entryPath])).toEqual([['prod', 'a/clusters/prod']]);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        rule: 'discover-duplicate-cluster',
        message:
          "cluster name 'prod' is claimed by a/clusters/prod/flux-system/gotk-sync.yaml (entry 'a/clusters/prod') " +
          "and by b/clusters/prod/flux-system/gotk-sync.yaml (entry 'b/clusters/prod'); the second is ignored",
        file: 'b/clusters/prod/flux-system/gotk-sync.yaml',
        hint: 'name the clusters in k8s-ops.yaml: clusters: [{ name, path }]',
      },
    ]);
  });

  it('says so, with a hint, when there is no entry point', () => {
    const { clusters, diagnostics } = discoverFixture('none');
    expect(clusters).toEqual([]);
    expect(diagnostics).toMatchObject([
      {
        severity: 'error',
        rule: 'discover-none',
        file: 'k8s-ops.yaml',
        hint: expect.stringMatching(/^declare the clusters in k8s-ops.yaml/),
      },
    ]);
  });

  it('reports each broken entry point with file and line and keeps the good ones', () => {
    const { clusters, diagnostics } = discoverFixture('problems');
    expect(clusters.map((c) => [c.name, c.entryPath])).toEqual([['ok', 'clusters/ok/config']]);
    expect(diagnostics.map((d) => [d.severity, d.rule, d.file, d.line])).toEqual([
      ['error', 'discover-flux-instance', 'clusters/badkind/flux.yaml', 10],
      ['warning', 'yaml-syntax', 'clusters/broken/flux.yaml', 3],
      ['error', 'discover-entry-missing', 'clusters/missing/flux.yaml', 11],
      ['warning', 'discover-unresolved-path', 'clusters/vars/flux.yaml', 10],
    ]);
    expect(diagnostics[0]?.message).toBe("spec.sync.kind 'HelmRepository' is not a Flux source kind");
    expect(diagnostics[2]?.message).toBe(
      "entry directory 'clusters/missing/config' of cluster 'missing' does not exist",
    );
  });

  it('lets the config name clusters that detection would give the same name', () => {
    const tree = memoryTree({
      'k8s-ops.yaml': 'clusters:\n  - { name: prod-a, path: a/clusters/prod }\n',
      'a/clusters/prod/flux-system/gotk-sync.yaml': '# placeholder\n',
      'b/clusters/prod/flux-system/gotk-sync.yaml': '# placeholder\n',
    });
    const { clusters, diagnostics } = discoverClusters(tree, loadConfig(tree).config);
    expect(diagnostics).toEqual([]);
    expect(clusters.map((c) => [c.name, c.entryPath, c.from])).toEqual([
      ['prod', 'b/clusters/prod', 'bootstrap'],
      ['prod-a', 'a/clusters/prod', 'config'],
    ]);
  });

  it('checks rollout cluster names against the discovered clusters', () => {
    const tree = memoryTree({
      'k8s-ops.yaml':
        'rollout:\n  - { cluster: production, branch: main }\n  - { cluster: stagin, branch: release, follows: production }\n',
      'clusters/production/flux-system/gotk-sync.yaml': '',
      'clusters/staging/flux-system/gotk-sync.yaml': '',
    });
    const { diagnostics } = discoverClusters(tree, loadConfig(tree).config);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        rule: 'config-rollout-cluster',
        message: "rollout names cluster 'stagin', which is not a cluster of this repository",
        file: 'k8s-ops.yaml',
        line: 3,
        hint: 'known clusters: production, staging',
      },
    ]);
  });

  it('merges entry points that build the same directory, keeping the stronger form', () => {
    const tree = memoryTree({
      'clusters/prod/flux/kustomization.yaml': 'resources: [flux-system]\n',
      'clusters/prod/flux/flux-system/gotk-sync.yaml': '',
      'clusters/prod/flux/instance.yaml':
        'apiVersion: fluxcd.controlplane.io/v1\nkind: FluxInstance\nmetadata: { name: flux, namespace: flux-system }\n' +
        'spec: { sync: { name: self, kind: GitRepository, url: x, ref: main, path: clusters/prod/flux } }\n',
    });
    const { clusters, diagnostics } = discoverClusters(tree);
    expect(diagnostics).toEqual([]);
    expect(clusters).toMatchObject([
      {
        name: 'prod',
        entryPath: 'clusters/prod/flux',
        from: 'bootstrap',
        sources: [git('flux-system'), git('self')],
      },
    ]);
  });

  it('drops the warning for a path with variables when another form found that cluster', () => {
    // The platform layout: one flux-instance release shared by every cluster.
    const tree = memoryTree({
      'kubernetes/apps/flux-system/flux-instance/app/helmrelease.yaml':
        'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: { name: flux-instance }\n' +
        'spec: { values: { instance: { sync: { url: x, path: "./clusters/${CLUSTER_NAME}/flux" } } } }\n',
      'clusters/infra/flux/kustomization.yaml': 'resources: []\n',
    });
    const { clusters, diagnostics } = discoverClusters(tree);
    expect(diagnostics).toEqual([]);
    expect(clusters.map((c) => [c.name, c.entryPath, c.from])).toEqual([
      ['infra', 'clusters/infra/flux', 'clusters-dir'],
    ]);
  });

  it('skips .git and node_modules', () => {
    const tree = memoryTree({
      'node_modules/x/clusters/a/flux-system/gotk-sync.yaml': '',
      '.git/clusters/b/flux-system/gotk-sync.yaml': '',
      'clusters/c/flux-system/gotk-sync.yaml': '',
    });
    expect(discoverClusters(tree).clusters.map((c) => c.name)).toEqual(['c']);
  });

  it('reads a FluxInstance written as JSON-style YAML', () => {
    const tree = memoryTree({
      'clusters/x/fi.yaml':
        '{"apiVersion": "fluxcd.controlplane.io/v1", "kind": "FluxInstance", "spec": {"sync": {"kind": "Bucket", "path": "/clusters/x"}}}\n',
    });
    expect(discoverClusters(tree).clusters).toMatchObject([
      {
        name: 'x',
        entryPath: 'clusters/x',
        sources: [{ kind: 'Bucket', namespace: 'flux-system', name: 'flux-system', path: '' }],
      },
    ]);
  });
});

describe('entry path rules', () => {
  it.each<[string, string]>([
    ['./clusters/prod', 'clusters/prod'],
    ['/clusters/prod/', 'clusters/prod'],
    ['../../clusters/prod', 'clusters/prod'],
    ['clusters/../apps', 'apps'],
    ['.', ''],
    ['', ''],
  ])('Flux path %j ⇒ %j', (raw, expected) => {
    expect(fluxPath(raw)).toBe(expected);
  });

  it.each<[string, boolean, string]>([
    ['clusters/production', true, 'production'],
    ['kubernetes/clusters/apps', true, 'apps'],
    ['clusters/prod/config', false, 'prod'],
    ['clusters/a/clusters/b/flux', false, 'b'],
    ['production', true, 'production'],
    ['kubernetes/flux/cluster', false, 'default'],
    ['', true, 'default'],
    ['clusters', false, 'default'],
  ])('cluster name of %j (directory name as fallback: %j) ⇒ %j', (dir, useBasename, expected) => {
    expect(clusterName(dir, useBasename)).toBe(expected);
  });
});
