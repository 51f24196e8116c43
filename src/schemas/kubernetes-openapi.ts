import { isJsonObject } from '../core/json.js';
import { convertSchema, type ConvertOptions } from './convert.js';
import { gvkKey } from './gvk.js';
import { lazyRecord } from './lazy-record.js';
import type { Gvk, JsonSchema, OpenApiDoc } from './types.js';

/** The document id in `$ref`s to the converted definitions (`kubernetes#/definitions/...`). */
export const KUBERNETES_SCHEMA_ID = 'kubernetes';

const DEFINITIONS_PREFIX = '#/definitions/';
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';
export const OBJECT_META_DEFINITION = `${META}ObjectMeta`;

/** Quantity's grammar (resource.ParseQuantity), the pattern controller-gen emits for CRDs. */
export const QUANTITY_PATTERN =
  '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$';

/**
 * Definitions whose swagger text does not say what the API server accepts: their Go types
 * have custom JSON (un)marshalling.
 */
const SPECIAL: Record<string, JsonSchema> = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { type: ['integer', 'string'] },
  // A string in the quantity grammar, or a plain JSON number.
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { type: ['string', 'number'], pattern: QUANTITY_PATTERN },
  [`${META}Time`]: { type: 'string', format: 'date-time' },
  [`${META}MicroTime`]: { type: 'string', format: 'date-time' },
  'io.k8s.apimachinery.pkg.runtime.RawExtension': { type: 'object' },
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON': {},
  [`${META}FieldsV1`]: { type: 'object' },
};

export interface KubernetesSchemas {
  /**
   * `{$id, definitions}`: every definition, referenced as `kubernetes#/definitions/<name>`.
   * A definition is converted when first read, so only what the kinds in use reach is built.
   */
  document: JsonSchema;
  /** GVK key → definition name. */
  kinds: Map<string, string>;
}

export function definitionRef(name: string): string {
  return `${KUBERNETES_SCHEMA_ID}${DEFINITIONS_PREFIX}${name}`;
}

/** The definition a swagger `$ref` (`#/definitions/<name>`) names, if it has that form. */
export function definitionName(ref: string): string | undefined {
  return ref.startsWith(DEFINITIONS_PREFIX) ? ref.slice(DEFINITIONS_PREFIX.length) : undefined;
}

/** Whether a definition's schema is fixed here rather than converted from the swagger. */
export function isSpecialDefinition(name: string): boolean {
  return Object.hasOwn(SPECIAL, name);
}

function gvksOf(definition: Record<string, unknown>): Gvk[] {
  const list = definition['x-kubernetes-group-version-kind'];
  if (!Array.isArray(list)) return [];
  return list.filter(isJsonObject).map((g) => ({
    group: typeof g.group === 'string' ? g.group : '',
    version: typeof g.version === 'string' ? g.version : '',
    kind: typeof g.kind === 'string' ? g.kind : '',
  }));
}

/**
 * Converts a swagger document's definitions into strict JSON Schema and indexes them by GVK.
 * `prepare` is applied to each converted definition (e.g. slimming), as lazily as conversion.
 */
export function convertKubernetesOpenApi(
  doc: OpenApiDoc,
  prepare: (schema: JsonSchema) => JsonSchema = (schema) => schema,
): KubernetesSchemas {
  const names = new Set(Object.keys(doc.definitions));
  const options: ConvertOptions = {
    ref: (ref) => {
      const name = definitionName(ref);
      // Refs stay relative: they resolve inside the registered document.
      return name !== undefined && names.has(name) ? ref : undefined;
    },
    objectMeta: { $ref: `${DEFINITIONS_PREFIX}${OBJECT_META_DEFINITION}` },
    nullOptional: true,
  };
  const sorted = [...names].sort();
  const definitions = lazyRecord(sorted, (name) =>
    prepare(SPECIAL[name] ?? convertSchema(doc.definitions[name] ?? {}, options)),
  );
  const kinds = new Map<string, string>();
  for (const name of sorted) {
    // WatchEvent and DeleteOptions claim a GVK in every group; they are not manifests.
    const gvks = gvksOf(doc.definitions[name] ?? {});
    if (gvks.length !== 1) continue;
    const key = gvkKey(gvks[0] as Gvk);
    if (!kinds.has(key)) kinds.set(key, name);
  }
  return { document: { $id: KUBERNETES_SCHEMA_ID, definitions }, kinds };
}

/** The per-kind schema: the definition, with apiVersion and kind pinned. */
export function kubernetesKindSchema(definition: string, apiVersion: string, kind: string): JsonSchema {
  return {
    $ref: definitionRef(definition),
    properties: { apiVersion: { enum: [apiVersion] }, kind: { enum: [kind] } },
    required: ['apiVersion', 'kind'],
  };
}
