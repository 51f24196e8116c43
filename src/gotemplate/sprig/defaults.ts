/**
 * Sprig's default and flow-control functions. "Empty" is Go's zero value (`0`, `0.0`, `false`,
 * `""`, nil, an empty list or map), so `default "d" 0` gives `d` and `empty (list 0)` is false.
 */
import { GoCallError, isEmpty, type FuncMap, type GoValue } from '../value.js';
import { ANY, BOOL, STRING, goFunc, strArg } from './define.js';

const nil = (v: GoValue): GoValue => v ?? null;

export function defaultFuncs(): FuncMap {
  return {
    default: goFunc(
      [ANY],
      ANY,
      (d, ...given) => (given.length === 0 || isEmpty(given[0]) ? nil(d) : nil(given[0])),
      ANY,
    ),
    empty: goFunc([ANY], BOOL, (v) => isEmpty(v)),
    coalesce: goFunc([], ANY, (...v) => v.find((x) => !isEmpty(x)) ?? null, ANY),
    all: goFunc([], BOOL, (...v) => v.every((x) => !isEmpty(x)), ANY),
    any: goFunc([], BOOL, (...v) => v.some((x) => !isEmpty(x)), ANY),
    ternary: goFunc([ANY, ANY, BOOL], ANY, (t, f, v) => nil(v === true ? t : f)),
    fail: goFunc([STRING], STRING, (msg) => {
      throw new GoCallError(strArg(msg));
    }),
  };
}
