/** helm output read back, and the CRD and hook policies of a HelmRelease applied to it. */
import { describe, expect, it } from 'vitest';
import {
  parseHelmOutput,
  releaseManifests,
  type ManifestPolicy,
} from '../../../src/flux/helm/release-manifests.js';

const OUTPUT = [
  '---',
  '# Source: app/crds/crd.yaml',
  'apiVersion: apiextensions.k8s.io/v1',
  'kind: CustomResourceDefinition',
  'metadata: {name: a.example.com}',
  '---',
  '# Source: app/charts/sub/crds/extra.yaml',
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata: {name: not-a-crd}',
  '---',
  '# Source: app/templates/cm.yaml',
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata: {name: cm}',
  'data: {enabled: yes}',
  '---',
  '# Source: app/templates/job.yaml',
  'apiVersion: batch/v1',
  'kind: Job',
  'metadata: {name: migrate, annotations: {helm.sh/hook: "pre-install,pre-upgrade"}}',
  '---',
  '# Source: app/templates/tests/t.yaml',
  'apiVersion: v1',
  'kind: Pod',
  'metadata: {name: t, annotations: {helm.sh/hook: "test"}}',
  '',
].join('\n');

const names = (list: { obj: { metadata?: unknown } }[]) =>
  list.map((o) => (o.obj.metadata as { name: string }).name);

describe('parseHelmOutput', () => {
  it('keeps each object with its # Source path, read as kustomize reads YAML', () => {
    const objects = parseHelmOutput(OUTPUT, 'hr.yaml');
    expect(objects.map((o) => o.template)).toEqual([
      'app/crds/crd.yaml',
      'app/charts/sub/crds/extra.yaml',
      'app/templates/cm.yaml',
      'app/templates/job.yaml',
      'app/templates/tests/t.yaml',
    ]);
    // kyaml reads YAML 1.2: `yes` stays a string.
    expect(objects[2]?.obj.data).toEqual({ enabled: 'yes' });
  });

  it('names the template of a document that is not YAML', () => {
    expect(() => parseHelmOutput('---\n# Source: app/templates/bad.yaml\na: [\n', 'hr.yaml')).toThrow(
      /YAML parse error on app\/templates\/bad.yaml/,
    );
  });
});

describe('releaseManifests', () => {
  const objects = parseHelmOutput(OUTPUT, 'hr.yaml');
  it.each<[string, ManifestPolicy, string[], string[], string[]]>([
    [
      'defaults: CRDs (only CRDs) from crds/, no tests',
      { includeCrds: true, tests: false, disableHooks: false },
      ['a.example.com'],
      ['cm'],
      ['migrate'],
    ],
    ['crds Skip', { includeCrds: false, tests: false, disableHooks: false }, [], ['cm'], ['migrate']],
    [
      'test.enable',
      { includeCrds: true, tests: true, disableHooks: false },
      ['a.example.com'],
      ['cm'],
      ['migrate', 't'],
    ],
    ['disableHooks', { includeCrds: true, tests: true, disableHooks: true }, ['a.example.com'], ['cm'], []],
  ])('%s', (_name, policy, crds, manifests, hooks) => {
    const out = releaseManifests(objects, policy);
    expect([names(out.crds), names(out.manifests), names(out.hooks)]).toEqual([crds, manifests, hooks]);
  });
});
