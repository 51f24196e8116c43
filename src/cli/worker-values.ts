/**
 * Values cross to the chart worker by structured clone, which keeps a bigint but not a class:
 * an int64 that a valuesFrom `targetPath` set (GoInt) arrives as a plain `{type, value}`. JSON
 * data never holds a bigint, so such an object can only be a GoInt, and is made one again.
 */
import { GoInt } from '../gotemplate/value.js';

function revive(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(revive);
  if (v === null || typeof v !== 'object' || v instanceof GoInt) return v;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 2 && typeof o.value === 'bigint' && typeof o.type === 'string') {
    return new GoInt(o.type as GoInt['type'], o.value);
  }
  for (const k of keys) o[k] = revive(o[k]);
  return o;
}

/** `values` with every cloned GoInt restored, in place. */
export function reviveGoInts<T extends object>(values: T): T {
  return revive(values) as T;
}
