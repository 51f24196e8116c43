import type { FieldSpec } from './transformer-config.js';

/** kustomize v5.5 default `commonLabels` field specs: metadata, selectors and pod templates. */
export const DEFAULT_COMMON_LABELS: readonly FieldSpec[] = [
  { path: 'spec/selector', version: 'v1', kind: 'Service', create: true },
  { path: 'spec/selector', version: 'v1', kind: 'ReplicationController', create: true },
  { path: 'spec/selector/matchLabels', kind: 'Deployment', create: true },
  {
    path: 'spec/template/spec/affinity/podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels',
    group: 'apps',
    kind: 'Deployment',
  },
  {
    path: 'spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels',
    group: 'apps',
    kind: 'Deployment',
  },
  {
    path: 'spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels',
    group: 'apps',
    kind: 'Deployment',
  },
  {
    path: 'spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels',
    group: 'apps',
    kind: 'Deployment',
  },
  {
    path: 'spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels',
    group: 'apps',
    kind: 'Deployment',
  },
  { path: 'spec/selector/matchLabels', kind: 'ReplicaSet', create: true },
  { path: 'spec/selector/matchLabels', kind: 'DaemonSet', create: true },
  { path: 'spec/selector/matchLabels', group: 'apps', kind: 'StatefulSet', create: true },
  {
    path: 'spec/template/spec/affinity/podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels',
    group: 'apps',
    kind: 'StatefulSet',
  },
  {
    path: 'spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels',
    group: 'apps',
    kind: 'StatefulSet',
  },
  {
    path: 'spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels',
    group: 'apps',
    kind: 'StatefulSet',
  },
  {
    path: 'spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels',
    group: 'apps',
    kind: 'StatefulSet',
  },
  {
    path: 'spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels',
    group: 'apps',
    kind: 'StatefulSet',
  },
  { path: 'spec/selector/matchLabels', group: 'batch', kind: 'Job' },
  { path: 'spec/jobTemplate/spec/selector/matchLabels', group: 'batch', kind: 'CronJob' },
  { path: 'spec/selector/matchLabels', group: 'policy', kind: 'PodDisruptionBudget' },
  { path: 'spec/podSelector/matchLabels', group: 'networking.k8s.io', kind: 'NetworkPolicy' },
  { path: 'spec/ingress/from/podSelector/matchLabels', group: 'networking.k8s.io', kind: 'NetworkPolicy' },
  { path: 'spec/egress/to/podSelector/matchLabels', group: 'networking.k8s.io', kind: 'NetworkPolicy' },
  { path: 'metadata/labels', create: true },
  { path: 'spec/template/metadata/labels', version: 'v1', kind: 'ReplicationController', create: true },
  { path: 'spec/template/metadata/labels', kind: 'Deployment', create: true },
  { path: 'spec/template/metadata/labels', kind: 'ReplicaSet', create: true },
  { path: 'spec/template/metadata/labels', kind: 'DaemonSet', create: true },
  { path: 'spec/template/metadata/labels', group: 'apps', kind: 'StatefulSet', create: true },
  { path: 'spec/volumeClaimTemplates[]/metadata/labels', group: 'apps', kind: 'StatefulSet', create: true },
  { path: 'spec/template/metadata/labels', group: 'batch', kind: 'Job', create: true },
  { path: 'spec/jobTemplate/metadata/labels', group: 'batch', kind: 'CronJob', create: true },
  { path: 'spec/jobTemplate/spec/template/metadata/labels', group: 'batch', kind: 'CronJob', create: true },
];

/** kustomize v5.5 default `templateLabels` field specs, used by `labels:` entries with `includeTemplates`. */
export const DEFAULT_TEMPLATE_LABELS: readonly FieldSpec[] = [
  { path: 'metadata/labels', create: true },
  { path: 'spec/template/metadata/labels', version: 'v1', kind: 'ReplicationController', create: true },
  { path: 'spec/template/metadata/labels', kind: 'Deployment', create: true },
  { path: 'spec/template/metadata/labels', kind: 'ReplicaSet', create: true },
  { path: 'spec/template/metadata/labels', kind: 'DaemonSet', create: true },
  { path: 'spec/template/metadata/labels', group: 'apps', kind: 'StatefulSet', create: true },
  { path: 'spec/volumeClaimTemplates[]/metadata/labels', group: 'apps', kind: 'StatefulSet', create: true },
  { path: 'spec/template/metadata/labels', group: 'batch', kind: 'Job', create: true },
  { path: 'spec/jobTemplate/metadata/labels', group: 'batch', kind: 'CronJob', create: true },
  { path: 'spec/jobTemplate/spec/template/metadata/labels', group: 'batch', kind: 'CronJob', create: true },
];
