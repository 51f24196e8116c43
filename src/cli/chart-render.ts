/**
 * One chart render as the chart worker runs it: load the chart (or reuse the one prepared under
 * the same key), merge the user values, render. Everything in and out is plain data, so a
 * request can cross to a worker thread and a failure comes back as a Diagnostic.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DiagnosticError, type Diagnostic } from '../core/diagnostic.js';
import { prepareChart, renderChart, type PreparedChart, type RenderOptions } from '../helm/render/render.js';
import { readFailure } from '../tree/io-error.js';
import { loadChartInput, type ChartInput } from './chart-source.js';
import { composeValues, type ApplySetFlag, type ValueSource } from './helm-values.js';

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

// Until the strvals parser is wired, a --set flag is refused rather than ignored.
const setFlagsUnavailable: ApplySetFlag = (_into, kind) => {
  throw new DiagnosticError({
    rule: 'helm-values',
    message: `--${kind} is not supported yet`,
    hint: 'put the value in a values file and pass it with -f',
  });
};

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
export function createChartRenderer(
  applySetFlag: ApplySetFlag = setFlagsUnavailable,
  maxCharts = 64,
): ChartRenderer {
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
        const readFile = (path: string): string => {
          if (path.trim() === '-') return request.stdin ?? '';
          try {
            return readFileSync(resolve(request.cwd, path), 'utf8');
          } catch (e) {
            throw readFailure(path, e, 'file');
          }
        };
        const user = composeValues(request.values, applySetFlag, readFile);
        const chart = preparedFor(request.key, request.chart);
        return { ok: true, text: renderChart(chart, user, request.options).text };
      } catch (e) {
        return failure(e);
      }
    },
  };
}
