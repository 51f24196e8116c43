import { DiagnosticError } from '../core/diagnostic.js';
import { deepEqual, isJsonObject, type JsonObject, type JsonValue } from '../core/json.js';
import { parseYaml11 } from '../yaml/parse-yaml11.js';

/**
 * RFC 6902 JSON patches exactly as kustomize applies them: it marshals the resource to JSON and
 * runs evanphx/json-patch (the v4 line), so the quirks here are that library's: `replace` of a
 * missing map key adds it, `test` of a missing key passes against null, negative array indices
 * count from the end, a root path ("") is "missing", and its error texts.
 */

const RULE = 'json-patch';

function fail(message: string): never {
  throw new DiagnosticError({ rule: RULE, message });
}

// ---------------------------------------------------------------------------------------------
// Parsing the patch text.

/**
 * A patch body as kustomize decodes it: text starting with `[` is strict JSON; anything else is
 * YAML read with sigs.k8s.io/yaml (YAML 1.1 scalars: `on`/`yes`/`y` are true, `0777` is octal).
 */
export function parseJsonPatchText(text: string, file: string): JsonValue {
  if (text.startsWith('[')) {
    try {
      return JSON.parse(text) as JsonValue;
    } catch (e) {
      throw new DiagnosticError({ rule: RULE, file, message: `invalid JSON patch: ${(e as Error).message}` });
    }
  }
  return parseYaml11(text, file, RULE);
}

// ---------------------------------------------------------------------------------------------
// Applying operations.

type Container = JsonObject | JsonValue[];

/** Go's strconv.Atoi: optional sign and decimal digits, within int64. */
function atoi(key: string): number | string {
  if (!/^[+-]?\d+$/.test(key)) return `strconv.Atoi: parsing "${key}": invalid syntax`;
  const n = Number(key);
  if (!Number.isSafeInteger(n) && Math.abs(n) >= 2 ** 63)
    return `strconv.Atoi: parsing "${key}": value out of range`;
  return n;
}

function decodeKey(part: string): string {
  return part.replace(/~1/g, '/').replace(/~0/g, '~');
}

function indexError(i: number): string {
  return `Unable to access invalid index: ${i}: invalid index referenced`;
}

/** Array get as the library does it: negative indices count from the end. */
function arrayGet(arr: JsonValue[], key: string): { value?: JsonValue; error?: string } {
  const idx = atoi(key);
  if (typeof idx === 'string') return { error: idx };
  let i = idx;
  if (i < 0) {
    if (i < -arr.length) return { error: indexError(i) };
    i += arr.length;
  }
  if (i >= arr.length) return { error: indexError(idx) };
  return { value: arr[i] as JsonValue };
}

/** Map get: a missing key and an explicit null both read as "no value" (a nil node). */
function containerGet(con: Container, key: string): { value?: JsonValue; error?: string } {
  if (Array.isArray(con)) return arrayGet(con, key);
  const v = Object.hasOwn(con, key) ? con[key] : undefined;
  return v === null ? {} : { value: v };
}

/** The container holding the last path segment, or undefined when the path is "missing". */
function findObject(doc: JsonObject, path: string): { con: Container; key: string } | undefined {
  const split = path.split('/');
  if (split.length < 2) return undefined;
  let con: Container = doc;
  for (const part of split.slice(1, -1)) {
    const got = containerGet(con, decodeKey(part));
    const next = got.value;
    if (got.error !== undefined || next === undefined || next === null || typeof next !== 'object')
      return undefined;
    con = next;
  }
  return { con, key: decodeKey(split[split.length - 1] as string) };
}

function containerAdd(con: Container, key: string, value: JsonValue): string | undefined {
  if (!Array.isArray(con)) {
    con[key] = value;
    return undefined;
  }
  if (key === '-') {
    con.push(value);
    return undefined;
  }
  const idx = atoi(key);
  if (typeof idx === 'string') return `value was not a proper array index: '${key}': ${idx}`;
  const size = con.length + 1;
  if (idx >= size || idx < -size) return indexError(idx);
  con.splice(idx < 0 ? idx + size : idx, 0, value);
  return undefined;
}

function containerRemove(con: Container, key: string): string | undefined {
  if (!Array.isArray(con)) {
    if (!Object.hasOwn(con, key)) return `Unable to remove nonexistent key: ${key}: missing value`;
    delete con[key];
    return undefined;
  }
  const idx = atoi(key);
  if (typeof idx === 'string') return idx;
  if (idx >= con.length || idx < -con.length) return indexError(idx);
  con.splice(idx < 0 ? idx + con.length : idx, 1);
  return undefined;
}

function containerSet(con: Container, key: string, value: JsonValue): void {
  if (!Array.isArray(con)) {
    con[key] = value;
    return;
  }
  const idx = Number(key);
  con[idx < 0 ? idx + con.length : idx] = value;
}

function clone(v: JsonValue): JsonValue {
  return v !== null && typeof v === 'object' ? structuredClone(v) : v;
}

interface Op {
  kind: string;
  path?: string;
  from?: string;
  hasValue: boolean;
  value: JsonValue;
}

function readOp(raw: JsonValue): Op {
  if (!isJsonObject(raw)) {
    const t = raw === null ? 'null' : Array.isArray(raw) ? 'array' : typeof raw;
    fail(`json: cannot unmarshal ${t} into Go value of type jsonpatch.Operation`);
  }
  const str = (k: string): string | undefined =>
    typeof raw[k] === 'string' ? (raw[k] as string) : undefined;
  return {
    kind: str('op') ?? 'unknown',
    path: str('path'),
    from: str('from'),
    hasValue: Object.hasOwn(raw, 'value'),
    value: raw.value ?? null,
  };
}

const MISSING_PATH = 'operation missing path field: missing value';
const MISSING_FROM = 'operation, missing from field: missing value';

function opAdd(doc: JsonObject, op: Op): void {
  if (op.path === undefined) fail('add operation failed to decode path: missing value');
  const found = findObject(doc, op.path);
  if (!found) fail(`add operation does not apply: doc is missing path: "${op.path}": missing value`);
  const err = containerAdd(found.con, found.key, clone(op.value));
  if (err) fail(`error in add for path: '${op.path}': ${err}`);
}

function opRemove(doc: JsonObject, op: Op): void {
  if (op.path === undefined) fail('remove operation failed to decode path: missing value');
  const found = findObject(doc, op.path);
  if (!found) fail(`remove operation does not apply: doc is missing path: "${op.path}": missing value`);
  const err = containerRemove(found.con, found.key);
  if (err) fail(`error in remove for path: '${op.path}': ${err}`);
}

function opReplace(doc: JsonObject, op: Op): void {
  if (op.path === undefined) fail(`replace operation failed to decode path: ${MISSING_PATH}`);
  const found = findObject(doc, op.path);
  if (!found) fail(`replace operation does not apply: doc is missing path: ${op.path}: missing value`);
  if (containerGet(found.con, found.key).error !== undefined) {
    fail(`replace operation does not apply: doc is missing key: ${op.path}: missing value`);
  }
  containerSet(found.con, found.key, clone(op.value));
}

function opMove(doc: JsonObject, op: Op): void {
  if (op.from === undefined) fail(`move operation failed to decode from: ${MISSING_FROM}`);
  const src = findObject(doc, op.from);
  if (!src) fail(`move operation does not apply: doc is missing from path: ${op.from}: missing value`);
  const got = containerGet(src.con, src.key);
  if (got.error !== undefined) fail(`error in move for path: '${src.key}': ${got.error}`);
  const rmErr = containerRemove(src.con, src.key);
  if (rmErr) fail(`error in move for path: '${src.key}': ${rmErr}`);
  if (op.path === undefined) fail(`move operation failed to decode path: ${MISSING_PATH}`);
  const dst = findObject(doc, op.path);
  if (!dst) fail(`move operation does not apply: doc is missing destination path: ${op.path}: missing value`);
  const err = containerAdd(dst.con, dst.key, got.value ?? null);
  if (err) fail(`error in move for path: '${op.path}': ${err}`);
}

function opCopy(doc: JsonObject, op: Op): void {
  if (op.from === undefined) fail(`copy operation failed to decode from: ${MISSING_FROM}`);
  const src = findObject(doc, op.from);
  if (!src) fail(`copy operation does not apply: doc is missing from path: "${op.from}": missing value`);
  const got = containerGet(src.con, src.key);
  if (got.error !== undefined) fail(`error in copy for from: '${op.from}': ${got.error}`);
  if (op.path === undefined) fail('copy operation failed to decode path: missing value');
  const dst = findObject(doc, op.path);
  if (!dst) fail(`copy operation does not apply: doc is missing destination path: ${op.path}: missing value`);
  const err = containerAdd(dst.con, dst.key, clone(got.value ?? null));
  if (err) fail(`error while adding value during copy: ${err}`);
}

function opTest(doc: JsonObject, op: Op): void {
  if (op.path === undefined) fail(`test operation failed to decode path: ${MISSING_PATH}`);
  const found = findObject(doc, op.path);
  if (!found) fail(`test operation does not apply: is missing path: ${op.path}: missing value`);
  const got = containerGet(found.con, found.key);
  if (got.error !== undefined) fail(`error in test for path: '${op.path}': ${got.error}`);
  const failed = `testing value ${op.path} failed: test failed`;
  if (got.value === undefined) {
    if (op.value === null) return;
    fail(failed);
  }
  if (!op.hasValue || !deepEqual(got.value, op.value)) fail(failed);
}

const OPS: Readonly<Record<string, (doc: JsonObject, op: Op) => void>> = {
  add: opAdd,
  remove: opRemove,
  replace: opReplace,
  move: opMove,
  copy: opCopy,
  test: opTest,
};

/**
 * Applies decoded JSON patch operations to a copy of `target` and returns it. Throws
 * DiagnosticError (rule `json-patch`) with the library's message; the caller adds the file.
 */
export function applyJsonPatch(target: JsonObject, ops: JsonValue): JsonObject {
  if (ops === null) return target;
  if (!Array.isArray(ops)) {
    const t = isJsonObject(ops) ? 'object' : typeof ops;
    fail(`json: cannot unmarshal ${t} into Go value of type jsonpatch.Patch`);
  }
  const decoded = ops.map(readOp);
  const doc = structuredClone(target);
  for (const op of decoded) {
    const apply = OPS[op.kind];
    if (!apply) fail(`Unexpected kind: ${op.kind}`);
    apply(doc, op);
  }
  return doc;
}
