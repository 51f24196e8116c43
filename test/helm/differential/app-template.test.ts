/**
 * Differential test: app-template 4.1.1 rendered natively and by the real helm, with its
 * default values and with each real values file, must print the same bytes. Runs on a worker
 * thread (4 MB stack), as chart rendering must. Known differences are listed with their cause;
 * each must still differ, so the list shrinks as the causes are fixed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../../src/core/diagnostic.js';
import { loadChartArchive } from '../../../src/helm/chart/load.js';
import { prepareChart, renderChart } from '../../../src/helm/render/render.js';
import { parseUserValues } from '../../../src/helm/values/user-values.js';
import { helmAvailable, helmUnavailableReason, runHelm } from '../../helpers/helm-oracle.js';
import { canonicalSchemaErrors } from '../../helpers/schema-errors.js';
import { SHARED_DIR, sharedAvailable } from '../../helpers/shared.js';

const CHART = join(SHARED_DIR, 'helm/charts/app-template-4.1.1.tgz');
const VALUES = join(SHARED_DIR, 'helm/values/app-template');
// As the template battery runs helm.
const ARGS = ['-n', 'ns', '--kube-version', '1.31.0'];
const OPTIONS = { releaseName: 'rel', namespace: 'ns', kubeVersion: '1.31.0' };

const KNOWN: Readonly<Record<string, string>> = {};
// With several controllers the chart picks one by Go map order, which changes from run to run
// (helm disagrees with itself here): these are rendered but not compared.
const VOLATILE = new Set([
  'angelnu__k8s-gitops__apps_esphome_app_helmrelease.yaml__MY_NAMESPACE.yaml',
  'angelnu__k8s-gitops__apps_home-assistant_app_app_helmrelease.yaml__MY_NAMESPACE.yaml',
  'angelnu__k8s-gitops__apps_vpn_qbittorrent_app_helmrelease.yaml__MY_APP.yaml',
  'bjw-s-labs__home-ops__kubernetes_apps_selfhosted_karakeep_app_helmrelease.yaml__karakeep.yaml',
]);

const ready = sharedAvailable() && helmAvailable();

/**
 * The output with documents of the same template file and kind in a canonical order. The chart
 * ranges over `keys` of a map (services, routes, …), which Go returns in random order, and
 * helm's install order sort keeps that order within a kind: only such neighbours may differ in
 * order from one helm run to the next. Everything else, bytes and order, must be equal.
 */
function canonicalMapOrder(text: string): string {
  const docs = text.split(/(?=^---\n# Source: )/m);
  const key = (doc: string) => `${/^# Source: (.*)$/m.exec(doc)?.[1]}\u0000${/^kind: (.*)$/m.exec(doc)?.[1]}`;
  const out: string[] = [];
  for (let i = 0; i < docs.length;) {
    let j = i + 1;
    while (j < docs.length && key(docs[j]!) === key(docs[i]!)) j++;
    out.push(...docs.slice(i, j).sort());
    i = j;
  }
  return out.join('');
}

// A schema error lists sibling errors in Go map order, which helm varies too.
function canonical(text: string): string {
  return text.startsWith("Error: values don't meet") ? canonicalSchemaErrors(text) : canonicalMapOrder(text);
}

function ours(prepared: ReturnType<typeof prepareChart>, valuesFile?: string): string {
  try {
    const user = valuesFile ? parseUserValues(readFileSync(valuesFile, 'utf8'), valuesFile) : {};
    return renderChart(prepared, user, OPTIONS).text;
  } catch (e) {
    if (e instanceof DiagnosticError) return `Error: ${e.message}\n`;
    throw e;
  }
}

function helm(valuesFile?: string): string {
  const r = runHelm(['template', 'rel', CHART, ...(valuesFile ? ['-f', valuesFile] : []), ...ARGS]);
  return r.ok ? r.stdout : r.stderr;
}

describe.skipIf(!ready)(
  `app-template 4.1.1 against helm template ${ready ? '' : helmUnavailableReason()}`,
  () => {
    const prepared = ready
      ? prepareChart(loadChartArchive(readFileSync(CHART), 'app-template-4.1.1.tgz'))
      : undefined;
    const files = ready ? readdirSync(VALUES).sort() : [];

    it('default values', () => {
      expect(ours(prepared!)).toBe(helm());
    });

    it.each(files)('%s', (file) => {
      const path = join(VALUES, file);
      const expected = helm(path);
      const actual = ours(prepared!, path);
      if (VOLATILE.has(file)) {
        expect(actual.startsWith('---\n# Source: ')).toBe(expected.startsWith('---\n# Source: '));
        return;
      }
      const known = KNOWN[file];
      if (known) expect(actual, known).not.toBe(expected);
      else expect(canonical(actual)).toBe(canonical(expected));
    });
  },
);
