/**
 * What text/template does with an evaluated argument passed to a typed function parameter
 * (exec.go `validateType`): the value must be assignable to the parameter's Go type, with
 * one interface unwrapping; there is no numeric conversion. Untyped constants written in the
 * template (`1`, `"a"`, `nil`) are converted by the executor before they get here.
 */
import { GoStruct, typeOf, type GoValue } from './value.js';

// spf13/cast conversions live beside the reflect rules; callers import both from here.
export { floatToInt64, strval, toBool, toFloat64, toInt, toInt64, toString } from './cast.js';

/** The executor reports it as `executing "NAME" at <node>: MESSAGE`. */
export class ConversionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConversionError';
  }
}

/** Named types whose underlying type is an unnamed map or slice type (assignable to it). */
const UNDERLYING: Readonly<Record<string, string>> = {
  'chartutil.Values': 'map[string]interface {}',
  'common.Values': 'map[string]interface {}',
  'chartutil.Files': 'map[string][]uint8',
  'common.Files': 'map[string][]uint8',
};

/** Types whose zero value is nil (chan, func, interface, map, pointer, slice). */
function canBeNil(goType: string): boolean {
  return (
    goType.startsWith('map[') ||
    goType.startsWith('[]') ||
    goType.startsWith('*') ||
    goType.startsWith('func(') ||
    goType.startsWith('chan ') ||
    goType.startsWith('interface {')
  );
}

/** reflect's AssignableTo for the types the value model has. */
function assignable(from: string, to: string): boolean {
  if (from === to) return true;
  const fromUnder = UNDERLYING[from];
  const toUnder = UNDERLYING[to];
  // Identical underlying types, at least one side unnamed.
  if (fromUnder !== undefined && fromUnder === to) return true;
  if (toUnder !== undefined && toUnder === from) return true;
  return false;
}

/**
 * Converts `v` for a parameter of Go type `goType`, or throws {@link ConversionError} with Go's
 * text. `undefined` is an invalid value (a variable or parenthesized pipeline holding nothing):
 * nil-able types receive their nil (`null`), others fail with `invalid value; expected T`.
 * `null` is a nil interface (a map entry or missing key read under `missingkey=zero`): only an
 * interface parameter takes it, others fail with `wrong type for value; expected T; got
 * interface {}`.
 */
export function convertArg(v: GoValue, goType: string): GoValue {
  if (goType === 'interface {}') return v === undefined ? null : v;
  if (v === undefined) {
    if (canBeNil(goType)) return null;
    throw new ConversionError(`invalid value; expected ${goType}`);
  }
  if (v === null) {
    if (goType.startsWith('interface {')) return null;
    throw new ConversionError(`wrong type for value; expected ${goType}; got interface {}`);
  }
  const from = typeOf(v);
  if (assignable(from, goType)) return v;
  // One dereference: a *T argument for a T parameter.
  if (v instanceof GoStruct && from === '*' + goType) {
    if (v.nil) throw new ConversionError(`dereference of nil pointer of type ${goType}`);
    return new GoStruct(goType, v.fields, v.methods);
  }
  throw new ConversionError(`wrong type for value; expected ${goType}; got ${from}`);
}
