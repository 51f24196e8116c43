import { stringify } from 'yaml';
import { isJsonObject, type JsonObject, type JsonValue } from '../core/json.js';
import { goRegex } from './selector.js';

/**
 * kyaml field paths as replacements use them: `spec.template.spec.containers.[name=app].image`.
 * Parts are map keys, list indexes (`0`), list entries by field (`[name=app]`) or by scalar
 * value (`[=-jar]`), and `*` (every list element). Brackets keep dots inside a key together
 * (`metadata.annotations.[a.b/c]`), and `\.` escapes a dot.
 *
 * Two lookups exist, with different rules, because kustomize uses two kyaml filters:
 * - `lookupField` (kyaml PathGetter, the replacement source): `[k=v]` compares exactly,
 *   `-` is the last element, an index past the end is "not found".
 * - `matchFields` (kyaml PathMatcher, replacement targets): `[k=v]` is an unanchored regex
 *   and may match several elements, `*` expands, an index past the end is an error, and
 *   `create` adds missing map fields, list entries and an index equal to the list length.
 */

export class FieldPathError extends Error {
  override name = 'FieldPathError';
}

// ---------------------------------------------------------------------------------------------
// Splitting.

/** kyaml PathSplitter: splits on `delimiter`, a trailing backslash escapes it. */
function pathSplitter(path: string, delimiter: string): string[] {
  const parts = path.split(delimiter);
  const out = [parts[0] as string];
  for (const p of parts.slice(1)) {
    const last = out[out.length - 1] as string;
    if (last.endsWith('\\')) out[out.length - 1] = `${last.slice(0, -1)}${delimiter}${p}`;
    else out.push(p);
  }
  return out;
}

const splitCache = new Map<string, readonly string[]>();

/**
 * kyaml SmarterPathSplitter on '.': a bracketed run that spans dots is rejoined; it keeps its
 * brackets when it contains '=' (a list entry) and loses them otherwise (a map key).
 */
export function splitFieldPath(path: string): readonly string[] {
  let cached = splitCache.get(path);
  if (cached) return cached;
  const split = pathSplitter(path, '.');
  const out: string[] = [];
  for (let i = 0; i < split.length; i++) {
    const elem = split[i] as string;
    if (!(elem.startsWith('[') && !elem.endsWith(']'))) {
      out.push(elem);
      continue;
    }
    const bracketed = [elem];
    while (i < split.length - 1) {
      i++;
      bracketed.push(split[i] as string);
      if ((split[i] as string).endsWith(']')) break;
    }
    const joined = bracketed.join('.');
    out.push(joined.includes('=') ? joined : joined.replace(/^[[\]]+|[[\]]+$/g, ''));
  }
  cached = out;
  splitCache.set(path, cached);
  return cached;
}

function isListEntry(part: string): boolean {
  return part.startsWith('[') && part.endsWith(']');
}

function splitEntry(part: string): { field: string; value: string } {
  const inner = part.slice(1, -1);
  const eq = inner.indexOf('=');
  if (eq < 0)
    throw new FieldPathError('list path element must contain fieldName=fieldValue for element to match');
  return { field: inner.slice(0, eq), value: inner.slice(eq + 1) };
}

/** Go strconv.Atoi, returning undefined on failure. */
function atoi(part: string): number | undefined {
  return /^[+-]?\d+$/.test(part) ? Number(part) : undefined;
}

function isIndex(part: string): boolean {
  const n = atoi(part);
  return n !== undefined && n >= 0;
}

// ---------------------------------------------------------------------------------------------
// Scalars: kyaml keeps a node's text and its tag separately; JSON data carries only the value.

export type ScalarTag = 'str' | 'int' | 'float' | 'bool' | 'null';
export type NodeKind = 'scalar' | 'map' | 'seq';

export function nodeKind(v: JsonValue | undefined): NodeKind {
  if (Array.isArray(v)) return 'seq';
  return isJsonObject(v) ? 'map' : 'scalar';
}

/** The YAML tag the value would carry in kyaml. */
export function scalarTag(v: JsonValue): ScalarTag {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  return 'str';
}

/** A node's text (kyaml's `Value`): '' for maps and lists. */
export function scalarText(v: JsonValue | undefined): string {
  if (v === undefined || (v !== null && typeof v === 'object')) return '';
  if (v === null) return 'null';
  return String(v);
}

const CORE_NULL = new Set(['', '~', 'null', 'Null', 'NULL']);
const CORE_BOOL: Readonly<Record<string, boolean>> = {
  true: true,
  True: true,
  TRUE: true,
  false: false,
  False: false,
  FALSE: false,
};
const CORE_FLOAT_RE = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const CORE_INT_RE = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;

/** Untagged plain text resolved the way go-yaml v3 (kyaml) resolves it. */
export function resolvePlain(text: string): { tag: ScalarTag | 'other'; value: JsonValue } {
  if (CORE_NULL.has(text)) return { tag: 'null', value: null };
  if (Object.hasOwn(CORE_BOOL, text)) return { tag: 'bool', value: CORE_BOOL[text] as boolean };
  const plain = text.replace(/_/g, '');
  if (CORE_INT_RE.test(plain)) {
    const sign = plain.startsWith('-') ? -1 : 1;
    const body = plain.replace(/^[-+]/, '');
    const n = /^0[0-7]+$/.test(body) ? Number(`0o${body.slice(1)}`) : Number(body.replace(/^0[oO]/, '0o'));
    return { tag: 'int', value: sign * n };
  }
  if (CORE_FLOAT_RE.test(plain)) return { tag: 'float', value: Number(plain) };
  if (/^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$/.test(text)) return { tag: 'other', value: text };
  return { tag: 'str', value: text };
}

/**
 * The value a scalar node with tag `tag` ends up as once its text is replaced by `text`: a
 * string node stays a string, other tags must still resolve to their type (an int field
 * accepts "5" and becomes 5; it rejects "abc" as kustomize does when it serializes).
 */
export function typedScalar(tag: ScalarTag | undefined, text: string): JsonValue {
  if (tag === 'str') return text;
  const r = resolvePlain(text);
  if (tag === undefined) return r.tag === 'other' ? text : r.value;
  if (r.tag === tag || (tag === 'float' && r.tag === 'int')) return r.value;
  const rtag = r.tag === 'other' ? 'float' : r.tag;
  throw new FieldPathError(`yaml: cannot decode !!${rtag} \`${text}\` as a !!${tag}`);
}

// ---------------------------------------------------------------------------------------------
// Errors in kyaml's words.

const KIND_NAMES: Readonly<Record<NodeKind, string>> = {
  map: 'MappingNode',
  seq: 'SequenceNode',
  scalar: 'ScalarNode',
};

function wrongKind(expected: NodeKind, node: JsonValue): FieldPathError {
  const contents = stringify(node).trimEnd();
  return new FieldPathError(
    `wrong node kind: expected ${KIND_NAMES[expected]} but got ${KIND_NAMES[nodeKind(node)]}: node contents:\n${contents}`,
  );
}

/** Elements of a list node; null counts as an empty list (kyaml lets null pass kind checks). */
function elementsOf(node: JsonValue): JsonValue[] {
  if (Array.isArray(node)) return node;
  if (node === null) return [];
  throw wrongKind('seq', node);
}

/** Map field lookup; null reads as "no field", a non-map is an error. */
function fieldOf(node: JsonValue, name: string): JsonValue | undefined {
  if (node === null) return undefined;
  if (!isJsonObject(node)) throw wrongKind('map', node);
  return Object.hasOwn(node, name) ? node[name] : undefined;
}

// ---------------------------------------------------------------------------------------------
// PathGetter: the replacement source.

/** Looks a value up (kyaml Lookup); undefined when any part is missing. Throws FieldPathError. */
export function lookupField(root: JsonValue, parts: readonly string[]): JsonValue | undefined {
  let node: JsonValue = root;
  for (const raw of parts) {
    const part = raw.trim();
    if (part === '') continue;
    let next: JsonValue | undefined;
    const idx = atoi(part);
    if (idx !== undefined) {
      if (idx < 0) throw new FieldPathError(`array index ${idx} cannot be negative`);
      next = elementsOf(node)[idx];
    } else if (part === '-') {
      const els = elementsOf(node);
      next = els[els.length - 1];
    } else if (isListEntry(part)) {
      const { field, value } = splitEntry(part);
      const els = elementsOf(node);
      next =
        field === ''
          ? els.find((e) => nodeKind(e) === 'scalar' && scalarText(e) === value)
          : els.find((e) => isJsonObject(e) && Object.hasOwn(e, field) && scalarText(e[field]) === value);
    } else {
      next = fieldOf(node, part);
    }
    if (next === undefined) return undefined;
    node = next;
  }
  return node;
}

// ---------------------------------------------------------------------------------------------
// PathMatcher: replacement targets.

/** Where a matched node lives, so it can be replaced; `created` marks an untagged new scalar. */
export interface FieldSlot {
  parent: JsonObject | JsonValue[];
  key: string | number;
  created: boolean;
}

export function slotValue(slot: FieldSlot): JsonValue {
  return (slot.parent as Record<string | number, JsonValue>)[slot.key] as JsonValue;
}

export function setSlot(slot: FieldSlot, value: JsonValue): void {
  (slot.parent as Record<string | number, JsonValue>)[slot.key] = value;
}

function emptyNode(kind: NodeKind): JsonValue {
  return kind === 'map' ? {} : kind === 'seq' ? [] : null;
}

/** The kind a created node gets from the part that follows it (kyaml getPathPartKind). */
function kindFor(nextPart: string | undefined, createKind: NodeKind): NodeKind {
  if (nextPart === undefined) return createKind;
  return isListEntry(nextPart) || isIndex(nextPart) ? 'seq' : 'map';
}

function entryMatches(elem: JsonValue, field: string, re: RegExp): boolean {
  if (field === '') return nodeKind(elem) === 'scalar' && re.test(scalarText(elem).trim());
  if (!isJsonObject(elem) || !Object.hasOwn(elem, field)) return false;
  const v = elem[field] as JsonValue;
  return re.test(nodeKind(v) === 'scalar' ? scalarText(v).trim() : stringify(v).trim());
}

function walk(
  slot: FieldSlot,
  parts: readonly string[],
  i: number,
  create: NodeKind | undefined,
  out: FieldSlot[],
): void {
  if (i === parts.length) {
    out.push(slot);
    return;
  }
  const node = slotValue(slot);
  const part = parts[i] as string;
  const nextPart = parts[i + 1];

  if (isIndex(part)) {
    const idx = Number(part);
    let els = elementsOf(node);
    if (els.length === idx && create) {
      if (node === null) setSlot(slot, (els = []));
      els.push(emptyNode(kindFor(nextPart, create)));
      walk({ parent: els, key: idx, created: nextPart === undefined }, parts, i + 1, create, out);
      return;
    }
    if (els.length < idx + 1)
      throw new FieldPathError(`index ${idx} specified but only ${els.length} elements found`);
    walk({ parent: els, key: idx, created: false }, parts, i + 1, create, out);
    return;
  }

  if (isListEntry(part)) {
    const { field, value } = splitEntry(part);
    let els = elementsOf(node);
    const re = goRegex(value, false);
    const before = out.length;
    els.forEach((elem, k) => {
      if (entryMatches(elem, field, re))
        walk({ parent: els, key: k, created: false }, parts, i + 1, create, out);
    });
    if (out.length > before || !create) return;
    // create the entry, then continue into it (kyaml re-runs the search and finds it)
    const valueNode = typedScalar(undefined, value);
    if (node === null) setSlot(slot, (els = []));
    els.push(field === '' ? valueNode : { [field]: valueNode });
    walk({ parent: els, key: els.length - 1, created: field === '' }, parts, i + 1, create, out);
    return;
  }

  if (part === '*') {
    const els = elementsOf(node);
    els.forEach((_, k) => walk({ parent: els, key: k, created: false }, parts, i + 1, create, out));
    return;
  }

  const field = fieldOf(node, part);
  if (field !== undefined) {
    walk({ parent: node as JsonObject, key: part, created: false }, parts, i + 1, create, out);
    return;
  }
  if (!create) return;
  let map = node;
  if (map === null) setSlot(slot, (map = {}));
  (map as JsonObject)[part] = emptyNode(kindFor(nextPart, create));
  walk({ parent: map as JsonObject, key: part, created: nextPart === undefined }, parts, i + 1, create, out);
}

/**
 * Every node the path matches under `root` (kyaml PathMatcher). With `create`, missing parts are
 * added and the leaf is created as a node of that kind. Throws FieldPathError.
 */
export function matchFields(root: JsonObject, parts: readonly string[], create?: NodeKind): FieldSlot[] {
  const out: FieldSlot[] = [];
  walk({ parent: { root }, key: 'root', created: false }, parts, 0, create, out);
  return out;
}
