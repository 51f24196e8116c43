/**
 * One chart render as the chart worker runs it: load the chart (or reuse the one prepared under
 * the same key), merge the user values, render. Everything in and out is plain data, so a
 * request can cross to a worker thread and a failure comes back as a Diagnostic.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DiagnosticError, type Diagnostic } from '../core/diagnostic.js';
import { prepareChart, renderChart, type PreparedChart, type RenderOptions } from '../helm/render/render.js';
import { loadChartInput, type ChartInput } from './chart-source.js';
import { composeValues, type ValueSource } from './helm-values.js';
import { reviveGoInts } from './worker-values.js';

export interface ChartRenderRequest {
  /** The chart's key (see ChartReference): a chart already prepared under it is reused. */
  key: string;
  chart: ChartInput;
  /** User values, in the order helm applies them. */
  values: ValueSource[];
  /** What `--set-file` paths are relative to. */
  cwd: string;
  /** The standard input, for a `--set-file` that reads `-`. */
  stdin?: string;
  options: RenderOptions;
}

export type ChartRenderResponse =
  | { ok: true; text: string }
  /** `internal`: a bug rather than bad input. */
  | { ok: false; diagnostic: Diagnostic; internal?: boolean };

// What Go's os.ReadFile says, as helm prints it after `failed parsing --set-file data: `.
const GO_ERRNO: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
};

function readSetFile(cwd: string, stdin: string | undefined, path: string): string {
  if (path.trim() === '-') return stdin ?? '';
  try {
    return readFileSync(resolve(cwd, path), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new Error(`open ${path}: ${GO_ERRNO[code] ?? (e instanceof Error ? e.message : String(e))}`);
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

// helm names the place inside its message (`(chart/templates/x.yaml:12:3)`, `template: x:12:3:`):
// the diagnostic gets it as its line and column.
function withPosition(d: Diagnostic): Diagnostic {
  if (d.file === undefined || d.line !== undefined) return d;
  const at = new RegExp(`(?:\\(|template: )${escapeRegExp(d.file)}:(\\d+)(?::(\\d+))?`).exec(d.message);
  if (!at) return d;
  return { ...d, line: Number(at[1]), ...(at[2] ? { column: Number(at[2]) } : {}) };
}

function failure(e: unknown): ChartRenderResponse {
  if (e instanceof DiagnosticError) return { ok: false, diagnostic: withPosition(e.diagnostic) };
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return {
      ok: false,
      diagnostic: {
        severity: 'error',
        rule: 'helm-render',
        message: 'rendering ran out of stack: the templates nest too deeply',
        hint: 'look for a template that includes itself without end',
      },
    };
  }
  const message = e instanceof Error ? e.message : String(e);
  return { ok: false, internal: true, diagnostic: { severity: 'error', rule: 'internal-error', message } };
}

export interface ChartRenderer {
  render(request: ChartRenderRequest): ChartRenderResponse;
}

/**
 * A renderer that keeps up to `maxCharts` prepared charts (the least recently used is dropped),
 * so that many renders of one chart parse its templates once.
 */
export function createChartRenderer(maxCharts = 64): ChartRenderer {
  const prepared = new Map<string, PreparedChart>();

  function preparedFor(key: string, input: ChartInput): PreparedChart {
    let chart = prepared.get(key);
    if (chart) prepared.delete(key);
    else chart = prepareChart(loadChartInput(input));
    prepared.set(key, chart);
    if (prepared.size > maxCharts) prepared.delete(prepared.keys().next().value!);
    return chart;
  }

  return {
    render(request) {
      try {
        const values = request.values.map((v) =>
          v.kind === 'object' ? { ...v, value: reviveGoInts(v.value) } : v,
        );
        const user = composeValues(values, (path) => readSetFile(request.cwd, request.stdin, path));
        const chart = preparedFor(request.key, request.chart);
        return { ok: true, text: renderChart(chart, user, request.options).text };
      } catch (e) {
        return failure(e);
      }
    },
  };
}
