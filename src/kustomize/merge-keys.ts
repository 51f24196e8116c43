/**
 * The slice of the Kubernetes OpenAPI that kustomize's strategic merge consults: which lists are
 * merged (and by which keys) instead of replaced. kustomize embeds the Kubernetes v1.21.2 schema,
 * so this table mirrors v1.21.2: fields added to Kubernetes later are unknown to kustomize and
 * their lists are replaced, and API versions newer than 1.21 (e.g. autoscaling/v2) have no
 * schema at all.
 *
 * Type names are OpenAPI definition names without the `io.k8s.api.` /
 * `io.k8s.apimachinery.pkg.apis.` prefix (other definitions keep their full name). Only fields that lead to a patch strategy are listed;
 * every other field of a known type is opaque (no strategy anywhere below it).
 */

/** A field carrying `x-kubernetes-patch-strategy`. */
export interface PatchStrategy {
  /** `x-kubernetes-patch-strategy`, e.g. `merge` or `merge,retainKeys`. */
  strategy: string;
  /** `x-kubernetes-patch-merge-key`, absent for lists of scalars and for maps. */
  mergeKey?: string;
  /** `x-kubernetes-list-map-keys`, when the schema gives it (kustomize prefers it to the merge key). */
  listMapKeys?: readonly string[];
  /** Element type (lists) or value type (maps), when something below it matters. */
  type?: string;
}

/** A field is either the name of its (object or list-element) type, or a patch strategy. */
export type FieldSpec = string | PatchStrategy;

const merge = (mergeKey?: string, type?: string, listMapKeys?: readonly string[]): PatchStrategy => ({
  strategy: 'merge',
  ...(mergeKey === undefined ? {} : { mergeKey }),
  ...(type === undefined ? {} : { type }),
  ...(listMapKeys === undefined ? {} : { listMapKeys }),
});

const META = 'meta.v1.ObjectMeta';
const POD_TEMPLATE = 'core.v1.PodTemplateSpec';
const conditions = merge('type');
const API_SERVICE = 'io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIService';

const containerFields: Record<string, FieldSpec> = {
  ports: merge('containerPort', undefined, ['containerPort', 'protocol']),
  env: merge('name'),
  volumeMounts: merge('mountPath'),
  volumeDevices: merge('devicePath'),
};

const webhookConfiguration = (webhook: string): Record<string, FieldSpec> => ({
  metadata: META,
  webhooks: merge('name', webhook),
});

/** Definition name → fields that matter. */
export const SCHEMA_TYPES: Readonly<Record<string, Readonly<Record<string, FieldSpec>>>> = {
  [META]: { finalizers: merge(), ownerReferences: merge('uid') },

  'core.v1.Pod': { metadata: META, spec: 'core.v1.PodSpec', status: 'core.v1.PodStatus' },
  'core.v1.PodSpec': {
    containers: merge('name', 'core.v1.Container'),
    initContainers: merge('name', 'core.v1.Container'),
    ephemeralContainers: merge('name', 'core.v1.EphemeralContainer'),
    volumes: { strategy: 'merge,retainKeys', mergeKey: 'name' },
    imagePullSecrets: merge('name'),
    hostAliases: merge('ip'),
    topologySpreadConstraints: merge('topologyKey', undefined, ['topologyKey', 'whenUnsatisfiable']),
  },
  'core.v1.Container': containerFields,
  'core.v1.EphemeralContainer': containerFields,
  'core.v1.PodStatus': { conditions, podIPs: merge('ip') },
  [POD_TEMPLATE]: { metadata: META, spec: 'core.v1.PodSpec' },
  'core.v1.PodTemplate': { metadata: META, template: POD_TEMPLATE },
  'core.v1.ReplicationController': {
    metadata: META,
    spec: 'core.v1.ReplicationControllerSpec',
    status: 'core.v1.ReplicationControllerStatus',
  },
  'core.v1.ReplicationControllerSpec': { template: POD_TEMPLATE },
  'core.v1.ReplicationControllerStatus': { conditions },
  'core.v1.Service': { metadata: META, spec: 'core.v1.ServiceSpec', status: 'core.v1.ServiceStatus' },
  'core.v1.ServiceSpec': { ports: merge('port', undefined, ['port', 'protocol']) },
  'core.v1.ServiceStatus': { conditions },
  'core.v1.ServiceAccount': { metadata: META, secrets: merge('name') },
  'core.v1.ComponentStatus': { metadata: META, conditions },
  'core.v1.Namespace': { metadata: META, status: 'core.v1.NamespaceStatus' },
  'core.v1.NamespaceStatus': { conditions },
  'core.v1.PersistentVolumeClaim': { metadata: META, status: 'core.v1.PersistentVolumeClaimStatus' },
  'core.v1.PersistentVolumeClaimStatus': { conditions },

  'apps.v1.Deployment': {
    metadata: META,
    spec: 'apps.v1.DeploymentSpec',
    status: 'apps.v1.DeploymentStatus',
  },
  // A strategy on a map: kustomize's merge ignores it, listed so the table mirrors the schema.
  'apps.v1.DeploymentSpec': { template: POD_TEMPLATE, strategy: { strategy: 'retainKeys' } },
  'apps.v1.DeploymentStatus': { conditions },
  'apps.v1.StatefulSet': {
    metadata: META,
    spec: 'apps.v1.StatefulSetSpec',
    status: 'apps.v1.StatefulSetStatus',
  },
  'apps.v1.StatefulSetSpec': { template: POD_TEMPLATE },
  'apps.v1.StatefulSetStatus': { conditions },
  'apps.v1.DaemonSet': { metadata: META, spec: 'apps.v1.DaemonSetSpec', status: 'apps.v1.DaemonSetStatus' },
  'apps.v1.DaemonSetSpec': { template: POD_TEMPLATE },
  'apps.v1.DaemonSetStatus': { conditions },
  'apps.v1.ReplicaSet': {
    metadata: META,
    spec: 'apps.v1.ReplicaSetSpec',
    status: 'apps.v1.ReplicaSetStatus',
  },
  'apps.v1.ReplicaSetSpec': { template: POD_TEMPLATE },
  'apps.v1.ReplicaSetStatus': { conditions },

  'batch.v1.Job': { metadata: META, spec: 'batch.v1.JobSpec', status: 'batch.v1.JobStatus' },
  'batch.v1.JobSpec': { template: POD_TEMPLATE },
  'batch.v1.JobStatus': { conditions },
  'batch.v1.CronJob': { metadata: META, spec: 'batch.v1.CronJobSpec' },
  'batch.v1.CronJobSpec': { jobTemplate: 'batch.v1.JobTemplateSpec' },
  'batch.v1.JobTemplateSpec': { metadata: META, spec: 'batch.v1.JobSpec' },

  'admissionregistration.v1.MutatingWebhookConfiguration': webhookConfiguration(
    'admissionregistration.v1.MutatingWebhook',
  ),
  'admissionregistration.v1.ValidatingWebhookConfiguration': webhookConfiguration(
    'admissionregistration.v1.ValidatingWebhook',
  ),

  'policy.v1.PodDisruptionBudget': {
    metadata: META,
    spec: 'policy.v1.PodDisruptionBudgetSpec',
    status: 'policy.v1.PodDisruptionBudgetStatus',
  },
  'policy.v1.PodDisruptionBudgetSpec': { selector: { strategy: 'replace' } },
  'policy.v1.PodDisruptionBudgetStatus': { conditions },

  [API_SERVICE]: { metadata: META, status: `${API_SERVICE}Status` },
  [`${API_SERVICE}Status`]: { conditions },
};

/** `group/version/Kind` (core group: `v1/Kind`) → root definition. */
export const ROOT_TYPES: Readonly<Record<string, string>> = {
  'v1/Pod': 'core.v1.Pod',
  'v1/PodTemplate': 'core.v1.PodTemplate',
  'v1/ReplicationController': 'core.v1.ReplicationController',
  'v1/Service': 'core.v1.Service',
  'v1/ServiceAccount': 'core.v1.ServiceAccount',
  'v1/ComponentStatus': 'core.v1.ComponentStatus',
  'v1/Namespace': 'core.v1.Namespace',
  'v1/PersistentVolumeClaim': 'core.v1.PersistentVolumeClaim',
  'apps/v1/Deployment': 'apps.v1.Deployment',
  'apps/v1/StatefulSet': 'apps.v1.StatefulSet',
  'apps/v1/DaemonSet': 'apps.v1.DaemonSet',
  'apps/v1/ReplicaSet': 'apps.v1.ReplicaSet',
  'batch/v1/Job': 'batch.v1.Job',
  'batch/v1/CronJob': 'batch.v1.CronJob',
  'admissionregistration.k8s.io/v1/MutatingWebhookConfiguration':
    'admissionregistration.v1.MutatingWebhookConfiguration',
  'admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration':
    'admissionregistration.v1.ValidatingWebhookConfiguration',
  'policy/v1/PodDisruptionBudget': 'policy.v1.PodDisruptionBudget',
  'apiregistration.k8s.io/v1/APIService': API_SERVICE,
};

/**
 * Other kinds of Kubernetes v1.21.2 whose only strategies are ObjectMeta's (finalizers,
 * ownerReferences). Kinds missing here, CRDs' custom resources included, have no schema.
 */
export const METADATA_ONLY_KINDS: readonly string[] = [
  'v1/Binding',
  'v1/ConfigMap',
  'v1/Endpoints',
  'v1/Event',
  'v1/LimitRange',
  'v1/PersistentVolume',
  'v1/ResourceQuota',
  'v1/Secret',
  'apps/v1/ControllerRevision',
  'autoscaling/v1/HorizontalPodAutoscaler',
  'autoscaling/v2beta1/HorizontalPodAutoscaler',
  'autoscaling/v2beta2/HorizontalPodAutoscaler',
  'networking.k8s.io/v1/Ingress',
  'networking.k8s.io/v1/IngressClass',
  'networking.k8s.io/v1/NetworkPolicy',
  'networking.k8s.io/v1beta1/Ingress',
  'extensions/v1beta1/Ingress',
  'rbac.authorization.k8s.io/v1/ClusterRole',
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding',
  'rbac.authorization.k8s.io/v1/Role',
  'rbac.authorization.k8s.io/v1/RoleBinding',
  'scheduling.k8s.io/v1/PriorityClass',
  'storage.k8s.io/v1/StorageClass',
  'storage.k8s.io/v1/CSIDriver',
  'storage.k8s.io/v1/VolumeAttachment',
  'coordination.k8s.io/v1/Lease',
  'discovery.k8s.io/v1/EndpointSlice',
  'events.k8s.io/v1/Event',
  'node.k8s.io/v1/RuntimeClass',
  'certificates.k8s.io/v1/CertificateSigningRequest',
  'apiextensions.k8s.io/v1/CustomResourceDefinition',
  'policy/v1beta1/PodSecurityPolicy',
];

const METADATA_ONLY_TYPE = '(metadata only)';

/** Resolved schema position used by the merge walker. */
export interface SchemaNode {
  /** Schema of a map field (or of any key when the type is a map of values). */
  field(name: string): SchemaNode;
  /** Schema of list elements. */
  readonly elements: SchemaNode;
  /** The list's patch strategy, when the schema gives one. */
  readonly strategy: PatchStrategy | undefined;
}

/** A known position with no strategy anywhere below it. */
const OPAQUE: SchemaNode = {
  field: () => OPAQUE,
  get elements() {
    return OPAQUE;
  },
  strategy: undefined,
};

const typeNodes = new Map<string, SchemaNode>();

function typeNode(name: string): SchemaNode {
  let node = typeNodes.get(name);
  if (node) return node;
  const fields = name === METADATA_ONLY_TYPE ? { metadata: META } : (SCHEMA_TYPES[name] ?? {});
  const children = new Map<string, SchemaNode>();
  for (const [field, spec] of Object.entries(fields)) {
    children.set(field, typeof spec === 'string' ? lazyType(spec) : strategyNode(spec));
  }
  node = { field: (f) => children.get(f) ?? OPAQUE, elements: OPAQUE, strategy: undefined };
  typeNodes.set(name, node);
  return node;
}

/** Defers resolution so the table may be cyclic-free yet declared in any order. */
function lazyType(name: string): SchemaNode {
  return {
    field: (f) => typeNode(name).field(f),
    get elements() {
      return typeNode(name).elements;
    },
    strategy: undefined,
  };
}

function strategyNode(spec: PatchStrategy): SchemaNode {
  const inner = spec.type === undefined ? OPAQUE : lazyType(spec.type);
  return { field: (f) => inner.field(f), elements: inner, strategy: spec };
}

const rootCache = new Map<string, SchemaNode | undefined>();
const metadataOnly = new Set(METADATA_ONLY_KINDS);

/** The schema kustomize uses for a resource of this apiVersion/kind, or undefined when it has none. */
export function schemaForType(apiVersion: string, kind: string): SchemaNode | undefined {
  const gvk = `${apiVersion}/${kind}`;
  if (rootCache.has(gvk)) return rootCache.get(gvk);
  const root = ROOT_TYPES[gvk] ?? (metadataOnly.has(gvk) ? METADATA_ONLY_TYPE : undefined);
  const node = root === undefined ? undefined : typeNode(root);
  rootCache.set(gvk, node);
  return node;
}

/** The keys kustomize merges list elements by: list-map-keys when given, else the merge key. */
export function listMergeKeys(strategy: PatchStrategy): readonly string[] {
  if (strategy.listMapKeys) return strategy.listMapKeys;
  return strategy.mergeKey === undefined ? [] : [strategy.mergeKey];
}

/** Whether kustomize treats the list as associative: one of the comma-separated strategies is `merge`. */
export function isMergeStrategy(strategy: PatchStrategy | undefined): boolean {
  return strategy !== undefined && strategy.strategy.split(',').includes('merge');
}
