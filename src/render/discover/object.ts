/** Reading nested fields of manifests that may have any shape. */
import { isJsonObject, type JsonObject, type JsonValue } from '../../core/json.js';

export function field(value: JsonValue | undefined, ...keys: string[]): JsonValue | undefined {
  let cur = value;
  for (const key of keys) {
    if (!isJsonObject(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

/** A non-empty string at `keys`, else undefined (Go's omitempty treats '' as unset). */
export function text(value: JsonValue | undefined, ...keys: string[]): string | undefined {
  const v = field(value, ...keys);
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** True for an object of `kind` whose apiVersion is in API group `group`. */
export function isKind(value: JsonValue, group: string, kind: string): value is JsonObject {
  if (!isJsonObject(value) || value.kind !== kind) return false;
  const api = value.apiVersion;
  return typeof api === 'string' && api.startsWith(`${group}/`);
}
