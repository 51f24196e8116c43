/**
 * Which subcharts take part in a render (helm's ProcessDependencies, enabled part): aliases
 * copy a subchart under a new name, then `tags` and `condition` (comma list, the first path
 * that resolves to a bool wins) enable or disable each, recursively. Every dependency listed
 * in Chart.yaml must be present under `charts/`.
 */
import { DiagnosticError } from '../../core/diagnostic.js';
import { getMapKey, isGoMap, type GoMap, type GoValue } from '../../gotemplate/value.js';
import { parseConstraint, satisfies, tryParseVersion } from '../../semver/index.js';
import type { ChartDependency } from '../../gotemplate/helm/chart.js';
import type { Chart } from '../chart/types.js';
import { coalesceChartValues } from './coalesce.js';

function compatible(constraint: string | undefined, version: string | undefined): boolean {
  if (!constraint) return false;
  try {
    const v = tryParseVersion(version ?? '');
    return v !== undefined && satisfies(parseConstraint(constraint), v);
  } catch {
    return false;
  }
}

// Values.PathValue: a dotted path to a value inside maps.
function pathValue(values: GoMap, path: string): GoValue {
  let cur: GoValue = values;
  for (const key of path.split('.')) {
    if (!isGoMap(cur)) return undefined;
    cur = getMapKey(cur, key);
  }
  return cur;
}

function enabledBy(dep: ChartDependency, values: GoMap, path: string): boolean {
  let enabled = true;
  const tags = getMapKey(values, 'tags');
  if (isGoMap(tags) && dep.tags && dep.tags.length > 0) {
    let hasTrue = false;
    let hasFalse = false;
    for (const t of dep.tags) {
      const b = getMapKey(tags, t);
      if (b === true) hasTrue = true;
      else if (b === false) hasFalse = true;
    }
    if (!hasTrue && hasFalse) enabled = false;
  }
  if (dep.condition) {
    for (const c of dep.condition.split(',')) {
      const v = pathValue(values, path + c.trim());
      if (typeof v === 'boolean') {
        enabled = v;
        break;
      }
    }
  }
  return enabled;
}

function missing(chart: Chart, names: string[]): DiagnosticError {
  return new DiagnosticError({
    rule: 'helm-chart-invalid',
    file: `${chart.source}/Chart.yaml`,
    message: `found in Chart.yaml, but missing in charts/ directory: ${names.join(', ')}`,
    hint: 'run `helm dependency build` on the chart, or vendor the subchart under charts/',
  });
}

/** The chart with its subcharts resolved (aliases applied, disabled ones removed) for `user`. */
export function enabledCharts(chart: Chart, user: GoMap, path = ''): Chart {
  const reqs = chart.metadata.dependencies ?? [];
  const absent = reqs
    .filter((r) => !chart.dependencies.some((d) => d.metadata.name === r.name))
    .map((r) => r.name);
  if (absent.length > 0) throw missing(chart, absent);
  const kept: Chart[] = chart.dependencies.filter(
    (d) => !reqs.some((r) => r.name === d.metadata.name && compatible(r.version, d.metadata.version)),
  );
  const renamed: ChartDependency[] = [];
  for (const req of reqs) {
    // As helm: a dependency without a version range matches no chart, so it is never aliased.
    const found = chart.dependencies.find(
      (d) => d.metadata.name === req.name && compatible(req.version, d.metadata.version),
    );
    const name = req.alias || req.name;
    if (found) kept.push({ ...found, metadata: { ...found.metadata, name } });
    renamed.push({ ...req, name, enabled: true });
  }
  const withAll: Chart = {
    ...chart,
    dependencies: kept,
    metadata: { ...chart.metadata, dependencies: renamed },
  };
  const values = coalesceChartValues(withAll, user);
  const off = new Set(renamed.filter((r) => !enabledBy(r, values, path)).map((r) => r.name));
  const deps = kept
    .filter((d) => !off.has(d.metadata.name))
    .map((d) => enabledCharts(d, values, `${path}${d.metadata.name}.`));
  return {
    ...withAll,
    dependencies: deps,
    metadata: { ...withAll.metadata, dependencies: renamed.filter((r) => !off.has(r.name)) },
  };
}
