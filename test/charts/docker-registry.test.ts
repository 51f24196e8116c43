/**
 * The OCI client against a real registry: Debian's docker-registry (distribution 2.8) on a
 * loopback port, charts pushed by the real helm. Needs /usr/bin/docker-registry, helm and the
 * shared charts; in CI their absence is a failure (.ci/run installs the registry).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestKey, resolveCharts, type ChartRequest, type ChartResult } from '../../src/charts/index.js';
import { helmAvailable, runHelmInBackground } from '../helpers/helm-oracle.js';
import { SHARED_DIR, sharedAvailable } from '../helpers/shared.js';
import { sha256Hex } from './helpers/helm-repo.js';

const REGISTRY = '/usr/bin/docker-registry';

function registryAvailable(): boolean {
  const found = existsSync(REGISTRY);
  if (!found && process.env.CI)
    throw new Error(`${REGISTRY} is required in CI (apt-get install docker-registry)`);
  return found;
}

const ready = registryAvailable() && sharedAvailable() && helmAvailable();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`docker-registry did not answer at ${url}`);
}

const CHARTS = ['podinfo-6.14.1.tgz', 'app-template-4.1.1.tgz', 'kyverno-3.9.0-rc.4.tgz'];

describe.skipIf(!ready)('a real registry (docker-registry) with charts pushed by helm', () => {
  let dir = '';
  let child: ChildProcess | undefined;
  let host = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'k8s-ops-registry-'));
    const port = await freePort();
    host = `127.0.0.1:${port}`;
    const config = join(dir, 'config.yml');
    writeFileSync(
      config,
      `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, 'data')}\nhttp:\n  addr: ${host}\n`,
    );
    child = spawn(REGISTRY, ['serve', config], { stdio: 'ignore' });
    await waitUntilUp(`http://${host}/v2/`, child);
    for (const file of CHARTS) {
      const pushed = await runHelmInBackground(
        ['push', join(SHARED_DIR, 'helm/charts', file), `oci://${host}/charts`, '--plain-http'],
        {
          timeoutMs: 60_000,
        },
      );
      if (!pushed.ok) throw new Error(`helm push ${file}: ${pushed.stderr}`);
    }
  });

  afterAll(() => {
    if (child?.pid) process.kill(child.pid);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('pulls by tag, semver and digest, as OCIRepository and HelmRepository sources', async () => {
    const layerSelector = {
      mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip',
      operation: 'copy' as const,
    };
    const url = (chart: string) => `oci://${host}/charts/${chart}`;
    const requests: ChartRequest[] = [
      { kind: 'oci', url: url('podinfo'), ref: { tag: '6.14.1' }, layerSelector, insecure: true },
      { kind: 'oci', url: url('app-template'), ref: { semver: '>=4.0.0' }, layerSelector, insecure: true },
      { kind: 'oci', url: url('kyverno'), ref: { semver: '>=3.9.0-0' }, layerSelector, insecure: true },
      {
        kind: 'oci',
        url: url('podinfo'),
        ref: { semver: '6.x' },
        sourceKind: 'HelmRepository',
        insecure: true,
      },
      {
        kind: 'oci',
        url: url('kyverno'),
        ref: { semver: '3.9.0-rc.4' },
        sourceKind: 'HelmRepository',
        insecure: true,
      },
      { kind: 'oci', url: url('podinfo'), ref: { tag: '9.9.9' }, insecure: true },
    ];
    const results = await resolveCharts(requests, {
      cacheDir: join(dir, 'cache'),
      offline: false,
      retries: 0,
      timeoutMs: 10_000,
    });
    const got = requests.map((r) => results.get(requestKey(r)) as ChartResult);
    expect(got.map((r) => (r.ok ? `${r.chart.name} ${r.chart.version}` : r.reason))).toEqual([
      'podinfo 6.14.1',
      'app-template 4.1.1',
      'kyverno 3.9.0-rc.4',
      'podinfo 6.14.1',
      'kyverno 3.9.0-rc.4',
      expect.stringContaining('was not found (HTTP 404)'),
    ]);
    const [first] = got;
    if (!first?.ok) throw new Error('podinfo was not pulled');
    // The layer is the pushed archive, byte for byte.
    expect(first.chart.digest).toBe(
      `sha256:${sha256Hex(readFileSync(join(SHARED_DIR, 'helm/charts', CHARTS[0] as string)))}`,
    );
    expect(first.chart.manifestDigest).toMatch(/^sha256:[0-9a-f]{64}$/);

    const byDigest: ChartRequest = {
      kind: 'oci',
      url: url('podinfo'),
      ref: { digest: first.chart.manifestDigest },
      insecure: true,
    };
    const again = (
      await resolveCharts([byDigest], { cacheDir: join(dir, 'cache2'), offline: false, retries: 0 })
    ).get(requestKey(byDigest));
    expect(again).toMatchObject({ ok: true, chart: { version: '6.14.1', digest: first.chart.digest } });
  });
});
