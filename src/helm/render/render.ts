/**
 * Renders a chart as `helm template` does: subcharts resolved for the values, values
 * coalesced, every non-partial template executed with `.Values`, `.Release`, `.Chart`,
 * `.Capabilities`, `.Files`, `.Subcharts` and `.Template`, `<no value>` removed, NOTES.txt
 * dropped, documents sorted in install order. Prepare a chart once and render it many times:
 * its parsed templates are reused.
 *
 * Deep `include` chains need a large stack: run renders on a worker thread (4 MB stack), as
 * helm's include limit of 1000 levels cannot be reached on the main thread's default stack.
 */
import { DiagnosticError } from '../../core/diagnostic.js';
import { makeCapabilities } from '../../gotemplate/helm/capabilities.js';
import { makeChart } from '../../gotemplate/helm/chart.js';
import { reformatExecError } from '../../gotemplate/helm/errors.js';
import { makeFiles } from '../../gotemplate/helm/files.js';
import { makeRelease, makeTemplateObject } from '../../gotemplate/helm/release.js';
import { makeValues } from '../../gotemplate/helm/values.js';
import { TemplateError } from '../../gotemplate/template.js';
import { getMapKey, isGoMap, newMap, setMapKey, type GoMap } from '../../gotemplate/value.js';
import { parseConstraint, satisfies, tryParseVersion } from '../../semver/index.js';
import type { Chart } from '../chart/types.js';
import { coalesceChartValues } from '../values/coalesce.js';
import { enabledCharts } from '../values/dependencies.js';
import { importValues } from '../values/import-values.js';
import { validateChartValues } from '../values/schema/index.js';
import { printTemplateOutput, sortManifests, type Manifest } from './manifests.js';
import { chartPaths, isPartial, parseOrder, renderables, TemplateSetCache } from './template-set.js';

export interface PreparedChart {
  chart: Chart;
  sets: TemplateSetCache;
}

export interface RenderOptions {
  releaseName: string;
  namespace: string;
  /** Default: helm's v1.35.0. */
  kubeVersion?: string;
  apiVersions?: readonly string[];
  /** Print the root chart's and enabled subcharts' `crds/` files first (`--include-crds`). */
  includeCrds?: boolean;
  /** Do not check values against values.schema.json (values holding placeholders would fail it). */
  skipSchemaValidation?: boolean;
}

export interface RenderResult {
  manifests: Manifest[];
  hooks: Manifest[];
  crds: Manifest[];
  /** The root chart's rendered NOTES.txt, if any. */
  notes: string;
  /** Exactly what `helm template` prints. */
  text: string;
}

/** Keeps the chart for repeated renders. */
export function prepareChart(chart: Chart): PreparedChart {
  return { chart, sets: new TemplateSetCache() };
}

function renderError(file: string, message: string, hint: string): DiagnosticError {
  return new DiagnosticError({ rule: 'helm-render', file, message, hint });
}

function checkKubeVersion(chart: Chart, kubeVersion: string): void {
  const constraint = chart.metadata.kubeVersion;
  if (!constraint) return;
  const v = tryParseVersion(kubeVersion);
  let ok = false;
  try {
    ok = v !== undefined && satisfies(parseConstraint(constraint), v);
  } catch {
    ok = false;
  }
  if (!ok) {
    throw renderError(
      `${chart.source}/Chart.yaml`,
      `chart requires kubeVersion: ${constraint} which is incompatible with Kubernetes ${kubeVersion}`,
      'render for a Kubernetes version the chart supports',
    );
  }
}

function filesOf(chart: Chart): Map<string, Uint8Array> {
  return new Map(chart.files.map((f) => [f.name, f.data]));
}

/** Builds each chart's top-level object as helm's recAllTpls does (`.Values` scoped by name). */
function contexts(root: Chart, values: GoMap, common: GoMap): GoMap[] {
  const out: GoMap[] = [];
  const walk = (chart: Chart, parentValues: GoMap | undefined): GoMap => {
    const own = parentValues === undefined ? values : getMapKey(parentValues, chart.metadata.name);
    const subcharts = newMap();
    const top = newMap();
    top.Chart = makeChart(chart.metadata, parentValues === undefined);
    top.Files = makeFiles(filesOf(chart));
    top.Release = common.Release;
    top.Capabilities = common.Capabilities;
    top.Values = makeValues(isGoMap(own) ? own : newMap());
    top.Subcharts = subcharts;
    out.push(top);
    for (const dep of chart.dependencies)
      setMapKey(subcharts, dep.metadata.name, walk(dep, top.Values as GoMap));
    return top;
  };
  walk(root, undefined);
  return out;
}

/** Renders `prepared` with user values `user` (a parsed values file; `{}` for none). */
export function renderChart(prepared: PreparedChart, user: GoMap, options: RenderOptions): RenderResult {
  const kubeVersion = options.kubeVersion ?? 'v1.35.0';
  const kv = kubeVersion.startsWith('v') ? kubeVersion : `v${kubeVersion}`;
  const chart = importValues(enabledCharts(prepared.chart, user));
  const values = coalesceChartValues(chart, user);
  // As helm: values are checked against the schemas before the chart's kubeVersion.
  if (!options.skipSchemaValidation) validateChartValues(chart, values);
  checkKubeVersion(prepared.chart, kv);
  const common = newMap();
  common.Release = makeRelease({
    name: options.releaseName,
    namespace: options.namespace,
    isInstall: true,
    revision: 1,
  });
  common.Capabilities = makeCapabilities({ kubeVersion: kv, apiVersions: options.apiVersions });
  const tops = contexts(chart, values, common);
  const list = renderables(chart);
  const set = prepared.sets.get(list, `${options.releaseName}/${options.namespace}`);
  const rendered = new Map<string, string>();
  const rootNotes = `${chart.metadata.name}/templates/NOTES.txt`;
  let notes = '';
  // helm executes in its parse order, not path order: it decides which failure is reported and
  // what a template sees of values an earlier one changed.
  const byName = new Map(list.map((r) => [r.name, r]));
  for (const name of parseOrder([...byName.keys()])) {
    const r = byName.get(name)!;
    if (isPartial(r.name)) continue;
    const top = tops[r.chartIndex]!;
    top.Template = makeTemplateObject(r.name, r.basePath);
    let output: string;
    try {
      output = set.execute(r.name, top);
    } catch (e) {
      if (e instanceof TemplateError)
        throw renderError(r.name, reformatExecError(e, r.name), 'fix the values or the template');
      throw e;
    }
    output = output.replaceAll('<no value>', '');
    if (r.name.endsWith('NOTES.txt')) {
      if (r.name === rootNotes) notes = output;
      continue;
    }
    rendered.set(r.name, output);
  }
  const { manifests, hooks } = sortManifests(rendered);
  const crds = options.includeCrds ? crdManifests(chart) : [];
  return { manifests, hooks, crds, notes, text: printTemplateOutput(manifests, hooks, crds) };
}

const decoder = new TextDecoder();

// CRDObjects: `crds/` files of the chart and its enabled subcharts, not templated.
function crdManifests(root: Chart): Manifest[] {
  const out: Manifest[] = [];
  for (const [chart, path] of chartPaths(root)) {
    for (const f of chart.files) {
      if (f.name.startsWith('crds/') && /\.(ya?ml|json)$/.test(f.name)) {
        out.push({
          path: `${path}/${f.name}`,
          content: decoder.decode(f.data),
          kind: 'CustomResourceDefinition',
        });
      }
    }
  }
  return out;
}
