import type { FieldSpec } from './transformer-config.js';

/** kustomize v5.5 default `commonAnnotations` field specs. */
export const DEFAULT_COMMON_ANNOTATIONS: readonly FieldSpec[] = [
  { path: 'metadata/annotations', create: true },
  { path: 'spec/template/metadata/annotations', version: 'v1', kind: 'ReplicationController', create: true },
  { path: 'spec/template/metadata/annotations', kind: 'Deployment', create: true },
  { path: 'spec/template/metadata/annotations', kind: 'ReplicaSet', create: true },
  { path: 'spec/template/metadata/annotations', kind: 'DaemonSet', create: true },
  { path: 'spec/template/metadata/annotations', kind: 'StatefulSet', create: true },
  { path: 'spec/template/metadata/annotations', group: 'batch', kind: 'Job', create: true },
  { path: 'spec/jobTemplate/metadata/annotations', group: 'batch', kind: 'CronJob', create: true },
  {
    path: 'spec/jobTemplate/spec/template/metadata/annotations',
    group: 'batch',
    kind: 'CronJob',
    create: true,
  },
];
