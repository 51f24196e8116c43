/**
 * Chart retrieval as Flux does it — HelmRepository indexes and OCI registries — with an
 * on-disk, content-addressed cache that offline runs read. The edge of the pipeline: network
 * and disk I/O happen here and nowhere else before rendering. Nothing here throws: every
 * request gets a ChartResult.
 */
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { readArchiveMeta } from './archive-meta.js';
import type { RunContext } from './context.js';
import { failureOf } from './failure.js';
import { resolveHelmRepository } from './helm-repo.js';
import { DEFAULT_CHART_LIMITS, type ChartLimits } from './limits.js';
import { resolveOci } from './oci.js';
import { ChartStore } from './store.js';
import { requestKey, type ChartRequest, type ChartResult } from './types.js';

export * from './types.js';
export { DEFAULT_CHART_LIMITS, type ChartLimits } from './limits.js';
export { checkTagVersion } from './oci.js';

export interface ChartFetchOptions {
  cacheDir: string;
  /** Never touch the network: answer from the cache and imported charts only. */
  offline: boolean;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  /** Per HTTP request, the body included (default 60 s). */
  timeoutMs?: number;
  /** Retries after a network error, a 5xx or a 429 (default 2). */
  retries?: number;
  /** The first retry's delay, doubled for each next one (default 500 ms). */
  retryDelayMs?: number;
  /** Path of a Docker config.json with registry credentials. */
  dockerConfig?: string;
  limits?: Partial<ChartLimits>;
  onProgress?: (message: string) => void;
  /** Injectable for tests. */
  fetch?: typeof fetch;
}

function contextOf(options: ChartFetchOptions): RunContext {
  const limits = { ...DEFAULT_CHART_LIMITS, ...options.limits };
  return {
    store: new ChartStore(options.cacheDir),
    offline: options.offline,
    http: {
      fetch: options.fetch ?? globalThis.fetch,
      timeoutMs: options.timeoutMs ?? 60_000,
      retries: Math.max(0, options.retries ?? 2),
      retryDelayMs: options.retryDelayMs ?? 500,
      maxRedirects: limits.maxRedirects,
    },
    limits,
    progress: options.onProgress ?? (() => undefined),
    indexes: new Map(),
    tokens: new Map(),
    dockerConfig: options.dockerConfig,
  };
}

async function resolveOne(request: ChartRequest, ctx: RunContext): Promise<ChartResult> {
  try {
    const resolved =
      request.kind === 'helm-repository'
        ? await resolveHelmRepository(request, ctx)
        : await resolveOci(request, ctx);
    return { ok: true, chart: resolved.chart, fromCache: resolved.fromCache };
  } catch (e) {
    return { ok: false, ...failureOf(e) };
  }
}

/**
 * Resolves every request (each distinct key once), at most `concurrency` at a time. The map
 * holds a result for every request's key.
 */
export async function resolveCharts(
  requests: readonly ChartRequest[],
  options: ChartFetchOptions,
): Promise<Map<string, ChartResult>> {
  const ctx = contextOf(options);
  const unique = new Map<string, ChartRequest>();
  for (const r of requests) if (!unique.has(requestKey(r))) unique.set(requestKey(r), r);
  const queue = [...unique];
  const results = new Map<string, ChartResult>();
  const workers = Array.from(
    { length: Math.max(1, Math.min(options.concurrency ?? 4, queue.length)) },
    async () => {
      for (let next = queue.shift(); next; next = queue.shift())
        results.set(next[0], await resolveOne(next[1], ctx));
    },
  );
  await Promise.all(workers);
  // In the order asked, for deterministic iteration.
  return new Map([...unique.keys()].map((k) => [k, results.get(k) as ChartResult]));
}

// helm's own limit on a chart archive it loads.
const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

export type ImportResult =
  | { file: string; ok: true; name: string; version: string; digest: string }
  | { file: string; ok: false; reason: string; hint: string };

/**
 * Adds chart archives to the cache under their Chart.yaml name and version, for offline runs
 * whose charts cannot be fetched.
 */
export async function importCharts(files: readonly string[], cacheDir: string): Promise<ImportResult[]> {
  const store = new ChartStore(cacheDir);
  return files.map((file): ImportResult => {
    try {
      let bytes: Uint8Array;
      try {
        if (statSync(file).size > MAX_IMPORT_BYTES) {
          return {
            file,
            ok: false,
            reason: `${file} is over ${MAX_IMPORT_BYTES} bytes: too large for a chart archive`,
            hint: 'give the path of a chart .tgz made by `helm package`',
          };
        }
        bytes = readFileSync(file);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? String(e);
        return {
          file,
          ok: false,
          reason: `cannot read ${file} (${code})`,
          hint: 'give the path of a chart .tgz made by `helm package`',
        };
      }
      const meta = readArchiveMeta(bytes, file);
      const digest = store.writeBlob(bytes);
      store.writeImport({ ...meta, digest, file: basename(file) });
      return { file, ok: true, ...meta, digest };
    } catch (e) {
      return { file, ok: false, ...failureOf(e) };
    }
  });
}

/** `$K8S_OPS_CHART_CACHE`, else `$XDG_CACHE_HOME/k8s-ops/charts`, else `~/.cache/k8s-ops/charts`. */
export function defaultChartCacheDir(env: NodeJS.ProcessEnv): string {
  if (env.K8S_OPS_CHART_CACHE) return env.K8S_OPS_CHART_CACHE;
  return join(env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache'), 'k8s-ops', 'charts');
}
