/**
 * spf13/cast v1.7.0 conversions as sprig v3.3.0 uses them (`int`, `int64`, `float64`, the
 * arithmetic functions), and sprig's own `strval` (`toString`, `quote`, `join`, …). Cast never
 * fails: a value it cannot convert becomes the zero value.
 */
import { sprint } from './fmt.js';
import { stringerMethod } from './fmt-print.js';
import { formatFloat } from './go-float.js';
import { parseFloat64, parseIntBase0 } from './go-strconv.js';
import { GoFloat32, GoInt, GoStruct, goInt, isUnsigned, typeOf, type GoValue } from './value.js';

const INT64_MIN = -(1n << 63n);
const TWO_63 = 2 ** 63;

/**
 * Go's `int64(f)` for a float64 as compiled for amd64 (the helm binary's platform):
 * truncation toward zero; NaN and out-of-range values give the minimum int64.
 */
export function floatToInt64(f: number): bigint {
  if (Number.isNaN(f) || f >= TWO_63 || f < -TWO_63) return INT64_MIN;
  return BigInt(Math.trunc(f));
}

/** cast's trimZeroDecimal: `12.00` → `12`, `12.50` unchanged. */
function trimZeroDecimal(s: string): string {
  let foundZero = false;
  for (let i = s.length; i > 0; i--) {
    const c = s[i - 1];
    if (c === '.') {
      if (foundZero) return s.slice(0, i - 1);
    } else if (c === '0') foundZero = true;
    else return s;
  }
  return s;
}

/** The method text of a Stringer or error, or undefined. */
function methodText(v: GoValue): string | undefined {
  if (v instanceof GoStruct && v.nil) return undefined;
  const method = stringerMethod(v);
  if (method === undefined) return undefined;
  const text = method.fn.fn();
  return typeof text === 'string' ? text : undefined;
}

function castInt64(v: GoValue): bigint {
  if (v instanceof GoInt) return BigInt.asIntN(64, v.value);
  if (v instanceof GoFloat32) return floatToInt64(Math.fround(v.value));
  switch (typeof v) {
    case 'number':
      return floatToInt64(v);
    case 'boolean':
      return v ? 1n : 0n;
    case 'string':
      return parseIntBase0(trimZeroDecimal(v)) ?? 0n;
  }
  return 0n;
}

/** cast.ToInt64: an `int64` GoInt. */
export function toInt64(v: GoValue): GoInt {
  return goInt(castInt64(v), 'int64');
}

/** cast.ToInt: an `int` GoInt (64 bits, as on the platforms helm runs on). */
export function toInt(v: GoValue): GoInt {
  return goInt(castInt64(v), 'int');
}

/** cast.ToFloat64: a float64. */
export function toFloat64(v: GoValue): number {
  if (v instanceof GoInt) return Number(isUnsigned(v.type) ? v.value : BigInt.asIntN(64, v.value));
  if (v instanceof GoFloat32) return Math.fround(v.value);
  switch (typeof v) {
    case 'number':
      return v;
    case 'boolean':
      return v ? 1 : 0;
    case 'string':
      return parseFloat64(v) ?? 0;
  }
  return 0;
}

/** strconv.ParseBool. */
function parseBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/** cast.ToBool: numbers are true when non-zero, strings go through strconv.ParseBool. */
export function toBool(v: GoValue): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v instanceof GoInt) return v.value !== 0n;
  if (v instanceof GoFloat32) return v.value !== 0;
  if (typeof v === 'string') return parseBool(v) ?? false;
  return false;
}

/**
 * cast.ToString: floats in strconv's 'f' form (`1000000`, not `1e+06`), nil as `""`, Stringers
 * and errors through their method; maps, slices and structs cannot be cast (`""`).
 */
export function toString(v: GoValue): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return formatFloat(v, 'f', -1, 64);
  if (v instanceof GoFloat32) return formatFloat(v.value, 'f', -1, 32);
  if (v instanceof GoInt) return v.value.toString();
  if (isUint8Slice(v)) return bytesToString(v as GoValue[]);
  return methodText(v) ?? '';
}

function isUint8Slice(v: GoValue): boolean {
  const type = typeOf(v);
  return type === '[]uint8' || type === '[]byte';
}

function bytesToString(items: GoValue[]): string {
  return new TextDecoder().decode(
    Uint8Array.from(items.map((b) => (b instanceof GoInt ? Number(b.value) : 0))),
  );
}

/**
 * sprig's `strval` (what `toString`, `quote`, `join`, `cat`… use): strings and `[]byte` as text, errors
 * and Stringers through their method, everything else as fmt's `%v` (`1e+06`, `<nil>`, `[1 2]`).
 */
export function strval(v: GoValue): string {
  if (typeof v === 'string') return v;
  if (isUint8Slice(v)) return bytesToString(v as GoValue[]);
  const text = methodText(v);
  if (text !== undefined) return text;
  return sprint([v === undefined ? null : v]);
}
