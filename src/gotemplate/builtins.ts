/**
 * text/template's builtin functions. A function map entry of the same name wins over these
 * (sprig's `slice`, for one). `and`, `or` and `call` are evaluated by the executor itself;
 * their entries here give the argument checks. Parameters typed `reflect.Value` receive the
 * value as is, missing (`undefined`) or nil (`null`) included.
 */
import { comparisonFuncs } from './compare.js';
import { sprint, sprintf, sprintln } from './fmt.js';
import { isPrint } from './go-quote.js';
import { goStringBytes, goStringLength, goStringOfBytes } from './go-utf8.js';
import {
  GoCallError,
  GoInt,
  GoStruct,
  getMapKey,
  isGoMap,
  isTrue,
  typedSlice,
  typeOf,
  GO_TYPE,
  type GoFunc,
  type GoSlice,
  type GoValue,
} from './value.js';
import { mapElemType, zeroValue } from './types.js';

const REFLECT = 'reflect.Value';
const ANY = 'interface {}';

/** What Go's reflect says when asked the type of no value (a recovered panic). */
const ZERO_VALUE_TYPE = 'reflect: call of reflect.Value.Type on zero Value';

/** indirect: through a non-nil pointer; a nil pointer or nil interface stops there. */
function indirect(v: GoValue): { v: GoValue; isNil: boolean } {
  if (v === null) return { v, isNil: true };
  if (v instanceof GoStruct && v.typeName.startsWith('*')) {
    if (v.nil) return { v, isNil: true };
    return { v: new GoStruct(v.typeName.slice(1), v.fields, v.methods), isNil: false };
  }
  return { v, isNil: false };
}

function length(item: GoValue): GoValue {
  const { v, isNil } = indirect(item);
  if (isNil) throw new GoCallError('len of nil pointer');
  if (v === undefined) throw new GoCallError(ZERO_VALUE_TYPE);
  if (typeof v === 'string') return new GoInt('int', BigInt(goStringLength(v)));
  if (Array.isArray(v)) return new GoInt('int', BigInt(v.length));
  if (isGoMap(v)) return new GoInt('int', BigInt(Object.keys(v).length));
  throw new GoCallError(`len of type ${typeOf(v)}`);
}

/** indexArg: an integer index within [0, cap]. */
function indexArg(index: GoValue, cap: number): number {
  if (index === undefined || index === null) throw new GoCallError('cannot index slice/array with nil');
  if (!(index instanceof GoInt)) throw new GoCallError(`cannot index slice/array with type ${typeOf(index)}`);
  const x = index.value;
  if (x < 0n || x > BigInt(cap)) throw new GoCallError(`index out of range: ${x}`);
  return Number(x);
}

function index(item: GoValue, ...indexes: GoValue[]): GoValue {
  let cur: GoValue = item === null ? undefined : item;
  if (cur === undefined) throw new GoCallError('index of untyped nil');
  for (const raw of indexes) {
    const idx = raw === null ? undefined : raw;
    const ind = indirect(cur);
    if (ind.isNil) throw new GoCallError('index of nil pointer');
    cur = ind.v;
    if (typeof cur === 'string' || Array.isArray(cur)) {
      const bytes = typeof cur === 'string' ? goStringBytes(cur) : undefined;
      const len = bytes ? bytes.length : (cur as GoSlice).length;
      const x = indexArg(idx, len);
      // Go checks x <= len, then reflect panics on x == len.
      if (x === len) throw new GoCallError(`reflect: ${bytes ? 'string' : 'slice'} index out of range`);
      cur = bytes ? new GoInt('uint8', BigInt(bytes[x] as number)) : (cur as GoSlice)[x];
    } else if (isGoMap(cur)) {
      if (idx === undefined) throw new GoCallError('value is nil; should be of type string');
      if (typeof idx !== 'string') throw new GoCallError(`value has type ${typeOf(idx)}; should be string`);
      cur = Object.hasOwn(cur, idx) ? getMapKey(cur, idx) : zeroValue(mapElemType(cur));
    } else {
      throw new GoCallError(`can't index item of type ${typeOf(cur)}`);
    }
  }
  return cur;
}

function slice(item: GoValue, ...indexes: GoValue[]): GoValue {
  const v = item === null ? undefined : item;
  if (v === undefined) throw new GoCallError('slice of untyped nil');
  if (indexes.length > 3) throw new GoCallError(`too many slice indexes: ${indexes.length}`);
  let bytes: Uint8Array | undefined;
  if (typeof v === 'string') {
    if (indexes.length === 3) throw new GoCallError('cannot 3-index slice a string');
    bytes = goStringBytes(v);
  } else if (!Array.isArray(v)) {
    throw new GoCallError(`can't slice item of type ${typeOf(v)}`);
  }
  const len = bytes ? bytes.length : (v as GoSlice).length;
  const idx = [0, len, len];
  indexes.forEach((x, i) => (idx[i] = indexArg(x === null ? undefined : x, len)));
  const [i, j, k] = idx as [number, number, number];
  if (i > j) throw new GoCallError(`invalid slice index: ${i} > ${j}`);
  if (indexes.length === 3 && j > k) throw new GoCallError(`invalid slice index: ${j} > ${k}`);
  if (bytes) return goStringOfBytes(bytes.subarray(i, j));
  const arr = v as GoSlice;
  const type = arr[GO_TYPE];
  return type === undefined ? arr.slice(i, j) : typedSlice(arr.slice(i, j), type);
}

/** evalArgs: fmt.Sprint of the arguments, each printed as the executor prints a value. */
function evalArgs(args: GoValue[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map(printable));
}

/** printableValue: no value prints `<no value>`; a pointer prints what it points to. */
function printable(a: GoValue): GoValue {
  if (a === undefined || a === null) return '<no value>';
  if (a instanceof GoStruct && a.typeName.startsWith('*') && !a.nil) {
    if (!Object.hasOwn(a.methods, 'String') && !Object.hasOwn(a.methods, 'Error')) {
      return new GoStruct(a.typeName.slice(1), a.fields, a.methods);
    }
  }
  return a;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '\0': '\uFFFD',
  '"': '&#34;',
  "'": '&#39;',
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
};

export function htmlEscape(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => HTML_ESCAPES[c] as string);
}

const JS_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '<': '\\u003C',
  '>': '\\u003E',
  '&': '\\u0026',
  '=': '\\u003D',
};

export function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const r = ch.codePointAt(0) as number;
    const esc = JS_ESCAPES[ch];
    if (esc !== undefined) out += esc;
    else if (r < 0x20) out += '\\u00' + r.toString(16).toUpperCase().padStart(2, '0');
    else if (r < 0x80 || isPrint(r)) out += ch;
    else out += '\\u' + r.toString(16).toUpperCase().padStart(4, '0');
  }
  return out;
}

/** url.QueryEscape. */
export function queryEscape(s: string): string {
  let out = '';
  for (const b of goStringBytes(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function unsupportedCall(fn: GoValue): GoValue {
  if (fn === undefined || fn === null) throw new GoCallError('call of nil');
  throw new GoCallError(`non-function of type ${typeOf(fn)}`);
}

export const builtinFuncs: Readonly<Record<string, GoFunc>> = {
  and: { params: [REFLECT], variadic: REFLECT, result: REFLECT, fn: () => undefined },
  or: { params: [REFLECT], variadic: REFLECT, result: REFLECT, fn: () => undefined },
  call: { params: [REFLECT], variadic: REFLECT, result: REFLECT, fn: unsupportedCall },
  html: { params: [], variadic: ANY, result: 'string', fn: (...a) => htmlEscape(evalArgs(a)) },
  index: { params: [REFLECT], variadic: REFLECT, result: REFLECT, fn: index },
  slice: { params: [REFLECT], variadic: REFLECT, result: REFLECT, fn: slice },
  js: { params: [], variadic: ANY, result: 'string', fn: (...a) => jsEscape(evalArgs(a)) },
  len: { params: [REFLECT], result: 'int', fn: length },
  not: { params: [REFLECT], result: 'bool', fn: (a) => !isTrue(a) },
  print: { params: [], variadic: ANY, result: 'string', fn: (...a) => sprint(a) },
  printf: { params: ['string'], variadic: ANY, result: 'string', fn: (f, ...a) => sprintf(f as string, a) },
  println: { params: [], variadic: ANY, result: 'string', fn: (...a) => sprintln(a) },
  urlquery: { params: [], variadic: ANY, result: 'string', fn: (...a) => queryEscape(evalArgs(a)) },
  ...comparisonFuncs,
};
