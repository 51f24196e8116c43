/**
 * mergo v1.0 semantics, as sprig's `merge` (`mergo.Merge`) and `mergeOverwrite`
 * (`mergo.MergeWithOverwrite`) use them on `map[string]interface {}`:
 * - the destination is changed in place and returned (charts rely on `$_ := merge $a $b`);
 * - `merge` fills missing keys and keys whose value is Go's zero value (`0`, `""`, `false`, nil,
 *   empty list or map); `mergeOverwrite` replaces every key the source has, nil included;
 * - nested maps merge key by key (the destination's nested map is changed in place, and a
 *   source map stored under a missing key is shared, not copied);
 * - a source list replaces an empty destination value, or any value when overwriting.
 */
import {
  GO_TYPE,
  GoCallError,
  getMapKey,
  isEmpty,
  isGoMap,
  setMapKey,
  typeOf,
  typedSlice,
  type GoMap,
  type GoValue,
} from '../value.js';
import { checkNesting } from './limits.js';

const ANY = 'interface {}';

/** The element type of a map type such as `map[string]string`; `interface {}` for named maps. */
function elemType(map: GoMap): string {
  const type = map[GO_TYPE];
  return type?.startsWith('map[string]') ? type.slice('map[string]'.length) : ANY;
}

/**
 * reflect's SetMapIndex: a value must be assignable to the map's element type. `staticType` is
 * the type the value is held as (a source map's element type, or its own type).
 */
function assign(dst: GoMap, key: string, value: GoValue, staticType: string): void {
  const want = elemType(dst);
  if (want !== ANY && staticType !== want) {
    throw new GoCallError(
      `reflect.Value.SetMapIndex: value of type ${staticType} is not assignable to type ${want}`,
    );
  }
  setMapKey(dst, key, value);
}

/** Merges `src` into `dst` in place, as mergo's deepMerge does for two maps. */
export function mergeInto(dst: GoMap, src: GoMap, overwrite: boolean, depth = 0): void {
  checkNesting(depth, 'merge');
  const srcElem = elemType(src);
  for (const key of Object.keys(src)) {
    const s = getMapKey(src, key) ?? null;
    const had = Object.hasOwn(dst, key);
    const d = had ? getMapKey(dst, key) : undefined;
    if (s === null) {
      if (overwrite) assign(dst, key, null, srcElem);
      continue;
    }
    if (isGoMap(s)) {
      if (had && isGoMap(d) && d !== s) mergeInto(d, s, overwrite, depth + 1);
    } else if (Array.isArray(s)) {
      // mergo decides on the whole maps here: the source list wins when overwriting or when the
      // destination map is empty; otherwise the destination keeps its value, or gets an empty
      // list of the source's type that the rule below then replaces.
      let list: GoValue = had && d !== null && d !== undefined ? d : typedSlice([], typeOf(s));
      if (overwrite || Object.keys(dst).length === 0) list = s;
      assign(dst, key, list, typeOf(list));
    }
    // A non-empty destination keeps its list, and its map (merged above), in both modes.
    if (had && !isEmpty(d) && (Array.isArray(s) || (isGoMap(s) && isGoMap(d)))) continue;
    if (overwrite || !had || isEmpty(d)) assign(dst, key, s, srcElem);
  }
}
