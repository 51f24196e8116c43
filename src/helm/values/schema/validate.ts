/**
 * Validates a value against a compiled schema in the validator's order, so the errors and
 * their nesting come out as helm prints them: type, const, enum and format stop at their
 * first failure; `$ref` wraps its causes; several errors at one place form a group.
 */
import type { CompiledSchema, Schema } from './compile.js';
import { compare } from './decimal.js';
import type { Kind } from './kinds.js';
import { validateArray, validateNumber, validateObject, validateString } from './keywords.js';
import { INTEGER, isPlainObject, jsonEquals, NUMBER, typeName, typeNames, typeOfValue } from './types.js';

export interface VError {
  loc: string[];
  kind: Kind;
  causes: VError[];
}

/** Properties and items no keyword has evaluated yet (for `unevaluated*`). */
export interface Uneval {
  props?: Set<string>;
  items?: Set<number>;
}

interface Scope {
  sch: Schema;
  refKw: string;
  vid: number;
  parent?: Scope;
}

export interface Ctx {
  compiled: CompiledSchema;
  v: unknown;
  vloc: string[];
  sch: Schema;
  scope: Scope;
  uneval: Uneval;
  errors: VError[];
}

export type Outcome = { ok: true; uneval: Uneval } | { ok: false; err: VError };

const unevalEmpty = (u: Uneval): boolean => (u.props?.size ?? 0) === 0 && (u.items?.size ?? 0) === 0;

function itemsEvaluated(s: Schema): number {
  if (s.draft < 2020) {
    if (s.items && !Array.isArray(s.items)) return Infinity;
    if (Array.isArray(s.items)) return s.additionalItems !== undefined ? Infinity : s.items.length;
    return 0;
  }
  return s.items2020 ? Infinity : (s.prefixItems?.length ?? 0);
}

function unevalFrom(v: unknown, s: Schema, callerNeeds: boolean): Uneval {
  if (isPlainObject(v) && s.additionalProperties === undefined && (callerNeeds || s.unevaluatedProperties)) {
    return { props: new Set(Object.keys(v)) };
  }
  if (Array.isArray(v) && (callerNeeds || s.unevaluatedItems)) {
    const from = itemsEvaluated(s);
    if (from < v.length)
      return { items: new Set(Array.from({ length: v.length - from }, (_, i) => from + i)) };
  }
  return {};
}

export function mkError(c: Ctx, kind: Kind, causes: VError[] = []): VError {
  return { loc: [...c.vloc], kind, causes };
}

export function addError(c: Ctx, kind: Kind, causes: VError[] = []): void {
  c.errors.push(mkError(c, kind, causes));
}

export function addErr(c: Ctx, o: Outcome): void {
  if (!o.ok) c.errors.push(o.err);
}

function child(c: Ctx, sch: Schema, v: unknown, vloc: string[], scope: Scope, uneval: Uneval): Ctx {
  return { compiled: c.compiled, v, vloc, sch, scope, uneval, errors: [] };
}

/** The same value against another schema (applicators, `$ref`). */
export function validateSelf(c: Ctx, sch: Schema, refKw = ''): Outcome {
  const scope: Scope = { sch, refKw, vid: c.scope.vid, parent: c.scope };
  const sub = child(c, sch, c.v, c.vloc, scope, unevalFrom(c.v, sch, !unevalEmpty(c.uneval)));
  const out = run(sub);
  if (out.ok) {
    for (const k of c.uneval.props ?? []) if (!out.uneval.props?.has(k)) c.uneval.props?.delete(k);
    for (const i of c.uneval.items ?? []) if (!out.uneval.items?.has(i)) c.uneval.items?.delete(i);
  }
  return out;
}

/** A member of the value (`token` is its key or index). */
export function validateVal(c: Ctx, sch: Schema, v: unknown, token: string): Outcome {
  const scope: Scope = { sch, refKw: '', vid: c.scope.vid + 1, parent: c.scope };
  return run(child(c, sch, v, [...c.vloc, token], scope, unevalFrom(v, sch, false)));
}

function validateRef(c: Ctx, sch: Schema, kw: string): Outcome {
  const out = validateSelf(c, sch, kw);
  if (out.ok) return out;
  const causes = out.err.kind.k === 'group' ? out.err.causes : [out.err];
  return { ok: false, err: mkError(c, { k: 'reference' }, causes) };
}

function kwLoc(scope: Scope): string {
  let loc = '';
  for (let s: Scope | undefined = scope; s?.parent; s = s.parent) {
    loc = (s.refKw ? `/${s.refKw}` : s.sch.loc.slice(s.parent.sch.loc.length)) + loc;
  }
  return loc;
}

function cycle(c: Ctx): Kind | undefined {
  for (let s = c.scope.parent; s && s.vid === c.scope.vid; s = s.parent) {
    if (s.sch === c.sch) return { k: 'cycle', url: c.sch.loc, loc1: kwLoc(c.scope), loc2: kwLoc(s) };
  }
  return undefined;
}

function dynamicTarget(c: Ctx): Schema | undefined {
  const d = c.sch.dynamicRef;
  if (!d) return undefined;
  let target = d.ref;
  if (d.anchor !== '' && target.dynamicAnchor === d.anchor) {
    for (let s: Scope | undefined = c.scope; s; s = s.parent) {
      const ptr = c.compiled.doc.dynamicAnchorIn(s.sch.ptr, d.anchor);
      if (ptr !== undefined) target = c.compiled.at(ptr);
    }
  }
  return target;
}

function recursiveTarget(c: Ctx): Schema | undefined {
  let target = c.sch.recursiveRef;
  if (target?.recursiveAnchor) {
    for (let s: Scope | undefined = c.scope; s; s = s.parent) {
      if (c.compiled.doc.recursiveAnchorAt(s.sch.ptr) !== undefined) target = s.sch;
    }
  }
  return target;
}

function conditions(c: Ctx): void {
  const s = c.sch;
  if (s.not && validateSelf(c, s.not).ok) addError(c, { k: 'not' });
  if (s.allOf?.length) {
    const errs = s.allOf.map((x) => validateSelf(c, x)).flatMap((o) => (o.ok ? [] : [o.err]));
    if (errs.length > 0) addError(c, { k: 'allOf' }, errs);
  }
  if (s.anyOf?.length) {
    const errs: VError[] = [];
    let matched = false;
    for (const x of s.anyOf) {
      const o = validateSelf(c, x);
      if (!o.ok) errs.push(o.err);
      else {
        matched = true;
        if (unevalEmpty(c.uneval)) break;
      }
    }
    if (!matched) addError(c, { k: 'anyOf' }, errs);
  }
  if (s.oneOf?.length) {
    const errs: VError[] = [];
    let matched = -1;
    for (const [i, x] of s.oneOf.entries()) {
      const o = validateSelf(c, x);
      if (!o.ok) {
        if (matched === -1) errs.push(o.err);
      } else if (matched === -1) matched = i;
      else {
        addError(c, { k: 'oneOf', matched: [matched, i] });
        break;
      }
    }
    if (matched === -1) addError(c, { k: 'oneOf' }, errs);
  }
  if (s.if) {
    if (validateSelf(c, s.if).ok) {
      if (s.then) addErr(c, validateSelf(c, s.then));
    } else if (s.else) addErr(c, validateSelf(c, s.else));
  }
}

function unevaluated(c: Ctx): void {
  const s = c.sch;
  if (isPlainObject(c.v) && s.unevaluatedProperties) {
    for (const k of c.uneval.props ?? []) {
      if (Object.hasOwn(c.v, k)) addErr(c, validateVal(c, s.unevaluatedProperties, c.v[k], k));
    }
    c.uneval.props = undefined;
  }
  if (Array.isArray(c.v) && s.unevaluatedItems) {
    for (const i of c.uneval.items ?? []) addErr(c, validateVal(c, s.unevaluatedItems, c.v[i], String(i)));
    c.uneval.items = undefined;
  }
}

function fail(c: Ctx, kind: Kind): Outcome {
  return { ok: false, err: mkError(c, kind) };
}

function run(c: Ctx): Outcome {
  const s = c.sch;
  const v = c.v;
  if (s.bool !== undefined) return s.bool ? { ok: true, uneval: c.uneval } : fail(c, { k: 'false' });
  const loop = cycle(c);
  if (loop) return fail(c, loop);
  const t = typeOfValue(v);
  if (t === 0) return fail(c, { k: 'invalidValue', type: typeof v });
  if (s.types !== undefined) {
    const integral = (s.types & INTEGER) !== 0 && t === NUMBER && Number.isInteger(v);
    if ((s.types & t) === 0 && !integral)
      return fail(c, { k: 'type', got: typeName(t), want: typeNames(s.types) });
  }
  if (s.const && !jsonEquals(v, s.const.value, compare)) return fail(c, { k: 'const', want: s.const.value });
  if (s.enum) {
    const hit = (s.enum.types & t) !== 0 && s.enum.values.some((x) => jsonEquals(v, x, compare));
    if (!hit) return fail(c, { k: 'enum', want: s.enum.values });
  }
  if (s.format) {
    const err = s.format.check(v);
    if (err !== undefined) return fail(c, { k: 'format', got: v, want: s.format.name, err });
  }
  if (s.ref) {
    const out = validateRef(c, s.ref, '$ref');
    if (s.draft < 2019) return out.ok ? { ok: true, uneval: c.uneval } : out;
    addErr(c, out);
  }
  if (isPlainObject(v)) validateObject(c, v);
  else if (Array.isArray(v)) validateArray(c, v);
  else if (typeof v === 'string') validateString(c, v);
  else if (t === NUMBER) validateNumber(c, v as number);
  if (s.draft >= 2019) {
    const rec = recursiveTarget(c);
    if (rec) addErr(c, validateRef(c, rec, '$recursiveRef'));
    const dyn = dynamicTarget(c);
    if (dyn) addErr(c, validateRef(c, dyn, '$dynamicRef'));
  }
  conditions(c);
  if (s.draft >= 2019) unevaluated(c);
  if (c.errors.length === 0) return { ok: true, uneval: c.uneval };
  if (c.errors.length === 1) return { ok: false, err: c.errors[0] as VError };
  return { ok: false, err: mkError(c, { k: 'group' }, c.errors) };
}

/** Validates `value` against `sch` (default: the root) as a fresh validation: the top-level errors. */
export function validateValue(
  compiled: CompiledSchema,
  value: unknown,
  sch: Schema = compiled.root,
): VError[] {
  const c: Ctx = {
    compiled,
    v: value,
    vloc: [],
    sch,
    scope: { sch, refKw: '', vid: 0 },
    uneval: unevalFrom(value, sch, false),
    errors: [],
  };
  const out = run(c);
  if (out.ok) return [];
  return out.err.kind.k === 'group' ? out.err.causes : [out.err];
}
