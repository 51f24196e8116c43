/**
 * Go type names as the executor needs them: the kind of a parameter type (to convert a
 * literal), whether nil is assignable to it, its zero value (`missingkey=zero`), and the
 * element type of a map or slice (whose elements are `interface {}` unless tagged otherwise).
 */
import { GoFloat32, GoInt, GO_TYPE, type GoMap, type GoSlice, type GoValue, type IntType } from './value.js';

/** The pseudo type of builtins that take their argument as is (Go's reflect.Value). */
export const REFLECT_VALUE = 'reflect.Value';
export const ANY = 'interface {}';

export type TypeKind = 'bool' | 'string' | 'int' | 'uint' | 'float' | 'complex' | 'any' | 'reflect' | 'other';

const INT_TYPES = new Set(['int', 'int8', 'int16', 'int32', 'int64']);
const UINT_TYPES = new Set(['uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr']);

/** Named types whose underlying type is basic: a literal converts as the underlying type. */
const UNDERLYING: Readonly<Record<string, string>> = {
  'time.Duration': 'int64',
  'time.Month': 'int',
  'time.Weekday': 'int',
};

/** The basic type a literal argument is converted to for a parameter of type `type`. */
export function underlyingType(type: string): string {
  return UNDERLYING[type] ?? type;
}

export function typeKind(type: string): TypeKind {
  if (type === ANY) return 'any';
  if (type === REFLECT_VALUE) return 'reflect';
  if (type === 'bool' || type === 'string') return type;
  if (INT_TYPES.has(type)) return 'int';
  if (UINT_TYPES.has(type)) return 'uint';
  if (type === 'float64' || type === 'float32') return 'float';
  if (type === 'complex128' || type === 'complex64') return 'complex';
  return 'other';
}

/** Whether an untyped nil is assignable: interfaces, maps, slices, pointers, funcs, chans. */
export function canBeNil(type: string): boolean {
  return (
    type === ANY ||
    type === REFLECT_VALUE ||
    type.startsWith('[]') ||
    type.startsWith('map[') ||
    type.startsWith('*') ||
    type.startsWith('func') ||
    type.startsWith('chan ')
  );
}

/** reflect.Zero of a type, in the value model (nil for every nillable type). */
export function zeroValue(type: string): GoValue {
  switch (typeKind(type)) {
    case 'bool':
      return false;
    case 'string':
      return '';
    case 'int':
    case 'uint':
      return new GoInt(type as IntType, 0n);
    case 'float':
      return type === 'float32' ? new GoFloat32(0) : 0;
    case 'reflect':
      return undefined;
    default:
      return null;
  }
}

/** The element type of a map type name such as `map[string]string`. */
export function elemOfMapType(type: string): string {
  if (!type.startsWith('map[')) return ANY;
  let depth = 0;
  for (let i = 3; i < type.length; i++) {
    if (type[i] === '[') depth++;
    else if (type[i] === ']' && --depth === 0) return type.slice(i + 1);
  }
  return ANY;
}

export function mapElemType(m: GoMap): string {
  const type = m[GO_TYPE];
  return type === undefined ? ANY : elemOfMapType(type);
}

export function sliceElemType(s: GoSlice): string {
  const type = s[GO_TYPE];
  return type?.startsWith('[]') ? type.slice(2) : ANY;
}
