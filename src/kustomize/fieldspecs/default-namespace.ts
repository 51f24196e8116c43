import type { FieldSpec } from './transformer-config.js';

/**
 * kustomize v5.5 default `namespace` field specs. metadata/namespace and RoleBinding subjects are
 * handled in code by the namespace transformer, not listed here.
 */
export const DEFAULT_NAMESPACE: readonly FieldSpec[] = [
  { path: 'metadata/name', kind: 'Namespace', create: true },
  { path: 'spec/service/namespace', group: 'apiregistration.k8s.io', kind: 'APIService', create: true },
  {
    path: 'spec/conversion/webhook/clientConfig/service/namespace',
    group: 'apiextensions.k8s.io',
    kind: 'CustomResourceDefinition',
  },
];
