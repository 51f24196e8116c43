/**
 * The chart cache: what an online run leaves serves offline runs, with no network at all;
 * corrupt archives are detected; writes leave no partial files; imported archives stand in
 * for charts that cannot be fetched.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defaultChartCacheDir,
  importCharts,
  requestKey,
  resolveCharts,
  type ChartFetchOptions,
  type ChartRequest,
  type ChartResult,
} from '../../src/charts/index.js';
import { SHARED_DIR, sharedAvailable } from '../helpers/shared.js';
import { startHelmRepo } from './helpers/helm-repo.js';
import { startRegistry, type MockRegistry } from './helpers/oci-registry.js';
import type { TestServer } from './helpers/server.js';
import { chartTgz } from './helpers/tgz.js';

const tmp: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-ops-cache-'));
  tmp.push(dir);
  return dir;
}

const noNetwork: typeof fetch = () => {
  throw new Error('offline runs must not touch the network');
};

async function run(requests: ChartRequest[], options: ChartFetchOptions): Promise<ChartResult[]> {
  const results = await resolveCharts(requests, { retries: 0, timeoutMs: 5_000, ...options });
  return requests.map((r) => results.get(requestKey(r)) as ChartResult);
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

let repo: TestServer;
let reg: MockRegistry;
beforeAll(async () => {
  repo = await startHelmRepo(
    ['1.0.0', '1.1.0', '2.0.0'].map((v) => ({ name: 'demo', version: v, archive: chartTgz('demo', v) })),
  );
  reg = await startRegistry({ auth: 'bearer' });
  for (const v of ['1.0.0', '1.1.0']) reg.push('charts/app', v, chartTgz('app', v));
});
afterAll(async () => {
  await repo.close();
  await reg.close();
  for (const dir of tmp) rmSync(dir, { recursive: true, force: true });
});

const helm = (version: string): ChartRequest => ({
  kind: 'helm-repository',
  url: `${repo.url}/charts`,
  chart: 'demo',
  version,
});
const oci = (ref: { tag?: string; semver?: string; digest?: string }): ChartRequest => ({
  kind: 'oci',
  url: `oci://${reg.host}/charts/app`,
  ref,
  insecure: true,
});

describe('offline after online', () => {
  it('answers every request from the cache without the network', async () => {
    const dir = tempDir();
    const requests = [helm('1.x'), helm('2.0.0'), oci({ tag: '1.0.0' }), oci({ semver: '1.x' })];
    const online = await run(requests, { cacheDir: dir, offline: false });
    expect(online.map((r) => r.ok)).toEqual([true, true, true, true]);
    const offline = await run(requests, { cacheDir: dir, offline: true, fetch: noNetwork });
    expect(offline.map((r) => (r.ok ? `${r.chart.version} ${r.fromCache}` : r.reason))).toEqual([
      '1.1.0 true',
      '2.0.0 true',
      '1.0.0 true',
      '1.1.0 true',
    ]);
    const [, , tagged] = offline;
    expect(tagged).toMatchObject({ chart: { manifestDigest: expect.stringMatching(/^sha256:/) } });
    // The cached index also answers constraints that were never asked online.
    const other = await run([helm('<1.1.0')], { cacheDir: dir, offline: true, fetch: noNetwork });
    expect(other[0]).toMatchObject({ ok: false, reason: expect.stringContaining('demo 1.0.0') });
    expect(files(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('says what to run when a chart is not cached', async () => {
    const [helmResult, ociResult] = await run([helm('1.0.0'), oci({ tag: '1.0.0' })], {
      cacheDir: tempDir(),
      offline: true,
      fetch: noNetwork,
    });
    for (const r of [helmResult, ociResult]) {
      expect(r).toMatchObject({
        ok: false,
        reason: expect.stringContaining('not in the cache (offline)'),
        hint: expect.stringContaining('k8s-ops charts pull'),
      });
    }
  });

  it('a digest reference once cached is served without asking the registry', async () => {
    const dir = tempDir();
    const [first] = await run([oci({ tag: '1.1.0' })], { cacheDir: dir, offline: false });
    if (!first?.ok) throw new Error('setup failed');
    const byDigest = oci({ digest: first.chart.manifestDigest });
    await run([byDigest], { cacheDir: dir, offline: false });
    const [again] = await run([byDigest], { cacheDir: dir, offline: false, fetch: noNetwork });
    expect(again).toMatchObject({ ok: true, fromCache: true, chart: { version: '1.1.0' } });
  });
});

describe('corruption', () => {
  function corruptBlobs(dir: string): void {
    const blobs = join(dir, 'blobs/sha256');
    for (const f of readdirSync(blobs)) writeFileSync(join(blobs, f), 'garbage');
  }

  it('is reported offline, and the archive fetched again online', async () => {
    const dir = tempDir();
    await run([helm('1.0.0'), oci({ tag: '1.0.0' })], { cacheDir: dir, offline: false });
    corruptBlobs(dir);
    const offline = await run([helm('1.0.0'), oci({ tag: '1.0.0' })], {
      cacheDir: dir,
      offline: true,
      fetch: noNetwork,
    });
    for (const r of offline)
      expect(r).toMatchObject({ ok: false, reason: expect.stringContaining('is corrupt') });
    corruptBlobs(dir);
    const online = await run([helm('1.0.0'), oci({ tag: '1.0.0' })], { cacheDir: dir, offline: false });
    expect(online.map((r) => r.ok && !r.fromCache)).toEqual([true, true]);
    const healed = await run([helm('1.0.0'), oci({ tag: '1.0.0' })], {
      cacheDir: dir,
      offline: true,
      fetch: noNetwork,
    });
    expect(healed.map((r) => r.ok)).toEqual([true, true]);
  });

  it('a cache that cannot be written is a failure naming the folder', async () => {
    const file = join(tempDir(), 'not-a-folder');
    writeFileSync(file, '');
    const [result] = await run([helm('1.0.0')], { cacheDir: file, offline: false });
    expect(result).toMatchObject({
      ok: false,
      reason: expect.stringContaining('cannot write the chart cache'),
      hint: expect.stringContaining('K8S_OPS_CHART_CACHE'),
    });
  });
});

describe('atomic writes', () => {
  it('concurrent runs over one cache leave whole files only', async () => {
    const dir = tempDir();
    const requests = [
      helm('1.0.0'),
      helm('1.1.0'),
      helm('2.0.0'),
      oci({ tag: '1.0.0' }),
      oci({ tag: '1.1.0' }),
    ];
    const runs = await Promise.all(
      [1, 2, 3, 4].map(() => run(requests, { cacheDir: dir, offline: false, concurrency: 5 })),
    );
    expect(runs.flat().every((r) => r.ok)).toBe(true);
    expect(files(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    for (const f of files(dir).filter((x) => x.endsWith('.json')))
      expect(() => JSON.parse(readFileSync(join(dir, f), 'utf8'))).not.toThrow();
    const offline = await run(requests, { cacheDir: dir, offline: true, fetch: noNetwork });
    expect(offline.every((r) => r.ok)).toBe(true);
  });
});

describe('import', () => {
  it('records archives by name and version, and serves constraints offline', async () => {
    const dir = tempDir();
    const src = tempDir();
    const paths = ['3.0.0', '3.1.0', '4.0.0-rc.1'].map((v) => {
      const path = join(src, `imp-${v}.tgz`);
      writeFileSync(path, chartTgz('imp', v));
      return path;
    });
    const broken = join(src, 'broken.tgz');
    writeFileSync(broken, 'not gzip');
    const results = await importCharts([...paths, broken, join(src, 'missing.tgz')], dir);
    expect(results.map((r) => (r.ok ? `${r.name} ${r.version}` : r.reason.replace(src, 'SRC')))).toEqual([
      'imp 3.0.0',
      'imp 3.1.0',
      'imp 4.0.0-rc.1',
      expect.stringContaining('SRC/broken.tgz is not a valid chart archive'),
      'cannot read SRC/missing.tgz (ENOENT)',
    ]);
    const requests: ChartRequest[] = [
      { kind: 'helm-repository', url: 'https://charts.example.com', chart: 'imp', version: '3.x' },
      { kind: 'helm-repository', url: 'https://charts.example.com', chart: 'imp', version: '' },
      { kind: 'helm-repository', url: 'https://charts.example.com', chart: 'imp', version: '4.0.0-rc.1' },
      { kind: 'oci', url: 'oci://ghcr.io/example/imp', ref: { semver: '>=3.0.0 <3.1.0' } },
      { kind: 'oci', url: 'oci://ghcr.io/example/imp', ref: { tag: '3.1.0' } },
      { kind: 'oci', url: 'oci://ghcr.io/example/imp', ref: { tag: 'latest' } },
      { kind: 'helm-repository', url: 'https://charts.example.com', chart: 'imp', version: '9.x' },
    ];
    const offline = await run(requests, { cacheDir: dir, offline: true, fetch: noNetwork });
    expect(offline.map((r) => (r.ok ? `${r.chart.version} ${r.chart.source}` : 'missing'))).toEqual([
      '3.1.0 imported imp-3.1.0.tgz',
      '3.1.0 imported imp-3.1.0.tgz',
      '4.0.0-rc.1 imported imp-4.0.0-rc.1.tgz',
      '3.0.0 imported imp-3.0.0.tgz',
      '3.1.0 imported imp-3.1.0.tgz',
      'missing',
      'missing',
    ]);
    expect(offline[3]?.ok && offline[3].chart.manifestDigest).toBeUndefined();
  });

  it.skipIf(!sharedAvailable())('imports real chart archives', async () => {
    const results = await importCharts(
      ['podinfo-6.14.1.tgz', 'kyverno-3.9.0-rc.4.tgz'].map((f) => join(SHARED_DIR, 'helm/charts', f)),
      tempDir(),
    );
    expect(results.map((r) => (r.ok ? `${r.name} ${r.version}` : r.reason))).toEqual([
      'podinfo 6.14.1',
      'kyverno 3.9.0-rc.4',
    ]);
  });
});

describe('keys and locations', () => {
  it.each<[ChartRequest, string]>([
    [
      { kind: 'helm-repository', url: 'https://u:p@charts.example.com/stable/', chart: 'x', version: '' },
      'https://charts.example.com/stable x@*',
    ],
    [
      { kind: 'helm-repository', url: 'https://charts.example.com', chart: 'x', version: '1.x' },
      'https://charts.example.com x@1.x',
    ],
    [{ kind: 'oci', url: 'oci://ghcr.io/a/b', ref: {} }, 'oci://ghcr.io/a/b:latest'],
    [
      { kind: 'oci', url: 'oci://ghcr.io/a/b', ref: { tag: '1.0.0', digest: 'sha256:00' } },
      'oci://ghcr.io/a/b@sha256:00',
    ],
    [
      {
        kind: 'oci',
        url: 'oci://ghcr.io/a/b',
        ref: { semver: '1.x', semverFilter: '.*' },
        layerSelector: { mediaType: 'm', operation: 'copy' },
      },
      'oci://ghcr.io/a/b semver 1.x filter .* layer m copy',
    ],
    [
      { kind: 'oci', url: 'oci://ghcr.io/a/b', ref: { semver: '' }, sourceKind: 'HelmRepository' },
      'oci://ghcr.io/a/b:latest (HelmRepository)',
    ],
  ])('requestKey %#', (request, key) => {
    expect(requestKey(request)).toBe(key);
  });

  it.each<[Record<string, string>, string]>([
    [{ K8S_OPS_CHART_CACHE: '/c', XDG_CACHE_HOME: '/x', HOME: '/h' }, '/c'],
    [{ XDG_CACHE_HOME: '/x', HOME: '/h' }, '/x/k8s-ops/charts'],
    [{ HOME: '/h' }, '/h/.cache/k8s-ops/charts'],
  ])('defaultChartCacheDir %#', (env, dir) => {
    expect(defaultChartCacheDir(env)).toBe(dir);
  });
});
