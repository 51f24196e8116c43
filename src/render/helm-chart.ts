/**
 * Turns a HelmRelease's chart plan and what retrieval found into the chart helm renders: the
 * archive as fetched, or its files with `valuesFiles` merged and the OCI digest in the version;
 * a chart folder of this repository read from the tree.
 */
import { createHash } from 'node:crypto';
import { DiagnosticError, type Diagnostic } from '../core/diagnostic.js';
import { requestKey, type ChartResult } from '../charts/types.js';
import {
  adjustChartFiles,
  archiveFiles,
  chartFilesMetadata,
  digestVersion,
  type ChartAdjustments,
  type HelmChartInput,
} from '../flux/helm/chart-input.js';
import { joinPath, type ChartPlan } from '../flux/helm/chart-ref.js';
import { chartDirFiles } from '../helm/chart/load-dir.js';
import type { ChartFile } from '../helm/chart/types.js';
import type { RepoTree } from '../tree/repo-tree.js';

export type ChartOutcome =
  | { ok: true; input: HelmChartInput; key: string; name: string; version: string; notes: Diagnostic[] }
  | { ok: false; state: 'failed' | 'chart-unavailable'; reason: string; hint: string };

const decoder = new TextDecoder();

function filesKey(files: readonly ChartFile[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(f.name).update('\0').update(f.data).update('\0');
  return `files:${h.digest('hex')}`;
}

function readFrom(files: readonly ChartFile[]) {
  return (path: string) => {
    const f = files.find((x) => x.name === joinPath('', path));
    return f ? decoder.decode(f.data) : undefined;
  };
}

function fromResult(
  plan: Extract<ChartPlan, { kind: 'remote' }>,
  result: ChartResult | undefined,
  where: { file: string; line?: number },
): ChartOutcome {
  if (!result) {
    return {
      ok: false,
      state: 'chart-unavailable',
      reason: `chart from ${plan.source} was not resolved`,
      hint: 'run `k8s-ops charts pull`',
    };
  }
  if (!result.ok) return { ok: false, state: 'chart-unavailable', reason: result.reason, hint: result.hint };
  const chart = result.chart;
  const notes: Diagnostic[] = [];
  let version: string | undefined;
  if (plan.digestVersion) {
    version = chart.manifestDigest ? digestVersion(chart.version, chart.manifestDigest) : undefined;
    if (version === undefined) {
      notes.push({
        severity: 'info',
        rule: 'helm-chart-digest-unknown',
        ...where,
        message: `the manifest digest of the chart from ${plan.source} is not known offline: rendered as version ${chart.version}, where helm-controller appends +<digest>`,
        hint: 'run `k8s-ops charts pull` to record the digest in the chart cache',
      });
    }
  }
  const adjust: ChartAdjustments = {
    ...(plan.valuesFiles.length > 0 ? { valuesFiles: plan.valuesFiles } : {}),
    ...(version !== undefined ? { version } : {}),
  };
  const base = { name: chart.name, version: version ?? chart.version, notes };
  if (adjust.valuesFiles === undefined && adjust.version === undefined) {
    return {
      ok: true,
      input: { kind: 'archive', bytes: chart.archive, source: chart.source },
      key: chart.digest,
      ...base,
    };
  }
  const files = archiveFiles(chart.archive, chart.source);
  const adjusted = adjustChartFiles(files, { ...adjust, readValuesFile: readFrom(files) }, chart.source);
  return {
    ok: true,
    input: { kind: 'files', files: adjusted, source: chart.source },
    key: filesKey(adjusted),
    ...base,
  };
}

/** The chart to render for `plan`; a DiagnosticError from a broken chart becomes a failure. */
export function chartFor(
  plan: ChartPlan,
  results: ReadonlyMap<string, ChartResult>,
  tree: RepoTree,
  where: { file: string; line?: number },
): ChartOutcome {
  try {
    switch (plan.kind) {
      case 'failed':
      case 'unavailable':
        return {
          ok: false,
          state: plan.kind === 'failed' ? 'failed' : 'chart-unavailable',
          reason: plan.reason,
          hint: plan.hint,
        };
      case 'remote':
        return fromResult(plan, results.get(requestKey(plan.request)), where);
      case 'local': {
        const files = adjustChartFiles(
          chartDirFiles(tree, plan.path),
          {
            valuesFiles: plan.valuesFiles,
            ignoreMissingValuesFiles: plan.ignoreMissingValuesFiles,
            readValuesFile: (path) => {
              const full = joinPath(plan.sourceRoot, path);
              return tree.stat(full) === 'file' ? tree.readText(full) : undefined;
            },
          },
          plan.path,
        );
        const meta = chartFilesMetadata(files, plan.path);
        return {
          ok: true,
          input: { kind: 'files', files, source: plan.path },
          key: filesKey(files),
          name: meta.name ?? '',
          version: meta.version ?? '',
          notes: [],
        };
      }
    }
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    return { ok: false, state: 'failed', reason: e.message, hint: e.diagnostic.hint ?? 'fix the chart' };
  }
}
