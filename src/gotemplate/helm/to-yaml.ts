/**
 * `toYaml` / `mustToYaml`: sigs.k8s.io/yaml.Marshal, i.e. encoding/json first (so numbers,
 * key order and struct field names are JSON's), then go-yaml v2 reads that JSON and prints it,
 * and helm trims the final newline. The existing emitter prints JSON data exactly as go-yaml
 * v2 does; two effects of the read-back are reproduced here.
 */
import type { JsonValue } from '../../core/json.js';
import { emitYaml } from '../../yaml/emit.js';
import { JsonMarshalError, jsonMarshal } from '../go-json.js';
import { GoFloat32, GoInt, GoStruct, isNilSlice, typeOf, type GoMap, type GoValue } from '../value.js';

// Integers JavaScript numbers cannot hold exactly (go-yaml reads them as int64/uint64) travel
// through the emitter as marked strings and are put back as digits.
// Digits after a point are a fraction, never an integer.
const JSON_TOKEN = /"(?:[^"\\]|\\.)*"|(?<![\d.])-?\d{16,}(?![.eE\d])/g;
const UINT64_MAX = 2n ** 64n - 1n;
const INT64_MIN = -(2n ** 63n);

function markBigIntegers(json: string): string {
  return json.replace(JSON_TOKEN, (token) => {
    if (token.startsWith('"') || Number.isSafeInteger(Number(token))) return token;
    const n = BigInt(token);
    return n >= INT64_MIN && n <= UINT64_MAX ? `"\\u0000big:${token}"` : token;
  });
}

// A raw NEL (U+0085) in a JSON string is a line break to go-yaml's double-quoted scanner,
// which folds it: one break becomes a space, n breaks n-1 newlines, blanks around them go.
const FOLDED = /[ \t]*(?:\u0085[ \t]*)+/g;

function foldNel(s: string): string {
  return s.replace(FOLDED, (run) => {
    const breaks = run.split('\u0085').length - 1;
    return breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
  });
}

function readBack(v: JsonValue): JsonValue {
  if (typeof v === 'string') return v.includes('\u0085') ? foldNel(v) : v;
  if (Array.isArray(v)) return v.map(readBack);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, JsonValue> = {};
  for (const [k, val] of Object.entries(v)) {
    // A break inside a flow mapping key ends the key for go-yaml: the read-back fails.
    if (k.includes('\u0085')) throw new JsonMarshalError("yaml: line 1: did not find expected ',' or '}'");
    Object.defineProperty(out, k, {
      value: readBack(val),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

// Strings the JSON round trip changes: lone surrogates become U+FFFD, NEL is folded.
const CHANGED_BY_JSON = /[\u0085\ud800-\udfff]/;
// Deeper data (or a cycle) takes the encoder's path, which finds cycles.
const MAX_DIRECT_DEPTH = 1000;

/**
 * The data `JSON.parse(jsonMarshal(v))` gives, built directly, or undefined where only the
 * round trip tells (big integers, float32, structs, bytes, strings it changes, deep data).
 */
function jsonData(v: GoValue, depth: number): JsonValue | undefined {
  if (v === undefined || v === null) return null;
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'string':
      return CHANGED_BY_JSON.test(v) ? undefined : v;
    case 'number':
      return Number.isFinite(v) && (!Number.isInteger(v) || Number.isSafeInteger(v)) ? v : undefined;
  }
  if (v instanceof GoInt) {
    const n = Number(v.value);
    return Number.isSafeInteger(n) ? n : undefined;
  }
  if (v instanceof GoFloat32 || v instanceof GoStruct || depth > MAX_DIRECT_DEPTH) return undefined;
  if (Array.isArray(v)) {
    if (isNilSlice(v)) return null;
    const type = typeOf(v);
    if (type === '[]uint8' || type === '[]byte') return undefined;
    const out: JsonValue[] = new Array<JsonValue>(v.length);
    for (let i = 0; i < v.length; i++) {
      const item = jsonData(v[i], depth + 1);
      if (item === undefined) return undefined;
      out[i] = item;
    }
    return out;
  }
  const out: Record<string, JsonValue> = {};
  const map = v as GoMap;
  for (const k of Object.keys(map)) {
    if (CHANGED_BY_JSON.test(k)) return undefined;
    const item = jsonData(map[k], depth + 1);
    if (item === undefined) return undefined;
    if (k === '__proto__')
      Object.defineProperty(out, k, { value: item, enumerable: true, writable: true, configurable: true });
    else out[k] = item;
  }
  return out;
}

/** The YAML text helm's toYaml returns; throws sigs.k8s.io/yaml's error (NaN, a cycle). */
export function marshalYaml(v: GoValue): string {
  // Most values need no JSON text: the data it would read back is built directly.
  const direct = jsonData(v, 0);
  const text = direct === undefined ? marshalThroughJson(v) : emitYaml(direct);
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

function marshalThroughJson(v: GoValue): string {
  let json: string;
  try {
    json = jsonMarshal(v === undefined ? null : v);
  } catch (e) {
    if (e instanceof JsonMarshalError) throw new JsonMarshalError(`error marshaling into JSON: ${e.message}`);
    throw e;
  }
  const marked = /\d{16}/.test(json) ? markBigIntegers(json) : json;
  let data = JSON.parse(marked) as JsonValue;
  if (json.includes('\u0085')) data = readBack(data);
  const text = emitYaml(data);
  return marked !== json ? text.replace(/"\\0big:(-?\d+)"/g, '$1') : text;
}
