import { gvkOf, type Gvk } from '../core/resource-id.js';
import { getName, getNamespace, type KResource } from './resource.js';

/** kustomize's default (legacy) output order: these kinds first, in this order ... */
export const DEFAULT_ORDER_FIRST = [
  'Namespace',
  'ResourceQuota',
  'StorageClass',
  'CustomResourceDefinition',
  'ServiceAccount',
  'PodSecurityPolicy',
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
  'ConfigMap',
  'Secret',
  'Endpoints',
  'Service',
  'LimitRange',
  'PriorityClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'Deployment',
  'StatefulSet',
  'CronJob',
  'PodDisruptionBudget',
];
/** ... and these last; everything else in between, by group/version/kind then namespace/name. */
export const DEFAULT_ORDER_LAST = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

function gvkSortString(g: Gvk): string {
  return `${g.group || '~G'}_${g.version || '~V'}_${g.kind || '~K'}`;
}

function gvkString(g: Gvk): string {
  return `${g.kind || '[noKind]'}.${g.version || '[noVer]'}.${g.group || '[noGrp]'}`;
}

/** Byte-wise comparison, as Go compares strings. */
function compareBytes(a: string, b: string): number {
  if (a === b) return 0;
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

export function legacySort(
  resources: KResource[],
  orderFirst: readonly string[] = DEFAULT_ORDER_FIRST,
  orderLast: readonly string[] = DEFAULT_ORDER_LAST,
): KResource[] {
  const rank = new Map<string, number>();
  orderFirst.forEach((k, i) => rank.set(k, -orderFirst.length + i));
  orderLast.forEach((k, i) => rank.set(k, 1 + i));
  const keyed = resources.map((r) => {
    const gvk = gvkOf(r.obj);
    return {
      r,
      rank: rank.get(gvk.kind) ?? 0,
      gvk: gvkSortString(gvk),
      id: `${gvkString(gvk)}|${getNamespace(r.obj) || '~X'}|${getName(r.obj) || '~N'}`,
    };
  });
  keyed.sort((a, b) => {
    if (a.gvk !== b.gvk) return a.rank !== b.rank ? a.rank - b.rank : compareBytes(a.gvk, b.gvk);
    return compareBytes(a.id, b.id);
  });
  return keyed.map((k) => k.r);
}
