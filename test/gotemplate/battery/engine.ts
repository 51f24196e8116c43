/**
 * Renders a battery case with our engine exactly as helm renders the wrapper chart: the same
 * template name, the same context objects, `missingkey=zero`, helm's `<no value>` clean-up and
 * helm's error wording.
 */
import { builtinFuncs } from '../../../src/gotemplate/builtins.js';
import { makeCapabilities } from '../../../src/gotemplate/helm/capabilities.js';
import { makeChart } from '../../../src/gotemplate/helm/chart.js';
import { reformatExecError } from '../../../src/gotemplate/helm/errors.js';
import { makeFiles } from '../../../src/gotemplate/helm/files.js';
import { helmFuncs, REMOVED_SPRIG_FUNCS } from '../../../src/gotemplate/helm/funcs.js';
import { makeRelease, makeTemplateObject } from '../../../src/gotemplate/helm/release.js';
import { defaultSprigEnv, sprigFuncs } from '../../../src/gotemplate/sprig/index.js';
import { Templates, TemplateError } from '../../../src/gotemplate/template.js';
import { newMap, setMapKey, type FuncMap, type GoMap, type GoValue } from '../../../src/gotemplate/value.js';
import type { Answer } from './compare.js';
import {
  CHART_FILES,
  CHART_META,
  CHART_NAME,
  KUBE_VERSION,
  NAMESPACE,
  RELEASE_NAME,
  TEMPLATE_NAME,
  caseData,
  wrapperText,
} from './wrapper.mjs';

export interface BatteryEngine {
  render(text: string): Answer;
}

/** A JSON value as helm hands values to templates: numbers are float64, maps are plain. */
function fromJson(value: unknown): GoValue {
  if (Array.isArray(value)) return value.map(fromJson);
  if (value !== null && typeof value === 'object') {
    const map = newMap();
    for (const [k, v] of Object.entries(value)) setMapKey(map, k, fromJson(v));
    return map;
  }
  return value as GoValue;
}

function chartFiles(): Record<string, Uint8Array> {
  const encoder = new TextEncoder();
  return Object.fromEntries(Object.entries(CHART_FILES).map(([path, text]) => [path, encoder.encode(text)]));
}

/** The top-level object helm executes a template with. */
function renderValues(caseText: string, sharedData: Record<string, unknown>): GoMap {
  const top = newMap();
  top.Values = fromJson({ caseText, data: caseData(sharedData) });
  top.Release = makeRelease({ name: RELEASE_NAME, namespace: NAMESPACE, isInstall: true, revision: 1 });
  top.Chart = makeChart(CHART_META, true);
  top.Capabilities = makeCapabilities({ kubeVersion: `v${KUBE_VERSION}` });
  top.Template = makeTemplateObject(TEMPLATE_NAME, `${CHART_NAME}/templates`);
  top.Files = makeFiles(chartFiles());
  return top;
}

/** The value the wrapper printed (`v: <json>`), or undefined when its output is not that. */
function wrapperValue(output: string): string | undefined {
  const m = /^v: (.*)\n$/s.exec(output);
  if (!m) return undefined;
  try {
    const v: unknown = JSON.parse(m[1]!);
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** helm's function map: sprig's without the functions helm removes, then helm's own. */
function chartFuncs(set: () => Templates): FuncMap {
  const sprig: Record<string, FuncMap[string]> = {
    ...sprigFuncs(defaultSprigEnv(`${RELEASE_NAME}/${NAMESPACE}`)),
  };
  for (const name of REMOVED_SPRIG_FUNCS) delete sprig[name];
  return { ...sprig, ...helmFuncs({ templates: set }) };
}

/** Every function a chart's template can call: text/template's builtins and the chart's map. */
export function functionNames(): string[] {
  return [
    ...new Set([...Object.keys(builtinFuncs), ...Object.keys(chartFuncs(() => new Templates({})))]),
  ].sort();
}

/** Our engine, set up as helm sets itself up for the wrapper chart. */
export function batteryEngine(sharedData: Record<string, unknown>): BatteryEngine {
  return {
    render(text: string): Answer {
      // One template set per case, as helm makes one per chart render.
      const holder: { set?: Templates } = {};
      const set = new Templates(
        chartFuncs(() => holder.set!),
        { missingKey: 'zero' },
      );
      holder.set = set;
      try {
        set.parse(TEMPLATE_NAME, wrapperText());
        const output = set
          .execute(TEMPLATE_NAME, renderValues(text, sharedData))
          .replaceAll('<no value>', '');
        const v = wrapperValue(output);
        return v === undefined
          ? { ok: false, err: `the wrapper printed ${JSON.stringify(output)}` }
          : { ok: true, v };
      } catch (e) {
        if (e instanceof TemplateError) return { ok: false, err: reformatExecError(e, TEMPLATE_NAME) };
        const what = e instanceof Error ? (e.stack ?? e.message) : String(e);
        return { ok: false, err: `internal error: ${what}` };
      }
    },
  };
}
