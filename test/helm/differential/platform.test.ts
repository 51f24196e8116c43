/**
 * Differential test: every HelmRelease of the platform's two clusters rendered natively and by
 * the real helm, with the values Flux passes (spec.values after postBuild substitution, over
 * the valuesFrom ConfigMaps/Secrets of the same cluster), the release name and namespace
 * helm-controller uses, and CRDs unless the install policy skips them. Outputs must be equal
 * byte for byte once the lines that differ between two helm runs are masked.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../../src/core/diagnostic.js';
import { isJsonObject, type JsonObject } from '../../../src/core/json.js';
import { chartValues } from '../../../src/flux/helm/values-from.js';
import {
  IN_CLUSTER_PLACEHOLDER,
  externalSecretKeys,
  externalSecretTarget,
  placeholderSecret,
} from '../../../src/flux/in-cluster-values.js';
import type { HelmReleaseModel } from '../../../src/flux/models/index.js';
import { parseFluxObject } from '../../../src/flux/models/index.js';
import { GoInt, isGoMap, type GoMap } from '../../../src/gotemplate/value.js';
import { loadChartArchive } from '../../../src/helm/chart/load.js';
import { prepareChart, renderChart, type PreparedChart } from '../../../src/helm/render/render.js';
import { parseUserValues } from '../../../src/helm/values/user-values.js';
import type { ClusterModel, HelmReleaseRecord } from '../../../src/render/model.js';
import { renderRepository } from '../../../src/render/render-repository.js';
import { openWorktree } from '../../../src/tree/worktree.js';
import { helmAvailable, helmUnavailableReason, runHelm } from '../../helpers/helm-oracle.js';
import { PROJECT_ROOT, SHARED_DIR, sharedAvailable } from '../../helpers/shared.js';

const CHARTS = join(SHARED_DIR, 'helm/platform-charts');
const KUBE_VERSION = '1.34.0';

/** Pinned versions the shared data holds under another version (see its README). */
const SUBSTITUTES: Readonly<Record<string, string>> = { 'openebs@4.3.3': '4.2.0' };

/** HelmReleases whose chart is not in the shared data: asserted absent, not rendered. */
const ABSENT: Readonly<Record<string, string>> = {
  'apps/gitlab/gitlab': 'the gitlab chart 9.5.1 could not be obtained offline',
};

/** HelmReleases that helm and k8s-ops both refuse, with the cause and the text both print. */
const FAILS: Readonly<Record<string, { cause: string; error: string }>> = {};

/** Known differences with their cause; each must still differ. */
const KNOWN: Readonly<Record<string, string>> = {};

const ready = sharedAvailable() && helmAvailable();

interface Case {
  id: string;
  release: HelmReleaseModel;
  chart: string;
  version: string;
  values: GoMap;
}

// Both renderers read the same values file. An int64 set by a targetPath becomes a plain number
// there (float64 for both): the file cannot say int64.
const valuesText = (values: GoMap): string =>
  JSON.stringify(values, (_k, v: unknown) => (v instanceof GoInt ? v.toNumber() : v));

function chartIndex(): Map<string, string> {
  const rows = readFileSync(join(SHARED_DIR, 'helm/platform-charts.tsv'), 'utf8').trim().split('\n');
  return new Map(
    rows.slice(1).map((row) => {
      const [file = '', name = '', version = ''] = row.split('\t');
      return [`${name}@${version}`, file];
    }),
  );
}

function objectKey(kind: string, namespace: string, name: string): string {
  return `${kind}/${namespace}/${name}`;
}

/**
 * ConfigMaps and Secrets the cluster holds, with placeholders for what only exists in it, as the
 * render stage looks up substitution sources.
 */
function clusterLookup(
  model: ClusterModel,
): (kind: string, namespace: string, name: string) => JsonObject | undefined {
  const objects = new Map<string, JsonObject>();
  const external = new Map<string, JsonObject>();
  for (const k of model.kustomizations) {
    for (const r of k.objects) {
      const meta = isJsonObject(r.obj.metadata) ? r.obj.metadata : {};
      const key = objectKey(String(r.obj.kind), String(meta.namespace ?? ''), String(meta.name ?? ''));
      if (r.obj.kind === 'ExternalSecret') {
        const t = externalSecretTarget(r.obj);
        external.set(objectKey('Secret', t.namespace, t.name), r.obj);
      } else if (r.masked) {
        // A SOPS Secret that was not decrypted: its keys are known, its values are not.
        const keys = [r.obj.data, r.obj.stringData].flatMap((m) => (isJsonObject(m) ? Object.keys(m) : []));
        objects.set(key, placeholderSecret(String(meta.namespace), String(meta.name), keys, 'known', 'SOPS'));
      } else objects.set(key, r.obj);
    }
  }
  return (kind, namespace, name) => {
    const key = objectKey(kind, namespace, name);
    const found = objects.get(key);
    if (found) return found;
    const es = external.get(key);
    if (!es) return undefined;
    const { keys, kind: placeholder } = externalSecretKeys(es);
    return placeholderSecret(namespace, name, keys, placeholder, 'ExternalSecret');
  };
}

function chartOf(model: ClusterModel, hr: HelmReleaseModel): { chart: string; version: string } {
  if (hr.chart) return { chart: hr.chart.chart, version: hr.chart.version };
  const ref = hr.chartRef;
  const source = model.sources.find(
    (s) => s.kind === ref?.kind && s.ref.name === ref.name && s.ref.namespace === ref.namespace,
  );
  const url = source?.url ?? '';
  return { chart: url.slice(url.lastIndexOf('/') + 1), version: source?.revision ?? '' };
}

function casesOf(model: ClusterModel, record: HelmReleaseRecord): Case {
  const parsed = parseFluxObject(record.obj, { file: record.ref.name });
  const release = parsed.model as HelmReleaseModel | undefined;
  if (!release) throw new Error(`${record.ref.name}: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);
  const lookup = clusterLookup(model);
  const values = chartValues({
    namespace: release.namespace,
    ...(release.values ? { values: release.values } : {}),
    valuesFrom: release.valuesFrom,
    lookup: (kind, name) => lookup(kind, release.namespace, name),
    where: { file: record.ref.name },
  });
  return {
    id: `${model.name}/${record.ref.namespace}/${record.ref.name}`,
    release,
    ...chartOf(model, release),
    values,
  };
}

async function platformCases(): Promise<Case[]> {
  const render = await renderRepository(openWorktree(PROJECT_ROOT), { strict: true });
  return render.models.flatMap((m) => m.helmReleases.map((hr) => casesOf(m, hr)));
}

const work = ready ? mkdtempSync(join(tmpdir(), 'k8s-ops-platform-')) : '';
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function helmArgs(c: Case, archive: string, valuesFile: string): string[] {
  return [
    'template',
    c.release.releaseName,
    archive,
    '-n',
    c.release.targetNamespace,
    '-f',
    valuesFile,
    '--kube-version',
    KUBE_VERSION,
    ...(c.release.installCrds === 'Skip' ? [] : ['--include-crds']),
  ];
}

function helmOutput(args: string[]): string {
  const r = runHelm(args);
  return r.ok ? r.stdout : r.stderr;
}

const prepared = new Map<string, PreparedChart>();

function ours(c: Case, archive: string, valuesFile: string): string {
  try {
    let p = prepared.get(archive);
    if (!p) {
      p = prepareChart(loadChartArchive(readFileSync(archive), archive.slice(archive.lastIndexOf('/') + 1)));
      prepared.set(archive, p);
    }
    const user = parseUserValues(readFileSync(valuesFile, 'utf8'), valuesFile);
    return renderChart(p, user, {
      releaseName: c.release.releaseName,
      namespace: c.release.targetNamespace,
      kubeVersion: KUBE_VERSION,
      includeCrds: c.release.installCrds !== 'Skip',
    }).text;
  } catch (e) {
    if (e instanceof DiagnosticError) return `Error: ${e.message}\n`;
    throw e;
  }
}

/** Lines that differ between two helm runs (random passwords, generated certificates) masked. */
function masked(expected: string, again: string, actual: string): { expected: string; actual: string } {
  if (expected === again) return { expected, actual };
  const a = expected.split('\n');
  const b = again.split('\n');
  const o = actual.split('\n');
  if (a.length !== b.length || o.length !== a.length) return { expected, actual };
  const mask = (lines: string[]) => lines.map((l, i) => (a[i] === b[i] ? l : '<volatile>')).join('\n');
  return { expected: mask(a), actual: mask(o) };
}

const cases = ready ? await platformCases() : [];
const charts = ready ? chartIndex() : new Map<string, string>();

describe.skipIf(!ready)(
  `platform HelmReleases against helm template ${ready ? '' : helmUnavailableReason()}`,
  () => {
    it('finds the HelmReleases of both clusters', () => {
      expect(cases.length).toBeGreaterThan(30);
    });

    it('merges valuesFrom from the cluster: Secrets an ExternalSecret creates are placeholders', () => {
      const harbor = cases.find((c) => c.id === 'apps/harbor/harbor')?.values;
      const external = (key: string) => {
        const section = harbor?.[key];
        return isGoMap(section) && isGoMap(section.external) ? section.external.password : undefined;
      };
      expect([external('database'), external('redis')]).toEqual([
        IN_CLUSTER_PLACEHOLDER,
        IN_CLUSTER_PLACEHOLDER,
      ]);
    });

    it.each(cases.map((c) => [c.id, c] as const))('%s', (id, c) => {
      const version = SUBSTITUTES[`${c.chart}@${c.version}`] ?? c.version;
      const file = charts.get(`${c.chart}@${version}`);
      if (ABSENT[id]) {
        expect(file, ABSENT[id]).toBeUndefined();
        return;
      }
      expect(file, `no archive for ${c.chart} ${c.version}`).toBeDefined();
      const archive = join(CHARTS, file!);
      const valuesFile = join(work, `${id.replaceAll('/', '_')}.json`);
      writeFileSync(valuesFile, valuesText(c.values));
      const args = helmArgs(c, archive, valuesFile);
      const first = helmOutput(args);
      const actual = ours(c, archive, valuesFile);
      const fails = FAILS[id];
      if (fails) {
        expect(first, fails.cause).toContain(fails.error);
        expect(actual, fails.cause).toContain(fails.error);
        return;
      }
      const cmp = masked(first, first === actual ? first : helmOutput(args), actual);
      if (KNOWN[id]) expect(cmp.actual, KNOWN[id]).not.toBe(cmp.expected);
      else expect(cmp.actual).toBe(cmp.expected);
    });
  },
);
