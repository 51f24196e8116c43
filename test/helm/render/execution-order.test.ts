/**
 * helm executes a chart's templates in its parse order (deepest path first, then reverse path
 * order), not in path order: that order decides which failure is reported and what a template
 * sees of values an earlier one changed. Answers recorded with helm v4.1.4.
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../../src/core/diagnostic.js';
import { loadChartFiles } from '../../../src/helm/chart/load.js';
import { prepareChart, renderChart } from '../../../src/helm/render/render.js';
import type { GoMap } from '../../../src/gotemplate/value.js';

const enc = new TextEncoder();
const chart = loadChartFiles(
  Object.entries({
    'Chart.yaml': 'apiVersion: v2\nname: top\nversion: 0.1.0\n',
    'values.yaml': 'x: from-values\n',
    'templates/a.yaml': 'kind: A\nx: {{ .Values.x }}\n',
    'templates/a-fail.yaml': '{{- if .Values.failA }}{{ fail "a fails" }}{{ end }}\n',
    'templates/b.yaml':
      '{{- $_ := set .Values "x" "from-b" }}\n{{- if .Values.failB }}{{ fail "b fails" }}{{ end }}\n',
    'charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 0.1.0\n',
    'charts/sub/templates/z.yaml': '{{- if .Values.global.failSub }}{{ fail "sub fails" }}{{ end }}\n',
  }).map(([name, text]) => ({ name, data: enc.encode(text) })),
  'top',
);
const prepared = prepareChart(chart);

function render(values: GoMap): string {
  try {
    return renderChart(prepared, values, { releaseName: 'rel', namespace: 'ns' }).text;
  } catch (e) {
    if (e instanceof DiagnosticError) return `Error: ${e.message}`;
    throw e;
  }
}

describe('template execution order', () => {
  it.each<[string, GoMap, string]>([
    [
      'a later path runs first and its change to .Values is seen',
      {},
      '---\n# Source: top/templates/a.yaml\nkind: A\nx: from-b\n',
    ],
    [
      'the failure of the later path is reported',
      { failA: true, failB: true },
      'Error: execution error at (top/templates/b.yaml:2:26): b fails',
    ],
    [
      "a subchart's deeper template runs before the parent's",
      { failA: true, failB: true, global: { failSub: true } },
      'Error: execution error at (top/charts/sub/templates/z.yaml:1:35): sub fails',
    ],
  ])('%s', (_name, values, expected) => {
    expect(render(values)).toBe(expected);
  });
});
