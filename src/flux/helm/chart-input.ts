/**
 * The chart as helm-controller hands it to helm: source-controller's `valuesFiles` merged into
 * the chart's default values, and for an OCIRepository chart the version with the manifest
 * digest as build metadata (`1.2.3+0123456789ab`), which `.Chart.Version` and every
 * `helm.sh/chart` label show. Pure: bytes in, chart files out.
 */
import { DiagnosticError } from '../../core/diagnostic.js';
import { isJsonObject } from '../../core/json.js';
import type { GoMap } from '../../gotemplate/value.js';
import { readChartArchive } from '../../helm/chart/archive.js';
import type { ChartFile } from '../../helm/chart/types.js';
import { formatVersion, tryParseVersion } from '../../semver/index.js';
import { parseYaml11 } from '../../yaml/parse-yaml11.js';
import { mergeMaps } from './values-from.js';

/** A chart to render, as plain data a worker thread can receive. */
export type HelmChartInput =
  | { kind: 'archive'; bytes: Uint8Array; source: string }
  | { kind: 'files'; files: ChartFile[]; source: string };

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * helm-controller's version with the OCI digest: Masterminds' canonical form (no `v`) with the
 * first 12 hex digits of the manifest digest as metadata; undefined when either cannot be read.
 */
export function digestVersion(version: string, manifestDigest: string): string | undefined {
  const v = tryParseVersion(version);
  const hex = manifestDigest.split(':')[1] ?? '';
  if (!v || hex.length < 12) return undefined;
  return formatVersion({ ...v, metadata: hex.slice(0, 12) });
}

// Only the top-level `version:` line changes, so the rest of Chart.yaml reads as before.
function setChartYamlVersion(text: string, version: string): string {
  return text.replace(/^version:.*$/m, `version: ${JSON.stringify(version)}`);
}

export function archiveFiles(bytes: Uint8Array, source: string): ChartFile[] {
  return [...readChartArchive(bytes, source).files].map(([name, data]) => ({ name, data }));
}

export interface ChartAdjustments {
  /** Values files to merge, in order, as the chart's default values (replacing values.yaml). */
  valuesFiles?: readonly string[];
  ignoreMissingValuesFiles?: boolean;
  /** Reads a values file (chart-relative for packaged charts, source-relative for folders). */
  readValuesFile?: (path: string) => string | undefined;
  /** The new `.Chart.Version`. */
  version?: string;
}

function mergedValuesFiles(adjust: ChartAdjustments, source: string): string {
  let merged: GoMap = {};
  for (const path of adjust.valuesFiles ?? []) {
    const text = adjust.readValuesFile?.(path);
    if (text === undefined) {
      if (adjust.ignoreMissingValuesFiles) continue;
      throw new DiagnosticError({
        rule: 'helm-chart-unavailable',
        file: source,
        message: `values file '${path}' not found in the chart source`,
        hint: 'fix spec.chart.spec.valuesFiles or set ignoreMissingValuesFiles',
      });
    }
    const doc = parseYaml11(text, path, 'helm-values');
    if (doc !== null && !isJsonObject(doc)) {
      throw new DiagnosticError({
        rule: 'helm-values',
        file: path,
        message: 'a values file must hold a YAML map',
        hint: 'make its top level a map',
      });
    }
    merged = mergeMaps(merged, doc ?? {});
  }
  return JSON.stringify(merged);
}

/** The chart's files with `adjust` applied (the same array when there is nothing to do). */
export function adjustChartFiles(files: ChartFile[], adjust: ChartAdjustments, source: string): ChartFile[] {
  let out = files;
  if (adjust.valuesFiles && adjust.valuesFiles.length > 0) {
    const values = encoder.encode(mergedValuesFiles(adjust, source));
    out = [...out.filter((f) => f.name !== 'values.yaml'), { name: 'values.yaml', data: values }];
  }
  if (adjust.version !== undefined) {
    out = out.map((f) =>
      f.name === 'Chart.yaml'
        ? { name: f.name, data: encoder.encode(setChartYamlVersion(decoder.decode(f.data), adjust.version!)) }
        : f,
    );
  }
  return out;
}

/** The name and version the chart's Chart.yaml declares (each may be missing). */
export function chartFilesMetadata(
  files: readonly ChartFile[],
  source: string,
): { name?: string; version?: string } {
  const chartYaml = files.find((f) => f.name === 'Chart.yaml');
  if (!chartYaml) return {};
  const doc = parseYaml11(decoder.decode(chartYaml.data), `${source}/Chart.yaml`, 'helm-chart-invalid');
  if (!isJsonObject(doc)) return {};
  return {
    ...(typeof doc.name === 'string' ? { name: doc.name } : {}),
    ...(typeof doc.version === 'string' ? { version: doc.version } : {}),
  };
}
