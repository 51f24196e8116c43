/**
 * Sprig's dictionary functions on `map[string]interface {}`. `set`, `unset` and the merges change
 * their first argument in place and return it, as charts expect (`$_ := set $d "k" v`). Go
 * iterates maps in random order; where that order shows (`keys`, `values`) we use sorted keys
 * so that output is reproducible.
 */
import {
  GO_TYPE,
  GoCallError,
  getMapKey,
  isGoMap,
  isNilSlice,
  newMap,
  setMapKey,
  typeOf,
  typedSlice,
  type FuncMap,
  type GoMap,
  type GoSlice,
  type GoValue,
} from '../value.js';
import { strval } from '../convert.js';
import { ANY, BOOL, MAP, STRING, goFunc, strArg } from './define.js';
import { compareGoStrings } from './go-strings.js';
import { checkNesting } from './limits.js';
import { mergeInto } from './merge.js';

const LIST = '[]interface {}';

/** A map argument; the executor passes nil for a nil map. */
const mapArg = (v: GoValue): GoMap | undefined => (isGoMap(v) ? v : undefined);

const sortedKeys = (m: GoMap): string[] => Object.keys(m).sort(compareGoStrings);

/** A Go type assertion `v.(map[string]interface {})`, which a named map type fails. */
function assertPlainMap(v: GoValue): GoMap {
  if (isGoMap(v) && (v[GO_TYPE] ?? MAP) === MAP) return v;
  const type = v === null || v === undefined ? 'nil' : typeOf(v);
  throw new GoCallError(`interface conversion: interface {} is ${type}, not ${MAP}`);
}

function dig(args: GoValue[]): GoValue {
  if (args.length < 3) throw new GoCallError('dig needs at least three arguments');
  let map = assertPlainMap(args[args.length - 1]);
  const fallback = args[args.length - 2] ?? null;
  const keys = args.slice(0, -2).map((k) => {
    if (typeof k === 'string') return k;
    const type = k === null || k === undefined ? 'nil' : typeOf(k);
    throw new GoCallError(`interface conversion: interface {} is ${type}, not string`);
  });
  for (let i = 0; ; i++) {
    const key = keys[i]!;
    if (!Object.hasOwn(map, key)) return fallback;
    const step = getMapKey(map, key) ?? null;
    if (i === keys.length - 1) return step;
    map = assertPlainMap(step);
  }
}

/** copystructure.Copy: maps and lists are copied with their Go types; other values are shared. */
function deepCopy(v: GoValue, ancestors: Set<object> = new Set()): GoValue {
  if (v === undefined || v === null) {
    throw new GoCallError('reflect: call of reflect.Value.Type on zero Value');
  }
  // A nil slice copies as nil; it holds nothing to share.
  if ((!Array.isArray(v) && !isGoMap(v)) || isNilSlice(v)) return v;
  if (ancestors.has(v)) throw new GoCallError('deepCopy: the value contains itself');
  checkNesting(ancestors.size, 'deepCopy');
  ancestors.add(v);
  const copyOf = (x: GoValue): GoValue => (x === null || x === undefined ? null : deepCopy(x, ancestors));
  let out: GoValue;
  if (Array.isArray(v)) {
    const items = v.map(copyOf);
    const type = (v as GoSlice)[GO_TYPE];
    out = type === undefined ? items : typedSlice(items, type);
  } else {
    const map = newMap(v[GO_TYPE]);
    for (const key of Object.keys(v)) setMapKey(map, key, copyOf(getMapKey(v, key)));
    out = map;
  }
  ancestors.delete(v);
  return out;
}

function merge(overwrite: boolean) {
  return goFunc(
    [MAP],
    ANY,
    (d, ...srcs) => {
      const dst = mapArg(d) ?? newMap();
      for (const src of srcs) {
        const map = mapArg(src);
        if (map !== undefined) mergeInto(dst, map, overwrite);
      }
      return dst;
    },
    MAP,
  );
}

export function dictFuncs(): FuncMap {
  return {
    dict: goFunc(
      [],
      MAP,
      (...v) => {
        const map = newMap();
        for (let i = 0; i < v.length; i += 2) {
          setMapKey(map, strval(v[i]), i + 1 < v.length ? (v[i + 1] ?? null) : '');
        }
        return map;
      },
      ANY,
    ),
    get: goFunc([MAP, STRING], ANY, (d, k) => {
      const map = mapArg(d);
      return map !== undefined && Object.hasOwn(map, strArg(k)) ? (getMapKey(map, strArg(k)) ?? null) : '';
    }),
    set: goFunc([MAP, STRING, ANY], MAP, (d, k, v) => {
      const map = mapArg(d);
      if (map === undefined) throw new GoCallError('assignment to entry in nil map');
      setMapKey(map, strArg(k), v ?? null);
      return map;
    }),
    unset: goFunc([MAP, STRING], MAP, (d, k) => {
      const map = mapArg(d);
      if (map === undefined) return newMap();
      delete map[strArg(k)];
      return map;
    }),
    hasKey: goFunc([MAP, STRING], BOOL, (d, k) => {
      const map = mapArg(d);
      return map !== undefined && Object.hasOwn(map, strArg(k));
    }),
    pluck: goFunc(
      [STRING],
      LIST,
      (k, ...ds) =>
        ds.flatMap((d) => {
          const map = mapArg(d);
          return map !== undefined && Object.hasOwn(map, strArg(k))
            ? [getMapKey(map, strArg(k)) ?? null]
            : [];
        }),
      MAP,
    ),
    keys: goFunc(
      [],
      '[]string',
      (...ds) =>
        typedSlice(
          ds.flatMap((d) => (isGoMap(d) ? sortedKeys(d) : [])),
          '[]string',
        ),
      MAP,
    ),
    pick: goFunc(
      [MAP],
      MAP,
      (d, ...keys) => {
        const map = mapArg(d);
        const out = newMap();
        for (const key of keys.map(strArg)) {
          if (map !== undefined && Object.hasOwn(map, key)) setMapKey(out, key, getMapKey(map, key) ?? null);
        }
        return out;
      },
      STRING,
    ),
    omit: goFunc(
      [MAP],
      MAP,
      (d, ...keys) => {
        const map = mapArg(d);
        const drop = new Set(keys.map(strArg));
        const out = newMap();
        if (map === undefined) return out;
        for (const key of Object.keys(map)) {
          if (!drop.has(key)) setMapKey(out, key, getMapKey(map, key) ?? null);
        }
        return out;
      },
      STRING,
    ),
    values: goFunc([MAP], LIST, (d) => {
      const map = mapArg(d);
      return map === undefined ? [] : sortedKeys(map).map((k) => getMapKey(map, k) ?? null);
    }),
    merge: merge(false),
    mustMerge: merge(false),
    mergeOverwrite: merge(true),
    mustMergeOverwrite: merge(true),
    deepCopy: goFunc([ANY], ANY, (v) => deepCopy(v)),
    mustDeepCopy: goFunc([ANY], ANY, (v) => deepCopy(v)),
    dig: goFunc([], ANY, (...args) => dig(args), ANY),
  };
}
