/**
 * helm-values-unknown-key on real charts: the Cilium typo is found, app-template's 100 real
 * values files produce nothing, and the findings over every other real values file whose
 * chart is at hand are pinned (each with its verdict in docs/rules.md), so a change that adds
 * false positives or loses true ones shows here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isJsonObject } from '../../../src/core/json.js';
import { loadChartArchive } from '../../../src/helm/chart/load.js';
import { knownValuePaths, unknownValuePaths, type KnownNode } from '../../../src/helm/values/known-paths.js';
import { parseYaml11 } from '../../../src/yaml/parse-yaml11.js';
import { SHARED_DIR, sharedAvailable } from '../../helpers/shared.js';

const HELM = join(SHARED_DIR, 'helm');
const ready = sharedAvailable();

function known(archive: string): KnownNode {
  return knownValuePaths(loadChartArchive(readFileSync(archive), archive));
}

/** `owner path` of each unknown key in each values file of `chart`. */
function findings(chart: string, tree: KnownNode): string[] {
  const dir = join(HELM, 'values', chart);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const doc = parseYaml11(readFileSync(join(dir, f), 'utf8'), f, 'helm-values');
      const owner = f.split('__')[0];
      return unknownValuePaths(tree, isJsonObject(doc) ? doc : {}).map(
        (u) => `${chart} ${owner} ${u.path.join('.')}`,
      );
    });
}

/** The charts of charts/ by name (charts.tsv: file, name, …). */
function charts(): [string, string][] {
  return readFileSync(join(HELM, 'charts.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => {
      const [file = '', name = ''] = l.split('\t');
      return [name, join(HELM, 'charts', file)];
    });
}

// Verdicts in docs/rules.md under helm-values-unknown-key.
const PINNED = [
  'cilium monosense-io dnsProxy.enabled',
  'cilium monosense-io policy',
  'cilium onedr0p cgroup.automount',
  'cloudnative-pg monosense-io leaderElection',
  'cloudnative-pg monosense-io securityContext',
  'external-secrets bjw-s-labs certController.serviceMonitor',
  'external-secrets bjw-s-labs webhook.serviceMonitor',
  'external-secrets monosense-io metrics.enabled',
  'external-secrets monosense-io metrics.serviceMonitor',
  'external-secrets monosense-io webhook.serviceMonitor',
  'fluent-bit monosense-io containerSecurityContext',
  'fluent-bit monosense-io daemonSet',
  'fluent-bit monosense-io serviceMonitor.annotations',
  'fluent-bit monosense-io serviceMonitor.labels',
  'ingress-nginx angelnu controller.use-forwarded-headers',
  'prometheus-smartctl-exporter bjw-s-labs image.registry',
  'reloader monosense-io affinity',
  'reloader monosense-io podDisruptionBudget',
  'reloader monosense-io podSecurityContext',
  'reloader monosense-io replicaCount',
  'reloader monosense-io resources',
  'reloader monosense-io securityContext',
  'snapshot-controller onedr0p monitoring',
  'snapshot-controller onedr0p replicaCount',
  'spegel monosense-io service.registry.hostPort',
  'spegel onedr0p service.registry.hostPort',
];

describe.skipIf(!ready)(
  `unknown values keys on real charts${ready ? '' : ' (shared test data not found)'}`,
  () => {
    it('finds cilium 1.18.5 cgroup.automount and suggests cgroup.autoMount', () => {
      const tree = known(join(HELM, 'platform-charts/cilium-1.18.5.tgz'));
      const values = { cgroup: { automount: { enabled: false } }, ipam: { mode: 'kubernetes' } };
      expect(unknownValuePaths(tree, values)).toEqual([
        { path: ['cgroup', 'automount'], closest: 'autoMount' },
      ]);
    });

    it("reports nothing on app-template's 100 real values files", () => {
      const tree = known(join(HELM, 'charts/app-template-4.1.1.tgz'));
      expect(readdirSync(join(HELM, 'values/app-template'))).toHaveLength(100);
      expect(findings('app-template', tree)).toEqual([]);
    });

    it('reports the pinned keys on every other chart with real values', () => {
      const found = charts()
        .filter(([name]) => name !== 'app-template')
        .flatMap(([name, archive]) => findings(name, known(archive)));
      expect([...new Set(found)].sort()).toEqual(PINNED);
    });
  },
);
