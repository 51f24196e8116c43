/**
 * Sprig's conversions to strings and string lists. `toString` is sprig's strval: a string as
 * is, an error or Stringer through its method, anything else as `fmt.Sprintf("%v")` prints it
 * (`toString 1000000.0` is `1e+06`, `toString nil` is `<nil>`); `quote`, `squote`, `cat`, `join`
 * and `sortAlpha` print their operands the same way.
 */
import { strval } from '../convert.js';
import { sprint, sprintf } from '../fmt.js';
import { isNilSlice, nilSlice, typeOf, typedSlice, type FuncMap, type GoValue } from '../value.js';
import { ANY, INT, STRING, goFunc, goInt64Of, goIntOf, strArg } from './define.js';
import { compareGoStrings } from './go-strings.js';
import { checkLength } from './limits.js';

/** sprig's strslice: the elements of a list as strings, nil elements dropped. */
export function strslice(v: GoValue): string[] {
  if (Array.isArray(v)) return v.filter((x) => x !== null && x !== undefined).map(strval);
  if (v === null || v === undefined) return [];
  return [strval(v)];
}

const MAX_INT64 = (1n << 63n) - 1n;
const MIN_INT64 = -(1n << 63n);

/**
 * strconv.Atoi as sprig wraps it (errors ignored): a syntax error gives 0, an out-of-range
 * number the nearest int64.
 */
export function atoi(s: string): bigint {
  const m = /^([+-]?)([0-9]+)$/.exec(s);
  if (m === null) return 0n;
  const n = BigInt(m[2]!) * (m[1] === '-' ? -1n : 1n);
  return n > MAX_INT64 ? MAX_INT64 : n < MIN_INT64 ? MIN_INT64 : n;
}

/** sprig's toDecimal: the value printed, then read as an octal int64; 0 when that fails. */
export function octal(v: GoValue): bigint {
  const m = /^([+-]?)([0-7]+)$/.exec(sprint([v ?? null]));
  if (m === null) return 0n;
  const n = BigInt('0o' + m[2]!) * (m[1] === '-' ? -1n : 1n);
  return n > MAX_INT64 || n < MIN_INT64 ? 0n : n;
}

function join(sep: string, v: GoValue): string {
  const parts = strslice(v);
  checkLength(parts.reduce((n, p) => n + p.length, 0) + sep.length * Math.max(parts.length - 1, 0), 'join');
  return parts.join(sep);
}

/** sprig's sortAlpha: a list's elements as strings, sorted; anything else as a one-string list. */
function sortAlpha(v: GoValue): GoValue {
  const items = Array.isArray(v) ? strslice(v) : [strval(v)];
  return stringList(v, items.sort(compareGoStrings));
}

/** strslice hands a `[]string` back as it is, so a nil one stays nil (toJson prints null). */
const stringList = (v: GoValue, items: string[]): GoValue =>
  isNilSlice(v) && typeOf(v) === '[]string' ? nilSlice('[]string') : typedSlice(items, '[]string');

const present = (v: readonly GoValue[]): GoValue[] => v.filter((x) => x !== null && x !== undefined);

export function conversionFuncs(): FuncMap {
  return {
    quote: goFunc(
      [],
      STRING,
      (...v) =>
        present(v)
          .map((x) => sprintf('%q', [strval(x)]))
          .join(' '),
      ANY,
    ),
    squote: goFunc(
      [],
      STRING,
      (...v) =>
        present(v)
          .map((x) => sprintf("'%v'", [x]))
          .join(' '),
      ANY,
    ),
    cat: goFunc(
      [],
      STRING,
      (...v) => {
        const items = present(v);
        return sprintf(items.map(() => '%v').join(' '), items);
      },
      ANY,
    ),
    toString: goFunc([ANY], STRING, (v) => strval(v)),
    toStrings: goFunc([ANY], '[]string', (v) => stringList(v, strslice(v))),
    atoi: goFunc([STRING], INT, (s) => goIntOf(atoi(strArg(s)))),
    toDecimal: goFunc([ANY], 'int64', (v) => goInt64Of(octal(v))),
    join: goFunc([STRING, ANY], STRING, (sep, v) => join(strArg(sep), v)),
    sortAlpha: goFunc([ANY], '[]string', (v) => sortAlpha(v)),
  };
}
