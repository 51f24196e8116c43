import type { FieldSpec } from './transformer-config.js';

/** kustomize v5.5 default `replicas` field specs. */
export const DEFAULT_REPLICAS: readonly FieldSpec[] = [
  { path: 'spec/replicas', kind: 'Deployment', create: true },
  { path: 'spec/replicas', kind: 'ReplicationController', create: true },
  { path: 'spec/replicas', kind: 'ReplicaSet', create: true },
  { path: 'spec/replicas', kind: 'StatefulSet', create: true },
];
