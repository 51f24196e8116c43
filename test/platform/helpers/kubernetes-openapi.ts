import { readFileSync } from 'node:fs';

/**
 * Strict JSON Schemas for the Kubernetes core API from the OpenAPI v2 (swagger) spec.
 *
 * The platform tests keep their own small converter (the product has its own in src/schemas):
 * - every definition becomes an entry of a JSON Schema `definitions` map; `$ref`s keep their
 *   `#/definitions/<name>` form and resolve inside the converted document;
 * - `format: int-or-string` (IntOrString) is `string | integer`; a resource.Quantity is
 *   `string | number` (the API server accepts `cpu: 1` and `memory: 512`);
 * - an object whose spec lists `properties` and no `additionalProperties` gets
 *   `additionalProperties: false`: unknown fields are errors, as with `kubectl --validate=strict`;
 * - vendor extensions (`x-kubernetes-*`) are dropped.
 */

type Json = unknown;
type JsonMap = Record<string, Json>;

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

export interface KubernetesSchemas {
  /** The converted document: `{ $id, definitions }`, to be added to ajv once. */
  schema: JsonMap;
  $id: string;
  /** `group/version/kind` (group '' for the core group) → definition name. */
  byGvk: Map<string, string>;
}

export function gvkKey(gvk: GroupVersionKind): string {
  return `${gvk.group}/${gvk.version}/${gvk.kind}`;
}

/** group/version/kind of a manifest's apiVersion + kind. */
export function gvkOf(apiVersion: string, kind: string): GroupVersionKind {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion, kind }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1), kind };
}

const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

function convert(node: Json): Json {
  if (Array.isArray(node)) return node.map(convert);
  if (node === null || typeof node !== 'object') return node;
  const src = node as JsonMap;
  const out: JsonMap = {};
  for (const [key, value] of Object.entries(src)) {
    if (key.startsWith('x-')) continue;
    if (key === 'properties') {
      const props: JsonMap = {};
      for (const [name, prop] of Object.entries(value as JsonMap)) props[name] = convert(prop);
      out.properties = props;
    } else if (key === 'description') {
      continue;
    } else {
      out[key] = convert(value);
    }
  }
  if (src.format === 'int-or-string') {
    delete out.format;
    out.type = ['string', 'integer'];
  }
  if (src.properties !== undefined && src.additionalProperties === undefined)
    out.additionalProperties = false;
  return out;
}

export function loadKubernetesSchemas(swaggerFile: string, $id = 'kubernetes-openapi'): KubernetesSchemas {
  const swagger = JSON.parse(readFileSync(swaggerFile, 'utf8')) as { definitions: Record<string, JsonMap> };
  const definitions: JsonMap = {};
  const byGvk = new Map<string, string>();
  for (const [name, def] of Object.entries(swagger.definitions)) {
    definitions[name] = name === QUANTITY ? { type: ['string', 'number'] } : convert(def);
    const gvks = def['x-kubernetes-group-version-kind'] as GroupVersionKind[] | undefined;
    // DeleteOptions, WatchEvent and the like list every group: only kinds with a single GVK are objects.
    if (gvks?.length === 1) {
      const key = gvkKey(gvks[0] as GroupVersionKind);
      if (!byGvk.has(key)) byGvk.set(key, name);
    }
  }
  return { schema: { $id, definitions }, $id, byGvk };
}
