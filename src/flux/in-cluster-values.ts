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

/**
 * A ConfigMap or Secret as substitution and valuesFrom see it in the cluster: the rendered
 * object itself; for a SOPS Secret left encrypted, a placeholder with its keys; for a Secret
 * only an ExternalSecret creates, a placeholder with the keys it declares; else undefined.
 */
export function inClusterObject(
  found: { obj: JsonObject; masked?: boolean } | undefined,
  externalSecret: JsonObject | undefined,
  namespace: string,
  name: string,
): JsonObject | undefined {
  if (found && !found.masked) return found.obj;
  if (found) {
    const keys = [found.obj.data, found.obj.stringData].flatMap((m) =>
      isJsonObject(m) ? Object.keys(m) : [],
    );
    return placeholderSecret(namespace, name, keys, 'known', 'SOPS-encrypted, not decrypted');
  }
  if (!externalSecret) return undefined;
  const { keys, kind } = externalSecretKeys(externalSecret);
  const meta = isJsonObject(externalSecret.metadata) ? externalSecret.metadata : {};
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return placeholderSecret(
    namespace,
    name,
    keys,
    kind,
    `created by ExternalSecret ${text(meta.namespace)}/${text(meta.name)}`,
  );
}
