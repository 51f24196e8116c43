/**
 * Small functions for declaring sprig functions with their Go signatures. The executor has already
 * converted each argument to the declared Go type, so the readers below only unwrap it.
 */
import { GoInt, type GoFunc, type GoValue } from '../value.js';

/** Go type names used in the signatures. */
export const ANY = 'interface {}';
export const STRING = 'string';
export const INT = 'int';
export const BOOL = 'bool';
export const FLOAT64 = 'float64';
export const MAP = 'map[string]interface {}';

export function goFunc(
  params: readonly string[],
  result: string,
  fn: (...args: GoValue[]) => GoValue,
  variadic?: string,
): GoFunc {
  return variadic === undefined ? { params, result, fn } : { params, variadic, result, fn };
}

/** An `int` argument as a JavaScript number (counts and indexes, far below 2^53). */
export function intArg(v: GoValue): number {
  if (v instanceof GoInt) return Number(v.value);
  return typeof v === 'number' ? Math.trunc(v) : 0;
}

export function strArg(v: GoValue): string {
  return typeof v === 'string' ? v : '';
}

/** Go's `int` result. */
export function goIntOf(n: number | bigint): GoInt {
  return new GoInt('int', BigInt.asIntN(64, typeof n === 'bigint' ? n : BigInt(n)));
}

/** Go's `int64` result. */
export function goInt64Of(n: bigint): GoInt {
  return new GoInt('int64', BigInt.asIntN(64, n));
}
