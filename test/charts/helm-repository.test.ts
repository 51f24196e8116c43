/**
 * HelmRepository retrieval against a loopback repository: source-controller's version choice,
 * relative and absolute chart URLs, digest checks, basic auth, limits, timeouts and the cache.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  requestKey,
  resolveCharts,
  type ChartFetchOptions,
  type ChartRequest,
  type ChartResult,
} from '../../src/charts/index.js';
import { SHARED_DIR, sharedAvailable } from '../helpers/shared.js';
import { startHelmRepo, type RepoChart } from './helpers/helm-repo.js';
import type { TestServer } from './helpers/server.js';
import { chartTgz } from './helpers/tgz.js';

const tmp: string[] = [];
function cacheDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-ops-charts-'));
  tmp.push(dir);
  return dir;
}

const FAST: Partial<ChartFetchOptions> = { retries: 0, timeoutMs: 5_000 };

async function one(request: ChartRequest, options: Partial<ChartFetchOptions> = {}): Promise<ChartResult> {
  const results = await resolveCharts([request], {
    cacheDir: cacheDir(),
    offline: false,
    ...FAST,
    ...options,
  });
  return results.get(requestKey(request)) as ChartResult;
}

function demo(version: string, created?: string, url?: RepoChart['url']): RepoChart {
  return { name: 'demo', version, archive: chartTgz('demo', version), created, url };
}

const VERSIONS: RepoChart[] = [
  demo('1.0.0'),
  demo('1.2.0'),
  demo('1.10.1'),
  demo('2.0.0-rc.1'),
  demo('1.9.0', undefined, 'absolute'),
  demo('v3.0.0-beta.2'),
  // Equal versions (build metadata differs): the newest created wins.
  demo('0.5.0+old', '2024-01-01T00:00:00Z'),
  demo('0.5.0+new', '2024-03-01T00:00:00.5Z'),
  demo('0.5.0+mid', '2024-02-01T00:00:00Z'),
  demo('0.9.0', undefined, 'none'),
];

let repo: TestServer;
beforeAll(async () => {
  repo = await startHelmRepo(VERSIONS);
});
afterAll(async () => {
  await repo.close();
  for (const dir of tmp) rmSync(dir, { recursive: true, force: true });
});

function helm(version: string, chart = 'demo'): ChartRequest {
  return { kind: 'helm-repository', url: `${repo.url}/charts/`, chart, version };
}

describe('version selection', () => {
  const cases: [string, string, string][] = [
    ['exact', '1.2.0', '1.2.0'],
    ['empty is the latest stable', '', '1.10.1'],
    ['* is the latest stable', '*', '1.10.1'],
    ['x range', '1.x', '1.10.1'],
    ['tilde', '~1.2', '1.2.0'],
    ['range with an upper bound', '>=1.0.0 <1.10.0', '1.9.0'],
    ['prerelease pin', '2.0.0-rc.1', '2.0.0-rc.1'],
    ['a range naming a prerelease admits prereleases', '>=2.0.0-0 <3.0.0-0', '2.0.0-rc.1'],
    ['the highest, prereleases included', '>=2.0.0-0', 'v3.0.0-beta.2'],
    ['v prefix in the index', '3.0.0-beta.2', 'v3.0.0-beta.2'],
    ['exact string match with its v', 'v3.0.0-beta.2', 'v3.0.0-beta.2'],
    ['equal versions: newest created', '0.5.x', '0.5.0+new'],
  ];
  it.each(cases)('%s (%s → %s)', async (_name, version, expected) => {
    const result = await one(helm(version));
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.chart.version).toBe(expected);
    expect(result.chart.name).toBe('demo');
    expect(result.chart.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('no match lists the nearest versions', async () => {
    const result = await one(helm('~1.5.0'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toContain("no 'demo' chart with version matching '~1.5.0' found");
    expect(result.hint).toContain('1.2.0');
    expect(result.hint).toContain('1.9.0');
  });

  it('an invalid constraint says so', async () => {
    const result = await one(helm('>>1'));
    expect(result).toMatchObject({
      ok: false,
      reason: expect.stringContaining("invalid version constraint '>>1'"),
    });
  });

  it('an unknown chart names the charts there are', async () => {
    const result = await one(helm('1.0.0', 'nope'));
    expect(result).toMatchObject({
      ok: false,
      reason: expect.stringContaining("chart 'nope' is not in"),
      hint: expect.stringContaining('demo'),
    });
  });

  it('an entry without URLs is a failure', async () => {
    const result = await one(helm('0.9.0'));
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('has no downloadable URLs') });
  });

  it('absolute chart URLs are fetched where they point', async () => {
    const before = repo.log.length;
    const result = await one(helm('1.9.0'));
    expect(result.ok).toBe(true);
    expect(repo.log.slice(before).map((l) => l.url)).toContain('/dl/demo-1.9.0.tgz');
  });
});

describe('one download per index and per archive', () => {
  it('fetches the index once for several charts of a repository, and reuses cached archives', async () => {
    const dir = cacheDir();
    const before = repo.log.length;
    const requests = ['1.0.0', '1.2.0', '1.x', '1.10.1'].map((v) => helm(v));
    const results = await resolveCharts(requests, { cacheDir: dir, offline: false, ...FAST });
    expect([...results.values()].every((r) => r.ok)).toBe(true);
    const urls = repo.log.slice(before).map((l) => l.url);
    expect(urls.filter((u) => u.endsWith('index.yaml'))).toHaveLength(1);
    expect(urls.filter((u) => u.endsWith('demo-1.10.1.tgz')).length).toBeLessThanOrEqual(2);
    const again = await resolveCharts(requests, { cacheDir: dir, offline: false, ...FAST });
    expect([...again.values()].every((r) => r.ok && r.fromCache)).toBe(true);
  });
});

describe('failures', () => {
  it('a digest mismatch is refused and nothing is cached', async () => {
    const bad = await startHelmRepo([{ ...demo('1.0.0'), digest: 'ab'.repeat(32) }]);
    try {
      const dir = cacheDir();
      const result = await one(
        { kind: 'helm-repository', url: `${bad.url}/charts`, chart: 'demo', version: '1.0.0' },
        { cacheDir: dir },
      );
      expect(result).toMatchObject({
        ok: false,
        reason: expect.stringContaining('digest mismatch for chart demo 1.0.0'),
      });
      const offline = await one(
        { kind: 'helm-repository', url: `${bad.url}/charts`, chart: 'demo', version: '1.0.0' },
        { cacheDir: dir, offline: true },
      );
      expect(offline.ok).toBe(false);
    } finally {
      await bad.close();
    }
  });

  it('a corrupt archive is reported', async () => {
    const broken = { name: 'demo', version: '1.0.0', archive: Buffer.from('not a tarball') };
    const bad = await startHelmRepo([broken]);
    try {
      const result = await one({
        kind: 'helm-repository',
        url: `${bad.url}/charts`,
        chart: 'demo',
        version: '1.0.0',
      });
      expect(result).toMatchObject({
        ok: false,
        reason: expect.stringContaining('is not a valid chart archive'),
      });
    } finally {
      await bad.close();
    }
  });

  it('an unreachable repository is named', async () => {
    const gone = await startHelmRepo([]);
    await gone.close();
    const result = await one({
      kind: 'helm-repository',
      url: `${gone.url}/charts`,
      chart: 'demo',
      version: '1.0.0',
    });
    expect(result).toMatchObject({
      ok: false,
      reason: expect.stringContaining(`cannot reach 127.0.0.1:${gone.port}`),
    });
  });

  it('a 404 gives the URL', async () => {
    const result = await one({
      kind: 'helm-repository',
      url: `${repo.url}/elsewhere`,
      chart: 'demo',
      version: '1.0.0',
    });
    expect(result).toMatchObject({
      ok: false,
      reason: expect.stringContaining(`${repo.url}/elsewhere/index.yaml was not found (HTTP 404)`),
    });
  });

  it('a slow server times out', async () => {
    const slow = await startHelmRepo([demo('1.0.0')], { delayMs: 2_000 });
    try {
      const result = await one(
        { kind: 'helm-repository', url: `${slow.url}/charts`, chart: 'demo', version: '1.0.0' },
        { timeoutMs: 200 },
      );
      expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('no answer within 200 ms') });
    } finally {
      await slow.close();
    }
  });

  it('an index over the size limit is refused', async () => {
    const result = await one(helm('1.0.0'), { limits: { maxIndexBytes: 100 } });
    expect(result).toMatchObject({
      ok: false,
      reason: expect.stringContaining('larger than the 100-byte limit'),
    });
  });

  it('an index that is not one says so', async () => {
    const bad = await startHelmRepo([], { indexText: 'entries: [1, 2' });
    try {
      const result = await one({
        kind: 'helm-repository',
        url: `${bad.url}/charts`,
        chart: 'demo',
        version: '1.0.0',
      });
      expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('is not a valid index') });
    } finally {
      await bad.close();
    }
  });
});

describe('basic auth', () => {
  let secured: TestServer;
  beforeAll(async () => {
    secured = await startHelmRepo([demo('1.0.0')], { basic: 'reader:s3cret-pass' });
  });
  afterAll(() => secured.close());

  const request = (auth?: { username: string; password: string }): ChartRequest => ({
    kind: 'helm-repository',
    url: `${secured.url}/charts`,
    chart: 'demo',
    version: '1.0.0',
    auth,
  });

  it('sends the credentials', async () => {
    const result = await one(request({ username: 'reader', password: 's3cret-pass' }));
    expect(result.ok).toBe(true);
  });

  it('says which credentials are missing, never printing them', async () => {
    const missing = await one(request());
    expect(missing).toMatchObject({
      ok: false,
      reason: expect.stringContaining('HTTP 401'),
      hint: expect.stringContaining('secretRef'),
    });
    const wrong = await one(request({ username: 'reader', password: 'wrong-pass' }));
    expect(wrong.ok).toBe(false);
    expect(JSON.stringify(wrong)).not.toContain('wrong-pass');
    expect(wrong).toMatchObject({ hint: expect.stringContaining('refused the credentials') });
  });
});

describe('a large index', () => {
  it('selects among thousands of versions', async () => {
    const many: RepoChart[] = [];
    const archive = chartTgz('big', '7.49.99');
    for (let minor = 0; minor < 50; minor++) {
      for (let patch = 0; patch < 100; patch++)
        many.push({ name: 'big', version: `7.${minor}.${patch}`, archive, url: 'none' });
    }
    many.push({ name: 'big', version: '7.49.99-real', archive, url: 'relative' });
    many[many.length - 2] = { name: 'big', version: '7.49.99', archive };
    const big = await startHelmRepo(many);
    try {
      const result = await one({
        kind: 'helm-repository',
        url: `${big.url}/charts`,
        chart: 'big',
        version: '~7.49.0',
      });
      expect(result).toMatchObject({ ok: true, chart: { version: '7.49.99' } });
    } finally {
      await big.close();
    }
  });
});

const shared = sharedAvailable();
describe.skipIf(!shared)('real charts from the shared data', () => {
  const file = (name: string) => readFileSync(join(SHARED_DIR, 'helm/charts', name));
  it('serves podinfo, app-template and a kyverno release candidate', async () => {
    const charts: RepoChart[] = [
      { name: 'podinfo', version: '6.14.1', archive: file('podinfo-6.14.1.tgz') },
      { name: 'app-template', version: '4.1.1', archive: file('app-template-4.1.1.tgz'), url: 'absolute' },
      { name: 'kyverno', version: '3.9.0-rc.4', archive: file('kyverno-3.9.0-rc.4.tgz') },
    ];
    const real = await startHelmRepo(charts);
    try {
      const url = `${real.url}/charts`;
      const requests: ChartRequest[] = [
        { kind: 'helm-repository', url, chart: 'podinfo', version: '6.x' },
        { kind: 'helm-repository', url, chart: 'app-template', version: '4.1.1' },
        { kind: 'helm-repository', url, chart: 'kyverno', version: '>=3.9.0-0' },
        { kind: 'helm-repository', url, chart: 'kyverno', version: '*' },
      ];
      const results = [
        ...(await resolveCharts(requests, { cacheDir: cacheDir(), offline: false, ...FAST })).values(),
      ];
      expect(results.map((r) => (r.ok ? `${r.chart.name} ${r.chart.version}` : r.reason))).toEqual([
        'podinfo 6.14.1',
        'app-template 4.1.1',
        'kyverno 3.9.0-rc.4',
        "no 'kyverno' chart with version matching '*' found in " + `${url}/index.yaml`,
      ]);
    } finally {
      await real.close();
    }
  });
});
