/**
 * The values paths each chart knows, computed once per chart (by its render key) on this
 * thread, so a HelmRelease's unknown value keys are found before its render goes to a worker.
 */
import { DiagnosticError } from '../core/diagnostic.js';
import type { JsonObject } from '../core/json.js';
import type { HelmChartInput } from '../flux/helm/chart-input.js';
import { loadChartArchive, loadChartFiles } from '../helm/chart/load.js';
import {
  knownValuePaths,
  unknownValuePaths,
  type KnownNode,
  type UnknownValuePath,
} from '../helm/values/known-paths.js';

// Few charts per run; the bound only keeps a long-lived process from growing without limit.
const MAX_CHARTS = 64;
const cache = new Map<string, KnownNode | null>();

function knownFor(key: string, input: HelmChartInput): KnownNode | null {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let known: KnownNode | null;
  try {
    const chart =
      input.kind === 'archive'
        ? loadChartArchive(input.bytes, input.source)
        : loadChartFiles(input.files, input.source);
    known = knownValuePaths(chart);
  } catch (e) {
    // A chart that does not load is reported by its render.
    if (!(e instanceof DiagnosticError)) throw e;
    known = null;
  }
  if (cache.size >= MAX_CHARTS) cache.delete(cache.keys().next().value as string);
  cache.set(key, known);
  return known;
}

/** The key paths of `values` the chart defines nowhere and no template reads (undefined if the chart does not load). */
export function unknownValuesFor(
  key: string,
  input: HelmChartInput,
  values: JsonObject,
): UnknownValuePath[] | undefined {
  const known = knownFor(key, input);
  return known ? unknownValuePaths(known, values) : undefined;
}
