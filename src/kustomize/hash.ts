import { createHash } from 'node:crypto';
import { DiagnosticError } from '../core/diagnostic.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../core/json.js';
import {
  ANN_NEEDS_HASH,
  getAnnotation,
  getKind,
  getName,
  setName,
  storePreviousId,
  type KResource,
} from './resource.js';

/**
 * The name-suffix hash kustomize appends to generated ConfigMaps and Secrets. kustomize
 * hashes a small JSON document (Go encoding/json, keys sorted) built from the object and
 * keeps ten characters of the hex sha256, with a few letters swapped so the suffix never
 * looks like a number or a bad word.
 */

const SWAP: Readonly<Record<string, string>> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };

/** kustomize's `encode`: the first ten hex digits with 0,1,3,a,e swapped. */
export function encodeHashHex(hex: string): string {
  return hex.slice(0, 10).replace(/[013ae]/g, (c) => SWAP[c] ?? c);
}

export function hashOfJsonText(text: string): string {
  return encodeHashHex(createHash('sha256').update(text, 'utf8').digest('hex'));
}

const utf8 = new TextEncoder();

/** Go's map key order: byte-wise over the UTF-8 encoding. */
function compareGoKeys(a: string, b: string): number {
  const x = utf8.encode(a);
  const y = utf8.encode(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  }
  return x.length - y.length;
}

function goString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    // Go escapes HTML-significant characters and the JavaScript line separators.
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) {
      out += `\\u${c.toString(16).padStart(4, '0')}`;
    } else if (c >= 0xd800 && c <= 0xdfff)
      out += '\\ufffd'; // lone surrogate: Go has only UTF-8
    else out += ch;
  }
  return out + '"';
}

/**
 * Compact JSON exactly as Go's encoding/json prints a decoded `interface{}` value: object
 * keys sorted, HTML characters escaped. Object key order is taken from the value itself when
 * `sortKeys` is false (used to mirror messages that print objects in document order).
 */
export function goJson(value: JsonValue, sortKeys = true): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return goString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map((v) => goJson(v, sortKeys)).join(',')}]`;
  const keys = Object.keys(value);
  if (sortKeys) keys.sort(compareGoKeys);
  return `{${keys.map((k) => `${goString(k)}:${goJson(value[k] as JsonValue, sortKeys)}`).join(',')}}`;
}

/**
 * The value kustomize's hasher reads at a top-level path: missing → '', a scalar → its
 * text, a map → the map (anything else decodes to a nil map, printed as null).
 */
function hashedField(obj: JsonObject, key: string): JsonValue {
  const v = obj[key];
  if (v === undefined || v === null) return '';
  if (isJsonObject(v)) return v;
  if (Array.isArray(v)) return null;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/**
 * The document kustomize hashes. Its name lookup uses the single key `metadata/name`, which
 * never exists, so the name is always '' and a namePrefix does not change the hash.
 */
function hashDocument(obj: JsonObject): JsonObject {
  const kind = getKind(obj);
  const name = hashedField(obj, 'metadata/name');
  if (kind === 'ConfigMap') {
    const doc: JsonObject = { kind, name, data: hashedField(obj, 'data') };
    const binary = hashedField(obj, 'binaryData');
    if (binary === null || isJsonObject(binary)) doc.binaryData = binary;
    return doc;
  }
  if (kind === 'Secret') {
    const doc: JsonObject = { kind, type: hashedField(obj, 'type'), name, data: hashedField(obj, 'data') };
    const stringData = hashedField(obj, 'stringData');
    if (stringData === null || isJsonObject(stringData)) doc.stringData = stringData;
    return doc;
  }
  throw new DiagnosticError({
    rule: 'kustomize-build',
    message: `cannot compute a name hash for kind '${kind}': only ConfigMap and Secret are supported`,
  });
}

/** The ten-character suffix kustomize would append to this ConfigMap or Secret. */
export function kustomizeHash(obj: JsonObject): string {
  return hashOfJsonText(goJson(hashDocument(obj)));
}

export function needsHashSuffix(obj: JsonObject): boolean {
  return getAnnotation(obj, ANN_NEEDS_HASH) === 'enabled';
}

/**
 * kustomize's final HashTransformer: once the top-level build has run every transformer,
 * each resource still marked as needing a hash gets `-<hash>` of its current content,
 * with the old id stored so name references can be fixed afterwards.
 */
export function applyNameHashes(resources: readonly KResource[]): void {
  for (const r of resources) {
    if (!needsHashSuffix(r.obj)) continue;
    const h = kustomizeHash(r.obj);
    storePreviousId(r.obj);
    setName(r.obj, `${getName(r.obj)}-${h}`);
  }
}
