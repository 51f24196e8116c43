/**
 * Turns the loader's output into plain JSON data: unboxes non-string scalars, gives shared
 * (aliased) subtrees their own copies, rejects non-string keys the way kustomize's JSON
 * conversion does, and stops alias bombs with go-yaml v3's excessive-aliasing rule.
 */
import type { JsonObject, JsonValue } from '../core/json.js';
import { excessiveAliasing } from './alias-expansion.js';
import { MAX_YAML_DEPTH } from './limits.js';
import { resolvePlain } from './resolve.js';
import { isMarkedKey, markedKeyText, ScalarBox, unbox } from './scalar-box.js';

export type FinalizeProblem =
  | { kind: 'alias-limit'; path: (string | number)[] }
  | { kind: 'depth-limit'; path: (string | number)[] }
  | { kind: 'non-string-key'; path: (string | number)[]; key: string }
  | { kind: 'duplicate-key'; path: (string | number)[]; key: string }
  | { kind: 'control-character'; path: (string | number)[] };

export class FinalizeError extends Error {
  constructor(readonly problem: FinalizeProblem) {
    super(problem.kind);
  }
}

interface Walk {
  /** Reject strings kustomize cannot re-read (only escapes can produce them, so callers may skip the check). */
  checkControl: boolean;
  seen: Set<object>;
  path: (string | number)[];
  decodeCount: number;
  aliasCount: number;
}

function checkAliasing(w: Walk): void {
  if (excessiveAliasing(w.aliasCount, w.decodeCount)) {
    throw new FinalizeError({ kind: 'alias-limit', path: [...w.path] });
  }
}

function setKey(obj: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__')
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

// The parser bounds the nesting it reads; an alias placed deep can still nest its anchor deeper.
function checkDepth(depth: number, w: Walk): void {
  if (depth > MAX_YAML_DEPTH) throw new FinalizeError({ kind: 'depth-limit', path: [...w.path] });
}

/** Deep copy of an already finalized subtree reached a second time through an alias. */
function copyAliased(value: JsonValue, w: Walk, depth: number): JsonValue {
  w.decodeCount++;
  w.aliasCount++;
  checkAliasing(w);
  if (value === null || typeof value !== 'object') return value;
  checkDepth(depth, w);
  if (Array.isArray(value)) return value.map((item) => copyAliased(item, w, depth + 1));
  const out: JsonObject = {};
  for (const key of Object.keys(value)) setKey(out, key, copyAliased(value[key] as JsonValue, w, depth + 1));
  return out;
}

// At the document root kustomize decodes into map[string]interface{}: any key becomes its text.
function rootKeyText(key: string): string {
  const text = markedKeyText(key);
  return resolvePlain(text).tag === 'null' ? '' : text;
}

function fixMarkedKeys(obj: JsonObject, w: Walk, isRoot: boolean): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(obj)) {
    if (!isMarkedKey(key)) {
      setKey(out, key, obj[key] as JsonValue);
      continue;
    }
    if (!isRoot)
      throw new FinalizeError({ kind: 'non-string-key', path: [...w.path], key: markedKeyText(key) });
    const text = rootKeyText(key);
    if (Object.hasOwn(out, text) || (text !== key && Object.hasOwn(obj, text))) {
      throw new FinalizeError({ kind: 'duplicate-key', path: [...w.path], key: text });
    }
    setKey(out, text, obj[key] as JsonValue);
  }
  return out;
}

// DEL, C1 controls (but NEL) and U+FFFE/U+FFFF: kustomize writes them raw and then fails to read them back.
const CONTROL = /[\x7f-\x84\x86-\x9f\ufffe\uffff]/;

/** `depth`: collections above `value`, plus one. */
function walk(value: unknown, w: Walk, isRoot: boolean, depth: number): JsonValue {
  w.decodeCount++;
  if (value === null || typeof value !== 'object') {
    if (w.checkControl && typeof value === 'string' && CONTROL.test(value)) {
      throw new FinalizeError({ kind: 'control-character', path: [...w.path] });
    }
    return value as JsonValue;
  }
  if (value instanceof ScalarBox) return unbox(value);
  if (w.seen.has(value)) return copyAliased(value as JsonValue, w, depth);
  checkDepth(depth, w);
  w.seen.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      w.path.push(i);
      value[i] = walk(value[i], w, false, depth + 1);
      w.path.pop();
    }
    return value as JsonValue[];
  }
  const obj = value as Record<string, unknown>;
  let marked = false;
  for (const key of Object.keys(obj)) {
    if (w.checkControl && CONTROL.test(key))
      throw new FinalizeError({ kind: 'control-character', path: [...w.path] });
    w.path.push(key);
    const converted = walk(obj[key], w, false, depth + 1);
    if (key === '__proto__') setKey(obj as JsonObject, key, converted);
    else obj[key] = converted;
    w.path.pop();
    if (!marked && isMarkedKey(key)) marked = true;
  }
  return marked ? fixMarkedKeys(obj as JsonObject, w, isRoot) : (obj as JsonObject);
}

/** Finalizes one loaded document in place (copies only where aliases shared a subtree). */
export function finalizeDocument(loaded: unknown, checkControl = true): JsonValue {
  const w: Walk = { checkControl, seen: new Set(), path: [], decodeCount: 0, aliasCount: 0 };
  return walk(loaded, w, true, 1);
}
