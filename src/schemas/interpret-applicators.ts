import { schemaTypes, type SchemaObject } from './interpret-keywords.js';
import type { Base } from './interpret-ref.js';
import { alwaysValid } from './interpret-rules.js';
import { descend, isObject, passes, report, site, typeTest, type Check } from './interpret-run.js';

/**
 * Keywords that apply subschemas to the value itself (not, anyOf, oneOf, if) or to each of
 * its items; the subschemas are built by the interpreter, which shares what it built.
 */

/** What these keywords need from the interpreter. */
export interface Builder {
  build(schema: unknown, sp: string, base: Base): Check | undefined;
  /** Builds `s[keyword]`, at `<sp>/<keyword>`. */
  sub(s: SchemaObject, sp: string, keyword: string, base: Base): Check | undefined;
}

export function not(builder: Builder, s: SchemaObject, sp: string, base: Base): Check {
  const at = site(s, sp, 'not');
  const inner = alwaysValid(s.not) ? undefined : builder.sub(s, sp, 'not', base);
  return (data, run) => {
    if (passes(inner, data, run)) report(run, at, data, {}, 'must NOT be valid');
  };
}

/** anyOf stops at the first valid branch; oneOf at the second. */
export function union(
  builder: Builder,
  s: SchemaObject,
  sp: string,
  k: string,
  base: Base,
): Check | undefined {
  const at = site(s, sp, k);
  const branches = at.value as unknown[];
  if (k === 'anyOf' && branches.some(alwaysValid)) return undefined;
  const checks = branches.map((b, i) =>
    alwaysValid(b) ? undefined : builder.build(b, `${sp}/${k}/${i}`, base),
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

export function ifThenElse(builder: Builder, s: SchemaObject, sp: string, base: Base): Check | undefined {
  const clause = (k: 'then' | 'else'): Check | undefined =>
    s[k] === undefined || alwaysValid(s[k]) ? undefined : builder.sub(s, sp, k, base);
  const hasThen = s.then !== undefined && !alwaysValid(s.then);
  const hasElse = s.else !== undefined && !alwaysValid(s.else);
  if (!hasThen && !hasElse) return undefined;
  const at = site(s, sp, 'if');
  const test = builder.sub(s, sp, 'if', base);
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

export function items(builder: Builder, s: SchemaObject, sp: string, base: Base): Check | undefined {
  if (Array.isArray(s.items)) throw new Error(`tuple items are not supported (at ${sp})`);
  const inner = alwaysValid(s.items) ? undefined : builder.sub(s, sp, 'items', base);
  if (!inner) return undefined;
  return (data, run) => {
    const items = data as unknown[];
    for (let i = 0; i < items.length; i++) descend(inner, items[i], run, i);
  };
}
