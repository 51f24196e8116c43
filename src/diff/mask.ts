/**
 * Secret values never reach a diff. As `flux diff` does (fluxcd/pkg ssa/sanitize.go), a
 * value equal on both sides becomes `***`, a changed one `*** (before)` / `*** (after)`,
 * and one present on a single side `***`: the key set stays visible, the values do not.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../core/json.js';
import type { RenderedObject } from '../render/model.js';

export const MASK = '***';
export const MASK_BEFORE = '*** (before)';
export const MASK_AFTER = '*** (after)';

type Side = JsonValue | undefined;

function maskAll(v: JsonValue, mask: string): JsonValue {
  if (Array.isArray(v)) return v.map((x) => maskAll(x, mask));
  if (isJsonObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskAll(x, mask)]));
  return mask;
}

function sameShape(a: JsonValue, b: JsonValue): 'object' | 'array' | undefined {
  if (isJsonObject(a) && isJsonObject(b)) return 'object';
  if (Array.isArray(a) && Array.isArray(b)) return 'array';
  return undefined;
}

/** Masks two versions of a value leaf by leaf; `keysOnly` treats any two present leaves as equal. */
function maskValues(a: Side, b: Side, keysOnly: boolean): [Side, Side] {
  if (a === undefined || b === undefined) {
    return [a === undefined ? a : maskAll(a, MASK), b === undefined ? b : maskAll(b, MASK)];
  }
  const shape = sameShape(a, b);
  if (shape === 'object') {
    const oa: JsonObject = {};
    const ob: JsonObject = {};
    const ao = a as JsonObject;
    const bo = b as JsonObject;
    for (const k of new Set([...Object.keys(ao), ...Object.keys(bo)])) {
      const [x, y] = maskValues(ao[k], bo[k], keysOnly);
      if (x !== undefined) oa[k] = x;
      if (y !== undefined) ob[k] = y;
    }
    return [oa, ob];
  }
  if (shape === 'array') {
    const aa = a as JsonValue[];
    const ba = b as JsonValue[];
    const out: [JsonValue[], JsonValue[]] = [[], []];
    for (let i = 0; i < Math.max(aa.length, ba.length); i++) {
      const [x, y] = maskValues(aa[i], ba[i], keysOnly);
      if (x !== undefined) out[0].push(x);
      if (y !== undefined) out[1].push(y);
    }
    return out;
  }
  const scalarEqual = !isJsonObject(a) && !Array.isArray(a) && a === b;
  if (keysOnly || scalarEqual) return [maskAll(a, MASK), maskAll(b, MASK)];
  return [maskAll(a, MASK_BEFORE), maskAll(b, MASK_AFTER)];
}

export function isSecret(obj: JsonObject): boolean {
  return obj.kind === 'Secret' && obj.apiVersion === 'v1';
}

/** Whether this object's values must be masked in a diff. */
export function isSensitive(o: RenderedObject | undefined): boolean {
  return o !== undefined && (isSecret(o.obj) || o.decrypted === true || o.masked === true);
}

/** Top-level fields holding secret values: a Secret's data; everything but identity otherwise. */
function secretFields(a: JsonObject | undefined, b: JsonObject | undefined): string[] {
  const secret = (a && isSecret(a)) || (b && isSecret(b));
  if (secret) return ['data', 'stringData'];
  const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
  return [...keys].filter((k) => k !== 'apiVersion' && k !== 'kind' && k !== 'metadata');
}

/**
 * Both versions of an object ready to print: values masked when either side is sensitive.
 * SOPS Secrets that were not decrypted carry no real values, so they compare by key set only.
 */
export function maskPair(
  before: RenderedObject | undefined,
  after: RenderedObject | undefined,
): [JsonObject | undefined, JsonObject | undefined] {
  const a = before?.obj;
  const b = after?.obj;
  if (!isSensitive(before) && !isSensitive(after)) return [a, b];
  const keysOnly = before?.masked === true || after?.masked === true;
  const oa: JsonObject | undefined = a ? { ...a } : undefined;
  const ob: JsonObject | undefined = b ? { ...b } : undefined;
  for (const field of secretFields(a, b)) {
    const [x, y] = maskValues(a?.[field], b?.[field], keysOnly);
    if (oa && x !== undefined) oa[field] = x;
    if (ob && y !== undefined) ob[field] = y;
  }
  return [oa, ob];
}
