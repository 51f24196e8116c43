/**
 * The template set of a chart render as helm's engine builds it (pkg/engine engine.go): every
 * template of the chart and its enabled subcharts, named `<chart path>/templates/…`, parsed in
 * one namespace deepest path first (so the parent's `define` wins), library charts only
 * contributing their `_` partials. Parsing is the expensive part: a set is kept per list of
 * templates and reused by later renders of the same chart.
 */
import { DiagnosticError } from '../../core/diagnostic.js';
import { reformatParseError } from '../../gotemplate/helm/errors.js';
import { helmFuncs, REMOVED_SPRIG_FUNCS } from '../../gotemplate/helm/funcs.js';
import { defaultSprigEnv, sprigFuncs } from '../../gotemplate/sprig/index.js';
import { Templates } from '../../gotemplate/template.js';
import type { FuncMap } from '../../gotemplate/value.js';
import type { Chart } from '../chart/types.js';

export interface Renderable {
  /** Template name: `<chart path>/templates/x.yaml`. */
  name: string;
  text: string;
  /** The chart (as resolved for this render) the template belongs to. */
  chart: Chart;
  /** `<chart path>/templates`: `.Template.BasePath`. */
  basePath: string;
  /** Index into the list of charts of the render (root first). */
  chartIndex: number;
}

const decoder = new TextDecoder();
// Template texts by their bytes: every render lists the templates, few parse them.
const texts = new WeakMap<Uint8Array, string>();

function decoded(data: Uint8Array): string {
  let text = texts.get(data);
  if (text === undefined) {
    text = decoder.decode(data);
    texts.set(data, text);
  }
  return text;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export const isPartial = (name: string): boolean => baseName(name).startsWith('_');

/** helm's sortTemplates: more `/` first; equal depth in reverse byte order. */
export function parseOrder(names: readonly string[]): string[] {
  // Every render sorts its templates: count each name's slashes once, not per comparison.
  const depths = new Map(names.map((s) => [s, s.split('/').length]));
  return [...names].sort((a, b) => {
    const da = depths.get(a)!;
    const db = depths.get(b)!;
    if (da !== db) return db - da;
    return a < b ? 1 : a > b ? -1 : 0;
  });
}

/** Every chart of the render with its full path (`parent/charts/child`), root first. */
export function chartPaths(root: Chart): [Chart, string][] {
  const out: [Chart, string][] = [];
  const walk = (chart: Chart, path: string): void => {
    out.push([chart, path]);
    for (const dep of chart.dependencies) walk(dep, `${path}/charts/${dep.metadata.name}`);
  };
  walk(root, root.metadata.name);
  return out;
}

/** The templates a render of `root` executes or includes. */
export function renderables(root: Chart): Renderable[] {
  const out: Renderable[] = [];
  for (const [chartIndex, [chart, path]] of chartPaths(root).entries()) {
    const library = chart.metadata.type === 'library';
    for (const t of chart.templates) {
      if (library && !isPartial(t.name)) continue;
      out.push({
        name: `${path}/${t.name}`,
        text: decoded(t.data),
        chart,
        basePath: `${path}/templates`,
        chartIndex,
      });
    }
  }
  return out;
}

function chartFuncs(set: () => Templates, seed: string): FuncMap {
  const sprig: Record<string, FuncMap[string]> = { ...sprigFuncs(defaultSprigEnv(seed)) };
  for (const name of REMOVED_SPRIG_FUNCS) delete sprig[name];
  return { ...sprig, ...helmFuncs({ templates: set }) };
}

/** Parses `list` into one set, in helm's order; a parse error names the template. */
export function parseTemplateSet(list: readonly Renderable[], seed: string): Templates {
  const holder: { set?: Templates } = {};
  const set = new Templates(
    chartFuncs(() => holder.set!, seed),
    { missingKey: 'zero' },
  );
  holder.set = set;
  const byName = new Map(list.map((r) => [r.name, r]));
  for (const name of parseOrder([...byName.keys()])) {
    try {
      set.parse(name, byName.get(name)!.text);
    } catch (e) {
      throw new DiagnosticError({
        rule: 'helm-render',
        file: name,
        message: reformatParseError(e, name),
        hint: 'fix the template syntax',
      });
    }
  }
  return set;
}

/** Parsed template sets of one chart, by the list of templates a render needs. */
export class TemplateSetCache {
  private readonly sets = new Map<string, Templates>();

  get(list: readonly Renderable[], seed: string): Templates {
    const key = list.map((r) => r.name).join('\n');
    let set = this.sets.get(key);
    if (!set) {
      set = parseTemplateSet(list, seed);
      this.sets.set(key, set);
    }
    return set;
  }
}
