/**
 * Kubernetes API versions that were deprecated or stopped being served, from the official
 * Deprecated API Migration Guide (kubernetes.io/docs/reference/using-api/deprecation-guide).
 * `deprecated` is the release where the replacement was available and the old version
 * deprecated (the guide's "available since"); `removed` the release that stopped serving it.
 * The OpenAPI schemas do not carry this, hence the table.
 */
export interface ApiLifecycle {
  apiVersion: string;
  /** Kinds affected; all kinds of the apiVersion when absent. */
  kinds?: readonly string[];
  deprecated: string;
  removed?: string;
  /** What to use instead. */
  replacement: string;
}

export const API_LIFECYCLE: readonly ApiLifecycle[] = [
  {
    apiVersion: 'extensions/v1beta1',
    kinds: ['Ingress'],
    deprecated: '1.19',
    removed: '1.22',
    replacement: 'networking.k8s.io/v1',
  },
  {
    apiVersion: 'extensions/v1beta1',
    kinds: ['NetworkPolicy'],
    deprecated: '1.9',
    removed: '1.16',
    replacement: 'networking.k8s.io/v1',
  },
  {
    apiVersion: 'extensions/v1beta1',
    kinds: ['PodSecurityPolicy'],
    deprecated: '1.10',
    removed: '1.16',
    replacement: 'policy/v1beta1 (itself removed in 1.25: use Pod Security Admission)',
  },
  { apiVersion: 'extensions/v1beta1', deprecated: '1.9', removed: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'apps/v1beta1', deprecated: '1.9', removed: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'apps/v1beta2', deprecated: '1.9', removed: '1.16', replacement: 'apps/v1' },
  {
    apiVersion: 'admissionregistration.k8s.io/v1beta1',
    deprecated: '1.16',
    removed: '1.22',
    replacement: 'admissionregistration.k8s.io/v1',
  },
  {
    apiVersion: 'apiextensions.k8s.io/v1beta1',
    deprecated: '1.16',
    removed: '1.22',
    replacement: 'apiextensions.k8s.io/v1',
  },
  {
    apiVersion: 'apiregistration.k8s.io/v1beta1',
    deprecated: '1.10',
    removed: '1.22',
    replacement: 'apiregistration.k8s.io/v1',
  },
  {
    apiVersion: 'authentication.k8s.io/v1beta1',
    deprecated: '1.6',
    removed: '1.22',
    replacement: 'authentication.k8s.io/v1',
  },
  {
    apiVersion: 'authorization.k8s.io/v1beta1',
    deprecated: '1.6',
    removed: '1.22',
    replacement: 'authorization.k8s.io/v1',
  },
  {
    apiVersion: 'certificates.k8s.io/v1beta1',
    deprecated: '1.19',
    removed: '1.22',
    replacement: 'certificates.k8s.io/v1',
  },
  {
    apiVersion: 'coordination.k8s.io/v1beta1',
    deprecated: '1.14',
    removed: '1.22',
    replacement: 'coordination.k8s.io/v1',
  },
  {
    apiVersion: 'networking.k8s.io/v1beta1',
    kinds: ['Ingress', 'IngressClass'],
    deprecated: '1.19',
    removed: '1.22',
    replacement: 'networking.k8s.io/v1',
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1beta1',
    deprecated: '1.8',
    removed: '1.22',
    replacement: 'rbac.authorization.k8s.io/v1',
  },
  {
    apiVersion: 'scheduling.k8s.io/v1beta1',
    deprecated: '1.14',
    removed: '1.22',
    replacement: 'scheduling.k8s.io/v1',
  },
  {
    apiVersion: 'storage.k8s.io/v1beta1',
    kinds: ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'],
    deprecated: '1.19',
    removed: '1.22',
    replacement: 'storage.k8s.io/v1',
  },
  {
    apiVersion: 'batch/v1beta1',
    kinds: ['CronJob'],
    deprecated: '1.21',
    removed: '1.25',
    replacement: 'batch/v1',
  },
  {
    apiVersion: 'discovery.k8s.io/v1beta1',
    kinds: ['EndpointSlice'],
    deprecated: '1.21',
    removed: '1.25',
    replacement: 'discovery.k8s.io/v1',
  },
  {
    apiVersion: 'events.k8s.io/v1beta1',
    kinds: ['Event'],
    deprecated: '1.19',
    removed: '1.25',
    replacement: 'events.k8s.io/v1',
  },
  {
    apiVersion: 'autoscaling/v2beta1',
    kinds: ['HorizontalPodAutoscaler'],
    deprecated: '1.23',
    removed: '1.25',
    replacement: 'autoscaling/v2',
  },
  {
    apiVersion: 'policy/v1beta1',
    kinds: ['PodDisruptionBudget'],
    deprecated: '1.21',
    removed: '1.25',
    replacement: 'policy/v1',
  },
  {
    apiVersion: 'policy/v1beta1',
    kinds: ['PodSecurityPolicy'],
    deprecated: '1.21',
    removed: '1.25',
    replacement: 'Pod Security Admission (no replacement API)',
  },
  {
    apiVersion: 'node.k8s.io/v1beta1',
    kinds: ['RuntimeClass'],
    deprecated: '1.20',
    removed: '1.25',
    replacement: 'node.k8s.io/v1',
  },
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1',
    deprecated: '1.23',
    removed: '1.26',
    replacement: 'flowcontrol.apiserver.k8s.io/v1',
  },
  {
    apiVersion: 'autoscaling/v2beta2',
    kinds: ['HorizontalPodAutoscaler'],
    deprecated: '1.23',
    removed: '1.26',
    replacement: 'autoscaling/v2',
  },
  {
    apiVersion: 'storage.k8s.io/v1beta1',
    kinds: ['CSIStorageCapacity'],
    deprecated: '1.24',
    removed: '1.27',
    replacement: 'storage.k8s.io/v1',
  },
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2',
    deprecated: '1.26',
    removed: '1.29',
    replacement: 'flowcontrol.apiserver.k8s.io/v1',
  },
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3',
    deprecated: '1.29',
    removed: '1.32',
    replacement: 'flowcontrol.apiserver.k8s.io/v1',
  },
  // Deprecated, still served: the API server answers with a warning.
  {
    apiVersion: 'v1',
    kinds: ['ComponentStatus'],
    deprecated: '1.19',
    replacement: 'the health endpoints of the components',
  },
  {
    apiVersion: 'v1',
    kinds: ['Endpoints'],
    deprecated: '1.33',
    replacement: 'discovery.k8s.io/v1 EndpointSlice',
  },
];

/** `1.35` → [1, 35]; tolerates a leading `v` and a patch number. */
function parts(version: string): [number, number] {
  const m = /^v?(\d+)\.(\d+)/.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}

export function atLeast(version: string, than: string): boolean {
  const [a, b] = parts(version);
  const [c, d] = parts(than);
  return a > c || (a === c && b >= d);
}

/** The lifecycle entry for an object's apiVersion and kind, if the table has one. */
export function lifecycleOf(apiVersion: string, kind: string): ApiLifecycle | undefined {
  return API_LIFECYCLE.find((e) => e.apiVersion === apiVersion && (!e.kinds || e.kinds.includes(kind)));
}
