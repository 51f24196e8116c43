/**
 * The CHART argument of `helm template`: a chart folder or a chart archive (`.tgz`) on disk.
 * A repository reference (`repo/chart`, `oci://…`, a URL) would need chart retrieval, which this
 * command does not do yet: that is said plainly. {@link loadChartInput} turns what was found
 * into a chart; it runs where the chart is rendered (the chart worker).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { DiagnosticError } from '../core/diagnostic.js';
import { loadChartArchive, loadChartFiles } from '../helm/chart/load.js';
import { loadChartDir } from '../helm/chart/load-dir.js';
import type { Chart, ChartFile } from '../helm/chart/types.js';
import { readFailure } from '../tree/io-error.js';
import { openWorktree } from '../tree/worktree.js';

/** A chart to load: plain data, so that it can be posted to a worker thread. */
export type ChartInput =
  /** A `.tgz` as `helm package` writes it; `source` names it in messages. */
  | { kind: 'archive'; bytes: Uint8Array; source: string }
  /** The folder `dir` (a name inside `root`), read with `.helmignore` applied. */
  | { kind: 'dir'; root: string; dir: string }
  /** A chart's files already read (paths relative to the chart root). */
  | { kind: 'files'; files: ChartFile[]; source: string };

export interface ChartReference {
  /** Identifies the chart's content within one process: renders of one key share a parse. */
  key: string;
  input: ChartInput;
}

function unsupported(arg: string): DiagnosticError {
  return new DiagnosticError({
    rule: 'helm-chart-source',
    message: `'${arg}' is a chart repository reference: chart retrieval is not supported by this command yet`,
    hint: 'pass a chart folder or a chart archive (.tgz), for example one `helm pull` downloaded',
  });
}

function notFound(arg: string): DiagnosticError {
  return new DiagnosticError({
    rule: 'helm-chart-source',
    message: `path "${arg}" not found`,
    hint: 'pass a chart folder (holding Chart.yaml) or a chart archive (.tgz)',
  });
}

/** Finds CHART as `helm template` would on disk, relative to `cwd`. */
export function resolveChart(arg: string, cwd: string): ChartReference {
  const abs = resolve(cwd, arg);
  let isDir: boolean;
  try {
    isDir = statSync(abs).isDirectory();
  } catch {
    // helm looks a missing path up in its repositories unless it is clearly a path.
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) throw unsupported(arg);
    if (isAbsolute(arg) || arg.startsWith('.') || !arg.includes('/')) throw notFound(arg);
    throw unsupported(arg);
  }
  if (isDir) {
    // Opened on the parent, so that messages name the chart folder as helm does.
    return { key: `dir:${abs}`, input: { kind: 'dir', root: dirname(abs), dir: basename(abs) } };
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(abs);
  } catch (e) {
    throw readFailure(arg, e, 'file');
  }
  const digest = createHash('sha256').update(bytes).digest('hex');
  return { key: `sha256:${digest}`, input: { kind: 'archive', bytes, source: arg } };
}

/** The chart `input` describes. */
export function loadChartInput(input: ChartInput): Chart {
  switch (input.kind) {
    case 'archive':
      return loadChartArchive(input.bytes, input.source);
    case 'files':
      return loadChartFiles(input.files, input.source);
    case 'dir':
      return loadChartDir(openWorktree(input.root), input.dir);
  }
}
