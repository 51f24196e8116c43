/**
 * The shared part of the chart differential tests: a chart rendered natively and by the real
 * helm with the same arguments, and the two results in a comparable form (helm's run-to-run
 * differences masked; a failure as `Error: <message>`).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { expect } from 'vitest';
import { DiagnosticError } from '../../../src/core/diagnostic.js';
import { loadChartArchive } from '../../../src/helm/chart/load.js';
import { prepareChart, renderChart, type PreparedChart } from '../../../src/helm/render/render.js';
import { parseUserValues } from '../../../src/helm/values/user-values.js';
import { helmResult, volatileMask } from '../../helpers/helm-compare.js';
import { runHelmInBackground } from '../../helpers/helm-oracle.js';
import { canonicalSchemaErrors } from '../../helpers/schema-errors.js';

export interface Case {
  /** The chart archive. */
  chart: string;
  valuesFile?: string;
  includeCrds?: boolean;
}

// As the template battery runs helm.
const ARGS = ['-n', 'ns', '--kube-version', '1.31.0'];
const OPTIONS = { releaseName: 'rel', namespace: 'ns', kubeVersion: '1.31.0' };

const prepared = new Map<string, PreparedChart>();

function prepare(chart: string): PreparedChart {
  let p = prepared.get(chart);
  if (!p) {
    p = prepareChart(loadChartArchive(readFileSync(chart), basename(chart)));
    prepared.set(chart, p);
  }
  return p;
}

/** The native render: what `helm template` would print, or `Error: <message>`. */
export function nativeResult(c: Case): string {
  try {
    const user = c.valuesFile ? parseUserValues(readFileSync(c.valuesFile, 'utf8'), c.valuesFile) : {};
    return renderChart(prepare(c.chart), user, { ...OPTIONS, includeCrds: c.includeCrds }).text;
  } catch (e) {
    if (e instanceof DiagnosticError) return `Error: ${e.message.trim()}`;
    throw e;
  }
}

function helmArgs(c: Case): string[] {
  return [
    'template',
    'rel',
    c.chart,
    ...(c.valuesFile ? ['-f', c.valuesFile] : []),
    ...ARGS,
    ...(c.includeCrds ? ['--include-crds'] : []),
  ];
}

export interface Compared {
  /** helm's result with the lines that differ between its two runs masked. */
  expected: string;
  /** The native result, masked alike. */
  actual: string;
  /** helm's two runs differ in shape: nothing is masked and only success or failure compares. */
  volatile: boolean;
}

// A values-schema error lists sibling errors in Go map order, which helm varies from run to run.
function canonical(result: string): string {
  return result.startsWith("Error: values don't meet") ? canonicalSchemaErrors(result) : result;
}

/** Runs helm twice and the native engine once on `c`. */
export async function compare(c: Case): Promise<Compared> {
  const [first, second] = await Promise.all([
    runHelmInBackground(helmArgs(c)),
    runHelmInBackground(helmArgs(c)),
  ]);
  const expected = canonical(helmResult(first));
  const actual = canonical(nativeResult(c));
  const mask = volatileMask(expected, canonical(helmResult(second)));
  if (!mask) return { expected, actual, volatile: true };
  return { expected: mask(expected), actual: mask(actual), volatile: false };
}

/**
 * Asserts that the native result equals helm's, or, for a case known to differ, that it still
 * differs (so that a fixed cause fails the test until its entry is removed).
 */
export function expectSame(result: Compared, known: string | undefined): void {
  const { expected, actual, volatile } = result;
  if (known) {
    expect(actual, `known to differ: ${known}`).not.toBe(expected);
  } else if (volatile) {
    expect(actual.startsWith('Error: '), 'helm and k8s-ops agree on success').toBe(
      expected.startsWith('Error: '),
    );
  } else {
    expect(actual).toBe(expected);
  }
}
