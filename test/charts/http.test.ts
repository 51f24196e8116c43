/**
 * The network edge: retries with backoff on 5xx, 429 and dropped connections, redirect limits,
 * credentials in URLs, and the concurrency limit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  requestKey,
  resolveCharts,
  type ChartFetchOptions,
  type ChartRequest,
  type ChartResult,
} from '../../src/charts/index.js';
import { indexYaml, type RepoChart } from './helpers/helm-repo.js';
import { send, startServer } from './helpers/server.js';
import { chartTgz } from './helpers/tgz.js';

const tmp: string[] = [];
afterAll(() => {
  for (const dir of tmp) rmSync(dir, { recursive: true, force: true });
});

async function one(request: ChartRequest, options: Partial<ChartFetchOptions> = {}): Promise<ChartResult> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'k8s-ops-http-'));
  tmp.push(cacheDir);
  const results = await resolveCharts([request], {
    cacheDir,
    offline: false,
    retryDelayMs: 10,
    timeoutMs: 5_000,
    ...options,
  });
  return results.get(requestKey(request)) as ChartResult;
}

const demo: RepoChart = { name: 'demo', version: '1.0.0', archive: chartTgz('demo', '1.0.0') };

/** A repository whose index fails `failures` times with `status` (0: the connection is dropped). */
async function flaky(status: number, failures: number, headers: Record<string, string> = {}) {
  let left = failures;
  return startServer((req, res, base) => {
    if (req.url?.endsWith('index.yaml') && left-- > 0) {
      if (status === 0) {
        req.socket.destroy();
        return;
      }
      return send(res, status, 'try later', headers);
    }
    if (req.url?.endsWith('index.yaml')) return send(res, 200, indexYaml([demo], base));
    send(res, 200, demo.archive);
  });
}

describe('retries', () => {
  it.each([
    ['503', 503],
    ['429 with Retry-After', 429],
    ['a dropped connection', 0],
  ])('recovers from %s', async (_name, status) => {
    const server = await flaky(status, 2, status === 429 ? { 'Retry-After': '0' } : {});
    try {
      const request: ChartRequest = {
        kind: 'helm-repository',
        url: server.url,
        chart: 'demo',
        version: '1.0.0',
      };
      expect(await one(request, { retries: 2 })).toMatchObject({ ok: true });
      expect(server.log.filter((l) => l.url.endsWith('index.yaml'))).toHaveLength(3);
    } finally {
      await server.close();
    }
  });

  it('gives up after the retries, saying how often it tried', async () => {
    const server = await flaky(503, 10);
    try {
      const request: ChartRequest = {
        kind: 'helm-repository',
        url: server.url,
        chart: 'demo',
        version: '1.0.0',
      };
      expect(await one(request, { retries: 1 })).toMatchObject({
        ok: false,
        reason: expect.stringContaining('answered HTTP 503'),
      });
      const dropped = await flaky(0, 10);
      try {
        const r = await one({ ...request, url: dropped.url }, { retries: 1 });
        expect(r).toMatchObject({ ok: false, reason: expect.stringContaining('(after 2 attempts)') });
      } finally {
        await dropped.close();
      }
    } finally {
      await server.close();
    }
  });

  it('does not retry a 404', async () => {
    const server = await startServer((_req, res) => send(res, 404, 'no'));
    try {
      await one(
        { kind: 'helm-repository', url: server.url, chart: 'demo', version: '1.0.0' },
        { retries: 3 },
      );
      expect(server.log).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});

describe('timeouts', () => {
  it('cover the body: a server that stalls mid-answer times out', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'Content-Length': '1000' });
      res.write('apiVersion: v1\n');
    });
    try {
      const r = await one(
        { kind: 'helm-repository', url: server.url, chart: 'demo', version: '1.0.0' },
        { retries: 0, timeoutMs: 300 },
      );
      expect(r).toMatchObject({ ok: false, reason: expect.stringContaining('did not finish within 300 ms') });
    } finally {
      await server.close();
    }
  });
});

describe('redirects and credentials', () => {
  it('stops a redirect loop', async () => {
    const server = await startServer((req, res) => send(res, 302, '', { Location: req.url ?? '/' }));
    try {
      const r = await one(
        { kind: 'helm-repository', url: server.url, chart: 'demo', version: '1.0.0' },
        { retries: 0 },
      );
      expect(r).toMatchObject({ ok: false, reason: expect.stringContaining('more than 5 redirects') });
    } finally {
      await server.close();
    }
  });

  it('turns credentials in the URL into basic auth and never prints them', async () => {
    const expected = `Basic ${Buffer.from('me:pa55word').toString('base64')}`;
    const server = await startServer((req, res, base) => {
      if (req.headers.authorization !== expected) return send(res, 401, 'no');
      if (req.url?.endsWith('index.yaml')) return send(res, 200, indexYaml([demo], base));
      send(res, 404, 'no');
    });
    try {
      const url = server.url.replace('http://', 'http://me:pa55word@');
      const r = await one({ kind: 'helm-repository', url, chart: 'demo', version: '1.0.0' }, { retries: 0 });
      expect(r).toMatchObject({ ok: false, reason: expect.stringContaining('demo-1.0.0.tgz was not found') });
      expect(JSON.stringify(r)).not.toContain('pa55word');
    } finally {
      await server.close();
    }
  });
});

describe('concurrency', () => {
  it('keeps at most `concurrency` downloads in flight', async () => {
    const charts = ['1.0.0', '1.0.1', '1.0.2', '1.0.3', '1.0.4', '1.0.5'].map((v) => ({
      name: 'demo',
      version: v,
      archive: chartTgz('demo', v),
    }));
    let inFlight = 0;
    let most = 0;
    const server = await startServer(async (req, res, base) => {
      if (req.url?.endsWith('index.yaml')) return send(res, 200, indexYaml(charts, base));
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 50));
      inFlight--;
      const chart = charts.find((c) => req.url?.endsWith(`demo-${c.version}.tgz`));
      send(res, chart ? 200 : 404, chart?.archive ?? 'no');
    });
    try {
      const cacheDir = mkdtempSync(join(tmpdir(), 'k8s-ops-http-'));
      tmp.push(cacheDir);
      const requests: ChartRequest[] = charts.map((c) => ({
        kind: 'helm-repository',
        url: server.url,
        chart: 'demo',
        version: c.version,
      }));
      const results = await resolveCharts(requests, { cacheDir, offline: false, concurrency: 2 });
      expect([...results.values()].every((r) => r.ok)).toBe(true);
      expect(most).toBeLessThanOrEqual(2);
      expect(server.log.filter((l) => l.url.endsWith('index.yaml'))).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
