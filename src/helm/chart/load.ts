/**
 * Builds a chart from its files as helm's loader does (pkg/chart/v2/loader LoadFiles):
 * Chart.yaml, values.yaml, values.schema.json, requirements.yaml for v1 charts, `templates/`,
 * `charts/*` (folders or archives, loaded recursively) and everything else as `.Files`.
 */
import { DiagnosticError } from '../../core/diagnostic.js';
import { isJsonObject, type JsonObject } from '../../core/json.js';
import { parseYaml11 } from '../../yaml/parse-yaml11.js';
import { DEFAULT_ARCHIVE_LIMITS, readChartArchive, type ArchiveLimits } from './archive.js';
import { parseChartMetadata } from './metadata.js';
import type { Chart, ChartFile } from './types.js';

export interface LoadOptions {
  limits?: ArchiveLimits;
  /** How deep `charts/` may nest (a guard against archives of archives). */
  maxDepth?: number;
}

const decoder = new TextDecoder();

function parseValues(data: Uint8Array, file: string): JsonObject {
  const doc = parseYaml11(decoder.decode(data), file, 'helm-values');
  if (doc === null) return {};
  if (!isJsonObject(doc)) {
    throw new DiagnosticError({
      rule: 'helm-values',
      file,
      message: 'values.yaml must be a YAML map',
      hint: 'make the top level of values.yaml a map',
    });
  }
  return doc;
}

function extension(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot);
}

/** A chart from its files (paths relative to the chart root). `source` names it in messages. */
export function loadChartFiles(
  files: readonly ChartFile[],
  source: string,
  options: LoadOptions = {},
  depth = 0,
): Chart {
  const maxDepth = options.maxDepth ?? 16;
  if (depth > maxDepth) {
    throw new DiagnosticError({
      rule: 'helm-chart-invalid',
      file: source,
      message: `subcharts nest more than ${maxDepth} levels deep`,
      hint: 'flatten the chart dependencies',
    });
  }
  const chartYaml = files.find((f) => f.name === 'Chart.yaml');
  if (!chartYaml) {
    throw new DiagnosticError({
      rule: 'helm-chart-invalid',
      file: source,
      message: 'Chart.yaml file is missing',
      hint: 'a chart needs a Chart.yaml at its root',
    });
  }
  const requirements = files.find((f) => f.name === 'requirements.yaml');
  const chartText = decoder.decode(chartYaml.data);
  const at = `${source}/Chart.yaml`;
  const isV1 = (parseChartMetadata(chartText, at).apiVersion ?? 'v1') === 'v1';
  const metadata = parseChartMetadata(
    chartText,
    at,
    requirements ? decoder.decode(requirements.data) : undefined,
  );
  const chart: Chart = { metadata, values: {}, templates: [], files: [], dependencies: [], source };
  const subcharts = new Map<string, ChartFile[]>();
  for (const f of files) {
    const n = f.name;
    if (n === 'Chart.yaml' || n === 'Chart.lock') continue;
    if (n === 'values.yaml') chart.values = parseValues(f.data, `${source}/values.yaml`);
    else if (n === 'values.schema.json') chart.schema = f.data;
    else if (n === 'requirements.yaml' || n === 'requirements.lock') {
      if (isV1) chart.files.push(f);
    } else if (n.startsWith('templates/')) chart.templates.push(f);
    else if (n.startsWith('charts/') && extension(n) !== '.prov') {
      const rest = n.slice('charts/'.length);
      const slash = rest.indexOf('/');
      const key = slash < 0 ? rest : rest.slice(0, slash);
      const list = subcharts.get(key) ?? [];
      list.push({ name: slash < 0 ? rest : rest.slice(slash + 1), data: f.data });
      subcharts.set(key, list);
    } else chart.files.push(f);
  }
  for (const [name, list] of subcharts) {
    if (name.startsWith('_') || name.startsWith('.')) continue;
    const where = `${source}/charts/${name}`;
    if (extension(name) === '.tgz') {
      const archive = list.find((f) => f.name === name);
      if (archive) chart.dependencies.push(loadChartArchive(archive.data, where, options, depth + 1));
    } else {
      // Files directly in charts/ that are not archives are no charts.
      const inside = list.filter((f) => f.name !== name);
      if (inside.length > 0) chart.dependencies.push(loadChartFiles(inside, where, options, depth + 1));
    }
  }
  return chart;
}

/** A chart from a `.tgz` (`helm package` output). */
export function loadChartArchive(
  bytes: Uint8Array,
  source: string,
  options: LoadOptions = {},
  depth = 0,
): Chart {
  const { files } = readChartArchive(bytes, source, options.limits ?? DEFAULT_ARCHIVE_LIMITS);
  return loadChartFiles(
    [...files].map(([name, data]) => ({ name, data })),
    source,
    options,
    depth,
  );
}
