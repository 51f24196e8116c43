/**
 * helm's coalescing of values (pkg/chart/common/util coalesce.go): user values over chart
 * defaults. A user `null` deletes the default; maps merge; lists and scalars replace; each
 * subchart's section gets the subchart's defaults and the parent's `global` (the parent wins).
 * Works on copies: chart defaults are never changed, so a chart can be rendered many times.
 */
import { getMapKey, isGoMap, setMapKey, type GoMap, type GoValue } from '../../gotemplate/value.js';
import type { Chart } from '../chart/types.js';

export const GLOBAL_KEY = 'global';

/** A deep copy of plain values (maps and lists; scalars are immutable). */
export function copyValue(v: GoValue): GoValue {
  if (Array.isArray(v)) return v.map(copyValue);
  if (isGoMap(v)) return copyMap(v);
  return v;
}

export function copyMap(m: GoMap): GoMap {
  const out: GoMap = {};
  for (const k of Object.keys(m)) setMapKey(out, k, copyValue(m[k]));
  return out;
}

const isTable = (v: GoValue): v is GoMap => isGoMap(v);

// coalesceTablesFullKey: `dst` has precedence; `src` fills what it lacks.
export function coalesceTables(dst: GoMap, src: GoMap, merge: boolean): GoMap {
  // A null in `dst` deletes only a key `src` had a value for: a null the user sets on a key the
  // defaults lack stays a null (helm v4).
  const hadValue = new Set(Object.keys(src).filter((key) => src[key] !== null));
  for (const key of Object.keys(dst)) {
    if (dst[key] === null) setMapKey(src, key, null);
  }
  for (const key of Object.keys(src)) {
    const val = src[key];
    const present = Object.hasOwn(dst, key);
    const dv = getMapKey(dst, key);
    if (present && !merge && dv === null && hadValue.has(key)) delete dst[key];
    else if (!present) setMapKey(dst, key, val);
    else if (isTable(val)) {
      if (isTable(dv)) coalesceTables(dv, val, merge);
    }
  }
  return dst;
}

function coalesceGlobals(dest: GoMap, src: GoMap): void {
  const dgRaw = getMapKey(dest, GLOBAL_KEY);
  const sgRaw = getMapKey(src, GLOBAL_KEY);
  if (dgRaw !== undefined && !isTable(dgRaw)) return;
  if (sgRaw !== undefined && !isTable(sgRaw)) return;
  const dg: GoMap = dgRaw ?? {};
  const sg: GoMap = sgRaw ?? {};
  for (const key of Object.keys(sg)) {
    const val = sg[key];
    if (isTable(val)) {
      const vv = copyMap(val);
      const destv = getMapKey(dg, key);
      if (destv === undefined) setMapKey(dg, key, vv);
      else if (isTable(destv)) {
        // Reversed on purpose: the parent's globals win over the subchart's.
        coalesceTables(vv, destv, true);
        setMapKey(dg, key, vv);
      }
    } else if (!isTable(getMapKey(dg, key))) setMapKey(dg, key, val);
  }
  setMapKey(dest, GLOBAL_KEY, dg);
}

function isChildChart(chart: Chart, key: string): boolean {
  return chart.dependencies.some((d) => d.metadata.name === key);
}

function coalesceValues(chart: Chart, v: GoMap, merge: boolean): void {
  const defaults = copyMap(chart.values as GoMap);
  for (const key of Object.keys(defaults)) {
    const val = defaults[key];
    if (Object.hasOwn(v, key)) {
      const value = v[key];
      if (value === null && !merge) delete v[key];
      else if (isTable(value) && isTable(val)) {
        coalesceTables(value, val, merge || isChildChart(chart, key));
      }
    } else setMapKey(v, key, val);
  }
}

function coalesceDeps(chart: Chart, dest: GoMap, merge: boolean): GoMap {
  for (const sub of chart.dependencies) {
    const name = sub.metadata.name;
    const existing = getMapKey(dest, name);
    if (existing === undefined) setMapKey(dest, name, {});
    else if (!isTable(existing)) throw new TypeError(`type mismatch on ${name}: ${typeof existing}`);
    const section = getMapKey(dest, name) as GoMap;
    coalesceGlobals(section, dest);
    setMapKey(dest, name, coalesceChart(sub, section, merge));
  }
  return dest;
}

function coalesceChart(chart: Chart, dest: GoMap, merge: boolean): GoMap {
  coalesceValues(chart, dest, merge);
  return coalesceDeps(chart, dest, merge);
}

/** CoalesceValues: `user` (copied) over the defaults of `chart` and its subcharts. */
export function coalesceChartValues(chart: Chart, user: GoMap): GoMap {
  return coalesceChart(chart, copyMap(user), false);
}

/** MergeValues: as {@link coalesceChartValues}, but nulls are kept for a later coalescing. */
export function mergeChartValues(chart: Chart, user: GoMap): GoMap {
  return coalesceChart(chart, copyMap(user), true);
}
