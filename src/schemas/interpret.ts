import { KUBERNETES_SCHEMA_ID } from './kubernetes-openapi.js';
import { checkValueType, format, LEAVES, schemaTypes, type SchemaObject } from './interpret-keywords.js';
import {
  descend,
  escapePointer,
  isObject,
  passes,
  report,
  site,
  typeTest,
  type Check,
  type Run,
  type SchemaError,
} from './interpret-run.js';

export type { SchemaError } from './interpret-run.js';

export interface InterpretResult {
  valid: boolean;
  errors: SchemaError[];
}

export type InterpretedSchema = (value: unknown) => InterpretResult;

/**
 * Validates by walking schema closures instead of generating code as ajv does: building
 * costs next to nothing, and the errors are ajv's own (allErrors, verbose, strict off), in
 * ajv's order, so violations.ts cannot tell the difference. It covers the keywords the
 * converters in this folder emit; anything else is refused rather than ignored.
 */

/** Keywords ajv (draft-07) acts on; a schema without any of them accepts everything. */
const RULES = new Set([
  ...['$comment', 'id', '$ref', 'type', 'nullable', 'const', 'enum', 'not', 'anyOf', 'oneOf', 'allOf'],
  ...['if', 'then', 'else', 'format', 'maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum'],
  ...['multipleOf', 'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems', 'items'],
  ...['additionalItems', 'contains', 'maxProperties', 'minProperties', 'required', 'propertyNames'],
  ...['additionalProperties', 'dependencies', 'properties', 'patternProperties'],
]);

/** Never produced by the converters; refused so a schema is never half-checked. */
const UNSUPPORTED = [
  'id',
  'additionalItems',
  'contains',
  'propertyNames',
  'dependencies',
  'patternProperties',
];

/** ajv's keyword order: untyped keywords first, then one group per data type. */
const UNTYPED = ['$ref', 'const', 'enum', 'not', 'anyOf', 'oneOf', 'allOf', 'if'];
const GROUPS: [string, string[]][] = [
  ['number', ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'multipleOf', 'format']],
  ['string', ['maxLength', 'minLength', 'pattern', 'format']],
  ['array', ['maxItems', 'minItems', 'items', 'uniqueItems']],
  ['object', ['maxProperties', 'minProperties', 'required', 'additionalProperties', 'properties']],
];

const REF_KEYWORDS = new Set(['$ref', '$recursiveRef', '$recursiveAnchor', '$dynamicRef', '$dynamicAnchor']);

function hasRules(s: unknown, but?: string): boolean {
  if (typeof s === 'boolean') return !s;
  for (const key in s as object) if (key !== but && RULES.has(key)) return true;
  return false;
}

function alwaysValid(s: unknown): boolean {
  return typeof s === 'boolean' ? s : !hasRules(s);
}

function sequence(checks: Check[]): Check | undefined {
  if (checks.length <= 1) return checks[0];
  return (data, run) => {
    for (const c of checks) c(data, run);
  };
}

/** Where `$ref`s without a document id resolve: the schema being compiled, or the Kubernetes document. */
type Base = unknown;

/**
 * Builds checks for schemas that may `$ref` the Kubernetes document. Definitions ajv would
 * compile as functions of their own are built once and shared by every schema built here.
 */
export class SchemaInterpreter {
  private readonly called = new Map<unknown, Check>();
  private readonly inlined = new Map<unknown, Map<string, Check | undefined>>();
  private readonly refsIn = new WeakMap<object, boolean>();
  private pending: unknown[] = [];
  /** Building for a lazy compile: property checks wait for their first use. */
  private lazy = false;

  /** `document` is `{$id: 'kubernetes', definitions}` (see convertKubernetesOpenApi). */
  constructor(private readonly document?: SchemaObject) {}

  /**
   * Throws, as ajv's compile does, when the schema is not valid JSON Schema or a `$ref` is
   * unresolved. `lazy` builds each property's check on its first use, so a large schema costs
   * only what the validated objects reach; only for schemas known to build (see buildable.ts),
   * as a refusal would otherwise surface while validating.
   */
  compile(schema: unknown, options: { lazy?: boolean } = {}): InterpretedSchema {
    this.pending = [];
    this.lazy = options.lazy === true;
    let check: Check | undefined;
    try {
      check = this.build(schema, '#', schema);
    } catch (e) {
      // Drop what was half-built, so the next schema using it fails the same way.
      for (const target of this.pending) this.called.delete(target);
      throw e;
    } finally {
      this.lazy = false;
    }
    return (value) => {
      if (!check) return { valid: true, errors: [] };
      const run: Run = { errors: [], path: [], quiet: 0 };
      check(value, run);
      return { valid: run.errors.length === 0, errors: run.errors };
    };
  }

  /** A check built on its first run, itself lazily; until then it has cost nothing. */
  private deferred(make: () => Check | undefined): Check {
    let built: Check | undefined;
    let done = false;
    return (data, run) => {
      if (!done) {
        this.lazy = true;
        try {
          built = make();
        } finally {
          this.lazy = false;
        }
        done = true;
      }
      built?.(data, run);
    };
  }

  private build(schema: unknown, sp: string, base: Base): Check | undefined {
    if (schema === false) {
      const at = { keyword: 'false schema', schemaPath: `${sp}/false schema`, value: false, parent: false };
      return (data, run) => report(run, at, data, {}, 'boolean schema is false');
    }
    if (!isObject(schema) || !hasRules(schema)) return undefined;
    const s = schema;
    for (const k of UNSUPPORTED)
      if (s[k] !== undefined) throw new Error(`the keyword ${k} is not supported (at ${sp})`);
    const types = schemaTypes(s);
    if (s.$ref && !hasRules(s, '$ref')) return this.ref(s, sp, base);
    for (const k of ['type', 'nullable', 'then', 'else']) if (s[k] !== undefined) checkValueType(s, k);
    const checks: Check[] = [];
    // One declared type whose group has keywords is tested with that group, as ajv does.
    const upfront =
      types.length > 0 && !(types.length === 1 && GROUPS.some(([g]) => g === types[0] && used(g)));
    if (upfront) {
      const at = site(s, sp, 'type');
      const test = typeTest(types);
      checks.push((data, run) => {
        if (!test(data)) typeError(run, at, data);
      });
    }
    for (const k of UNTYPED) {
      if (s[k] === undefined) continue;
      checkValueType(s, k);
      const c = this.untyped(s, sp, k, base);
      if (c) checks.push(c);
    }
    for (const [group, keywords] of GROUPS) {
      if (!used(group)) continue;
      const inner = keywords
        .filter((k) => s[k] !== undefined)
        .map((k) => (checkValueType(s, k), this.typed(s, sp, k, group, base)))
        .filter((c): c is Check => c !== undefined);
      const at = !upfront && types[0] === group ? site(s, sp, 'type') : undefined;
      const body = sequence(inner);
      if (!body && !at) continue;
      const test = typeTest([group]);
      checks.push((data, run) => {
        if (test(data)) body?.(data, run);
        else if (at) typeError(run, at, data);
      });
    }
    return sequence(checks);

    function used(group: string): boolean {
      return GROUPS.some(([g, ks]) => g === group && ks.some((k) => s[k] !== undefined));
    }
  }

  private sub(s: SchemaObject, sp: string, keyword: string, base: Base): Check | undefined {
    return this.build(s[keyword], `${sp}/${keyword}`, base);
  }

  private untyped(s: SchemaObject, sp: string, k: string, base: Base): Check | undefined {
    switch (k) {
      case '$ref':
        return this.ref(s, sp, base);
      case 'not':
        return this.not(s, sp, base);
      case 'anyOf':
      case 'oneOf':
        return this.union(s, sp, k, base);
      case 'allOf':
        return sequence(
          (s.allOf as unknown[]).flatMap((b, i) => this.build(b, `${sp}/allOf/${i}`, base) ?? []),
        );
      case 'if':
        return this.ifThenElse(s, sp, base);
      default:
        return LEAVES[k]?.(s, sp, k);
    }
  }

  private typed(s: SchemaObject, sp: string, k: string, group: string, base: Base): Check | undefined {
    if (k === 'format') return format(s, sp, group);
    if (k === 'items') return this.items(s, sp, base);
    if (k === 'properties') return this.properties(s, sp, base);
    if (k === 'additionalProperties') return this.additional(s, sp, base);
    return LEAVES[k]?.(s, sp, k);
  }

  private not(s: SchemaObject, sp: string, base: Base): Check {
    const at = site(s, sp, 'not');
    const inner = alwaysValid(s.not) ? undefined : this.sub(s, sp, 'not', base);
    return (data, run) => {
      if (passes(inner, data, run)) report(run, at, data, {}, 'must NOT be valid');
    };
  }

  /** anyOf stops at the first valid branch; oneOf at the second. */
  private union(s: SchemaObject, sp: string, k: string, base: Base): Check | undefined {
    const at = site(s, sp, k);
    const branches = at.value as unknown[];
    if (k === 'anyOf' && branches.some(alwaysValid)) return undefined;
    const checks = branches.map((b, i) =>
      alwaysValid(b) ? undefined : this.build(b, `${sp}/${k}/${i}`, base),
    );
    if (k === 'anyOf') {
      return (data, run) => {
        const mark = run.errors.length;
        for (const c of checks) {
          const before = run.errors.length;
          c?.(data, run);
          if (run.errors.length === before) {
            run.errors.length = mark;
            return;
          }
        }
        report(run, at, data, {}, 'must match a schema in anyOf');
      };
    }
    return (data, run) => {
      const mark = run.errors.length;
      let valid = false;
      let passing: number | [unknown, number] | null = null;
      for (let i = 0; i < checks.length; i++) {
        const before = run.errors.length;
        checks[i]?.(data, run);
        if (run.errors.length !== before) continue;
        // A second pass ends the search: later branches are neither run nor reported.
        if (valid) {
          valid = false;
          passing = [passing, i];
          break;
        }
        valid = true;
        passing = i;
      }
      if (valid) run.errors.length = mark;
      else report(run, at, data, { passingSchemas: passing }, 'must match exactly one schema in oneOf');
    };
  }

  private ifThenElse(s: SchemaObject, sp: string, base: Base): Check | undefined {
    const clause = (k: 'then' | 'else'): Check | undefined =>
      s[k] === undefined || alwaysValid(s[k]) ? undefined : this.sub(s, sp, k, base);
    const hasThen = s.then !== undefined && !alwaysValid(s.then);
    const hasElse = s.else !== undefined && !alwaysValid(s.else);
    if (!hasThen && !hasElse) return undefined;
    const at = site(s, sp, 'if');
    const test = this.sub(s, sp, 'if', base);
    // The nullable `$ref` pattern's `if: {type: null}` is a type test: no run needed.
    const byType = isObject(s.if) && Object.keys(s.if).length === 1 && s.if.type !== undefined;
    const typeOnly = byType ? typeTest(schemaTypes(s.if)) : undefined;
    const then = clause('then');
    const otherwise = clause('else');
    return (data, run) => {
      const pass = typeOnly ? typeOnly(data) : passes(test, data, run);
      if (!(pass ? hasThen : hasElse)) return;
      const [name, c] = pass ? ['then', then] : ['else', otherwise];
      const mark = run.errors.length;
      c?.(data, run);
      if (run.errors.length !== mark)
        report(run, at, data, { failingKeyword: name }, `must match "${name}" schema`);
    };
  }

  private items(s: SchemaObject, sp: string, base: Base): Check | undefined {
    if (Array.isArray(s.items)) throw new Error(`tuple items are not supported (at ${sp})`);
    const inner = alwaysValid(s.items) ? undefined : this.sub(s, sp, 'items', base);
    if (!inner) return undefined;
    return (data, run) => {
      const items = data as unknown[];
      for (let i = 0; i < items.length; i++) descend(inner, items[i], run, i);
    };
  }

  private properties(s: SchemaObject, sp: string, base: Base): Check | undefined {
    const props = s.properties as SchemaObject;
    const names = Object.keys(props).filter((p) => p !== '__proto__');
    // A lazy property that turns out to need no check runs as a no-op: the same errors.
    const checks = this.lazy
      ? names.map((p) => ({ name: p, check: this.deferred(() => this.property(props, p, sp, base)) }))
      : names.flatMap((p) => {
          const c = this.property(props, p, sp, base);
          return c ? [{ name: p, check: c }] : [];
        });
    if (checks.length === 0) return undefined;
    return (data, run) => {
      const o = data as SchemaObject;
      for (const { name, check } of checks) {
        // Read as ajv does: an inherited `constructor` counts as present.
        const v = o[name];
        if (v !== undefined) descend(check, v, run, name);
      }
    };
  }

  private property(props: SchemaObject, p: string, sp: string, base: Base): Check | undefined {
    if (alwaysValid(props[p])) return undefined;
    return this.build(props[p], `${sp}/properties/${encodeURIComponent(escapePointer(p))}`, base);
  }

  private additional(s: SchemaObject, sp: string, base: Base): Check | undefined {
    const value = s.additionalProperties;
    if (alwaysValid(value)) return undefined;
    const at = site(s, sp, 'additionalProperties');
    const declared = isObject(s.properties) ? s.properties : {};
    const names = new Set(Object.keys(declared).filter((p) => p !== '__proto__'));
    // ajv looks up long property lists in the schema object itself.
    const isDeclared =
      names.size > 8
        ? (k: string) => Object.prototype.hasOwnProperty.call(declared, k)
        : (k: string) => names.has(k);
    const inner = value === false ? undefined : this.sub(s, sp, 'additionalProperties', base);
    return (data, run) => {
      const o = data as SchemaObject;
      for (const key in o) {
        if (isDeclared(key)) continue;
        if (inner) descend(inner, o[key], run, key);
        else report(run, at, data, { additionalProperty: key }, 'must NOT have additional properties');
      }
    };
  }

  /**
   * ajv inlines a target without `$ref`s inside (its errors' schemaPath then starts with the
   * `$ref` string) and calls any other as a function of its own (schemaPath starts at `#`).
   */
  private ref(s: SchemaObject, sp: string, base: Base): Check | undefined {
    checkValueType(s, '$ref');
    const ref = s.$ref as string;
    const [target, targetBase] = this.resolve(ref, base);
    if (!this.hasRef(target)) {
      let byRef = this.inlined.get(target);
      if (!byRef) this.inlined.set(target, (byRef = new Map()));
      if (!byRef.has(ref)) byRef.set(ref, this.build(target, ref, targetBase));
      return byRef.get(ref);
    }
    let c = this.called.get(target);
    if (!c) {
      // A placeholder first: definitions refer to themselves (JSONSchemaProps).
      const slot: { check?: Check | undefined } = {};
      c = (data, run) => slot.check?.(data, run);
      this.called.set(target, c);
      this.pending.push(target);
      slot.check = this.build(target, '#', targetBase);
    }
    return c;
  }

  /** A `$ref` as ajv resolves it here: `[kubernetes]#/json/pointer`, following pure-`$ref` aliases. */
  private resolve(ref: string, base: Base, depth = 0): [unknown, Base] {
    const hash = ref.indexOf('#');
    const id = hash < 0 ? ref : ref.slice(0, hash);
    const fragment = hash < 0 ? '' : ref.slice(hash + 1);
    const root = id === '' ? base : id === KUBERNETES_SCHEMA_ID ? this.document : undefined;
    // Made only when thrown: an Error captures a stack, and most refs resolve.
    const missing = () => new Error(`can't resolve reference ${ref}`);
    if (root === undefined || !fragment.startsWith('/') || depth > 32) throw missing();
    let node: unknown = root;
    for (const part of fragment.slice(1).split('/')) {
      if (typeof node !== 'object' || node === null) throw missing();
      node = (node as SchemaObject)[decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~')];
      if (node === undefined) throw missing();
    }
    if (isObject(node) && node.$ref && !hasRules(node, '$ref'))
      return this.resolve(String(node.$ref), root, depth + 1);
    if (node === root) throw missing();
    return [node, root];
  }

  private hasRef(schema: unknown): boolean {
    if (typeof schema !== 'object' || schema === null) return false;
    let known = this.refsIn.get(schema);
    if (known === undefined) {
      known = false;
      for (const key in schema) {
        const v = (schema as SchemaObject)[key];
        if (REF_KEYWORDS.has(key) || (Array.isArray(v) ? v.some((x) => this.hasRef(x)) : this.hasRef(v))) {
          known = true;
          break;
        }
      }
      this.refsIn.set(schema, known);
    }
    return known;
  }
}

function typeError(run: Run, at: ReturnType<typeof site>, data: unknown): void {
  report(run, at, data, { type: at.value }, `must be ${String(at.value)}`);
}

/** One schema, with its `$ref`s resolved in `definitions` (the Kubernetes document's). */
export function interpretSchema(schema: unknown, definitions?: SchemaObject): InterpretedSchema {
  return new SchemaInterpreter(definitions && { $id: KUBERNETES_SCHEMA_ID, definitions }).compile(schema);
}
