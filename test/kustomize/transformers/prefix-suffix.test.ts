import { describe, it } from 'vitest';
import { kubectlAvailable } from '../../helpers/kustomize-oracle.js';
import { docs, expectSameAsKustomize, type Files } from './harness.js';

const mixed = docs(
  'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}',
  'apiVersion: v1\nkind: Namespace\nmetadata: {name: team}',
  'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.com}\nspec: {group: example.com}',
  'apiVersion: apiregistration.k8s.io/v1\nkind: APIService\nmetadata: {name: v1.example.com}\nspec: {service: {name: cfg}}',
  'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: viewer}',
  'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {peer: cfg}',
);

const cases: { name: string; files: Files }[] = [
  {
    name: 'prefix and suffix rename everything but CRDs, Namespaces and APIServices',
    files: {
      'kustomization.yaml': 'namePrefix: pre-\nnameSuffix: -suf\nresources: [m.yaml]\n',
      'm.yaml': mixed,
    },
  },
  {
    name: 'prefixes and suffixes accumulate over levels',
    files: {
      'a/kustomization.yaml': 'namePrefix: a-\nnameSuffix: "-1"\nresources: [m.yaml]\n',
      'a/m.yaml': mixed,
      'b/kustomization.yaml': 'namePrefix: b-\nresources: [../a]\n',
      'kustomization.yaml': 'nameSuffix: "-2"\nresources: [b]\n',
    },
  },
  {
    name: 'extra namePrefix field specs from configurations',
    files: {
      'kustomization.yaml':
        'namePrefix: pre-\nnameSuffix: -suf\nresources: [m.yaml]\nconfigurations: [c.yaml]\n',
      'c.yaml':
        'namePrefix:\n- {kind: Widget, path: spec/peer}\n- {kind: Widget, path: spec/created, create: true}\nnameSuffix:\n- {kind: Widget, path: spec/peer}\n',
      'm.yaml': mixed,
    },
  },
  {
    name: 'a kind-specific metadata/name spec is a second rename for that kind',
    files: {
      'kustomization.yaml': 'namePrefix: pre-\nresources: [m.yaml]\nconfigurations: [c.yaml]\n',
      'c.yaml': 'namePrefix:\n- {kind: ConfigMap, path: metadata/name}\n',
      'm.yaml': mixed,
    },
  },
  {
    name: 'a base configuration replacing the default rename spec holds for the overlay too',
    files: {
      'base/kustomization.yaml': 'resources: [m.yaml]\nconfigurations: [c.yaml]\n',
      'base/c.yaml': 'namePrefix:\n- {kind: ConfigMap, path: metadata/name}\n',
      'base/m.yaml': mixed,
      'kustomization.yaml': 'namePrefix: o-\nresources: [base]\nconfigurations: [c.yaml]\n',
      'c.yaml': 'namePrefix:\n- {path: metadata/name}\n',
    },
  },
  {
    name: 'conflicting create flags in configurations are an error',
    files: {
      'kustomization.yaml': 'commonLabels: {a: b}\nresources: [m.yaml]\nconfigurations: [c.yaml]\n',
      'c.yaml': 'commonLabels:\n- {path: metadata/labels, create: false}\n',
      'm.yaml': mixed,
    },
  },
];

describe.skipIf(!kubectlAvailable())('prefix and suffix transformers match kustomize', () => {
  it.each(cases)('$name', ({ files }) => expectSameAsKustomize(files));
});
