/**
 * A chart from a HelmRepository over HTTP(S): the index (downloaded once per run and kept in
 * the cache for offline runs), source-controller's version choice, `urls[0]` resolved against
 * the repository, the index's sha256 checked against the archive.
 */
import { OFFLINE_HINT, type RunContext } from './context.js';
import { sha256Digest } from './digest.js';
import { ChartFailure, fail } from './failure.js';
import { httpGet, statusFailure } from './http.js';
import { indexUrl, parseIndex, resolveChartUrl, selectIndexEntry, type ChartIndex } from './helm-index.js';
import { readArchiveMeta } from './archive-meta.js';
import { resolveImported } from './imported.js';
import {
  normalizeRepositoryUrl,
  requestKey,
  withoutCredentials,
  type HelmRepositoryRequest,
} from './types.js';
import type { Resolution } from './resolution.js';

type Auth = HelmRepositoryRequest['auth'];

function basic(auth: NonNullable<Auth>): Record<string, string> {
  return { Authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` };
}

function credentialsHint(auth: Auth): string {
  return auth
    ? "the repository refused the credentials: check the username and password of the HelmRepository's secretRef"
    : 'the repository needs credentials: give the HelmRepository a secretRef with a username and password';
}

async function downloadIndex(request: HelmRepositoryRequest, ctx: RunContext): Promise<ChartIndex> {
  const repo = normalizeRepositoryUrl(request.url);
  const url = indexUrl(request.url);
  const what = `the index of ${repo}`;
  ctx.progress(`fetching ${withoutCredentials(url)}`);
  const response = await httpGet(
    { url, headers: request.auth ? basic(request.auth) : {}, maxBytes: ctx.limits.maxIndexBytes, what },
    ctx.http,
  );
  if (response.status !== 200) throw statusFailure(response, what, credentialsHint(request.auth));
  const index = parseIndex(response.body, withoutCredentials(url));
  ctx.store.writeIndex(repo, response.body);
  return index;
}

function indexOf(request: HelmRepositoryRequest, ctx: RunContext): Promise<ChartIndex> {
  const repo = normalizeRepositoryUrl(request.url);
  let pending = ctx.indexes.get(repo);
  if (!pending) {
    pending = downloadIndex(request, ctx);
    ctx.indexes.set(repo, pending);
  }
  return pending;
}

function expectedDigest(digest: string | undefined): string | undefined {
  if (!digest) return undefined;
  const hex = digest.replace(/^sha256:/, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? `sha256:${hex}` : undefined;
}

function sameHost(a: string, b: string): boolean {
  return new URL(a).host === new URL(b).host;
}

async function download(
  request: HelmRepositoryRequest,
  chartUrl: string,
  what: string,
  ctx: RunContext,
): Promise<Uint8Array> {
  // As helm's getter: credentials go to the repository's own host unless passCredentials is set.
  const auth =
    request.auth && (request.passCredentials || sameHost(chartUrl, request.url)) ? request.auth : undefined;
  ctx.progress(`downloading ${what}`);
  const response = await httpGet(
    { url: chartUrl, headers: auth ? basic(auth) : {}, maxBytes: ctx.limits.maxChartBytes, what },
    ctx.http,
  );
  if (response.status !== 200) throw statusFailure(response, what, credentialsHint(auth));
  return response.body;
}

async function online(request: HelmRepositoryRequest, ctx: RunContext): Promise<Resolution> {
  const repo = normalizeRepositoryUrl(request.url);
  const index = await indexOf(request, ctx);
  const entry = selectIndexEntry(index, request.chart, request.version, `${repo}/index.yaml`);
  const what = `chart ${entry.name} ${entry.version}`;
  const ref = entry.urls[0];
  if (ref === undefined)
    fail(
      `${what} has no downloadable URLs in ${repo}/index.yaml`,
      'the repository index is broken; tell its owner',
    );
  let chartUrl: string;
  try {
    chartUrl = resolveChartUrl(request.url, ref);
  } catch {
    fail(
      `${what}: its URL ${JSON.stringify(ref)} is not valid`,
      'the repository index is broken; tell its owner',
    );
  }
  const source = withoutCredentials(chartUrl);
  const expected = expectedDigest(entry.digest);
  const cached = expected ? ctx.store.readBlob(expected) : undefined;
  let archive: Uint8Array;
  let fromCache = false;
  if (cached && 'bytes' in cached) {
    archive = cached.bytes;
    fromCache = true;
  } else {
    archive = await download(request, chartUrl, what, ctx);
    const actual = sha256Digest(archive);
    if (expected && actual !== expected) {
      fail(
        `digest mismatch for ${what} from ${source}: the index says ${expected}, the archive is ${actual}`,
        "the repository's index.yaml is stale or the download was altered; ask the repository's owner to regenerate the index",
      );
    }
  }
  const meta = readArchiveMeta(archive, source);
  const digest = fromCache ? (expected as string) : ctx.store.writeBlob(archive);
  ctx.store.writeRecord({ key: requestKey(request), digest, name: meta.name, version: meta.version, source });
  return { chart: { archive, digest, source, ...meta }, fromCache };
}

function fromBlob(ctx: RunContext, digest: string, source: string): Uint8Array | undefined {
  const read = ctx.store.readBlob(digest);
  if ('bytes' in read) return read.bytes;
  if ('corrupt' in read) {
    throw new ChartFailure(
      `the cached archive of ${source} is corrupt (its content does not match ${digest}); it was removed`,
      OFFLINE_HINT,
    );
  }
  return undefined;
}

/** Offline: the cached index first, then what this request resolved to last, then imported charts. */
function offline(request: HelmRepositoryRequest, ctx: RunContext): Resolution {
  const repo = normalizeRepositoryUrl(request.url);
  const key = requestKey(request);
  const indexBytes = ctx.store.readIndex(repo);
  let index: ChartIndex | undefined;
  try {
    index = indexBytes && parseIndex(indexBytes, `the cached index of ${repo}`);
  } catch {
    index = undefined;
  }
  if (index) {
    const entry = selectIndexEntry(index, request.chart, request.version, `the cached index of ${repo}`);
    const source = entry.urls[0] ? withoutCredentials(resolveChartUrl(request.url, entry.urls[0])) : repo;
    const expected = expectedDigest(entry.digest);
    const archive = expected && fromBlob(ctx, expected, source);
    if (archive && expected) {
      const meta = readArchiveMeta(archive, source);
      return { chart: { archive, digest: expected, source, ...meta }, fromCache: true };
    }
    const imported = resolveImported(ctx, request.chart, entry.version, key);
    if (imported) return imported;
    fail(`chart ${request.chart} ${entry.version} from ${repo} is not in the cache (offline)`, OFFLINE_HINT);
  }
  const record = ctx.store.readRecord(key);
  if (record) {
    const archive = fromBlob(ctx, record.digest, record.source);
    if (archive) {
      return {
        chart: {
          archive,
          digest: record.digest,
          source: record.source,
          name: record.name,
          version: record.version,
        },
        fromCache: true,
      };
    }
  }
  const imported = resolveImported(ctx, request.chart, request.version, key);
  if (imported) return imported;
  return fail(
    `chart ${request.chart} ${request.version || '*'} from ${repo} is not in the cache (offline)`,
    OFFLINE_HINT,
  );
}

export function resolveHelmRepository(
  request: HelmRepositoryRequest,
  ctx: RunContext,
): Promise<Resolution> | Resolution {
  return ctx.offline ? offline(request, ctx) : online(request, ctx);
}
