/**
 * Go's `newNumber`: a numeric literal is parsed once and kept under every type that can hold it
 * (int64, uint64, float64, complex128), which is how text/template imitates Go's untyped
 * constants: `2` fits an int or a float64 parameter, `2.5` only a float.
 */
import { quote } from './go-quote.js';
import type { NumberNode } from './nodes.js';
import { parseFloat64, parseInt64, parseUint64, SYNTAX_ERROR, unquoteChar } from './strconv.js';

const TWO_63 = 2 ** 63;
const TWO_64 = 2 ** 64;

function fitsInt64(f: number): boolean {
  return Number.isInteger(f) && f >= -TWO_63 && f < TWO_63;
}

function fitsUint64(f: number): boolean {
  return Number.isInteger(f) && f >= 0 && f < TWO_64;
}

function simplifyComplex(n: NumberNode): void {
  const [re, im] = n.complex;
  n.isFloat = im === 0;
  if (!n.isFloat) return;
  n.float64 = re;
  n.isInt = fitsInt64(re);
  if (n.isInt) n.int64 = BigInt(re);
  n.isUint = fitsUint64(re);
  if (n.isUint) n.uint64 = BigInt(re);
}

/** `1+2i` or `1.5-2e3i`: the real and imaginary parts, as fmt.Sscan reads a complex128. */
function parseComplex(text: string): [number, number] | undefined {
  const body = text.startsWith('(') && text.endsWith(')') ? text.slice(1, -1) : text;
  for (let i = body.length - 2; i > 0; i--) {
    const c = body[i];
    if ((c === '+' || c === '-') && !'eEpP'.includes(body[i - 1] as string)) {
      const re = parseFloat64(body.slice(0, i));
      const im = parseFloat64(body.slice(i, -1));
      if (re === undefined || im === undefined || !body.endsWith('i')) return undefined;
      return [re, im];
    }
  }
  return undefined;
}

/** A NumberNode for a number, character or complex literal, or Go's error text. */
export function newNumber(
  pos: number,
  text: string,
  kind: 'number' | 'char' | 'complex',
): NumberNode | string {
  const n: NumberNode = {
    kind: 'number',
    pos,
    text,
    isInt: false,
    isUint: false,
    isFloat: false,
    isComplex: false,
    int64: 0n,
    uint64: 0n,
    float64: 0,
    complex: [0, 0],
  };
  if (kind === 'char') {
    const r = unquoteChar(text, 1, "'");
    if (r === undefined) return SYNTAX_ERROR;
    if (text.slice(r.next) !== "'") return `malformed character constant: ${text}`;
    n.int64 = n.uint64 = BigInt(r.value);
    n.float64 = r.value;
    n.isInt = n.isUint = n.isFloat = true;
    return n;
  }
  if (kind === 'complex') {
    const c = parseComplex(text);
    if (c === undefined) return `illegal number syntax: ${quote(text)}`;
    n.complex = c;
    n.isComplex = true;
    simplifyComplex(n);
    return n;
  }
  // Imaginary constants can only be complex unless they are zero.
  if (text.endsWith('i')) {
    const f = parseFloat64(text.slice(0, -1));
    if (f !== undefined) {
      n.isComplex = true;
      n.complex = [0, f];
      simplifyComplex(n);
      return n;
    }
  }
  const u = parseUint64(text);
  if (u !== undefined) {
    n.isUint = true;
    n.uint64 = u;
  }
  const i = parseInt64(text);
  if (i !== undefined) {
    n.isInt = true;
    n.int64 = i;
    if (i === 0n) {
      n.isUint = true;
      n.uint64 = u ?? 0n;
    }
  }
  if (n.isInt) {
    n.isFloat = true;
    n.float64 = Number(n.int64);
  } else if (n.isUint) {
    n.isFloat = true;
    n.float64 = Number(n.uint64);
  } else {
    const f = parseFloat64(text);
    if (f !== undefined) {
      // Parsed as a float but looks like an integer: too large for any integer type.
      if (!/[.eEpP]/.test(text)) return `integer overflow: ${quote(text)}`;
      n.isFloat = true;
      n.float64 = f;
      if (fitsInt64(f)) {
        n.isInt = true;
        n.int64 = BigInt(f);
      }
      if (fitsUint64(f)) {
        n.isUint = true;
        n.uint64 = BigInt(f);
      }
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) return `illegal number syntax: ${quote(text)}`;
  return n;
}
