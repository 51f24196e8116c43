import { isJsonObject, type JsonObject, type JsonValue } from '../core/json.js';
import { convertSchema, type ConvertOptions } from './convert.js';
import { apiVersionOf, gvkKey } from './gvk.js';
import { withEntries } from './lazy-record.js';
import type { Gvk, JsonSchema } from './types.js';

/** One served-or-not version of a CustomResourceDefinition. */
export interface CrdVersion {
  gvk: Gvk;
  served: boolean;
  /** `openAPIV3Schema`, absent when the CRD gives none (then anything goes). */
  schema?: JsonObject;
  /** `spec.preserveUnknownFields: true` (apiextensions v1beta1): no pruning, no unknown fields. */
  preserveUnknownFields: boolean;
  /** `metadata.name` of the CRD, for messages. */
  crdName: string;
}

const CRD_GROUP = 'apiextensions.k8s.io';

function str(value: JsonValue | undefined): string {
  return typeof value === 'string' ? value : '';
}

function schemaOf(validation: JsonValue | undefined): JsonObject | undefined {
  return isJsonObject(validation) && isJsonObject(validation.openAPIV3Schema)
    ? validation.openAPIV3Schema
    : undefined;
}

/** Every version of every CustomResourceDefinition among `objects`, keyed by GVK; first CRD wins. */
export function crdVersions(objects: readonly JsonObject[]): Map<string, CrdVersion> {
  const out = new Map<string, CrdVersion>();
  for (const obj of objects) {
    if (obj.kind !== 'CustomResourceDefinition' || !str(obj.apiVersion).startsWith(`${CRD_GROUP}/`)) continue;
    const spec = isJsonObject(obj.spec) ? obj.spec : {};
    const names = isJsonObject(spec.names) ? spec.names : {};
    const group = str(spec.group);
    const kind = str(names.kind);
    if (group === '' || kind === '') continue;
    const crdName = isJsonObject(obj.metadata) ? str(obj.metadata.name) : '';
    const preserveUnknownFields = spec.preserveUnknownFields === true;
    // v1beta1: a top-level schema and `version` apply to versions that give none.
    const shared = schemaOf(spec.validation);
    const versions = Array.isArray(spec.versions) ? spec.versions.filter(isJsonObject) : [];
    if (versions.length === 0 && str(spec.version) !== '')
      versions.push({ name: str(spec.version), served: true });
    for (const v of versions) {
      const gvk = { group, version: str(v.name), kind };
      const key = gvkKey(gvk);
      if (gvk.version === '' || out.has(key)) continue;
      const schema = schemaOf(v.schema) ?? shared;
      out.set(key, {
        gvk,
        served: v.served !== false,
        preserveUnknownFields,
        crdName,
        ...(schema ? { schema } : {}),
      });
    }
  }
  return out;
}

/**
 * The strict JSON Schema of a custom resource: the CRD's structural schema, with apiVersion
 * and kind pinned and metadata validated as ObjectMeta (the API server does both implicitly).
 * Also used for catalog schemas, which are the same schema after openapi2jsonschema. `lazy`
 * converts for a lazily built validator (see ConvertOptions).
 */
export function customResourceSchema(
  gvk: Gvk,
  raw: JsonObject | undefined,
  objectMeta: JsonSchema,
  preserveUnknownFields = false,
  lazy = false,
): JsonSchema {
  const options: ConvertOptions = { objectMeta, nullOptional: true, strict: !preserveUnknownFields, lazy };
  const root = convertSchema(raw ?? { type: 'object' }, options);
  const properties = isJsonObject(root.properties) ? root.properties : {};
  const required = Array.isArray(root.required) ? root.required : [];
  return {
    ...root,
    type: 'object',
    properties: withEntries(properties, {
      apiVersion: { enum: [apiVersionOf(gvk)] },
      kind: { enum: [gvk.kind] },
      metadata: objectMeta,
    }),
    required: [...new Set([...required, 'apiVersion', 'kind'])],
  };
}
