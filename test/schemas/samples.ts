import { isJsonObject, type JsonObject, type JsonValue } from '../../src/core/json.js';

/**
 * Objects to validate against a raw OpenAPI schema (swagger definition or CRD), made to reach
 * deep into it: every variant fills the declared properties, and each puts a different kind
 * of mistake at the leaves, so validators built differently can be compared on real errors.
 */
export type SampleMode = 'valid' | 'wrong-type' | 'unknown-field' | 'null' | 'mixed';
export const SAMPLE_MODES: readonly SampleMode[] = ['valid', 'wrong-type', 'unknown-field', 'null', 'mixed'];

/** Resolves a swagger `$ref`; CRD schemas have none. */
export type RefResolver = (ref: string) => JsonObject | undefined;

const MAX_DEPTH = 7;
const MAX_PROPERTIES = 40;

function typeOf(schema: JsonObject): string | undefined {
  if (schema['x-kubernetes-int-or-string'] === true) return 'int-or-string';
  const t = schema.type;
  return typeof t === 'string' ? t : Array.isArray(t) && typeof t[0] === 'string' ? t[0] : undefined;
}

function wrong(type: string | undefined): JsonValue {
  switch (type) {
    case 'string':
      return 42;
    case 'integer':
    case 'number':
      return 'many';
    case 'boolean':
      return 'yes';
    case 'array':
      return { not: 'a list' };
    case 'object':
      return ['not', 'an object'];
    default:
      return { unexpected: true };
  }
}

function leaf(schema: JsonObject, type: string | undefined): JsonValue {
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0] as JsonValue;
  switch (type) {
    case 'integer':
    case 'int-or-string':
      return 1;
    case 'number':
      return 1.5;
    case 'boolean':
      return true;
    case 'string':
      return schema.format === 'date-time' ? '2024-01-02T03:04:05Z' : 'x';
    default:
      return 'x';
  }
}

export function sample(
  raw: JsonValue | undefined,
  mode: SampleMode,
  resolve: RefResolver = () => undefined,
  depth = 0,
  seen: readonly string[] = [],
): JsonValue {
  if (!isJsonObject(raw)) return 'x';
  if (typeof raw.$ref === 'string') {
    // A recursive definition stops at its second visit.
    const target = seen.includes(raw.$ref) ? undefined : resolve(raw.$ref);
    return target ? sample(target, mode, resolve, depth, [...seen, raw.$ref]) : 'x';
  }
  const branches = [raw.allOf, raw.anyOf, raw.oneOf].find((b) => Array.isArray(b) && b.length > 0);
  const type = typeOf(raw) ?? (isJsonObject(raw.properties) ? 'object' : undefined);
  if (type === undefined && Array.isArray(branches)) return sample(branches[0], mode, resolve, depth, seen);
  const deep = depth >= MAX_DEPTH;
  if (type === 'array') {
    if (deep) return [];
    const item = sample(raw.items, mode, resolve, depth + 1, seen);
    return mode === 'mixed' ? [item, wrong(typeOf(isJsonObject(raw.items) ? raw.items : {}))] : [item];
  }
  if (type === 'object') {
    const out: JsonObject = {};
    if (deep) return out;
    const props = isJsonObject(raw.properties) ? Object.entries(raw.properties).slice(0, MAX_PROPERTIES) : [];
    props.forEach(([name, child], i) => {
      out[name] = field(child, mode, resolve, depth, seen, i);
    });
    if (props.length === 0 && isJsonObject(raw.additionalProperties)) {
      out.key = sample(raw.additionalProperties, mode, resolve, depth + 1, seen);
    }
    if (mode === 'unknown-field' || mode === 'mixed') {
      out.zzUnknown = 1;
      const first = props[0]?.[0];
      if (first && first.length > 2) out[`${first.slice(0, -2)}${first.slice(-1)}${first.slice(-2, -1)}`] = 1;
    }
    return out;
  }
  return leaf(raw, type);
}

/** One property's value: the mode's mistake on every other field, so both kinds are seen. */
function field(
  child: JsonValue,
  mode: SampleMode,
  resolve: RefResolver,
  depth: number,
  seen: readonly string[],
  index: number,
): JsonValue {
  const schema = isJsonObject(child) ? child : {};
  const resolved = typeof schema.$ref === 'string' ? (resolve(schema.$ref) ?? {}) : schema;
  const type = typeOf(resolved);
  const isLeaf = type !== 'object' && type !== 'array' && !isJsonObject(resolved.properties);
  if (mode === 'null' && index % 2 === 1) return null;
  if ((mode === 'wrong-type' || mode === 'mixed') && index % 2 === 1 && isLeaf) return wrong(type);
  if (mode === 'wrong-type' && index % 3 === 2) return wrong(type);
  return sample(child, mode, resolve, depth + 1, seen);
}
