import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/render/config.js';
import { discoverClusters } from '../../src/render/discover/index.js';
import { openWorktree } from '../../src/tree/worktree.js';
import { CORPUS_DIR, corpusRepos, sharedAvailable } from '../helpers/shared.js';

/** Per corpus repository: cluster name ⇒ [entry path, root Kustomization, the repository's own sources]. */
const EXPECTED: Record<string, Record<string, [string, string, string[]]>> = {
  'angelnu__k8s-gitops': {
    prod: [
      'clusters/prod/config',
      'flux-system/cluster-repository',
      ['GitRepository/flux-system/cluster-repository'],
    ],
    test: [
      'clusters/test/config',
      'flux-system/cluster-repository',
      ['GitRepository/flux-system/cluster-repository'],
    ],
  },
  'bjw-s-labs__home-ops': {
    default: [
      'kubernetes/flux/cluster',
      'flux-system/flux-system',
      ['GitRepository/flux-system/flux-system'],
    ],
  },
  'fluxcd__flux2-monitoring-example': {
    test: ['clusters/test', 'flux-system/flux-system', ['GitRepository/flux-system/flux-system']],
  },
  'fluxcd__flux2-multi-tenancy': {
    production: ['clusters/production', 'flux-system/flux-system', ['GitRepository/flux-system/flux-system']],
    staging: ['clusters/staging', 'flux-system/flux-system', ['GitRepository/flux-system/flux-system']],
  },
  'monosense-io__k8s-gitops': {
    apps: [
      'kubernetes/clusters/apps',
      'flux-system/cluster-apps-config',
      ['GitRepository/flux-system/flux-system'],
    ],
    infra: [
      'kubernetes/clusters/infra',
      'flux-system/cluster-infra-config',
      ['GitRepository/flux-system/flux-system'],
    ],
  },
  'onedr0p__home-ops': {
    default: [
      'kubernetes/flux/cluster',
      'flux-system/flux-system',
      ['GitRepository/flux-system/flux-system'],
    ],
  },
};

describe.skipIf(!sharedAvailable())('discoverClusters on the corpus', () => {
  it('covers every corpus repository', () => {
    expect(corpusRepos()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED))('%s', (repo) => {
    const tree = openWorktree(join(CORPUS_DIR, repo));
    const { config, diagnostics: configDiagnostics } = loadConfig(tree);
    expect(configDiagnostics).toEqual([]);
    const { clusters, diagnostics } = discoverClusters(tree, config);
    expect(diagnostics).toEqual([]);
    const found = Object.fromEntries(
      clusters.map((c) => [
        c.name,
        [
          c.entryPath,
          `${c.rootKustomization.namespace}/${c.rootKustomization.name}`,
          c.sources.map((s) => `${s.kind}/${s.namespace}/${s.name}${s.path ? `:${s.path}` : ''}`),
        ],
      ]),
    );
    expect(found).toEqual(EXPECTED[repo]);
    // The oracle lists every Flux entry point as a build directory.
    for (const c of clusters) expect(tree.stat(c.entryPath)).toBe('dir');
  });
});
