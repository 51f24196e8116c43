/**
 * The string operators of Flux's envsubst (fluxcd/pkg envsubst/funcs.go), on byte strings so
 * lengths and offsets count UTF-8 bytes as Go does. Not bash: `:+` and `:?` act like `:-`,
 * replacements are literal (not glob), and unknown operators return the value unchanged.
 */
import { decodeRune, encodeRune, fromRunes, runeCount, runes } from './bytes.js';
import { BadPatternError, globMatch } from './glob.js';

/** Operators that supply their own value for an unset variable (exempt from strict mode). */
export function isDefaultOp(op: string): boolean {
  return ['-', '+', '=', '?', ':-', ':+', ':=', ':?'].includes(op);
}

/** Thrown where upstream Go code panics; the caller reports it as a substitution error. */
export class EnvsubstPanic extends Error {}

/** Applies operator `op` to value `v` with evaluated operands `args`. */
export function applyOperator(op: string, v: string, args: string[]): string {
  switch (op) {
    case ',':
      return mapFirstRune(v, lowerRune);
    case ',,':
      return mapRunes(v, lowerRune);
    case '^':
      return mapFirstRune(v, upperRune);
    case '^^':
      return mapRunes(v, upperRune);
    case '#':
      return args.length === 0 ? String(v.length) : trimShortest(v, args[0] as string);
    case '##':
      return trimLongest(v, args[0] as string);
    case '%':
      return reverse(trimShortest(reverse(v), reverse(args[0] as string)));
    case '%%':
      return reverse(trimLongest(reverse(v), reverse(args[0] as string)));
    case ':':
      return substring(v, args);
    case '/#':
      return args.length === 2 && v.startsWith(args[0] as string)
        ? goReplace(v, args[0] as string, args[1] as string, 1)
        : v;
    case '/%':
      return args.length === 2 && v.endsWith(args[0] as string)
        ? v.slice(0, v.length - (args[0] as string).length) + (args[1] as string)
        : v;
    case '/':
      return goReplace(v, args[0] as string, args[1] ?? '', 1);
    case '//':
      return goReplace(v, args[0] as string, args[1] ?? '', -1);
    default:
      // '', the default family, and odd scans such as '^,': value, or the joined default if empty.
      return v === '' && args.length > 0 ? args.join('') : v;
  }
}

// Go's unicode.ToLower/ToUpper are one-rune mappings; JS's full mappings may expand (ß → SS).
function upperRune(r: number): number {
  const u = [...String.fromCodePoint(r).toUpperCase()];
  return u.length === 1 ? ((u[0] as string).codePointAt(0) as number) : r;
}

function lowerRune(r: number): number {
  if (r === 0x130) return 0x69; // İ: the simple mapping is 'i' (JS's full mapping gives 'i̇')
  const l = [...String.fromCodePoint(r).toLowerCase()];
  return l.length === 1 ? ((l[0] as string).codePointAt(0) as number) : r;
}

function mapRunes(v: string, f: (r: number) => number): string {
  return fromRunes(runes(v).map(f));
}

function mapFirstRune(v: string, f: (r: number) => number): string {
  if (v === '') return v;
  const [r, n] = decodeRune(v, 0);
  return encodeRune(f(r)) + v.slice(n);
}

function reverse(v: string): string {
  return fromRunes(runes(v).reverse());
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Go's strconv.Atoi; undefined when it fails. */
function atoi(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n < INT64_MIN || n > INT64_MAX ? undefined : n;
}

/** `${v:pos}` / `${v:pos:len}` by bytes; unparsable numbers leave the value unchanged. */
function substring(v: string, args: string[]): string {
  const size = BigInt(v.length);
  let pos = atoi(args[0] as string);
  if (pos === undefined) return v;
  if (pos < 0n) {
    pos += size;
    if (pos < 0n) pos = 0n;
  }
  if (args.length === 1) return pos < size ? v.slice(Number(pos)) : '';
  const length = atoi(args[1] as string);
  if (length === undefined) return v;
  const end = BigInt.asIntN(64, pos + length);
  if (end >= size) return pos < size ? v.slice(Number(pos)) : '';
  if (end < pos) {
    // kustomize-controller v1.9's envsubst slices s[pos:pos+len] here and panics.
    throw new EnvsubstPanic(
      `slice bounds out of range [${pos}:${end}] (negative substring length ${length})`,
    );
  }
  return v.slice(Number(pos), Number(end));
}

/** Go's strings.Replace(s, old, repl, n); an empty `old` inserts at rune boundaries. */
function goReplace(s: string, old: string, repl: string, n: number): string {
  if (old === repl || n === 0) return s;
  const count = old === '' ? runeCount(s) + 1 : countOccurrences(s, old);
  if (count === 0) return s;
  const times = n < 0 || count < n ? count : n;
  let out = '';
  let start = 0;
  for (let i = 0; i < times; i++) {
    let j = start;
    if (old === '') {
      if (i > 0) j += decodeRune(s, start)[1];
    } else {
      j = s.indexOf(old, start);
    }
    out += s.slice(start, j) + repl;
    start = j + old.length;
  }
  return out + s.slice(start);
}

function countOccurrences(s: string, sub: string): number {
  let n = 0;
  for (let i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length)) n++;
  return n;
}

/** Removes the shortest non-empty prefix matching `pattern`. */
function trimShortest(s: string, pattern: string): string {
  let shortest = '';
  try {
    for (let i = 0; i < s.length; i++) {
      const prefix = s.slice(0, s.length - i);
      if (globMatch(pattern, prefix)) shortest = prefix;
    }
  } catch (e) {
    if (e instanceof BadPatternError) return s;
    throw e;
  }
  return s.slice(shortest.length);
}

/** Removes the longest prefix matching `pattern`. */
function trimLongest(s: string, pattern: string): string {
  try {
    for (let i = 0; i < s.length; i++) {
      if (globMatch(pattern, s.slice(0, s.length - i))) return s.slice(s.length - i);
    }
  } catch (e) {
    if (e instanceof BadPatternError) return s;
    throw e;
  }
  return s;
}
