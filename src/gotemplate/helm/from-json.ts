/**
 * `fromJson` and `fromJsonArray`: encoding/json.Unmarshal into a map or a list, numbers as
 * float64. Errors do not fail the template: fromJson returns `{Error: message}`,
 * fromJsonArray `[message]`, worded as Go words them.
 */
import { newMap, nilSlice, setMapKey, type GoMap, type GoSlice, type GoValue } from '../value.js';
import { jsonSyntaxError } from './json-scan.js';

function kind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'object';
  return typeof v === 'boolean' ? 'bool' : typeof v;
}

// JSON.parse keeps `__proto__` as an own key already; objects become Go maps as they are.
function decode(text: string): { value: GoValue } | { error: string } {
  const syntax = jsonSyntaxError(text);
  if (syntax !== undefined) return { error: syntax };
  return { value: JSON.parse(text) as GoValue };
}

/** helm's fromJson: a `map[string]interface {}`, with the problem under `Error`. */
export function fromJson(text: string): GoMap {
  const decoded = decode(text);
  const v = 'value' in decoded ? decoded.value : undefined;
  if (v !== undefined && (v === null || kind(v) === 'object')) return v === null ? newMap() : (v as GoMap);
  const m = newMap();
  const error =
    'error' in decoded
      ? decoded.error
      : `json: cannot unmarshal ${kind(v)} into Go value of type map[string]interface {}`;
  setMapKey(m, 'Error', error);
  return m;
}

/** helm's fromJsonArray: a `[]interface {}`, or a list holding only the error message. */
export function fromJsonArray(text: string): GoSlice {
  const decoded = decode(text);
  if ('error' in decoded) return [decoded.error];
  const v = decoded.value;
  // Unmarshal sets a slice to nil for JSON null.
  if (v === null) return nilSlice();
  if (Array.isArray(v)) return v;
  return [`json: cannot unmarshal ${kind(v)} into Go value of type []interface {}`];
}
