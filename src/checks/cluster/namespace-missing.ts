import { isJsonObject } from '../../core/json.js';
import { gvkOf } from '../../core/resource-id.js';
import { isClusterScoped } from '../../kustomize/scope.js';
import type { ClusterModel } from '../../render/model.js';
import type { CheckContext, Rule } from '../rule.js';
import {
  appliedObjects,
  byKey,
  clustersText,
  declaredObjects,
  failedNote,
  finding,
  groupOf,
  metaOf,
  rootOf,
  specOf,
  type Where,
} from './util.js';

const ID = 'namespace-missing';

/** Namespaces every cluster has. */
const BUILT_IN = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];
/** OpenShift/OKD creates its platform namespaces itself. */
const PLATFORM = /^openshift(-|$)/;

/**
 * Cluster-scoped custom kinds common in Flux repositories whose CRDs come from Helm charts (so
 * the render never sees them): kustomize sets a namespace on them, the API server ignores it.
 */
const CLUSTER_SCOPED_CRS = new Set([
  'ClusterIssuer',
  'ClusterSecretStore',
  'ClusterExternalSecret',
  'ClusterPolicy',
  'ClusterCleanupPolicy',
  'CiliumClusterwideNetworkPolicy',
  'CiliumLoadBalancerIPPool',
  'CiliumL2AnnouncementPolicy',
  'CiliumBGPClusterConfig',
  'CiliumBGPPeeringPolicy',
  'CiliumBGPPeerConfig',
  'CiliumBGPAdvertisement',
  'CiliumNodeConfig',
  'GatewayClass',
  'VolumeSnapshotClass',
  'NodeFeatureRule',
  'ClusterTask',
  'ClusterImageCatalog',
  'ClusterSearch',
]);

interface Scope {
  namespaces: Set<string>;
  /** `group/Kind` of cluster-scoped kinds whose CRD the cluster applies. */
  clusterKinds: Set<string>;
}

function scopeOf(ctx: CheckContext, model: ClusterModel): Scope {
  const namespaces = new Set(BUILT_IN);
  // Flux runs in the root Kustomization's namespace: bootstrap or the Flux operator created it.
  const root = rootOf(model);
  if (root) namespaces.add(root.ref.namespace);
  const clusterKinds = new Set<string>();
  for (const { obj } of [...appliedObjects(model).map(({ o }) => o), ...declaredObjects(ctx, model)]) {
    if (obj.kind === 'Namespace' && groupOf(obj) === '') namespaces.add(metaOf(obj).name);
    if (obj.kind === 'CustomResourceDefinition' && groupOf(obj) === 'apiextensions.k8s.io') {
      const spec = specOf(obj);
      const names = isJsonObject(spec.names) ? spec.names : {};
      if (spec.scope === 'Cluster') clusterKinds.add(`${String(spec.group)}/${String(names.kind)}`);
    }
  }
  // helm-controller creates the target namespace when asked to.
  for (const hr of model.helmReleases) {
    const spec = specOf(hr.obj);
    if (isJsonObject(spec.install) && spec.install.createNamespace === true) {
      namespaces.add(
        typeof spec.targetNamespace === 'string' && spec.targetNamespace
          ? spec.targetNamespace
          : hr.ref.namespace,
      );
    }
  }
  return { namespaces, clusterKinds };
}

/**
 * A namespaced object in a namespace nothing creates fails to apply (`namespaces "x" not
 * found`), and with it the whole Kustomization. Present namespaces: Namespace objects any
 * Kustomization of the cluster applies or k8s-ops.yaml declares, the built-in ones, the root
 * Kustomization's namespace (Flux's own), OpenShift's `openshift-*`, and HelmRelease targets with install.createNamespace.
 * Objects without a namespace are skipped, as are cluster-scoped kinds (kustomize's built-in
 * table, CRDs the cluster applies, and a short list of common cluster-scoped custom kinds).
 * One finding per missing namespace, at its first use.
 */
export const namespaceMissing: Rule = {
  id: ID,
  severity: 'error',
  description: 'objects are applied into a namespace that no Kustomization of the cluster creates',
  check(ctx) {
    const found: { key: string; cluster: string; value: { message: string; note: string; where: Where } }[] =
      [];
    for (const model of ctx.models) {
      const scope = scopeOf(ctx, model);
      const uses = new Map<string, { count: number; first: string; where: Where }>();
      for (const { o } of appliedObjects(model)) {
        const { namespace, name } = metaOf(o.obj);
        if (!namespace || scope.namespaces.has(namespace) || PLATFORM.test(namespace)) continue;
        const gvk = gvkOf(o.obj);
        if (isClusterScoped(gvk) || scope.clusterKinds.has(`${gvk.group}/${gvk.kind}`)) continue;
        if (CLUSTER_SCOPED_CRS.has(gvk.kind)) continue;
        const use = uses.get(namespace);
        if (use) use.count++;
        else {
          const where = { file: o.file, ...(o.line !== undefined ? { line: o.line } : {}) };
          uses.set(namespace, { count: 1, first: `${gvk.kind} ${namespace}/${name}`, where });
        }
      }
      const note = failedNote(model);
      for (const [namespace, use] of uses) {
        const others = use.count > 1 ? ` and ${use.count - 1} more object${use.count > 2 ? 's' : ''}` : '';
        const message = `namespace ${namespace} is not created by any Kustomization, but ${use.first}${others} ${use.count > 1 ? 'are' : 'is'} applied into it`;
        found.push({
          key: `${use.where.file ?? ''}:${use.where.line ?? ''}:${namespace}`,
          cluster: model.name,
          value: { message, note, where: use.where },
        });
      }
    }
    return byKey(found).map(({ value, clusters }) =>
      finding(
        ID,
        'error',
        `${value.message} on ${clustersText(clusters)}${clusters.length === 1 ? value.note : ''}`,
        value.where,
        'add a Namespace object to a Kustomization of the cluster (before its users, with dependsOn)',
      ),
    );
  },
};
