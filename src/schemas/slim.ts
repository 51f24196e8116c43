import type { JsonValue } from '../core/json.js';
import { withEntries } from './lazy-record.js';
import type { JsonSchema } from './types.js';

/** Keywords whose value maps names to schemas (a key there is a field name, not a keyword). */
const NAME_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas']);

/**
 * What validation needs of a schema, and no more: documentation keywords are dropped (errors
 * carry their schema), and the `status` of a top-level object schema accepts anything (it is
 * written by controllers and has no place in Git, where it is never checked).
 */
export function slimForValidation(schema: JsonSchema): JsonSchema {
  const top = stripDocumentation(schema) as JsonSchema & { properties?: Record<string, unknown> };
  if (top.properties && 'status' in top.properties) top.properties = { ...top.properties, status: {} };
  return top;
}

/**
 * slimForValidation for a tree converted with `lazy` (see convert.ts): its values were slimmed
 * as they were copied, so only `status` is left to open, and nothing unread is read.
 */
export function slimLazy(schema: JsonSchema): JsonSchema {
  const properties = schema.properties;
  if (!properties || typeof properties !== 'object' || !('status' in properties)) return schema;
  return { ...schema, properties: withEntries(properties as Record<string, JsonValue>, { status: {} }) };
}

/** A keyword's value (an `enum` list, say) as a slimmed schema holds it. */
export function slimValue(value: JsonValue): JsonValue {
  return strip(value) as JsonValue;
}

/** The schema without documentation keywords; `status` is left as it is. */
export function stripDocumentation(schema: JsonSchema): JsonSchema {
  return strip(schema) as JsonSchema;
}

function strip(value: unknown, inNameMap = false): unknown {
  if (Array.isArray(value)) return value.map((v) => strip(v));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (!inNameMap && (k === 'description' || k === 'example' || k === 'examples')) continue;
    out[k] = inNameMap ? strip(v) : strip(v, NAME_MAPS.has(k));
  }
  return out;
}
