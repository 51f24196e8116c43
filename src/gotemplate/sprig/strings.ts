/**
 * Sprig's string functions. Parameter order follows sprig (the subject string last, so that
 * `"abc" | trunc 2` works), and each signature is Go's, so wrong argument types fail as in Go.
 */
import { newMap, setMapKey, typedSlice, type FuncMap, type GoValue } from '../value.js';
import { BOOL, INT, STRING, goFunc, intArg, strArg } from './define.js';
import {
  byteLength,
  byteSlice,
  checkSliceBounds,
  goRepeat,
  goReplaceAll,
  goSplitN,
  goTitle,
  goToLower,
  goToUpper,
  goTrim,
  goTrimSpace,
} from './go-strings.js';
import { checkLength } from './limits.js';
import { toCamelCase, toKebabCase, toSnakeCase } from './word-case.js';
import {
  abbreviateFull,
  deleteWhiteSpace,
  initials,
  swapCase,
  uncapitalize,
  wrapCustom,
} from './word-utils.js';

const S1 = [STRING];
const S2 = [STRING, STRING];

/** A `func(string) string`. */
const unary = (f: (s: string) => string) => goFunc(S1, STRING, (s) => f(strArg(s)));

/** A `func(a, b string) string` that sprig calls with the subject last. */
const binary = (f: (a: string, b: string) => string) => goFunc(S2, STRING, (a, b) => f(strArg(a), strArg(b)));

const test = (f: (a: string, b: string) => boolean) => goFunc(S2, BOOL, (a, b) => f(strArg(a), strArg(b)));

function trunc(c: number, s: string): string {
  const len = byteLength(s);
  if (c < 0 && len + c > 0) return byteSlice(s, len + c, len);
  if (c >= 0 && len > c) return byteSlice(s, 0, c);
  return s;
}

function substr(start: number, end: number, s: string): string {
  const len = byteLength(s);
  if (start < 0) {
    checkSliceBounds(len, undefined, end);
    return byteSlice(s, 0, end);
  }
  if (end < 0 || end > len) {
    checkSliceBounds(len, start, len);
    return byteSlice(s, start, len);
  }
  checkSliceBounds(len, start, end);
  return byteSlice(s, start, end);
}

function indent(spaces: number, v: string, what: string): string {
  const pad = goRepeat(' ', spaces, what);
  const lines = v.split('\n').length;
  checkLength(v.length + lines * pad.length, what);
  return pad + v.split('\n').join('\n' + pad);
}

function splitMap(parts: readonly string[]): GoValue {
  const map = newMap('map[string]string');
  parts.forEach((part, i) => setMapKey(map, `_${i}`, part));
  return map;
}

export function stringFuncs(): FuncMap {
  return {
    hello: goFunc([], STRING, () => 'Hello!'),
    abbrev: goFunc([INT, STRING], STRING, (w, s) => {
      const width = intArg(w);
      return width < 4 ? strArg(s) : abbreviateFull(strArg(s), 0, width);
    }),
    abbrevboth: goFunc([INT, INT, STRING], STRING, (l, r, s) => {
      const [left, right] = [intArg(l), intArg(r)];
      if (right < 4 || (left > 0 && right < 7)) return strArg(s);
      return abbreviateFull(strArg(s), left, right);
    }),
    trunc: goFunc([INT, STRING], STRING, (c, s) => trunc(intArg(c), strArg(s))),
    trim: unary(goTrimSpace),
    upper: unary(goToUpper),
    lower: unary(goToLower),
    title: unary(goTitle),
    untitle: unary(uncapitalize),
    substr: goFunc([INT, INT, STRING], STRING, (a, b, s) => substr(intArg(a), intArg(b), strArg(s))),
    repeat: goFunc([INT, STRING], STRING, (c, s) => goRepeat(strArg(s), intArg(c), 'repeat')),
    trimall: binary((a, b) => goTrim(b, a)),
    trimAll: binary((a, b) => goTrim(b, a)),
    trimSuffix: binary((a, b) => (b.endsWith(a) ? b.slice(0, b.length - a.length) : b)),
    trimPrefix: binary((a, b) => (b.startsWith(a) ? b.slice(a.length) : b)),
    nospace: unary(deleteWhiteSpace),
    initials: unary(initials),
    swapcase: unary(swapCase),
    snakecase: unary(toSnakeCase),
    camelcase: unary(toCamelCase),
    kebabcase: unary(toKebabCase),
    wrap: goFunc([INT, STRING], STRING, (l, s) => wrapCustom(strArg(s), intArg(l), '', false, 'wrap')),
    wrapWith: goFunc([INT, STRING, STRING], STRING, (l, sep, s) =>
      wrapCustom(strArg(s), intArg(l), strArg(sep), true, 'wrapWith'),
    ),
    contains: test((sub, s) => s.includes(sub)),
    hasPrefix: test((pre, s) => s.startsWith(pre)),
    hasSuffix: test((suf, s) => s.endsWith(suf)),
    indent: goFunc([INT, STRING], STRING, (n, v) => indent(intArg(n), strArg(v), 'indent')),
    nindent: goFunc([INT, STRING], STRING, (n, v) => '\n' + indent(intArg(n), strArg(v), 'nindent')),
    replace: goFunc([STRING, STRING, STRING], STRING, (o, n, s) =>
      goReplaceAll(strArg(s), strArg(o), strArg(n), 'replace'),
    ),
    plural: goFunc([STRING, STRING, INT], STRING, (one, many, n) =>
      intArg(n) === 1 ? strArg(one) : strArg(many),
    ),
    split: goFunc(S2, 'map[string]string', (sep, s) => splitMap(goSplitN(strArg(s), strArg(sep), -1))),
    splitList: goFunc(S2, '[]string', (sep, s) =>
      typedSlice(goSplitN(strArg(s), strArg(sep), -1), '[]string'),
    ),
    splitn: goFunc([STRING, INT, STRING], 'map[string]string', (sep, n, s) =>
      splitMap(goSplitN(strArg(s), strArg(sep), intArg(n))),
    ),
  };
}
