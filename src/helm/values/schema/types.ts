/**
 * JSON types as the validator sees them: every number is `number` (values are float64, so an
 * integral one also satisfies `integer`), and a type list prints in a fixed order.
 */
import { JsonNumber } from './json.js';

export const NULL = 1;
export const BOOLEAN = 2;
export const NUMBER = 4;
export const INTEGER = 8;
export const STRING = 16;
export const ARRAY = 32;
export const OBJECT = 64;

const NAMES: readonly [number, string][] = [
  [NULL, 'null'],
  [BOOLEAN, 'boolean'],
  [NUMBER, 'number'],
  [INTEGER, 'integer'],
  [STRING, 'string'],
  [ARRAY, 'array'],
  [OBJECT, 'object'],
];

export function typeBits(names: readonly string[]): number {
  let bits = 0;
  for (const n of names) bits |= NAMES.find(([, name]) => name === n)?.[0] ?? 0;
  return bits;
}

export function typeNames(bits: number): string[] {
  return NAMES.filter(([b]) => (bits & b) !== 0).map(([, n]) => n);
}

export function typeName(bit: number): string {
  return NAMES.find(([b]) => b === bit)?.[1] ?? '';
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof JsonNumber);
}

/** The type bit of a value (0 for anything JSON cannot hold). */
export function typeOfValue(v: unknown): number {
  if (v === null) return NULL;
  if (typeof v === 'boolean') return BOOLEAN;
  if (typeof v === 'number' || v instanceof JsonNumber) return NUMBER;
  if (typeof v === 'string') return STRING;
  if (Array.isArray(v)) return ARRAY;
  if (isPlainObject(v)) return OBJECT;
  return 0;
}

export function numberOf(v: unknown): number | JsonNumber | undefined {
  return typeof v === 'number' || v instanceof JsonNumber ? v : undefined;
}

/** The validator's `equals`: numbers by value, objects by keys, arrays in order. */
export function jsonEquals(
  a: unknown,
  b: unknown,
  cmp: (x: number | JsonNumber, y: number | JsonNumber) => number,
): boolean {
  const na = numberOf(a);
  const nb = numberOf(b);
  if (na !== undefined || nb !== undefined) return na !== undefined && nb !== undefined && cmp(na, nb) === 0;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEquals(x, b[i], cmp));
  }
  if (isPlainObject(a)) {
    if (!isPlainObject(b)) return false;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.hasOwn(b, k) && jsonEquals(a[k], b[k], cmp));
  }
  return a === b;
}
