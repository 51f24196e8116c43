import { isJsonObject, type JsonValue } from '../core/json.js';

/**
 * Whether a raw OpenAPI schema, once converted (convert.ts), is certain to be accepted by the
 * interpreter. It refuses only mistakes local to one node (a bad `type`, a keyword value of
 * the wrong JSON type, an empty `enum`, a property name a schema path cannot hold) and `$ref`s
 * it cannot resolve, so a walk over the raw nodes can tell. It errs towards "no": the caller
 * then compiles eagerly, and the refusal reads exactly as it always did.
 */
export interface BuildableHooks {
  /** A `$ref` of the raw schema: whether its conversion resolves and builds. */
  ref(ref: string): boolean;
  /** Whether the ObjectMeta schema that embedded resources get builds. */
  objectMeta(): boolean;
}

const JSON_TYPES = new Set(['number', 'integer', 'string', 'boolean', 'null', 'object', 'array']);
/** What a value the converter copies must be (see VALUE_TYPES in interpret-keywords.ts). */
const VALUE_CHECKS = new Map<string, (value: JsonValue) => boolean>([
  ...['minimum', 'maximum', 'multipleOf', 'minLength', 'maxLength'].map((k) => [k, isNumber] as const),
  ...['minItems', 'maxItems', 'minProperties', 'maxProperties'].map((k) => [k, isNumber] as const),
  ['enum', (v) => Array.isArray(v) && v.length > 0],
  ['pattern', (v) => typeof v === 'string'],
  ['uniqueItems', (v) => typeof v === 'boolean'],
]);
/** Keywords whose value the converter converts as a schema, or as a list of schemas. */
const SUBSCHEMA = new Set(['items', 'additionalProperties', 'not']);
const SUBSCHEMAS = new Set(['allOf', 'anyOf', 'oneOf']);
/** A surrogate half without its other half: encodeURIComponent throws on it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function isNumber(value: JsonValue): boolean {
  return typeof value === 'number';
}

function validType(type: JsonValue): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.every((t) => typeof t === 'string' && JSON_TYPES.has(t));
}

function intOrString(node: Record<string, JsonValue>): boolean {
  return node['x-kubernetes-int-or-string'] === true || node.format === 'int-or-string';
}

/** Walks the nodes convertSchema converts, in any order: only a yes or no is wanted. */
export function convertsBuildable(raw: JsonValue | undefined, hooks: BuildableHooks): boolean {
  const stack: JsonValue[] = [];
  if (raw !== undefined) stack.push(raw);
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!isJsonObject(node)) continue;
    if (typeof node.$ref === 'string') {
      if (!hooks.ref(node.$ref)) return false;
      continue;
    }
    // One pass over the node's own keys: most of a raw schema is descriptions, never looked at.
    for (const key in node) {
      const value = node[key];
      if (value === undefined) continue;
      const check = VALUE_CHECKS.get(key);
      if (check) {
        if (!check(value)) return false;
      } else if (key === 'type') {
        if (!validType(value) && !intOrString(node)) return false;
      } else if (key === 'properties') {
        if (!isJsonObject(value)) continue;
        for (const name in value) {
          // `__proto__` is assigned, not defined, by the eager converter: leave it to that path.
          if (name === '__proto__' || LONE_SURROGATE.test(name)) return false;
          stack.push(value[name] as JsonValue);
        }
      } else if (SUBSCHEMA.has(key)) stack.push(value);
      else if (SUBSCHEMAS.has(key) && Array.isArray(value)) for (const branch of value) stack.push(branch);
      else if (key === 'x-kubernetes-embedded-resource' && value === true && !hooks.objectMeta())
        return false;
    }
  }
  return true;
}
