/**
 * `import-values` as helm v4 processes them (processDependencyImportValues, run with merge on
 * by ProcessDependencies after subcharts are enabled and before rendering). Bottom up, each chart
 * that lists dependencies gets new default values: its own values merged with its subcharts'
 * (nulls kept), with what the dependencies export merged under them. The chart's own values win
 * over imported ones, and an earlier import wins over a later one. Two forms:
 *
 * - `- data`: the child's `exports.data` table, merged at the parent's top level;
 * - `- {child: a.b, parent: c.d}`: the child's table `a.b`, merged at the parent's `c.d`
 *   (`parent: .` is the top level).
 *
 * A path that does not reach a table imports nothing (helm logs a warning). Dependencies are
 * named by alias when they have one. The import list of each dependency is rewritten to the
 * child/parent form, as `.Chart.Dependencies` then shows it.
 */
import type { JsonObject } from '../../core/json.js';
import { sprintf } from '../../gotemplate/fmt.js';
import type { ChartDependency } from '../../gotemplate/helm/chart.js';
import { getMapKey, isGoMap, newMap, setMapKey, type GoMap, type GoValue } from '../../gotemplate/value.js';
import type { Chart } from '../chart/types.js';
import { coalesceTables, copyMap, mergeChartValues } from './coalesce.js';

// Values.Table: the table at a dotted path, or undefined when any step is not a table.
function table(values: GoMap, path: string): GoMap | undefined {
  let cur: GoMap = values;
  for (const key of path.split('.')) {
    const next = getMapKey(cur, key);
    if (next === undefined || !isGoMap(next)) return undefined;
    cur = next;
  }
  return cur;
}

// pathToMap: `data` nested under the dotted path (`.` is the top level itself).
function pathToMap(path: string, data: GoMap): GoMap {
  if (path === '.') return data;
  let cur = data;
  for (const key of path.split('.').reverse()) {
    const outer: GoMap = {};
    setMapKey(outer, key, cur);
    cur = outer;
  }
  return cur;
}

function pair(child: string, parent: string): GoMap {
  const m = newMap('map[string]string');
  m.child = child;
  m.parent = parent;
  return m;
}

/** What one dependency's imports add (into `imported`), and its import list rewritten. */
function importsOf(dep: ChartDependency, values: GoMap, imported: GoMap): GoValue[] {
  const rewritten: GoValue[] = [];
  for (const entry of dep.importValues ?? []) {
    let found: GoMap | undefined;
    if (isGoMap(entry)) {
      // fmt.Sprintf("%v"): a missing key reads `<nil>`, a number its Go print.
      const child = sprintf('%v', [getMapKey(entry, 'child') ?? null]);
      const parent = sprintf('%v', [getMapKey(entry, 'parent') ?? null]);
      rewritten.push(pair(child, parent));
      const vv = table(values, `${dep.name}.${child}`);
      if (vv) found = pathToMap(parent, vv);
    } else if (typeof entry === 'string') {
      const child = `exports.${entry}`;
      rewritten.push(pair(child, '.'));
      found = table(values, `${dep.name}.${child}`);
    }
    // As helm, the tables are merged as they are, not copied: what is merged in later may
    // change them, and nothing but the result reads them afterwards.
    if (found) coalesceTables(imported, found, true);
  }
  return rewritten;
}

function processChart(chart: Chart): Chart {
  const reqs = chart.metadata.dependencies;
  if (!reqs || reqs.length === 0) return chart;
  const values = mergeChartValues(chart, {});
  const imported: GoMap = {};
  const dependencies = reqs.map((dep) =>
    dep.importValues ? { ...dep, importValues: importsOf(dep, values, imported) } : dep,
  );
  // Imports rank below the chart's own values: they fill in, the chart overrides.
  const merged = coalesceTables(copyMap(values), imported, true);
  return {
    ...chart,
    values: merged as JsonObject,
    metadata: { ...chart.metadata, dependencies },
  };
}

/**
 * The chart with each chart's defaults replaced as helm's import-values processing leaves them,
 * subcharts first. Pass the chart with its subcharts already enabled for the user's values.
 */
export function importValues(chart: Chart): Chart {
  const dependencies = chart.dependencies.map(importValues);
  return processChart({ ...chart, dependencies });
}
