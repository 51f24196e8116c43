/**
 * `toYaml` / `mustToYaml`: sigs.k8s.io/yaml.Marshal, i.e. encoding/json first (so numbers,
 * key order and struct field names are JSON's), then go-yaml v2 reads that JSON and prints it,
 * and helm trims the final newline. The existing emitter prints JSON data exactly as go-yaml
 * v2 does; two effects of the read-back are reproduced here.
 */
import type { JsonValue } from '../../core/json.js';
import { emitYaml } from '../../yaml/emit.js';
import { JsonMarshalError, jsonMarshal } from '../go-json.js';
import type { GoValue } from '../value.js';

// Integers JavaScript numbers cannot hold exactly (go-yaml reads them as int64/uint64) travel
// through the emitter as marked strings and are put back as digits.
const JSON_TOKEN = /"(?:[^"\\]|\\.)*"|-?\d{16,}(?![.eE\d])/g;
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

/** The YAML text helm's toYaml returns; throws sigs.k8s.io/yaml's error (NaN, a cycle). */
export function marshalYaml(v: GoValue): string {
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
  let text = emitYaml(data);
  if (marked !== json) text = text.replace(/"\\0big:(-?\d+)"/g, '$1');
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}
