import { FORMATS, patternRegExp } from './formats.js';
import { equal, hasType, report, site, ucs2length, type Check } from './interpret-run.js';

/** Keywords that hold no schema: each becomes one check over data of its group's type. */

export type SchemaObject = Record<string, unknown>;

const JSON_TYPES = new Set(['number', 'integer', 'string', 'boolean', 'null', 'object', 'array']);

/** ajv's getSchemaTypes: `type` as a list, with `nullable: true` adding null. */
export function schemaTypes(schema: unknown): string[] {
  const s = (typeof schema === 'object' && schema !== null ? schema : {}) as SchemaObject;
  const t = s.type;
  const types: unknown[] = Array.isArray(t) ? [...t] : t ? [t] : [];
  if (!types.every((x) => typeof x === 'string' && JSON_TYPES.has(x)))
    throw new Error(`type must be JSONType or JSONType[]: ${types.join(',')}`);
  const out = types as string[];
  if (out.includes('null')) {
    if (s.nullable === false) throw new Error('type: null contradicts nullable: false');
  } else {
    if (out.length === 0 && s.nullable !== undefined)
      throw new Error('"nullable" cannot be used without "type"');
    if (s.nullable === true) out.push('null');
  }
  return out;
}

/** What each keyword's value must be; ajv refuses to compile a schema breaking this. */
const VALUE_TYPES: Record<string, readonly string[]> = {
  $ref: ['string'],
  type: ['string', 'array'],
  nullable: ['boolean'],
  enum: ['array'],
  required: ['array'],
  pattern: ['string'],
  format: ['string'],
  uniqueItems: ['boolean'],
  properties: ['object'],
  additionalProperties: ['boolean', 'object'],
  items: ['object', 'array', 'boolean'],
  not: ['object', 'boolean'],
  if: ['object', 'boolean'],
  then: ['object', 'boolean'],
  else: ['object', 'boolean'],
  anyOf: ['array'],
  oneOf: ['array'],
  allOf: ['array'],
  ...Object.fromEntries(
    [
      'maximum',
      'minimum',
      'exclusiveMaximum',
      'exclusiveMinimum',
      'multipleOf',
      'maxLength',
      'minLength',
      'maxItems',
      'minItems',
      'maxProperties',
      'minProperties',
    ].map((k) => [k, ['number']]),
  ),
};

/** Throws as ajv does when a keyword's value has the wrong JSON type. */
export function checkValueType(s: SchemaObject, keyword: string): void {
  const types = VALUE_TYPES[keyword];
  if (!types) return;
  const v = s[keyword];
  const ok = types.some((t) =>
    t === 'array'
      ? Array.isArray(v)
      : t === 'object'
        ? !!v && typeof v === 'object' && !Array.isArray(v)
        : typeof v === t,
  );
  if (!ok) throw new Error(`${keyword} value must be ${JSON.stringify(types)}`);
}

type Comparison = [ok: string, fails: (data: number, limit: number) => boolean];
const COMPARE: Record<string, Comparison> = {
  maximum: ['<=', (d, l) => d > l],
  minimum: ['>=', (d, l) => d < l],
  exclusiveMaximum: ['<', (d, l) => d >= l],
  exclusiveMinimum: ['>', (d, l) => d <= l],
};

function limitNumber(s: SchemaObject, sp: string, keyword: string): Check {
  const at = site(s, sp, keyword);
  const limit = at.value as number;
  const [ok, fails] = COMPARE[keyword] as Comparison;
  return (data, run) => {
    const d = data as number;
    if (fails(d, limit) || Number.isNaN(d))
      report(run, at, data, { comparison: ok, limit }, `must be ${ok} ${limit}`);
  };
}

function multipleOf(s: SchemaObject, sp: string): Check {
  const at = site(s, sp, 'multipleOf');
  const m = at.value as number;
  return (data, run) => {
    const res = (data as number) / m;
    if (m === 0 || res !== parseInt(String(res)))
      report(run, at, data, { multipleOf: m }, `must be multiple of ${m}`);
  };
}

/** minLength, maxItems, maxProperties...: a size compared with a limit. */
function limitSize(keyword: string, noun: string, size: (data: never) => number) {
  const more = keyword.startsWith('max');
  return (s: SchemaObject, sp: string): Check => {
    const at = site(s, sp, keyword);
    const limit = at.value as number;
    const message = `must NOT have ${more ? 'more' : 'fewer'} than ${limit} ${noun}`;
    return (data, run) => {
      const n = size(data as never);
      if (more ? n > limit : n < limit) report(run, at, data, { limit }, message);
    };
  };
}

function pattern(s: SchemaObject, sp: string): Check {
  const at = site(s, sp, 'pattern');
  const source = at.value as string;
  const re = patternRegExp(source);
  return (data, run) => {
    if (!re.test(data as string))
      report(run, at, data, { pattern: source }, `must match pattern "${source}"`);
  };
}

/** A format applies in the group of its type (number or string); unknown formats are ignored. */
export function format(s: SchemaObject, sp: string, group: string): Check | undefined {
  const at = site(s, sp, 'format');
  const name = at.value as string;
  const f = FORMATS.get(name);
  if (!f || f.type !== group) return undefined;
  return (data, run) => {
    if (!f.test(data)) report(run, at, data, { format: name }, `must match format "${name}"`);
  };
}

function required(s: SchemaObject, sp: string): Check | undefined {
  const at = site(s, sp, 'required');
  const names = at.value as string[];
  if (names.length === 0) return undefined;
  return (data, run) => {
    const o = data as SchemaObject;
    for (const name of names)
      if (o[name] === undefined)
        report(run, at, data, { missingProperty: name }, `must have required property '${name}'`);
  };
}

function enumKeyword(s: SchemaObject, sp: string): Check {
  const at = site(s, sp, 'enum');
  const values = at.value as unknown[];
  if (values.length === 0) throw new Error('enum must have non-empty array');
  // ajv compares primitives with ===, and everything with deep equality from 200 values on.
  const deep = values.length >= 200 || values.some((v) => typeof v === 'object' && v !== null);
  const set = new Set(values);
  const matches = deep
    ? (d: unknown) => values.some((v) => equal(d, v))
    : (d: unknown) => d === d && set.has(d);
  return (data, run) => {
    if (!matches(data))
      report(run, at, data, { allowedValues: values }, 'must be equal to one of the allowed values');
  };
}

function constKeyword(s: SchemaObject, sp: string): Check {
  const at = site(s, sp, 'const');
  const v = at.value;
  const deep = !!v && typeof v === 'object';
  return (data, run) => {
    if (deep ? !equal(data, v) : v !== data)
      report(run, at, data, { allowedValue: v }, 'must be equal to constant');
  };
}

/** The first duplicate pair, searched as ajv does (by key for scalar item types, else pairwise). */
function duplicate(items: unknown[], types: string[]): [number, number] | undefined {
  if (types.length > 0 && !types.some((t) => t === 'object' || t === 'array')) {
    const indices: Record<string, unknown> = {};
    for (let i = items.length; i--;) {
      let item = items[i];
      if (!types.some((t) => hasType(t, item))) continue;
      if (types.length > 1 && typeof item === 'string') item += '_';
      const key = String(item);
      const seen = indices[key];
      if (typeof seen === 'number') return [i, seen];
      indices[key] = i;
    }
    return undefined;
  }
  for (let i = items.length; i--;) for (let j = i; j--;) if (equal(items[i], items[j])) return [i, j];
  return undefined;
}

function uniqueItems(s: SchemaObject, sp: string): Check | undefined {
  const at = site(s, sp, 'uniqueItems');
  if (!at.value) return undefined;
  const types = s.items ? schemaTypes(s.items) : [];
  return (data, run) => {
    const items = data as unknown[];
    const dup = items.length > 1 ? duplicate(items, types) : undefined;
    if (dup) {
      const [i, j] = dup;
      report(run, at, data, { i, j }, `must NOT have duplicate items (items ## ${j} and ${i} are identical)`);
    }
  };
}

/** Builders of the keywords without subschemas, by keyword (format is per group, see above). */
export const LEAVES: Record<string, (s: SchemaObject, sp: string, keyword: string) => Check | undefined> = {
  maximum: limitNumber,
  minimum: limitNumber,
  exclusiveMaximum: limitNumber,
  exclusiveMinimum: limitNumber,
  multipleOf,
  maxLength: limitSize('maxLength', 'characters', ucs2length),
  minLength: limitSize('minLength', 'characters', ucs2length),
  pattern,
  maxItems: limitSize('maxItems', 'items', (a: unknown[]) => a.length),
  minItems: limitSize('minItems', 'items', (a: unknown[]) => a.length),
  uniqueItems,
  maxProperties: limitSize('maxProperties', 'properties', (o: object) => Object.keys(o).length),
  minProperties: limitSize('minProperties', 'properties', (o: object) => Object.keys(o).length),
  required,
  const: constKeyword,
  enum: enumKeyword,
};
