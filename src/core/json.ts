/** Plain JSON data: the shape every manifest takes inside the pipeline. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;

export interface JsonObject {
  [key: string]: JsonValue;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function deepClone<T extends JsonValue>(value: T): T {
  return structuredClone(value);
}

export function deepEqual(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i] as JsonValue));
  }
  if (Array.isArray(b)) return false;
  const bObj = b as JsonObject;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(bObj).length) return false;
  return aKeys.every((k) => Object.hasOwn(bObj, k) && deepEqual(a[k] as JsonValue, bObj[k] as JsonValue));
}

/** Whether any key or string anywhere in `value` contains `text` (without printing it). */
export function mentionsText(value: JsonValue, text: string): boolean {
  if (typeof value === 'string') return value.includes(text);
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((item) => mentionsText(item, text));
  for (const key of Object.keys(value)) {
    if (key.includes(text) || mentionsText(value[key] as JsonValue, text)) return true;
  }
  return false;
}
