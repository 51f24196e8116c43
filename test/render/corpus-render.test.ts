/**
 * Every cluster of every corpus repository rendered in strict mode (Flux 2.9's default), the
 * numbers pinned. Each failure below was investigated and is a real problem of that
 * repository; docs/corpus.md says why, file by file.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import { refKey, type KustomizationState } from '../../src/render/model.js';
import { renderRepository } from '../../src/render/render-repository.js';
import { openWorktree } from '../../src/tree/worktree.js';
import { CORPUS_DIR, corpusRepos, sharedAvailable } from '../helpers/shared.js';

type Counts = Record<KustomizationState, number>;

interface ClusterExpectation {
  entryPath: string;
  counts: Counts;
  /** The failed Kustomizations (namespace/name), sorted. */
  failed: string[];
}

const counts = (rendered: number, external: number, failed: number, suspended: number): Counts => ({
  rendered,
  external,
  failed,
  suspended,
});

const EXPECTED: Record<string, Record<string, ClusterExpectation>> = {
  'angelnu__k8s-gitops': {
    prod: {
      entryPath: 'clusters/prod/config',
      counts: counts(61, 0, 1, 0),
      failed: ['flux-system/vpn-lidarr'],
    },
    test: {
      entryPath: 'clusters/test/config',
      counts: counts(61, 0, 1, 0),
      failed: ['flux-system/vpn-lidarr'],
    },
  },
  'bjw-s-labs__home-ops': {
    default: { entryPath: 'kubernetes/flux/cluster', counts: counts(94, 0, 0, 0), failed: [] },
  },
  'fluxcd__flux2-monitoring-example': {
    test: { entryPath: 'clusters/test', counts: counts(3, 0, 0, 0), failed: [] },
  },
  'fluxcd__flux2-multi-tenancy': {
    production: { entryPath: 'clusters/production', counts: counts(4, 2, 0, 0), failed: [] },
    staging: { entryPath: 'clusters/staging', counts: counts(4, 2, 0, 0), failed: [] },
  },
  'monosense-io__k8s-gitops': {
    apps: {
      entryPath: 'kubernetes/clusters/apps',
      counts: counts(1, 0, 2, 0),
      failed: ['flux-system/cluster-apps-infrastructure', 'flux-system/cluster-apps-messaging-kafka'],
    },
    infra: {
      entryPath: 'kubernetes/clusters/infra',
      counts: counts(19, 0, 7, 0),
      failed: [
        'flux-system/cloudnative-pg-shared-cluster',
        'flux-system/cluster-networkpolicy-baseline',
        'flux-system/fluent-bit-operator',
        'flux-system/observability-victoria-logs',
        'flux-system/observability-victoria-metrics-vmagent',
        'flux-system/observability-victoria-metrics-vmcluster',
        'kube-system/coredns',
      ],
    },
  },
  'onedr0p__home-ops': {
    default: {
      entryPath: 'kubernetes/flux/cluster',
      counts: counts(78, 0, 1, 0),
      failed: ['network/cloudflare-tunnel'],
    },
  },
};

const available = sharedAvailable();

describe.skipIf(!available)('corpus: every cluster rendered in strict mode', () => {
  it('covers every corpus repository', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(corpusRepos());
  });

  it.each(Object.keys(EXPECTED))('%s', async (repo) => {
    let result;
    try {
      result = await renderRepository(openWorktree(join(CORPUS_DIR, repo)), { strict: true });
    } catch (e) {
      // Bad input is expected input: only a DiagnosticError may escape, and none should here.
      expect.fail(`${repo} crashed: ${e instanceof DiagnosticError ? e.diagnostic.message : String(e)}`);
    }
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const want = EXPECTED[repo] ?? {};
    expect(result.clusters.map((c) => [c.name, c.entryPath])).toEqual(
      Object.entries(want).map(([name, e]) => [name, e.entryPath]),
    );
    const got = Object.fromEntries(
      result.models.map((m): [string, ClusterExpectation] => {
        const n = (s: KustomizationState) => m.kustomizations.filter((k) => k.state === s).length;
        return [
          m.name,
          {
            entryPath: m.entryPath,
            counts: counts(n('rendered'), n('external'), n('failed'), n('suspended')),
            failed: m.kustomizations
              .filter((k) => k.state === 'failed')
              .map((k) => refKey(k.ref))
              .sort(),
          },
        ];
      }),
    );
    expect(got).toEqual(want);
    // Every error is about a failed Kustomization (no error without a failure to show for it).
    for (const m of result.models) {
      const errors = m.diagnostics.filter((d) => d.severity === 'error');
      expect(errors).toHaveLength(got[m.name]?.failed.length ?? 0);
    }
  });
});
