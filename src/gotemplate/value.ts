/**
 * Go's value model for templates. Charts depend on Go's types: a number from values is a
 * float64, a template literal an int, a sprig result an int64, and each prints, compares and
 * converts differently. JavaScript values are tagged with the Go type they stand for:
 *
 * | Go                         | here                                                  |
 * |----------------------------|-------------------------------------------------------|
 * | invalid (`<no value>`)     | `undefined` (a missing map key, an unset variable)    |
 * | nil interface              | `null`                                                |
 * | bool, string               | `boolean`, `string`                                   |
 * | float64                    | `number` (every number read from YAML or JSON)        |
 * | int, int64, uint8, …       | {@link GoInt}                                         |
 * | float32                    | {@link GoFloat32}                                     |
 * | `[]interface {}`           | a JS array; other element types tagged, see below     |
 * | `map[string]interface {}`  | a plain object; other types tagged, see below         |
 * | structs, pointers, time    | {@link GoStruct}                                      |
 *
 * Arrays and objects carry their Go type under {@link GO_TYPE} when it is not the default
 * (`[]string` from `splitList`, `map[string]string` from `split`, `chartutil.Values`): the tag
 * survives reads and is dropped by copies, as a Go conversion to `interface {}` would keep it.
 */

export const GO_TYPE: unique symbol = Symbol('goType');

export type IntType =
  | 'int'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'uint'
  | 'uint8'
  | 'uint16'
  | 'uint32'
  | 'uint64'
  | 'uintptr';

/** An integer of one of Go's integer types. `value` is always within the type's range. */
export class GoInt {
  constructor(
    readonly type: IntType,
    readonly value: bigint,
  ) {}

  toNumber(): number {
    return Number(this.value);
  }
}

/** A float32: rare in charts (only through explicit conversions), but printed differently. */
export class GoFloat32 {
  constructor(readonly value: number) {}
}

/**
 * A Go struct or pointer to one (Helm's `.Chart`, `.Capabilities`, `.Files`, `time.Time`,
 * `*semver.Version`). `fields` answer `.Name`; `methods` answer `.Name args…` and are called with
 * the receiver already bound. A nil pointer of a struct type is a GoStruct with `nil: true`.
 */
export class GoStruct {
  constructor(
    readonly typeName: string,
    readonly fields: Readonly<Record<string, GoValue>>,
    readonly methods: Readonly<Record<string, GoFunc>> = {},
    readonly nil = false,
  ) {}
}

/**
 * Methods of a named map or slice type (helm's `engine.files` has `.Get` and `.Glob`,
 * `common.VersionSet` has `.Has`). text/template looks a name up as a method first, then as a
 * map key. Like {@link GO_TYPE}, copies drop them.
 */
export const GO_METHODS: unique symbol = Symbol('goMethods');

/**
 * Marks a nil slice. Go tells a nil slice from an empty one in a few places only: encoding/json
 * (and so toYaml) writes `null` for it, `%#v` writes `[]T(nil)`, reflect.DeepEqual and `eq`
 * tell them apart. Everywhere else (print, len, range, empty, if) it is an empty slice.
 */
export const GO_NIL: unique symbol = Symbol('goNil');

export interface GoMap {
  [key: string]: GoValue;
  [GO_TYPE]?: string;
  [GO_METHODS]?: Readonly<Record<string, GoFunc>>;
}

export interface GoSlice extends Array<GoValue> {
  [GO_TYPE]?: string;
  [GO_METHODS]?: Readonly<Record<string, GoFunc>>;
  [GO_NIL]?: true;
}

export type GoValue =
  undefined | null | boolean | string | number | GoInt | GoFloat32 | GoStruct | GoSlice | GoMap;

/**
 * A function callable from a template. `params` are Go type names (`interface {}`, `string`,
 * `int`, `int64`, `float64`, `bool`, `[]interface {}`, `map[string]interface {}`, …); the
 * executor converts or rejects each argument as Go's reflect-based call does and words the error
 * as Go does. `variadic` is the element type of a trailing `...T` parameter. A function whose Go
 * signature returns an error reports it by throwing {@link GoCallError}.
 */
export interface GoFunc {
  readonly params: readonly string[];
  readonly variadic?: string;
  /** The Go result type, for `typeOf`-style introspection and `call`; `interface {}` when unsure. */
  readonly result?: string;
  /**
   * A method declared on the pointer type (`func (v *T) String()`): a struct value passed to
   * `print`, `printf` or `toString` does not have it, though `{{ .x }}` of an addressable field
   * and template method calls do.
   */
  readonly pointerReceiver?: boolean;
  readonly fn: (...args: GoValue[]) => GoValue;
}

/** The error a template function returns; the executor adds `error calling NAME: `. */
export class GoCallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoCallError';
  }
}

export type FuncMap = Readonly<Record<string, GoFunc>>;

export const INT_BITS: Readonly<Record<IntType, number>> = {
  int: 64,
  int8: 8,
  int16: 16,
  int32: 32,
  int64: 64,
  uint: 64,
  uint8: 8,
  uint16: 16,
  uint32: 32,
  uint64: 64,
  uintptr: 64,
};

export function isUnsigned(type: IntType): boolean {
  return type.startsWith('u');
}

/** Wraps `value` into `type`'s range, as Go's conversions do. */
export function wrapInt(type: IntType, value: bigint): bigint {
  const bits = INT_BITS[type];
  return isUnsigned(type) ? BigInt.asUintN(bits, value) : BigInt.asIntN(bits, value);
}

export function goInt(value: number | bigint, type: IntType = 'int'): GoInt {
  const big = typeof value === 'bigint' ? value : BigInt(Math.trunc(value));
  return new GoInt(type, wrapInt(type, big));
}

export function isGoMap(v: GoValue): v is GoMap {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    !(v instanceof GoInt) &&
    !(v instanceof GoFloat32) &&
    !(v instanceof GoStruct)
  );
}

export function isGoSlice(v: GoValue): v is GoSlice {
  return Array.isArray(v);
}

/** Go's reflect.Kind name of a value (`kindOf`): `invalid` for nil and missing values. */
export function kindOf(v: GoValue): string {
  if (v === undefined || v === null) return 'invalid';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'string':
      return 'string';
    case 'number':
      return 'float64';
  }
  if (v instanceof GoInt) return v.type;
  if (v instanceof GoFloat32) return 'float32';
  if (v instanceof GoStruct) return v.typeName.startsWith('*') ? 'ptr' : 'struct';
  if (Array.isArray(v)) return 'slice';
  return 'map';
}

/** Go's `%T` / reflect type name of a value (`typeOf`): `<nil>` for nil and missing values. */
export function typeOf(v: GoValue): string {
  if (v === undefined || v === null) return '<nil>';
  if (v instanceof GoStruct) return v.typeName;
  if (Array.isArray(v)) return (v as GoSlice)[GO_TYPE] ?? '[]interface {}';
  if (isGoMap(v)) return v[GO_TYPE] ?? 'map[string]interface {}';
  return kindOf(v);
}

/** Sets `key` on a Go map, safe for keys such as `__proto__` that a plain assignment would not store. */
export function setMapKey(map: GoMap, key: string, value: GoValue): void {
  if (key === '__proto__')
    Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  else map[key] = value;
}

/** Reads `key` of a Go map: `undefined` when absent (never an inherited property). */
export function getMapKey(map: GoMap, key: string): GoValue {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

/** A fresh `map[string]interface {}` (or another map type when `type` is given). */
export function newMap(type?: string): GoMap {
  const map: GoMap = {};
  if (type !== undefined) Object.defineProperty(map, GO_TYPE, { value: type, enumerable: false });
  return map;
}

/** A slice tagged with its Go type (`[]string`, …); untagged arrays are `[]interface {}`. */
export function typedSlice(items: GoValue[], type: string): GoSlice {
  const slice: GoSlice = items;
  Object.defineProperty(slice, GO_TYPE, { value: type, enumerable: false });
  return slice;
}

/**
 * A nil slice of `type` (`[]interface {}` when not given), which sprig functions such as
 * `concat` or `regexFindAll` return where Go's code leaves a slice variable unset. It is frozen:
 * a nil slice has no storage to write to, and functions copy before they change a list anyway.
 */
export function nilSlice(type?: string): GoSlice {
  const slice: GoSlice = [];
  Object.defineProperty(slice, GO_NIL, { value: true, enumerable: false });
  if (type !== undefined) Object.defineProperty(slice, GO_TYPE, { value: type, enumerable: false });
  return Object.freeze(slice) as GoSlice;
}

/** Whether `v` is a nil slice (see {@link nilSlice}). */
export function isNilSlice(v: GoValue): boolean {
  return Array.isArray(v) && (v as GoSlice)[GO_NIL] === true;
}

/** Go's zero-value test (reflect.Value.IsZero of the dynamic value), which sprig's `empty` uses. */
export function isEmpty(v: GoValue): boolean {
  if (v === undefined || v === null) return true;
  switch (typeof v) {
    case 'boolean':
      return !v;
    case 'string':
      return v.length === 0;
    case 'number':
      return v === 0;
  }
  if (v instanceof GoInt) return v.value === 0n;
  if (v instanceof GoFloat32) return v.value === 0;
  if (v instanceof GoStruct) return v.nil;
  if (Array.isArray(v)) return v.length === 0;
  return Object.keys(v).length === 0;
}

/**
 * text/template's truth (`if`, `with`, `and`, `or`, `not`): false for the zero value of bools,
 * numbers, strings, and for empty or nil slices and maps, nil pointers and missing values. A
 * struct value (not a pointer) is always true.
 */
export function isTrue(v: GoValue): boolean {
  if (v instanceof GoStruct) return !v.nil;
  return !isEmpty(v);
}

/** Gives a map or slice of a named Go type its methods (non-enumerable, so copies drop them). */
export function withMethods<T extends GoMap | GoSlice>(
  value: T,
  methods: Readonly<Record<string, GoFunc>>,
): T {
  Object.defineProperty(value, GO_METHODS, { value: methods, enumerable: false });
  return value;
}

/** The method `name` of a value: a GoStruct's, or a named map's or slice's; undefined if none. */
export function methodOf(v: GoValue, name: string): GoFunc | undefined {
  if (v instanceof GoStruct) return Object.hasOwn(v.methods, name) ? v.methods[name] : undefined;
  if (typeof v !== 'object' || v === null || v instanceof GoInt || v instanceof GoFloat32) return undefined;
  const methods = (v as GoMap | GoSlice)[GO_METHODS];
  return methods && Object.hasOwn(methods, name) ? methods[name] : undefined;
}
