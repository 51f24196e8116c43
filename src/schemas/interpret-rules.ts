import { report, type Check, type Run, type site } from './interpret-run.js';

/** The interpreter's keyword tables, in ajv's order, and the small helpers its builders share. */

/** Keywords ajv (draft-07) acts on; a schema without any of them accepts everything. */
export const RULES = new Set([
  ...['$comment', 'id', '$ref', 'type', 'nullable', 'const', 'enum', 'not', 'anyOf', 'oneOf', 'allOf'],
  ...['if', 'then', 'else', 'format', 'maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum'],
  ...['multipleOf', 'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems', 'items'],
  ...['additionalItems', 'contains', 'maxProperties', 'minProperties', 'required', 'propertyNames'],
  ...['additionalProperties', 'dependencies', 'properties', 'patternProperties'],
]);

/** Never produced by the converters; refused so a schema is never half-checked. */
export const UNSUPPORTED = [
  'id',
  'additionalItems',
  'contains',
  'propertyNames',
  'dependencies',
  'patternProperties',
];

/** ajv's keyword order: untyped keywords first, then one group per data type. */
export const UNTYPED = ['$ref', 'const', 'enum', 'not', 'anyOf', 'oneOf', 'allOf', 'if'];
export const GROUPS: [string, string[]][] = [
  ['number', ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'multipleOf', 'format']],
  ['string', ['maxLength', 'minLength', 'pattern', 'format']],
  ['array', ['maxItems', 'minItems', 'items', 'uniqueItems']],
  ['object', ['maxProperties', 'minProperties', 'required', 'additionalProperties', 'properties']],
];

export const REF_KEYWORDS = new Set([
  '$ref',
  '$recursiveRef',
  '$recursiveAnchor',
  '$dynamicRef',
  '$dynamicAnchor',
]);

export function hasRules(s: unknown, but?: string): boolean {
  if (typeof s === 'boolean') return !s;
  for (const key in s as object) if (key !== but && RULES.has(key)) return true;
  return false;
}

export function alwaysValid(s: unknown): boolean {
  return typeof s === 'boolean' ? s : !hasRules(s);
}

export function sequence(checks: Check[]): Check | undefined {
  if (checks.length <= 1) return checks[0];
  return (data, run) => {
    for (const c of checks) c(data, run);
  };
}

export function typeError(run: Run, at: ReturnType<typeof site>, data: unknown): void {
  report(run, at, data, { type: at.value }, `must be ${String(at.value)}`);
}
