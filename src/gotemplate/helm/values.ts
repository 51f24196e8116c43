/**
 * `.Values` as helm hands it to templates: a `common.Values`, a named map type with methods
 * (`.Values.AsMap`, `.Values.Table "a.b"`, `.Values.PathValue "a.b"`, `.Values.YAML`). Templates
 * look a name up as a method before a map key, so these win over values of the same name.
 */
import {
  GoCallError,
  getMapKey,
  isGoMap,
  newMap,
  setMapKey,
  typeOf,
  withMethods,
  type GoFunc,
  type GoMap,
  type GoValue,
} from '../value.js';
import { marshalYaml } from './to-yaml.js';

const VALUES_TYPE = 'common.Values';

function method(params: string[], result: string, fn: GoFunc['fn']): GoFunc {
  return { params, result, fn };
}

function copyInto(target: GoMap, source: GoMap): GoMap {
  for (const k of Object.keys(source)) setMapKey(target, k, source[k]);
  return target;
}

// Only a plain map[string]interface {} is a table (helm's istable).
const isTable = (v: GoValue): v is GoMap => isGoMap(v) && typeOf(v) === 'map[string]interface {}';

function table(values: GoMap, name: string): GoMap {
  let current = values;
  for (const key of name.split('.')) {
    const next = getMapKey(current, key);
    if (!isTable(next)) throw new GoCallError(`${JSON.stringify(key)} is not a table`);
    current = next;
  }
  return makeValues(current);
}

function pathValue(values: GoMap, path: string): GoValue {
  if (path === '') throw new GoCallError('YAML path cannot be empty');
  const keys = path.split('.');
  const last = keys.pop()!;
  let current: GoMap;
  try {
    current = keys.length === 0 ? values : table(values, keys.join('.'));
  } catch {
    throw new GoCallError(`${JSON.stringify(last)} is not a value`);
  }
  const v = getMapKey(current, last);
  if (!Object.hasOwn(current, last) || isTable(v))
    throw new GoCallError(`${JSON.stringify(last)} is not a value`);
  return v ?? null;
}

/** A `common.Values` holding the keys of `values` (a shallow copy: nested maps are shared). */
export function makeValues(values: GoMap): GoMap {
  const out = copyInto(newMap(VALUES_TYPE), values);
  return withMethods(out, {
    // The same map as a map[string]interface {}: what `dig`, `hasKey` and friends accept. A copy of
    // the keys at the time of the call, so `set` on `.Values` before it is seen.
    AsMap: method([], 'map[string]interface {}', () => copyInto(newMap(), out)),
    Table: method(['string'], VALUES_TYPE, (name) => table(out, name as string)),
    PathValue: method(['string'], 'interface {}', (path) => pathValue(out, path as string)),
    YAML: method([], 'string', () => {
      try {
        return `${marshalYaml(out)}\n`;
      } catch (e) {
        throw new GoCallError((e as Error).message);
      }
    }),
  });
}
