/**
 * Strategic merge patches exactly as kustomize v5 applies them: kyaml's merge2 walker (not the
 * apimachinery implementation kubectl uses for `kubectl patch`). Its quirks are kustomize's
 * observable behaviour and are kept on purpose:
 * - lists are merged only where the schema gives a `merge` strategy; custom resources and fields
 *   unknown to kustomize's Kubernetes v1.21 schema have their lists replaced (no key inference);
 * - new list elements come first (patch order), then the target's remaining elements;
 * - `$patch: replace|delete|merge` is honoured on maps and on merged lists; `$setElementOrder`,
 *   `$retainKeys` and `$deleteFromPrimitiveList` are not understood and stay in the output;
 * - null-valued fields of the target are dropped, as are null/empty elements of merged lists.
 */
import { DiagnosticError } from '../core/diagnostic.js';
import { deepClone, isJsonObject, type JsonObject, type JsonValue } from '../core/json.js';
import { isMergeStrategy, listMergeKeys, schemaForType, type SchemaNode } from './merge-keys.js';

/** A YAML node as kyaml sees it: `undefined` is a missing node, `null` a tagged null. */
type Node = JsonValue | undefined;

/**
 * A null of the target that the patch does not mention: kyaml keeps it as a plain `null`
 * scalar, where a null coming from the patch clears the field.
 */
const KEPT_NULL = Symbol('kept null');
type Walked = Node | typeof KEPT_NULL;

const settle = (w: Walked): Node => (w === KEPT_NULL ? null : w);

const PATCH = '$patch';
type Directive = 'merge' | 'replace' | 'delete';

function isMissingOrNull(n: Node): n is null | undefined {
  return n === undefined || n === null;
}

function isEmptyMap(n: Node): boolean {
  return isJsonObject(n) && Object.keys(n).length === 0;
}

/** kyaml's IsNilOrEmpty on a field value. */
function isNilOrEmpty(n: Node): boolean {
  return isMissingOrNull(n) || isEmptyMap(n) || (Array.isArray(n) && n.length === 0);
}

/** The scalar text kyaml compares (yaml.Node.Value): maps and lists have none. */
function scalarText(n: Node): string {
  if (typeof n === 'string') return n;
  if (typeof n === 'number' || typeof n === 'boolean') return String(n);
  return '';
}

function fail(message: string): never {
  throw new DiagnosticError({ rule: 'kustomize-patch', message });
}

type Kind = 'map' | 'list' | 'scalar';

function kindOf(n: JsonValue): Kind {
  if (Array.isArray(n)) return 'list';
  return isJsonObject(n) ? 'map' : 'scalar';
}

const KIND_NAMES: Record<Kind, string> = { map: 'MappingNode', list: 'SequenceNode', scalar: 'ScalarNode' };

/** kyaml's GetSchema fallback: a map carrying apiVersion and kind gets that type's schema. */
function schemaFromMeta(n: Node): SchemaNode | undefined {
  if (!isJsonObject(n)) return undefined;
  const apiVersion = scalarText(n.apiVersion);
  const kind = scalarText(n.kind);
  return apiVersion && kind ? schemaForType(apiVersion, kind) : undefined;
}

/**
 * Applies a strategic merge patch to `target` as kustomize does. `target` is mutated and its
 * subtrees reused in the result; `patch` is never mutated (it is copied first, so one patch can
 * serve many targets). Returns null when the patch deletes the whole resource (`$patch: delete`).
 */
export function applyStrategicMerge(target: JsonObject, patch: JsonObject): JsonObject | null {
  const result = settle(walk(target, deepClone(patch), undefined));
  return isJsonObject(result) ? result : null;
}

/** Merges `origin` into `dest`; undefined means "clear the field". */
function walk(dest: Node, origin: Node, schema: SchemaNode | undefined): Walked {
  const s = schema ?? schemaFromMeta(dest) ?? schemaFromMeta(origin);
  const first = !isMissingOrNull(dest) ? dest : !isMissingOrNull(origin) ? origin : undefined;
  if (first === undefined) return walkMap(dest, origin, s);
  const kind = kindOf(first);
  for (const n of [dest, origin]) {
    if (!isMissingOrNull(n) && kindOf(n) !== kind) {
      fail(`wrong node kind: expected ${KIND_NAMES[kind]} but got ${KIND_NAMES[kindOf(n)]}`);
    }
  }
  if (kind === 'map') return walkMap(dest, origin, s);
  if (kind === 'list' && s !== undefined && isMergeStrategy(s.strategy)) {
    return walkAssociativeList(dest, origin, s);
  }
  // Scalars and lists without a merge strategy: the patch value wins wholesale.
  return origin !== undefined ? origin : dest;
}

/** Reads and strips `$patch` from a map. Unknown values are an error, or kept when `lenient`. */
function mapDirective(m: Node, lenient: boolean): Directive | undefined {
  if (!isJsonObject(m) || !Object.hasOwn(m, PATCH)) return 'merge';
  const v = scalarText(m[PATCH]);
  if (v === 'merge' || v === 'replace' || v === 'delete') {
    delete m[PATCH];
    return v;
  }
  if (lenient) return undefined;
  return fail(`unknown patch strategy '${v}'`);
}

function walkMap(dest: Node, origin: Node, schema: SchemaNode | undefined): Walked {
  let d: Node;
  if (isMissingOrNull(dest)) {
    if (mapDirective(origin, true) === 'delete') return undefined;
    if (origin === undefined && dest === null) return KEPT_NULL;
    d = origin;
  } else {
    if (origin === null) return undefined;
    const directive = mapDirective(origin, false);
    if (directive === 'delete') return undefined;
    d = directive === 'replace' ? origin : dest;
  }
  if (!isJsonObject(d)) return d;
  const o = isJsonObject(origin) ? origin : undefined;
  const names = new Set(Object.keys(d));
  if (o) for (const k of Object.keys(o)) names.add(k);
  // kyaml visits fields in sorted order, which decides where new fields land.
  for (const name of [...names].sort()) {
    const val = walk(d[name], o?.[name], schema?.field(name));
    if (val === KEPT_NULL) d[name] = null;
    else if (isMissingOrNull(val)) delete d[name];
    else d[name] = val;
  }
  return d;
}

/** `$patch` on a list: the first map element holding it, honoured only if it holds nothing else. */
function listDirective(list: Node): Directive {
  if (!Array.isArray(list)) return 'merge';
  const holder = list.find((e) => isJsonObject(e) && Object.hasOwn(e, PATCH)) as JsonObject | undefined;
  if (!holder || Object.keys(holder).length > 1) return 'merge';
  const v = scalarText(holder[PATCH]);
  if (v !== 'merge' && v !== 'replace' && v !== 'delete') return fail(`unknown patch strategy '${v}'`);
  setElement(list, undefined, [PATCH], [v]);
  return v;
}

function walkAssociativeList(dest: Node, origin: Node, schema: SchemaNode): Node {
  let d: Node;
  if (isMissingOrNull(dest)) {
    d = origin;
  } else {
    if (origin === null) return undefined;
    const directive = listDirective(origin);
    if (directive === 'delete') return undefined;
    d = directive === 'replace' ? origin : dest;
  }
  if (!Array.isArray(d)) return d;
  const keys = schema.strategy ? listMergeKeys(schema.strategy) : [];
  const o = Array.isArray(origin) ? origin : undefined;
  const values = elementValues(keys, o, d);
  if (values.length > 0 || keys.length > 0) return mergeElements(values, keys, d, o, schema.elements);
  return mergeElements(primitiveValues(o, d), [''], d, o, schema.elements);
}

/** Key values of every element, patch first, deduplicated (kyaml's elementValues, prepend order). */
function elementValues(
  keys: readonly string[],
  origin: JsonValue[] | undefined,
  dest: JsonValue[],
): string[][] {
  const out: string[][] = [];
  if (keys.length === 0) return out;
  const seen = new Set<string>();
  for (const list of [origin, dest]) {
    for (const elem of list ?? []) {
      const vals = keys.map((k) => (isJsonObject(elem) && !isNilOrEmpty(elem[k]) ? scalarText(elem[k]) : ''));
      const id = JSON.stringify(vals);
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(vals);
    }
  }
  return out;
}

/**
 * With several merge keys, kyaml first unifies key tuples that agree wherever both are set
 * (`[80, ""]` and `[80, TCP]` become `[80, TCP]`), in place and pairwise, exactly as below.
 */
function unifyValues(valuesList: string[][]): void {
  for (let i = 0; i < valuesList.length; i++) {
    const first = valuesList[i] as string[];
    for (let j = 0; j < valuesList.length; j++) {
      const unified = unify(first, valuesList[j] as string[]);
      if (unified) {
        valuesList[i] = unified;
        valuesList[j] = unified;
      }
    }
  }
}

/** Tuples match when they share a value and differ only where one side is empty. */
function unify(a: string[], b: string[]): string[] | undefined {
  if (a.length !== b.length) return undefined;
  let common = false;
  const out: string[] = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x === y) common = true;
    else if (x !== '' && y !== '') return undefined;
    out.push(x !== '' ? x : y);
  }
  return common ? out : undefined;
}

/**
 * The keys used for one tuple: every key set in any tuple of `valuesList` (all keys when none
 * is), with this tuple's values for them.
 */
function validateKeys(
  valuesList: string[][],
  values: string[],
  keys: readonly string[],
): [string[], string[]] {
  const set = new Set<string>();
  for (const vals of valuesList) vals.forEach((v, i) => v !== '' && set.add(keys[i] as string));
  if (set.size === 0) return [[...keys], values];
  return [keys.filter((k) => set.has(k)), values.filter((v, i) => v !== '' || set.has(keys[i] as string))];
}

/** First map element whose keys all have these scalar values (kyaml's ElementList). */
function findElement(list: JsonValue[] | undefined, keys: string[], values: string[]): Node {
  const [k, v] = validateKeys([values], values, keys);
  if (k[0] === '') return list?.find((e) => scalarText(e) === (v[0] ?? ''));
  return list?.find(
    (e) =>
      isJsonObject(e) && k.every((key, i) => Object.hasOwn(e, key) && scalarText(e[key]) === (v[i] ?? '')),
  );
}

/**
 * Merges matching elements, patch elements first; `keys` is `['']` for lists of scalars.
 * The target's elements are then folded into the result by key, which moves them to the end
 * when there are several keys.
 */
function mergeElements(
  valuesList: string[][],
  keys: readonly string[],
  dest: JsonValue[],
  origin: JsonValue[] | undefined,
  elemSchema: SchemaNode,
): Node {
  const items: JsonValue[] = [];
  if (keys.length > 1) unifyValues(valuesList);
  let validKeys: string[] = [...keys];
  for (const values of valuesList) {
    if (values.length === 0) continue;
    const [vk, vv] = validateKeys(valuesList, values, keys);
    validKeys = vk;
    const val = settle(walk(findElement(dest, vk, vv), findElement(origin, vk, vv), elemSchema));
    if (isMissingOrNull(val) || isEmptyMap(val)) {
      setElement(dest, undefined, vk, vv);
      continue;
    }
    vk.forEach((k, i) => {
      const v = vv[i] ?? '';
      if (v === '' || (isJsonObject(val) && Object.hasOwn(val, k))) return;
      // kyaml sets the key on the element; for lists of scalars that rewrites the scalar itself.
      if (k === '' ? kindOf(val) !== 'scalar' : !isJsonObject(val)) {
        fail(`wrong node kind: cannot set merge key '${k}' on a list element`);
      }
      if (isJsonObject(val)) val[k] = plainScalar(v);
    });
    setElement(items, val, vk, vv);
  }
  return valuesList.length > 0 ? appendElements(items, dest, validKeys) : dest;
}

function primitiveValues(origin: JsonValue[] | undefined, dest: JsonValue[]): string[][] {
  const seen = new Set<string>();
  for (const list of [origin, dest]) for (const item of list ?? []) seen.add(scalarText(item));
  return [...seen].map((v) => [v]);
}

/** kyaml's appendListNode: sets each of `src`'s elements into `dst` by key. */
function appendElements(dst: JsonValue[], src: JsonValue[], keys: readonly string[]): JsonValue[] {
  for (const elem of [...src]) {
    if (keys[0] === '') {
      setElement(dst, elem, [''], [scalarText(elem)]);
      continue;
    }
    const vals: string[] = [];
    for (const key of keys) {
      if (elem !== null && !isJsonObject(elem)) {
        fail(`wrong node kind: expected MappingNode in a list merged by '${key}'`);
      }
      if (elem === null || !Object.hasOwn(elem, key)) dst.push(elem);
      else vals.push(scalarText(elem[key]));
    }
    // With several keys the element is removed first, so it lands at the end.
    if (keys.length > 1) setElement(dst, undefined, [...keys], vals);
    setElement(dst, elem, [...keys], vals);
  }
  return dst;
}

/** kyaml's FieldMatcher on one list element: `name === ''` compares a scalar element itself. */
function fieldMatches(elem: JsonValue, name: string, value: string): boolean {
  if (name === '') {
    if (kindOf(elem) !== 'scalar') fail('wrong node kind: expected ScalarNode in a list of scalars');
    return scalarText(elem) === value;
  }
  if (!isJsonObject(elem)) fail(`wrong node kind: expected MappingNode in a list merged by '${name}'`);
  // An empty value matches on the field's presence alone.
  return Object.hasOwn(elem, name) && (value === '' || scalarText(elem[name]) === value);
}

/**
 * kyaml's ElementSetter, in place: replaces every element matching keys/values with `element`
 * (removes them when it is undefined), appends it when nothing matched, and drops null and
 * empty-map elements on the way.
 */
function setElement(list: JsonValue[], element: Node, keys: string[], values: string[]): void {
  const mappingSetter = keys.length > 0 && keys[0] !== '' && values.length > 0 && values[0] !== '';
  const kept: JsonValue[] = [];
  let matched = false;
  for (const elem of list) {
    if (elem === null || isEmptyMap(elem)) continue;
    if (mappingSetter && !isJsonObject(elem)) {
      kept.push(elem);
      continue;
    }
    // A key without a value repeats the previous key's outcome (and the first one fails).
    let found = true;
    let last = false;
    for (let j = 0; j < keys.length; j++) {
      if (j < values.length) last = fieldMatches(elem, keys[j] as string, values[j] as string);
      if (!last) {
        found = false;
        break;
      }
    }
    if (!found) {
      if (values.length > 0) kept.push(elem);
      continue;
    }
    matched = true;
    if (element !== undefined) kept.push(element);
  }
  list.splice(0, list.length, ...kept);
  if (isMissingOrNull(element)) return;
  if (!matched) list.push(element);
}

/** A merge key value written back as an untagged YAML scalar. */
function plainScalar(text: string): JsonValue {
  if (/^-?(0|[1-9][0-9]*)$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  return text;
}
