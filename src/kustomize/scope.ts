import type { Gvk } from '../core/resource-id.js';

/**
 * Kinds kustomize v5 knows to be cluster-scoped. kustomize decides this from the Kubernetes
 * OpenAPI document it embeds (v1.21.2), keyed by apiVersion and kind: a kind it does not know,
 * including every custom resource, counts as namespaced, so a `namespace:` transformer sets a
 * namespace on e.g. a cert-manager ClusterIssuer. Matching that exactly is the point, so this
 * table lists what that document declares, not what a newer cluster has. The document has no
 * alpha API versions, and the create-only review kinds (TokenReview, SubjectAccessReview, ...)
 * carry no scope in it, so kustomize treats all of those as namespaced too.
 */
const CLUSTER_SCOPED: Readonly<Record<string, readonly string[]>> = {
  v1: ['ComponentStatus', 'Namespace', 'Node', 'PersistentVolume'],
  'admissionregistration.k8s.io/v1': ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
  'admissionregistration.k8s.io/v1beta1': ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
  'apiextensions.k8s.io/v1': ['CustomResourceDefinition'],
  'apiextensions.k8s.io/v1beta1': ['CustomResourceDefinition'],
  'apiregistration.k8s.io/v1': ['APIService'],
  'apiregistration.k8s.io/v1beta1': ['APIService'],
  'certificates.k8s.io/v1': ['CertificateSigningRequest'],
  'certificates.k8s.io/v1beta1': ['CertificateSigningRequest'],
  'flowcontrol.apiserver.k8s.io/v1beta1': ['FlowSchema', 'PriorityLevelConfiguration'],
  'networking.k8s.io/v1': ['IngressClass'],
  'networking.k8s.io/v1beta1': ['IngressClass'],
  'node.k8s.io/v1': ['RuntimeClass'],
  'node.k8s.io/v1beta1': ['RuntimeClass'],
  'policy/v1beta1': ['PodSecurityPolicy'],
  'rbac.authorization.k8s.io/v1': ['ClusterRole', 'ClusterRoleBinding'],
  'rbac.authorization.k8s.io/v1beta1': ['ClusterRole', 'ClusterRoleBinding'],
  'scheduling.k8s.io/v1': ['PriorityClass'],
  'scheduling.k8s.io/v1beta1': ['PriorityClass'],
  'storage.k8s.io/v1': ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'],
  'storage.k8s.io/v1beta1': ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'],
};

const lookup = new Set(
  Object.entries(CLUSTER_SCOPED).flatMap(([apiVersion, kinds]) => kinds.map((k) => `${apiVersion} ${k}`)),
);

export function isClusterScoped(gvk: Gvk): boolean {
  const apiVersion = gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
  return lookup.has(`${apiVersion} ${gvk.kind}`);
}
