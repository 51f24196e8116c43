/**
 * SOPS's tree: maps keep their document order (the MAC covers values in that order), so
 * maps are ordered entry lists rather than JS objects, which would move integer-like
 * keys to the front.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../../core/json.js';

export type SopsScalar = string | number | boolean | null;
export interface SopsMap {
  entries: [string, SopsNode][];
}
export type SopsNode = SopsScalar | SopsNode[] | SopsMap;

export function isSopsMap(node: SopsNode): node is SopsMap {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}

/** From pipeline data; key order is the object's own (integer-like keys first, as JS orders them). */
export function fromJson(value: JsonValue): SopsNode {
  if (Array.isArray(value)) return value.map(fromJson);
  if (isJsonObject(value)) return { entries: Object.entries(value).map(([k, v]) => [k, fromJson(v)]) };
  return value;
}

export function toJson(node: SopsNode): JsonValue {
  if (Array.isArray(node)) return node.map(toJson);
  if (isSopsMap(node)) {
    const out: JsonObject = {};
    for (const [k, v] of node.entries) out[k] = toJson(v);
    return out;
  }
  return node;
}

export function mapGet(map: SopsMap, key: string): SopsNode | undefined {
  return map.entries.find(([k]) => k === key)?.[1];
}

export function withoutKey(map: SopsMap, key: string): SopsMap {
  return { entries: map.entries.filter(([k]) => k !== key) };
}
