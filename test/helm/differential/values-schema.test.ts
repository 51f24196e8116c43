/**
 * Differential test: small charts with a values.schema.json and a values file, rendered by
 * the real helm and natively. helm's error (its `Error: ` prefix aside) and k8s-ops's
 * diagnostic message must be the same bytes, up to the order in which helm lists sibling
 * errors (it walks Go maps); a chart that passes must print the same output.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../../src/core/diagnostic.js';
import { loadChartFiles } from '../../../src/helm/chart/load.js';
import { prepareChart, renderChart } from '../../../src/helm/render/render.js';
import { parseUserValues } from '../../../src/helm/values/user-values.js';
import { helmAvailable, helmUnavailableReason, runHelm } from '../../helpers/helm-oracle.js';
import { canonicalSchemaErrors } from '../../helpers/schema-errors.js';
import { CASES, type SchemaCase } from './values-schema-cases.js';

const ready = helmAvailable();
const root = mkdtempSync(join(tmpdir(), 'k8s-ops-values-schema-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const CHART_YAML = 'apiVersion: v2\nname: c\nversion: 0.1.0\n';
const TEMPLATE = 'kind: ConfigMap\nvalues: {{ .Values | toJson | quote }}\n';

function chartFiles(c: SchemaCase): Record<string, string> {
  const files: Record<string, string> = {
    'Chart.yaml': c.chartYaml ?? CHART_YAML,
    'templates/cm.yaml': TEMPLATE,
    ...c.files,
  };
  if (c.schema !== undefined) files['values.schema.json'] = c.schema;
  return files;
}

function helm(dir: string, valuesFile: string): string {
  const r = runHelm(['template', 'rel', dir, '-f', valuesFile, '-n', 'ns']);
  return r.ok ? r.stdout : r.stderr.replace(/^Error: /, '');
}

function ours(files: Record<string, string>, values: string): string {
  const encoder = new TextEncoder();
  try {
    const chart = loadChartFiles(
      Object.entries(files).map(([name, text]) => ({ name, data: encoder.encode(text) })),
      'c',
    );
    return renderChart(prepareChart(chart), parseUserValues(values, 'values.yaml'), {
      releaseName: 'rel',
      namespace: 'ns',
    }).text;
  } catch (e) {
    if (e instanceof DiagnosticError) return `${e.message}\n`;
    throw e;
  }
}

describe.skipIf(!ready)(`values.schema.json against helm ${ready ? '' : helmUnavailableReason()}`, () => {
  it('has enough cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const dir = join(root, c.name.replace(/[^a-z0-9]+/gi, '-'), 'c');
    const files = chartFiles(c);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    const valuesFile = join(dir, '..', 'values.yaml');
    writeFileSync(valuesFile, c.values);
    const expected = helm(dir, valuesFile);
    const actual = ours(files, c.values);
    if (c.fails !== undefined) expect(expected.includes("values don't meet")).toBe(c.fails);
    expect(canonicalSchemaErrors(actual)).toBe(canonicalSchemaErrors(expected));
  });
});
