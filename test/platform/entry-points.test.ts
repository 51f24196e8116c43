import { describe, expect, it } from 'vitest';
import { kubectlAvailable } from '../helpers/kustomize-oracle.js';
import {
  CLUSTERS,
  type Cluster,
  type Doc,
  field,
  kustomize,
  named,
  readYaml,
  readYamlDocs,
} from './platform-files.js';
import { join } from 'node:path';
import { PROJECT_ROOT } from './platform-files.js';
import { clusterVars } from './cluster-vars.js';

const expectedVars = clusterVars;

const STAGES: { name: string; path: (c: Cluster) => string; dependsOn: string }[] = [
  { name: 'cluster-infrastructure', path: () => './infrastructure/base', dependsOn: 'repositories' },
  { name: 'cluster-apps', path: () => './kubernetes/apps', dependsOn: 'cluster-infrastructure' },
  { name: 'cluster-local', path: (c) => `./clusters/${c}/apps`, dependsOn: 'cluster-apps' },
];

describe.each(CLUSTERS)('cluster %s: Flux entry point', (cluster) => {
  it.skipIf(!kubectlAvailable())('builds with kubectl kustomize', () => {
    const built = kustomize(`clusters/${cluster}/flux`);
    expect(built.stderr).toBe('');
    expect(built.ok).toBe(true);
    expect(named(built.objects, 'ConfigMap', 'cluster-vars')).toBeDefined();
    for (const stage of STAGES) expect(named(built.objects, 'Kustomization', stage.name)).toBeDefined();
    expect(built.objects.filter((o) => o.kind === 'HelmRepository').length).toBeGreaterThan(0);
    expect(built.objects.filter((o) => o.kind === 'OCIRepository').length).toBeGreaterThan(0);
    for (const o of built.objects) expect(field(o, 'metadata', 'namespace')).toBe('flux-system');
  });

  it('cluster-vars holds exactly the contract keys and the seed values', () => {
    const cm = readYaml(`clusters/${cluster}/flux/cluster-vars.yaml`);
    expect(cm.kind).toBe('ConfigMap');
    expect(field(cm, 'metadata', 'name')).toBe('cluster-vars');
    expect(field(cm, 'metadata', 'namespace')).toBe('flux-system');
    expect(cm.data).toStrictEqual(expectedVars(cluster));
  });

  it('chains repositories -> cluster-infrastructure -> cluster-apps -> cluster-local', () => {
    for (const stage of STAGES) {
      const ks = readYaml(`clusters/${cluster}/flux/config/${stage.name}.yaml`);
      expect(ks.apiVersion).toBe('kustomize.toolkit.fluxcd.io/v1');
      expect(ks.kind).toBe('Kustomization');
      expect(field(ks, 'metadata', 'name')).toBe(stage.name);
      expect(field(ks, 'metadata', 'namespace')).toBe('flux-system');
      expect(field(ks, 'spec', 'path')).toBe(stage.path(cluster));
      expect(field(ks, 'spec', 'prune')).toBe(true);
      expect(field(ks, 'spec', 'dependsOn')).toStrictEqual([{ name: stage.dependsOn }]);
      expect(field(ks, 'spec', 'sourceRef')).toStrictEqual({ kind: 'GitRepository', name: 'flux-system' });
      expect(field(ks, 'spec', 'postBuild', 'substituteFrom')).toStrictEqual([
        { kind: 'ConfigMap', name: 'cluster-vars' },
      ]);
    }
    // "repositories" is the root Kustomization that bootstrap applies; it owns the sources.
    const root = bootstrapObject(cluster, 'Kustomization', 'repositories');
    expect(field(root, 'spec', 'path')).toBe(`./clusters/${cluster}/flux`);
    expect(field(root, 'spec', 'sourceRef')).toStrictEqual({ kind: 'GitRepository', name: 'flux-system' });
    expect(field(root, 'spec', 'wait')).toBe(false);
    expect(field(root, 'spec', 'postBuild', 'substituteFrom', 0, 'name')).toBe('cluster-vars');
    const rootKustomization = readYaml(`clusters/${cluster}/flux/kustomization.yaml`);
    expect(rootKustomization.resources).toStrictEqual(['./cluster-vars.yaml', './repositories', './config']);
    const repositories = readYaml(`clusters/${cluster}/flux/repositories/kustomization.yaml`);
    expect(repositories.resources).toStrictEqual(['../../../../infrastructure/base/repositories']);
  });

  it(`tracks the ${cluster === 'infra' ? 'main' : 'release'} branch`, () => {
    const git = bootstrapObject(cluster, 'GitRepository', 'flux-system');
    expect(git.apiVersion).toBe('source.toolkit.fluxcd.io/v1');
    expect(field(git, 'metadata', 'namespace')).toBe('flux-system');
    expect(field(git, 'spec', 'ref')).toStrictEqual({ branch: cluster === 'infra' ? 'main' : 'release' });
    expect(field(git, 'spec', 'secretRef', 'name')).toBeTypeOf('string');
  });
});

function bootstrapObject(cluster: Cluster, kind: string, name: string): Doc {
  const dir = join(PROJECT_ROOT, 'bootstrap', cluster, 'resources');
  const files = (readYaml(`bootstrap/${cluster}/resources/kustomization.yaml`).resources as string[]) ?? [];
  const objects = files.flatMap((f) => readYamlDocs(join(dir, f)));
  const found = named(objects, kind, name);
  if (!found) throw new Error(`bootstrap/${cluster}/resources has no ${kind}/${name}`);
  return found;
}

describe('shared bases take cluster identity from cluster-vars', () => {
  it('Cilium cluster name and id are ${CLUSTER_NAME} and ${CLUSTER_ID}', () => {
    const hr = readYaml('infrastructure/base/network/cilium/app/helmrelease.yaml');
    expect(hr.kind).toBe('HelmRelease');
    expect(field(hr, 'spec', 'values', 'cluster')).toMatchObject({
      name: '${CLUSTER_NAME}',
      id: '${CLUSTER_ID}',
    });
  });

  it('every OCIRepository pins an exact tag and selects the Helm chart layer', () => {
    const built = readYamlDocsUnder('infrastructure/base/repositories/oci');
    expect(built.length).toBeGreaterThan(0);
    for (const o of built) {
      expect(o.apiVersion).toBe('source.toolkit.fluxcd.io/v1');
      expect(field(o, 'spec', 'ref', 'tag')).toMatch(/^v?\d+\.\d+\.\d+$/);
      expect(field(o, 'spec', 'layerSelector')).toStrictEqual({
        mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip',
        operation: 'copy',
      });
    }
  });
});

function readYamlDocsUnder(dir: string): Doc[] {
  const abs = join(PROJECT_ROOT, dir);
  const files = (readYaml(`${dir}/kustomization.yaml`).resources as string[]) ?? [];
  return files.flatMap((f) => readYamlDocs(join(abs, f)));
}
