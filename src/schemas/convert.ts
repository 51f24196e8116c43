import { isJsonObject, type JsonObject, type JsonValue } from '../core/json.js';
import { CHECKED_FORMATS } from './formats.js';
import { lazyRecord } from './lazy-record.js';
import { slimValue } from './slim.js';
import type { JsonSchema } from './types.js';

/** How a Kubernetes OpenAPI schema (v2 definition or CRD v3) becomes strict JSON Schema. */
export interface ConvertOptions {
  /** Rewrites a `$ref` (`#/definitions/X` in swagger); undefined drops it (accept anything). */
  ref?: (ref: string) => string | undefined;
  /** Schema for `metadata` of embedded resources (ObjectMeta). */
  objectMeta: JsonSchema;
  /**
   * The API server drops `null` in an optional field (Go JSON for built-in kinds, null
   * pruning for CRDs), so null is accepted there; never for a required field.
   */
  nullOptional: boolean;
  /** False only for CRDs with `spec.preserveUnknownFields: true`: nothing is pruned, so nothing is unknown. */
  strict?: boolean;
  /**
   * For validation only: `properties` convert when first read, so a validator built lazily
   * converts only what objects use. Such a tree must never be slimmed as a whole (that would
   * read it all), so copied values are slimmed here, as slimForValidation would.
   */
  lazy?: boolean;
}

const COPIED = [
  'enum',
  'pattern',
  'minimum',
  'maximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
] as const;

const COMBINATORS = ['allOf', 'anyOf', 'oneOf'] as const;

/** Adds `null` to what a schema accepts. */
export function withNull(schema: JsonSchema): JsonSchema {
  if (typeof schema.$ref === 'string') return { if: { type: 'null' }, else: schema };
  const type = schema.type;
  if (type === undefined) return schema;
  const types = Array.isArray(type) ? type : [type];
  if (types.includes('null')) return schema;
  const out: JsonSchema = { ...schema, type: [...types, 'null'] };
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) out.enum = [...schema.enum, null];
  return out;
}

function isIntOrStringPair(value: JsonValue | undefined): boolean {
  if (!Array.isArray(value) || value.length !== 2) return false;
  const types = value.map((v) => (isJsonObject(v) && Object.keys(v).length === 1 ? v.type : undefined));
  return types.includes('integer') && types.includes('string');
}

function typeOf(node: JsonObject): JsonValue | undefined {
  if (node['x-kubernetes-int-or-string'] === true || node.format === 'int-or-string')
    return ['integer', 'string'];
  return node.type;
}

/**
 * Converts one schema node. `valueOnly` marks the inside of allOf/anyOf/oneOf/not: there a
 * structural schema only adds value checks, so no strictness is added (a branch listing a
 * subset of the properties must not reject the others).
 */
export function convertSchema(node: JsonValue, options: ConvertOptions, valueOnly = false): JsonSchema {
  if (!isJsonObject(node)) return {};
  if (typeof node.$ref === 'string') {
    const ref = options.ref?.(node.$ref);
    return ref === undefined ? {} : { $ref: ref };
  }
  const out: JsonSchema = {};
  const type = typeOf(node);
  if (type !== undefined) out.type = type;
  if (typeof node.format === 'string' && CHECKED_FORMATS.has(node.format)) out.format = node.format;
  for (const key of COPIED) {
    const value = node[key];
    if (value !== undefined) out[key] = options.lazy ? slimValue(value) : value;
  }
  // OpenAPI v3 writes exclusive bounds as booleans next to minimum/maximum (draft-04 style).
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    const value = node[flag];
    if (value === true && typeof out[bound] === 'number') {
      out[flag] = out[bound];
      delete out[bound];
    } else if (typeof value === 'number') out[flag] = value;
  }
  if (isJsonObject(node.items)) out.items = convertSchema(node.items, options, valueOnly);
  const required = Array.isArray(node.required) ? node.required.filter((r) => typeof r === 'string') : [];
  if (required.length > 0) out.required = required;

  const preserve = node['x-kubernetes-preserve-unknown-fields'] === true;
  const embedded = node['x-kubernetes-embedded-resource'] === true;
  let props: Record<string, JsonSchema> = {};
  if (isJsonObject(node.properties)) {
    const source = node.properties;
    const property = (name: string): JsonSchema => {
      const converted = convertSchema(source[name] as JsonValue, options, valueOnly);
      return options.nullOptional && !required.includes(name) ? withNull(converted) : converted;
    };
    if (options.lazy) props = lazyRecord(Object.keys(source), property);
    else for (const name of Object.keys(source)) props[name] = property(name);
  }
  if (embedded) {
    // The API server requires apiVersion and kind and validates metadata as ObjectMeta.
    props.apiVersion = { type: 'string' };
    props.kind = { type: 'string' };
    props.metadata = options.nullOptional ? withNull(options.objectMeta) : options.objectMeta;
    out.required = [...new Set([...required, 'apiVersion', 'kind'])];
  }
  const hasProps = Object.keys(props).length > 0;
  if (hasProps) out.properties = props;

  const additional = node.additionalProperties;
  if (isJsonObject(additional)) out.additionalProperties = convertSchema(additional, options, valueOnly);
  else if (additional === true) out.additionalProperties = true;
  // `additionalProperties: false` from a converted catalog schema is recomputed below, so a
  // preserve-unknown-fields node stays open even where the catalog closed it.
  else if (
    hasProps &&
    !preserve &&
    !valueOnly &&
    options.strict !== false &&
    (isJsonObject(node.properties) || !embedded)
  ) {
    out.additionalProperties = false;
  }

  for (const key of COMBINATORS) {
    const branches = node[key];
    if (!Array.isArray(branches) || branches.length === 0) continue;
    // int-or-string's anyOf [{type: integer}, {type: string}] is already the type union.
    if (key === 'anyOf' && Array.isArray(out.type) && isIntOrStringPair(branches)) continue;
    out[key] = branches.map((b) => convertSchema(b, options, true));
  }
  if (isJsonObject(node.not)) out.not = convertSchema(node.not, options, true);

  const nullable = node.nullable === true || node['x-nullable'] === true;
  return nullable ? withNull(out) : out;
}
