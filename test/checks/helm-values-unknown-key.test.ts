/**
 * helm-values-unknown-key on hand-built models: each unknown path is reported at its key in
 * spec.values with the closest known key as a hint, once for a file shared by two clusters.
 */
import { describe, expect, it } from 'vitest';
import { helmValuesUnknownKey } from '../../src/checks/cluster/helm-values-unknown-key.js';
import type { CheckContext } from '../../src/checks/rule.js';
import type { ClusterModel, HelmReleaseRecord } from '../../src/render/model.js';
import { memoryTree } from '../../src/tree/overlay-tree.js';

const FILE = 'apps/cilium.yaml';
const TEXT = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: cilium
  namespace: kube-system
spec:
  values:
    ipam:
      mode: kubernetes
    cgroup:
      automount:
        enabled: false
    zzzqqq: 1
`;

function release(unknown: HelmReleaseRecord['unknownValuePaths']): HelmReleaseRecord {
  return {
    ref: { namespace: 'kube-system', name: 'cilium' },
    file: FILE,
    line: 1,
    state: 'rendered',
    owner: { namespace: 'flux-system', name: 'apps' },
    chart: 'cilium',
    source: 'HelmRepository/flux-system/cilium',
    dependsOn: [],
    suspended: false,
    obj: {},
    chartName: 'cilium',
    chartVersion: '1.18.5',
    objects: [],
    ...(unknown ? { unknownValuePaths: unknown } : {}),
  };
}

const model = (name: string, releases: HelmReleaseRecord[]): ClusterModel => ({
  name,
  entryPath: `clusters/${name}`,
  kustomizations: [],
  helmReleases: releases,
  sources: [],
  edges: [],
  diagnostics: [],
});

const ctx = (models: ClusterModel[]): CheckContext => ({
  tree: memoryTree({ [FILE]: TEXT }),
  yamlFiles: [FILE],
  models,
  config: undefined,
  kubernetesVersion: '1.35',
});

const UNKNOWN = [{ path: ['cgroup', 'automount'], closest: 'autoMount' }, { path: ['zzzqqq'] }];

describe('helm-values-unknown-key', () => {
  it('reports each unknown key at its line with the closest known key', () => {
    const out = helmValuesUnknownKey.check(ctx([model('prod', [release(UNKNOWN)])]));
    expect(out.map((d) => [d.rule, d.severity, d.file, d.line, d.hint])).toEqual([
      ['helm-values-unknown-key', 'warning', FILE, 11, 'did you mean `cgroup.autoMount`?'],
      [
        'helm-values-unknown-key',
        'warning',
        FILE,
        13,
        "check the key against the chart's values.yaml, or remove it",
      ],
    ]);
    expect(out[0]?.message).toContain('`cgroup.automount` is not known to chart cilium 1.18.5');
  });

  it('reports nothing without unknown keys', () => {
    expect(helmValuesUnknownKey.check(ctx([model('prod', [release(undefined), release([])])]))).toEqual([]);
  });

  it('reports a file shared by two clusters once, naming both', () => {
    const out = helmValuesUnknownKey.check(
      ctx([model('prod', [release(UNKNOWN.slice(0, 1))]), model('staging', [release(UNKNOWN.slice(0, 1))])]),
    );
    expect(out).toHaveLength(1);
    expect(out[0]?.message).toContain('(clusters prod, staging)');
  });
});
