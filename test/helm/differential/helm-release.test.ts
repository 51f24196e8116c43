/**
 * Differential test of the HelmRelease stage. First, HelmReleases with post-renderers and
 * commonMetadata: our objects equal the real `helm template` output passed, independently,
 * through `kubectl kustomize` (the patches and images) and then the labels and annotations
 * helm-controller adds to metadata. Second, the platform: with its charts imported into a
 * temporary chart cache, every HelmRelease of both clusters renders offline, except GitLab,
 * whose chart is not in the shared data.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importCharts, resolveCharts } from '../../../src/charts/index.js';
import { requestKey, type ChartResult } from '../../../src/charts/types.js';
import { createChartRenderer } from '../../../src/cli/chart-render.js';
import { isJsonObject, type JsonObject } from '../../../src/core/json.js';
import type { HelmService } from '../../../src/render/helm-service.js';
import type { ClusterModel } from '../../../src/render/model.js';
import { renderRepository } from '../../../src/render/render-repository.js';
import { openWorktree } from '../../../src/tree/worktree.js';
import { readChartArchive } from '../../../src/helm/chart/archive.js';
import { parseYamlDocuments } from '../../../src/yaml/parse.js';
import { tgz, type TestEntry } from '../tar-writer.js';
import { memoryTree } from '../../fixtures/discover/memory-tree.js';
import { bootstrapFiles, yamlDocs } from '../../fixtures/render/repo.js';
import { helmAvailable, helmUnavailableReason, runHelm } from '../../helpers/helm-oracle.js';
import { kubectlAvailable, realKustomize, withFixture } from '../../helpers/kustomize-oracle.js';
import { PROJECT_ROOT, SHARED_DIR, sharedAvailable } from '../../helpers/shared.js';

const CHARTS = join(SHARED_DIR, 'helm/platform-charts');
const KUBE_VERSION = '1.34.0';
const REPO = 'https://charts.example.com';
const ready = sharedAvailable() && helmAvailable() && kubectlAvailable();

/** A service that renders in this thread (vitest gives it a 4 MB stack) with the given charts. */
function service(
  charts: (requests: Parameters<HelmService['charts']>[0]) => Promise<Map<string, ChartResult>>,
): HelmService {
  const renderer = createChartRenderer();
  return {
    kubeVersion: KUBE_VERSION,
    charts,
    render: (request) => {
      const r = renderer.render({
        key: request.key,
        chart: request.chart,
        values: [{ kind: 'object', value: request.values as JsonObject }],
        cwd: PROJECT_ROOT,
        options: request.options,
      });
      return Promise.resolve(r.ok ? r : { ok: false, diagnostic: r.diagnostic });
    },
  };
}

interface Case {
  name: string;
  chart: string;
  version: string;
  file: string;
  spec: JsonObject;
}

const POST_RENDER = {
  kustomize: {
    patches: [
      {
        target: { kind: 'Deployment' },
        patch: '- op: add\n  path: /metadata/annotations/patched\n  value: "yes"\n',
      },
      {
        patch: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: any\n  labels: {sa: patched}\n',
        target: { kind: 'ServiceAccount' },
      },
    ],
    images: [
      { name: 'registry.k8s.io/external-dns/external-dns', newName: 'mirror.example.com/external-dns' },
    ],
  },
};

const CASES: Case[] = [
  {
    name: 'external-dns',
    chart: 'external-dns',
    version: '1.19.0',
    file: 'external-dns-1.19.0.tgz',
    spec: {
      targetNamespace: 'dns',
      install: { crds: 'Skip' },
      values: { provider: { name: 'cloudflare' }, domainFilters: ['example.com'] },
      postRenderers: [POST_RENDER],
      commonMetadata: { labels: { team: 'net' }, annotations: { owner: 'ops' } },
    },
  },
  {
    name: 'cert-manager',
    chart: 'cert-manager',
    version: 'v1.19.2',
    file: 'cert-manager-v1.19.2.tgz',
    spec: {
      values: { crds: { enabled: false } },
      postRenderers: [
        {
          kustomize: {
            images: [{ name: 'quay.io/jetstack/cert-manager-controller', newTag: 'v9.9.9' }],
            patches: [
              { target: { kind: 'Job' }, patch: '- op: add\n  path: /spec/backoffLimit\n  value: 9\n' },
            ],
          },
        },
      ],
      commonMetadata: { labels: { team: 'security' } },
    },
  },
];

function helmRelease(c: Case): JsonObject {
  return {
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: { name: c.name, namespace: 'apps' },
    spec: {
      interval: '10m',
      chart: {
        spec: {
          chart: c.chart,
          version: c.version,
          sourceRef: { kind: 'HelmRepository', name: 'charts', namespace: 'flux-system' },
        },
      },
      ...c.spec,
    },
  };
}

const idOf = (o: JsonObject) => {
  const m = isJsonObject(o.metadata) ? o.metadata : {};
  return `${String(o.kind)}/${String(m.namespace ?? '')}/${String(m.name ?? '')}`;
};
const sorted = (objects: JsonObject[]) => [...objects].sort((a, b) => (idOf(a) < idOf(b) ? -1 : 1));

function setMeta(o: JsonObject, field: string, pairs: Record<string, string>) {
  const meta = (o.metadata ??= {}) as JsonObject;
  meta[field] = { ...(isJsonObject(meta[field]) ? meta[field] : {}), ...pairs };
}

/** helm template → kubectl kustomize → commonMetadata → origin labels, done without our engine. */
function expected(c: Case, release: string, namespace: string): JsonObject[] {
  const values = join(work, `${c.name}.json`);
  writeFileSync(values, JSON.stringify(c.spec.values ?? {}));
  const helm = runHelm([
    'template',
    release,
    join(CHARTS, c.file),
    '-n',
    namespace,
    '-f',
    values,
    '--kube-version',
    KUBE_VERSION,
  ]);
  expect(helm.ok, helm.stderr).toBe(true);
  const kustomization = {
    resources: ['helm-output.yaml'],
    ...(isJsonObject((c.spec.postRenderers as JsonObject[])[0]?.kustomize)
      ? ((c.spec.postRenderers as JsonObject[])[0]!.kustomize as JsonObject)
      : {}),
  };
  const out = withFixture(
    { 'helm-output.yaml': helm.stdout, 'kustomization.yaml': JSON.stringify(kustomization) },
    realKustomize,
  );
  expect(out.ok, out.stderr).toBe(true);
  const objects = parseYamlDocuments(out.stdout, 'kustomize').flatMap((d) =>
    isJsonObject(d.value) ? [d.value] : [],
  );
  const common = c.spec.commonMetadata as {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  for (const o of objects) {
    if (common.labels) setMeta(o, 'labels', common.labels);
    if (common.annotations) setMeta(o, 'annotations', common.annotations);
    setMeta(o, 'labels', {
      'helm.toolkit.fluxcd.io/name': c.name,
      'helm.toolkit.fluxcd.io/namespace': 'apps',
    });
  }
  return sorted(objects);
}

const work = ready ? mkdtempSync(join(tmpdir(), 'k8s-ops-hr-')) : '';
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!ready)(
  `HelmReleases against helm template and kubectl kustomize ${ready ? '' : helmUnavailableReason()}`,
  () => {
    it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      const archive = new Uint8Array(readFileSync(join(CHARTS, c.file)));
      const svc = service((requests) =>
        Promise.resolve(
          new Map(
            requests.map((r) => [
              requestKey(r),
              {
                ok: true,
                fromCache: true,
                chart: {
                  archive,
                  name: c.chart,
                  version: c.version,
                  digest: `sha256:${c.file}`,
                  source: c.file,
                },
              },
            ]),
          ),
        ),
      );
      const files = {
        ...bootstrapFiles('dev'),
        'clusters/dev/apps.yaml': yamlDocs(
          {
            apiVersion: 'source.toolkit.fluxcd.io/v1',
            kind: 'HelmRepository',
            metadata: { name: 'charts', namespace: 'flux-system' },
            spec: { interval: '1h', url: REPO },
          },
          helmRelease(c),
        ),
      };
      const result = await renderRepository(memoryTree(files), { strict: true, helm: svc });
      const r = result.models[0]!.helmReleases[0]!;
      expect(r.reason).toBeUndefined();
      expect(r.state).toBe('rendered');
      const target = typeof c.spec.targetNamespace === 'string' ? c.spec.targetNamespace : 'apps';
      const release = typeof c.spec.targetNamespace === 'string' ? `${target}-${c.name}` : c.name;
      expect(sorted(r.objects.map((o) => o.obj))).toEqual(expected(c, release, target));
    });
  },
);

/** HelmReleases whose chart is not in the shared data. */
const UNAVAILABLE = new Set(['apps/gitlab/gitlab']);

/** Pinned versions the shared data holds under another version: re-packaged under the pin. */
const SUBSTITUTES: readonly [file: string, top: string, version: string][] = [
  ['openebs-4.2.0.tgz', 'openebs', '4.3.3'],
];

// ustar keeps names to 100 bytes; longer paths go to the 155-byte prefix.
function entry(name: string, data: Uint8Array): TestEntry {
  if (name.length <= 100) return { name, data };
  const cut = name.lastIndexOf('/', name.length - 101 >= 0 ? 155 : name.length);
  return { name: name.slice(cut + 1), prefix: name.slice(0, cut), data };
}

function repackaged(file: string, top: string, version: string): string {
  const { files } = readChartArchive(readFileSync(join(CHARTS, file)), file);
  const entries = [...files].map(([name, data]) => {
    const text =
      name === 'Chart.yaml'
        ? new TextDecoder().decode(data).replace(/^version:.*$/m, `version: ${version}`)
        : undefined;
    return entry(`${top}/${name}`, text === undefined ? data : new TextEncoder().encode(text));
  });
  const out = join(work, `${top}-${version}.tgz`);
  writeFileSync(out, tgz(entries));
  return out;
}

describe.skipIf(!ready)('the platform with its charts imported into a temporary cache', () => {
  it('renders every HelmRelease of both clusters offline, except those whose chart is missing', async () => {
    const cache = join(work, 'cache');
    const archives = readdirSync(CHARTS).filter((f) => f.endsWith('.tgz'));
    const substitutes = SUBSTITUTES.map(([file, top, version]) => repackaged(file, top, version));
    const imported = await importCharts([...archives.map((f) => join(CHARTS, f)), ...substitutes], cache);
    expect(imported.filter((i) => !i.ok)).toEqual([]);
    const svc = service((requests) => resolveCharts(requests, { cacheDir: cache, offline: true }));
    const result = await renderRepository(openWorktree(PROJECT_ROOT), { strict: true, helm: svc });
    const states = (m: ClusterModel) =>
      m.helmReleases.map(
        (h) => [`${m.name}/${h.ref.namespace}/${h.ref.name}`, h.state, h.reason ?? ''] as const,
      );
    const all = result.models.flatMap(states);
    expect(all.length).toBeGreaterThan(30);
    const wrong = all.filter(([id, state]) =>
      UNAVAILABLE.has(id) ? state !== 'chart-unavailable' : state !== 'rendered',
    );
    expect(wrong).toEqual([]);
    for (const m of result.models) {
      for (const h of m.helmReleases.filter((x) => x.state === 'rendered')) {
        expect(h.objects.length, `${m.name}/${h.ref.name}`).toBeGreaterThan(0);
        expect(h.chartVersion, `${m.name}/${h.ref.name}`).toBeTruthy();
      }
    }
  });
});
