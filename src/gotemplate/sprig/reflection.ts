/**
 * Sprig's reflection functions and Go's reflect.DeepEqual, which `deepEqual`, `uniq`, `has` and
 * `without` use: values are equal only when their Go types are equal too (float64 1 ≠ int 1).
 */
import {
  GoFloat32,
  GoInt,
  GoStruct,
  getMapKey,
  isNilSlice,
  kindOf,
  typeOf,
  type FuncMap,
  type GoMap,
  type GoValue,
} from '../value.js';
import { ANY, BOOL, STRING, goFunc, strArg } from './define.js';
import { checkNesting } from './limits.js';

type Seen = Map<object, Set<object>>;

/** reflect.DeepEqual of two values held in interfaces. */
export function deepEqual(a: GoValue, b: GoValue): boolean {
  return equal(a ?? null, b ?? null, new Map(), 0);
}

function equal(a: GoValue, b: GoValue, seen: Seen, depth: number): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (typeOf(a) !== typeOf(b)) return false;
  if (a instanceof GoInt) return a.value === (b as GoInt).value;
  if (a instanceof GoFloat32) return a.value === (b as GoFloat32).value;
  checkNesting(depth, 'deepEqual');
  // A comparison already in progress is assumed equal, as reflect does for cyclic values.
  const pairs = seen.get(a);
  if (pairs?.has(b)) return true;
  if (pairs) pairs.add(b);
  else seen.set(a, new Set([b]));
  if (Array.isArray(a)) {
    const other = b as GoValue[];
    // reflect.DeepEqual: a nil slice is not equal to an empty one.
    if (isNilSlice(a) !== isNilSlice(other)) return false;
    return a.length === other.length && a.every((x, i) => equal(x, other[i], seen, depth + 1));
  }
  if (a instanceof GoStruct) {
    const other = b as GoStruct;
    if (a.nil || other.nil) return a.nil === other.nil;
    return sameEntries(a.fields, other.fields, seen, depth);
  }
  return sameEntries(a as GoMap, b as GoMap, seen, depth);
}

function sameEntries(a: Readonly<GoMap>, b: Readonly<GoMap>, seen: Seen, depth: number): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && equal(getMapKey(a, k), getMapKey(b, k), seen, depth + 1));
}

export function reflectionFuncs(): FuncMap {
  return {
    typeOf: goFunc([ANY], STRING, (v) => typeOf(v)),
    typeIs: goFunc([STRING, ANY], BOOL, (t, v) => strArg(t) === typeOf(v)),
    typeIsLike: goFunc([STRING, ANY], BOOL, (t, v) => {
      const type = typeOf(v);
      return strArg(t) === type || `*${strArg(t)}` === type;
    }),
    kindOf: goFunc([ANY], STRING, (v) => kindOf(v)),
    kindIs: goFunc([STRING, ANY], BOOL, (k, v) => strArg(k) === kindOf(v)),
    deepEqual: goFunc([ANY, ANY], BOOL, (a, b) => deepEqual(a, b)),
  };
}
