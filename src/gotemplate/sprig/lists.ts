/**
 * Sprig's list functions. They accept any slice type (`[]string` from `splitList` too) and build
 * new `[]interface {}` lists; the input is never changed. On a value that is not a list the
 * `must*` forms return sprig's error and the others panic with the same words, which
 * text/template reports the same way; on nil, sprig dereferences a nil type and Go reports a
 * nil pointer dereference.
 */
import { toInt } from '../convert.js';
import {
  GO_TYPE,
  GoCallError,
  isEmpty,
  kindOf,
  nilSlice,
  typedSlice,
  type FuncMap,
  type GoSlice,
  type GoValue,
} from '../value.js';
import { ANY, BOOL, INT, goFunc, intArg } from './define.js';
import { deepEqual } from './reflection.js';

export const NIL_DEREFERENCE = 'runtime error: invalid memory address or nil pointer dereference';
const LIST = '[]interface {}';

/** The elements of a slice argument, or the error sprig gives for anything else. */
export function listItems(v: GoValue, message: (kind: string) => string): readonly GoValue[] {
  if (v === null || v === undefined) throw new GoCallError(NIL_DEREFERENCE);
  if (Array.isArray(v)) return v;
  throw new GoCallError(message(kindOf(v)));
}

const inList = (list: readonly GoValue[], needle: GoValue): boolean =>
  list.some((item) => deepEqual(needle, item));

function uniq(items: readonly GoValue[]): GoValue[] {
  const out: GoValue[] = [];
  for (const item of items) if (!inList(out, item)) out.push(item);
  return out;
}

/**
 * sprig's chunk sizes, computed in float64 as sprig does: a size that is zero or negative makes
 * Go's `make` fail.
 */
function chunk(size: number, items: readonly GoValue[]): GoSlice {
  const makeFails = (): never => {
    throw new GoCallError('runtime error: makeslice: len out of range');
  };
  const l = items.length;
  const count = Math.floor((l - 1) / size) + 1;
  if (!Number.isFinite(count) || count < 0) makeFails();
  const chunks: GoValue[] = [];
  for (let i = 0; i < count; i++) {
    let len = size;
    if (i === count - 1) len = Math.floor(l % size) || size;
    if (len < 0) makeFails();
    chunks.push(items.slice(i * size, i * size + len));
  }
  return typedSlice(chunks, '[][]interface {}');
}

/**
 * sprig's slice: `list[start:end]` of the same slice type, indexes cast to int. An empty list
 * gives nil. Go checks the end against the capacity, which `append` can leave above the
 * length; we check against the length.
 */
function slice(l: GoValue, indices: readonly GoValue[]): GoValue {
  const items = listItems(l, (k) => `list should be type of slice or array but ${k}`);
  if (items.length === 0) return null;
  const index = (v: GoValue): number => Number(toInt(v ?? null).value);
  const start = indices.length > 0 ? index(indices[0]) : 0;
  const end = indices.length < 2 ? items.length : index(indices[1]);
  if (start < 0 || end < start || end > items.length) {
    throw new GoCallError('reflect.Value.Slice: slice index out of bounds');
  }
  const part = items.slice(start, end);
  const type = (items as GoSlice)[GO_TYPE];
  return type === undefined ? part : typedSlice(part, type);
}

/** Declares a function and its `must` twin, which differ only in sprig's (error) result. */
function pair(
  name: string,
  params: readonly string[],
  result: string,
  fn: (...args: GoValue[]) => GoValue,
  variadic?: string,
): FuncMap {
  const must = 'must' + name[0]!.toUpperCase() + name.slice(1);
  return { [name]: goFunc(params, result, fn, variadic), [must]: goFunc(params, result, fn, variadic) };
}

export function listFuncs(): FuncMap {
  const list = goFunc([], LIST, (...v) => v, ANY);
  const push = (l: GoValue, v: GoValue): GoValue => [
    ...listItems(l, (k) => `Cannot push on type ${k}`),
    v ?? null,
  ];
  return {
    list,
    tuple: list,
    ...pair('append', [ANY, ANY], LIST, push),
    ...pair('push', [ANY, ANY], LIST, push),
    ...pair('prepend', [ANY, ANY], LIST, (l, v) => [
      v ?? null,
      ...listItems(l, (k) => `Cannot prepend on type ${k}`),
    ]),
    ...pair('first', [ANY], ANY, (l) => listItems(l, (k) => `Cannot find first on type ${k}`)[0] ?? null),
    ...pair('last', [ANY], ANY, (l) => listItems(l, (k) => `Cannot find last on type ${k}`).at(-1) ?? null),
    // sprig returns a nil []interface {} for an empty list (toJson prints null).
    ...pair('rest', [ANY], LIST, (l) => {
      const items = listItems(l, (k) => `Cannot find rest on type ${k}`);
      return items.length === 0 ? nilSlice() : items.slice(1);
    }),
    ...pair('initial', [ANY], LIST, (l) => {
      const items = listItems(l, (k) => `Cannot find initial on type ${k}`);
      return items.length === 0 ? nilSlice() : items.slice(0, -1);
    }),
    ...pair('reverse', [ANY], LIST, (l) =>
      [...listItems(l, (k) => `Cannot find reverse on type ${k}`)].reverse(),
    ),
    ...pair('compact', [ANY], LIST, (l) =>
      listItems(l, (k) => `Cannot compact on type ${k}`).filter((x) => !isEmpty(x)),
    ),
    ...pair('uniq', [ANY], LIST, (l) => uniq(listItems(l, (k) => `Cannot find uniq on type ${k}`))),
    ...pair(
      'without',
      [ANY],
      LIST,
      (l, ...omit) => listItems(l, (k) => `Cannot find without on type ${k}`).filter((x) => !inList(omit, x)),
      ANY,
    ),
    ...pair('has', [ANY, ANY], BOOL, (needle, haystack) => {
      if (haystack === null || haystack === undefined) return false;
      return inList(
        listItems(haystack, (k) => `Cannot find has on type ${k}`),
        needle ?? null,
      );
    }),
    ...pair('chunk', [INT, ANY], '[][]interface {}', (size, l) =>
      chunk(
        intArg(size),
        listItems(l, (k) => `Cannot chunk type ${k}`),
      ),
    ),
    ...pair('slice', [ANY], ANY, (l, ...indices) => slice(l, indices), ANY),
    // sprig appends to an unset slice: nothing to append leaves it nil.
    concat: goFunc(
      [],
      ANY,
      (...lists) => {
        const all = lists.flatMap((l) => listItems(l, (k) => `Cannot concat type ${k} as list`));
        return all.length === 0 ? nilSlice() : all;
      },
      ANY,
    ),
  };
}
