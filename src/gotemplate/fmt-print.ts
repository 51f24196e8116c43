/**
 * Go's fmt printer (fmt/print.go) over the template value model: one operand printed with a
 * verb, recursing into maps (keys sorted as fmt sorts them), slices and structs.
 */
import { ScalarPrinter } from './fmt-scalar.js';
import {
  GoCallError,
  GoFloat32,
  GoInt,
  GoStruct,
  isNilSlice,
  isUnsigned,
  methodOf,
  typeOf,
  type GoFunc,
  type GoMap,
  type GoValue,
} from './value.js';

/** Go prints a pointer nested in a value as its address; ours is a fixed stand-in. */
export const POINTER_TEXT = '0xc000010000';

/** Go's string order (bytewise UTF-8), which is code point order, not UTF-16 unit order. */
export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (astral code point) sorts above every BMP code unit from U+E000 up.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/**
 * The `Error` or `String` method of `v`'s dynamic type (Go's error and Stringer interfaces).
 * A struct value lacks the methods declared on its pointer type unless it is `addressable`.
 */
export function stringerMethod(
  v: GoValue,
  addressable = false,
): { name: 'Error' | 'String'; fn: GoFunc } | undefined {
  for (const name of ['Error', 'String'] as const) {
    const fn = methodOf(v, name);
    if (fn === undefined || fn.params.length !== 0 || fn.variadic !== undefined) continue;
    const isValue = v instanceof GoStruct && !v.typeName.startsWith('*');
    if (fn.pointerReceiver && isValue && !addressable) continue;
    return { name, fn };
  }
  return undefined;
}

export class Printer extends ScalarPrinter {
  /** Set while printing a `%!verb(type=value)` error: methods are not called then. */
  private erroring = false;
  private arg: GoValue = undefined;
  private hasArg = false;
  private readonly visiting = new Set<object>();

  printArg(arg: GoValue, verb: string): void {
    this.arg = arg;
    this.hasArg = arg !== undefined && arg !== null;
    if (arg === undefined || arg === null) {
      if (verb === 'T' || verb === 'v') this.pad('<nil>');
      else this.badVerb(verb);
      return;
    }
    if (verb === 'T') {
      this.fmtS(typeOf(arg));
      return;
    }
    if (verb === 'p') {
      this.fmtPointer(arg, verb);
      return;
    }
    if (!this.printBasic(arg, verb) && !this.handleMethods(arg, verb)) this.printValue(arg, verb, 0);
  }

  /** Scalars, printed the same at any depth. Returns false for composite values. */
  private printBasic(v: GoValue, verb: string): boolean {
    switch (typeof v) {
      case 'boolean':
        if (verb === 't' || verb === 'v') this.fmtBoolean(v);
        else this.badVerb(verb);
        return true;
      case 'number':
        this.printFloat(v, 64, verb);
        return true;
      case 'string':
        this.printString(v, verb);
        return true;
    }
    if (v instanceof GoFloat32) {
      this.printFloat(v.value, 32, verb);
      return true;
    }
    if (v instanceof GoInt) {
      this.printInteger(v.value, !isUnsigned(v.type), verb);
      return true;
    }
    return false;
  }

  /** A value with a `String` or `Error` method prints through it, as fmt's Stringer rule. */
  private handleMethods(v: GoValue, verb: string): boolean {
    if (this.erroring || this.f.sharpV || !['v', 's', 'x', 'X', 'q'].includes(verb)) return false;
    const method = stringerMethod(v);
    if (method === undefined) return false;
    // A nil receiver makes the method panic; fmt then prints <nil>.
    if (v instanceof GoStruct && v.nil) {
      this.pad('<nil>');
      return true;
    }
    let text: GoValue;
    try {
      text = method.fn.fn();
    } catch (e) {
      // fmt recovers a panicking method and reports it in place.
      this.buf += `%!${verb}(PANIC=${method.name} method: ${e instanceof Error ? e.message : String(e)})`;
      return true;
    }
    this.printString(typeof text === 'string' ? text : String(text), verb);
    return true;
  }

  printValue(v: GoValue, verb: string, depth: number): void {
    if (depth > 0 && this.handleMethods(v, verb)) return;
    if (v === undefined || v === null) {
      // An interface{} element holding nil.
      this.buf += this.f.sharpV ? 'interface {}(nil)' : '<nil>';
      return;
    }
    this.arg = v;
    this.hasArg = true;
    if (this.printBasic(v, verb) || typeof v !== 'object') return;
    if (this.visiting.has(v)) {
      // Go recurses until its stack overflows and the process dies; stop with an error.
      throw new GoCallError(`cannot print a ${typeOf(v)} that contains itself`);
    }
    this.visiting.add(v);
    try {
      if (v instanceof GoStruct) this.printStruct(v, verb, depth);
      else if (Array.isArray(v)) this.printSlice(v, verb, depth);
      else this.printMap(v as GoMap, verb, depth);
    } finally {
      this.visiting.delete(v);
    }
  }

  private printMap(m: GoMap, verb: string, depth: number): void {
    const sharpV = this.f.sharpV;
    this.buf += sharpV ? typeOf(m) + '{' : 'map[';
    const keys = Object.keys(m).sort(compareGoStrings);
    keys.forEach((key, i) => {
      if (i > 0) this.buf += sharpV ? ', ' : ' ';
      this.printValue(key, verb, depth + 1);
      this.buf += ':';
      this.printValue(m[key], verb, depth + 1);
    });
    this.buf += sharpV ? '}' : ']';
  }

  private printSlice(s: GoValue[], verb: string, depth: number): void {
    const type = typeOf(s);
    if ((type === '[]uint8' || type === '[]byte') && ['s', 'q', 'x', 'X'].includes(verb)) {
      const bytes = Uint8Array.from(s.map((b) => (b instanceof GoInt ? Number(b.value & 0xffn) : 0)));
      this.printString(new TextDecoder().decode(bytes), verb);
      return;
    }
    const sharpV = this.f.sharpV;
    if (sharpV && isNilSlice(s)) {
      this.buf += type + '(nil)';
      return;
    }
    this.buf += sharpV ? type + '{' : '[';
    s.forEach((item, i) => {
      if (i > 0) this.buf += sharpV ? ', ' : ' ';
      this.printValue(item, verb, depth + 1);
    });
    this.buf += sharpV ? '}' : ']';
  }

  private printStruct(v: GoStruct, verb: string, depth: number): void {
    if (v.typeName.startsWith('*')) {
      // A pointer: &{…} at the top, its address inside another value.
      if (depth === 0 && !v.nil) {
        this.buf += '&';
        this.printStructFields(v, verb, depth + 1);
      } else this.fmtPointer(v, verb);
      return;
    }
    this.printStructFields(v, verb, depth);
  }

  private printStructFields(v: GoStruct, verb: string, depth: number): void {
    const sharpV = this.f.sharpV;
    if (sharpV) this.buf += v.typeName.replace(/^\*/, '');
    this.buf += '{';
    Object.keys(v.fields).forEach((name, i) => {
      if (i > 0) this.buf += sharpV ? ', ' : ' ';
      if (this.f.plusV || sharpV) this.buf += name + ':';
      this.printValue(v.fields[name], verb, depth + 1);
    });
    this.buf += '}';
  }

  private fmtPointer(v: GoValue, verb: string): void {
    const isPointer =
      (v instanceof GoStruct && v.typeName.startsWith('*')) || Array.isArray(v) || isMapValue(v);
    if (!isPointer || !['p', 'v', 'b', 'd', 'o', 'x', 'X'].includes(verb)) {
      this.badVerb(verb);
      return;
    }
    const nil = v instanceof GoStruct && v.nil;
    if (this.f.sharpV) {
      this.buf += `(${typeOf(v)})(${nil ? 'nil' : POINTER_TEXT})`;
    } else if (verb === 'v' && nil) {
      this.pad('<nil>');
    } else if (verb === 'p' || verb === 'v') {
      this.fmt0x64(nil ? 0n : BigInt(POINTER_TEXT), !this.f.sharp);
    } else {
      this.printInteger(nil ? 0n : BigInt(POINTER_TEXT), false, verb);
    }
  }

  /** `%!verb(type=value)`, or `%!verb(<nil>)`. */
  badVerb(verb: string): void {
    this.erroring = true;
    this.buf += '%!' + verb + '(';
    const arg = this.arg;
    if (this.hasArg) {
      this.buf += typeOf(arg) + '=';
      this.printArg(arg, 'v');
    } else this.buf += '<nil>';
    this.buf += ')';
    this.erroring = false;
  }
}

function isMapValue(v: GoValue): boolean {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    !(v instanceof GoInt) &&
    !(v instanceof GoFloat32)
  );
}
