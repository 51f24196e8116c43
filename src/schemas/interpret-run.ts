/**
 * The runtime side of the schema interpreter: what a check appends to, and the small
 * predicates ajv's generated code inlines. Kept equal to ajv 8 (allErrors, verbose, strict
 * off) so violations.ts reads the same errors it read from ajv.
 */

/** An error as ajv reports it with `allErrors` and `verbose`. */
export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message: string;
  schema: unknown;
  parentSchema: unknown;
  data: unknown;
}

/**
 * One validation: the errors so far and the instance path (raw keys and indices, escaped
 * only when an error is reported). Inside `if` and `not` only validity counts, so `quiet`
 * errors are a shared placeholder that costs nothing to make.
 */
export interface Run {
  errors: SchemaError[];
  path: (string | number)[];
  quiet: number;
}

/** A schema node as a closure: it appends its errors; it is valid when it appends none. */
export type Check = (data: unknown, run: Run) => void;

/** A keyword of one schema object, as errors name it. */
export interface Site {
  keyword: string;
  /** `<schema path>/<keyword>`, as ajv's `schemaPath`. */
  schemaPath: string;
  /** The keyword's value (ajv's verbose `schema`). */
  value: unknown;
  /** The schema object holding the keyword (ajv's verbose `parentSchema`). */
  parent: unknown;
}

export function site(parent: Record<string, unknown>, schemaPath: string, keyword: string): Site {
  return { keyword, schemaPath: `${schemaPath}/${keyword}`, value: parent[keyword], parent };
}

export function report(
  run: Run,
  at: Site,
  data: unknown,
  params: Record<string, unknown>,
  message: string,
): void {
  if (run.quiet > 0) {
    run.errors.push(QUIET);
    return;
  }
  run.errors.push({
    instancePath: pointer(run.path),
    schemaPath: at.schemaPath,
    keyword: at.keyword,
    params,
    message,
    schema: at.value,
    parentSchema: at.parent,
    data,
  });
}

const QUIET: SchemaError = {
  instancePath: '',
  schemaPath: '',
  keyword: 'quiet',
  params: {},
  message: '',
  schema: undefined,
  parentSchema: undefined,
  data: undefined,
};

/** Runs `check` one level down the instance, at property `key` or index `key`. */
export function descend(check: Check, data: unknown, run: Run, key: string | number): void {
  run.path.push(key);
  check(data, run);
  run.path.pop();
}

/** Runs `check` for validity only, its errors discarded (ajv's createErrors: false). */
export function passes(check: Check | undefined, data: unknown, run: Run): boolean {
  if (!check) return true;
  const mark = run.errors.length;
  run.quiet++;
  check(data, run);
  run.quiet--;
  const ok = run.errors.length === mark;
  run.errors.length = mark;
  return ok;
}

export function escapePointer(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

function pointer(path: readonly (string | number)[]): string {
  let out = '';
  for (const seg of path) out += `/${typeof seg === 'number' ? seg : escapePointer(seg)}`;
  return out;
}

export function isObject(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null && !Array.isArray(data);
}

type Test = (data: unknown) => boolean;

/** ajv's type tests without strictNumbers (`strict: false`): Infinity is a number and an integer. */
const TYPE_TESTS: Record<string, Test> = {
  null: (d) => d === null,
  array: (d) => Array.isArray(d),
  object: isObject,
  integer: (d) => typeof d === 'number' && !(d % 1) && !Number.isNaN(d),
  number: (d) => typeof d === 'number',
  string: (d) => typeof d === 'string',
  boolean: (d) => typeof d === 'boolean',
};

/** A test for "any of these JSON types" (types already checked by schemaTypes). */
export function typeTest(types: readonly string[]): Test {
  const tests = types.map((t) => TYPE_TESTS[t] as Test);
  if (tests.length === 1) return tests[0] as Test;
  return (d) => {
    for (const test of tests) if (test(d)) return true;
    return false;
  };
}

export function hasType(type: string, data: unknown): boolean {
  return (TYPE_TESTS[type] as Test)(data);
}

/** fast-deep-equal, as ajv's enum, const and uniqueItems use it, for JSON data. */
export function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    if (Array.isArray(a) && Array.isArray(b)) {
      return a.length === b.length && a.every((x, i) => equal(x, b[i]));
    }
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && equal(ra[k], rb[k]));
  }
  return a !== a && b !== b;
}

/** String length in code points, as ajv counts it for minLength/maxLength. */
export function ucs2length(str: string): number {
  let length = 0;
  for (let pos = 0; pos < str.length;) {
    length++;
    const value = str.charCodeAt(pos++);
    if (value >= 0xd800 && value <= 0xdbff && pos < str.length) {
      if ((str.charCodeAt(pos) & 0xfc00) === 0xdc00) pos++;
    }
  }
  return length;
}
