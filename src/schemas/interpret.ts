import { KUBERNETES_SCHEMA_ID } from './kubernetes-openapi.js';
import { checkValueType, format, LEAVES, schemaTypes, type SchemaObject } from './interpret-keywords.js';
import { ifThenElse, items, not, union, type Builder } from './interpret-applicators.js';
import { deferred, type BuildMode } from './interpret-lazy.js';
import { hasRef, resolve, type Base } from './interpret-ref.js';
import {
  alwaysValid,
  GROUPS,
  hasRules,
  sequence,
  typeError,
  UNSUPPORTED,
  UNTYPED,
} from './interpret-rules.js';
import {
  descend,
  escapePointer,
  isObject,
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

/**
 * Builds checks for schemas that may `$ref` the Kubernetes document. Definitions ajv would
 * compile as functions of their own are built once and shared by every schema built here.
 */
export class SchemaInterpreter {
  private readonly called = new Map<unknown, Check>();
  private readonly inlined = new Map<unknown, Map<string, Check | undefined>>();
  private readonly refsIn = new WeakMap<object, boolean>();
  private pending: unknown[] = [];
  private readonly mode: BuildMode = { lazy: false };
  /** This interpreter's building, as the applicators in interpret-applicators.ts call it. */
  private readonly builder: Builder = {
    build: (schema, sp, base) => this.build(schema, sp, base),
    sub: (s, sp, keyword, base) => this.sub(s, sp, keyword, base),
  };

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
    this.mode.lazy = options.lazy === true;
    let check: Check | undefined;
    try {
      check = this.build(schema, '#', schema);
    } catch (e) {
      // Drop what was half-built, so the next schema using it fails the same way.
      for (const target of this.pending) this.called.delete(target);
      throw e;
    } finally {
      this.mode.lazy = false;
    }
    return (value) => {
      if (!check) return { valid: true, errors: [] };
      const run: Run = { errors: [], path: [], quiet: 0 };
      check(value, run);
      return { valid: run.errors.length === 0, errors: run.errors };
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
        return not(this.builder, s, sp, base);
      case 'anyOf':
      case 'oneOf':
        return union(this.builder, s, sp, k, base);
      case 'allOf':
        return sequence(
          (s.allOf as unknown[]).flatMap((b, i) => this.build(b, `${sp}/allOf/${i}`, base) ?? []),
        );
      case 'if':
        return ifThenElse(this.builder, s, sp, base);
      default:
        return LEAVES[k]?.(s, sp, k);
    }
  }

  private typed(s: SchemaObject, sp: string, k: string, group: string, base: Base): Check | undefined {
    if (k === 'format') return format(s, sp, group);
    if (k === 'items') return items(this.builder, s, sp, base);
    if (k === 'properties') return this.properties(s, sp, base);
    if (k === 'additionalProperties') return this.additional(s, sp, base);
    return LEAVES[k]?.(s, sp, k);
  }

  private properties(s: SchemaObject, sp: string, base: Base): Check | undefined {
    const props = s.properties as SchemaObject;
    const names = Object.keys(props).filter((p) => p !== '__proto__');
    // A lazy property that turns out to need no check runs as a no-op: the same errors.
    const checks = this.mode.lazy
      ? names.map((p) => ({ name: p, check: deferred(this.mode, () => this.property(props, p, sp, base)) }))
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
    const [target, targetBase] = resolve(this.document, ref, base);
    if (!hasRef(target, this.refsIn)) {
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
}

/** One schema, with its `$ref`s resolved in `definitions` (the Kubernetes document's). */
export function interpretSchema(schema: unknown, definitions?: SchemaObject): InterpretedSchema {
  return new SchemaInterpreter(definitions && { $id: KUBERNETES_SCHEMA_ID, definitions }).compile(schema);
}
