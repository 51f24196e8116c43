import { isJsonObject, type JsonObject } from '../core/json.js';

/**
 * Values that exist only inside the cluster — a SOPS Secret that was not decrypted, a Secret
 * an ExternalSecret will create — are rendered with a visible placeholder instead of failing
 * the build: the names are known, the values are not.
 */
export const IN_CLUSTER_PLACEHOLDER = 'k8s-ops-in-cluster-value';
export const PLACEHOLDER_ANNOTATION = 'k8s-ops.dev/placeholder';

/** `known`: keys are known; `opaque`: even the keys are unknown (ExternalSecret dataFrom). */
export type PlaceholderKind = 'known' | 'opaque';

export function placeholderSecret(
  namespace: string,
  name: string,
  keys: readonly string[],
  kind: PlaceholderKind,
  origin: string,
): JsonObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace, annotations: { [PLACEHOLDER_ANNOTATION]: `${kind}: ${origin}` } },
    stringData: Object.fromEntries(keys.map((k) => [k, IN_CLUSTER_PLACEHOLDER])),
  };
}

export function placeholderOf(
  obj: JsonObject | undefined,
): { kind: PlaceholderKind; origin: string } | undefined {
  const meta = obj && isJsonObject(obj.metadata) ? obj.metadata : undefined;
  const ann = meta && isJsonObject(meta.annotations) ? meta.annotations[PLACEHOLDER_ANNOTATION] : undefined;
  if (typeof ann !== 'string') return undefined;
  const [kind, ...rest] = ann.split(': ');
  return { kind: kind === 'opaque' ? 'opaque' : 'known', origin: rest.join(': ') };
}

/** The keys of the Secret an ExternalSecret creates, and whether they can be known offline. */
export function externalSecretKeys(es: JsonObject): { keys: string[]; kind: PlaceholderKind } {
  const spec = isJsonObject(es.spec) ? es.spec : {};
  const keys = new Set<string>();
  for (const d of Array.isArray(spec.data) ? spec.data : []) {
    if (isJsonObject(d) && typeof d.secretKey === 'string') keys.add(d.secretKey);
  }
  const target = isJsonObject(spec.target) ? spec.target : {};
  const template = isJsonObject(target.template) ? target.template : {};
  if (isJsonObject(template.data)) for (const k of Object.keys(template.data)) keys.add(k);
  const templated = isJsonObject(template.data) && !template.mergePolicy;
  const opaque = Array.isArray(spec.dataFrom) && spec.dataFrom.length > 0 && !templated;
  return { keys: [...keys], kind: opaque ? 'opaque' : 'known' };
}

/** Name and namespace of the Secret an ExternalSecret creates. */
export function externalSecretTarget(es: JsonObject): { namespace: string; name: string } {
  const meta = isJsonObject(es.metadata) ? es.metadata : {};
  const spec = isJsonObject(es.spec) ? es.spec : {};
  const target = isJsonObject(spec.target) ? spec.target : {};
  const name = typeof target.name === 'string' && target.name ? target.name : String(meta.name ?? '');
  return { namespace: String(meta.namespace ?? ''), name };
}
