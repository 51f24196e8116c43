/**
 * text/template's comparison builtins (`eq ne lt le gt ge`). Operands compare by "basic kind"
 * (bool, int, uint, float, complex, string): an int and a float64 are not comparable, so
 * `eq .Values.port 8080` is an error because values from YAML are float64. Signed and
 * unsigned integers compare by value. Errors are the `error` results Go's functions return.
 */
import { sprintf } from './fmt.js';
import { compareGoStrings } from './fmt-print.js';
import {
  GoCallError,
  GoFloat32,
  GoInt,
  GoStruct,
  isNilSlice,
  isUnsigned,
  typeOf,
  type GoFunc,
  type GoValue,
} from './value.js';

type BasicKind = 'invalid' | 'bool' | 'int' | 'uint' | 'float' | 'string';

function basicKind(v: GoValue): BasicKind {
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'string':
      return 'string';
    case 'number':
      return 'float';
  }
  if (v instanceof GoInt) return isUnsigned(v.type) ? 'uint' : 'int';
  if (v instanceof GoFloat32) return 'float';
  return 'invalid';
}

/** indirectInterface: a nil interface is no value at all. */
function concrete(v: GoValue): GoValue {
  return v === null ? undefined : v;
}

function intValue(v: GoValue): bigint {
  return (v as GoInt).value;
}

function floatValue(v: GoValue): number {
  return v instanceof GoFloat32 ? v.value : (v as number);
}

/** Go's reflect kind, for "same kind" in `canCompare`. */
function reflectKind(v: GoValue): string {
  if (v === undefined) return 'invalid';
  if (v instanceof GoStruct) return v.typeName.startsWith('*') ? 'ptr' : 'struct';
  if (Array.isArray(v)) return 'slice';
  return typeof v === 'object' && !(v instanceof GoInt) && !(v instanceof GoFloat32) ? 'map' : typeOf(v);
}

function isNil(v: GoValue): boolean {
  return v === undefined || v === null || (v instanceof GoStruct && v.nil) || isNilSlice(v);
}

function incompatible(a: GoValue, b: GoValue): GoCallError {
  return new GoCallError(`incompatible types for comparison: ${typeOf(a)} and ${typeOf(b)}`);
}

/** eq arg1 arg2…: true when arg1 equals any of the others. */
export function eq(arg1: GoValue, ...rest: GoValue[]): boolean {
  const a = concrete(arg1);
  if (rest.length === 0) throw new GoCallError('missing argument for comparison');
  const k1 = basicKind(a);
  for (const raw of rest) {
    const b = concrete(raw);
    const k2 = basicKind(b);
    let truth = false;
    if (k1 !== k2) {
      if (k1 === 'int' && k2 === 'uint') truth = intValue(a) >= 0n && intValue(a) === intValue(b);
      else if (k1 === 'uint' && k2 === 'int') truth = intValue(b) >= 0n && intValue(a) === intValue(b);
      else if (a !== undefined && b !== undefined) throw incompatible(a, b);
    } else {
      switch (k1) {
        case 'bool':
        case 'string':
          truth = a === b;
          break;
        case 'float':
          truth = floatValue(a) === floatValue(b);
          break;
        case 'int':
        case 'uint':
          truth = intValue(a) === intValue(b);
          break;
        default:
          truth = eqNonBasic(a, b);
      }
    }
    if (truth) return true;
  }
  return false;
}

function eqNonBasic(a: GoValue, b: GoValue): boolean {
  const ka = reflectKind(a);
  const kb = reflectKind(b);
  if (ka !== kb && ka !== 'invalid' && kb !== 'invalid') {
    throw new GoCallError(sprintf('non-comparable types %s: %v, %s: %v', [a, typeOf(a), typeOf(b), b]));
  }
  if (isNil(a) || isNil(b)) return isNil(a) === isNil(b);
  if (kb === 'map' || kb === 'slice') {
    throw new GoCallError(sprintf('non-comparable type %s: %v', [b, typeOf(b)]));
  }
  return a === b;
}

/** ne a b: the inverse of eq. */
export function ne(a: GoValue, b: GoValue): boolean {
  return !eq(a, b);
}

/** lt a b, for basic kinds other than bool. */
export function lt(arg1: GoValue, arg2: GoValue): boolean {
  const a = concrete(arg1);
  const b = concrete(arg2);
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 === 'invalid' || k2 === 'invalid') throw new GoCallError('invalid type for comparison');
  if (k1 !== k2) {
    if (k1 === 'int' && k2 === 'uint') return intValue(a) < 0n || intValue(a) < intValue(b);
    if (k1 === 'uint' && k2 === 'int') return intValue(b) >= 0n && intValue(a) < intValue(b);
    throw incompatible(a, b);
  }
  switch (k1) {
    case 'bool':
      throw new GoCallError('invalid type for comparison');
    case 'float':
      return floatValue(a) < floatValue(b);
    case 'string':
      return compareGoStrings(a as string, b as string) < 0;
    default:
      return intValue(a) < intValue(b);
  }
}

export function le(a: GoValue, b: GoValue): boolean {
  return lt(a, b) || eq(a, b);
}

export function gt(a: GoValue, b: GoValue): boolean {
  return !le(a, b);
}

export function ge(a: GoValue, b: GoValue): boolean {
  return !lt(a, b);
}

const REFLECT = 'reflect.Value';

/** The comparison builtins as template functions (their arguments are reflect.Values). */
export const comparisonFuncs: Readonly<Record<string, GoFunc>> = {
  eq: { params: [REFLECT], variadic: REFLECT, result: 'bool', fn: eq },
  ne: { params: [REFLECT, REFLECT], result: 'bool', fn: ne },
  lt: { params: [REFLECT, REFLECT], result: 'bool', fn: lt },
  le: { params: [REFLECT, REFLECT], result: 'bool', fn: le },
  gt: { params: [REFLECT, REFLECT], result: 'bool', fn: gt },
  ge: { params: [REFLECT, REFLECT], result: 'bool', fn: ge },
};
