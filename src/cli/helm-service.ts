/**
 * The chart service the rendering commands hand to the render stage: charts from the chart
 * cache (fetched when missing unless `--offline`), rendered on the chart worker. Where the cache
 * is comes from `--chart-cache` or K8S_OPS_CHART_CACHE only, never from the repository's own
 * k8s-ops.yaml, so a checkout cannot make k8s-ops write elsewhere.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { defaultChartCacheDir, resolveCharts } from '../charts/index.js';
import type { JsonObject } from '../core/json.js';
import type { HelmService } from '../render/helm-service.js';
import { startChartWorker, type ChartRenderService } from './chart-worker.js';

export interface ChartFlags {
  /** Render HelmReleases (off: they are listed, not rendered). */
  charts?: boolean;
  offline?: boolean;
  chartCache?: string;
}

export function addChartFlags(cmd: Command): Command {
  return cmd
    .option('--charts', 'render HelmReleases too: charts from the chart cache, fetched when missing')
    .option('--offline', 'with --charts: never fetch a chart, use the chart cache only')
    .option(
      '--chart-cache <dir>',
      'the chart cache (default: $K8S_OPS_CHART_CACHE, else ~/.cache/k8s-ops/charts)',
    );
}

export interface CliHelmService {
  service: HelmService;
  /** Stops the chart worker. */
  close(): Promise<void>;
}

export interface HelmServiceOptions {
  cacheDir: string;
  offline: boolean;
  onProgress?: (message: string) => void;
  /** The renderer (default: a chart worker thread). */
  renderer?: ChartRenderService;
  cwd: string;
}

export function chartCacheDir(flags: { chartCache?: string }, env: NodeJS.ProcessEnv, cwd: string): string {
  return resolve(cwd, flags.chartCache ?? defaultChartCacheDir(env));
}

export function createHelmService(options: HelmServiceOptions): CliHelmService {
  let renderer = options.renderer;
  const service: HelmService = {
    charts: (requests) =>
      resolveCharts(requests, {
        cacheDir: options.cacheDir,
        offline: options.offline,
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      }),
    async render(request) {
      renderer ??= startChartWorker();
      const response = await renderer.render({
        key: request.key,
        chart: request.chart,
        // GoInt values (a targetPath's int64) cross as they are: the worker revives them.
        values: [{ kind: 'object', value: request.values as unknown as JsonObject }],
        cwd: options.cwd,
        options: request.options,
      });
      return response.ok ? response : { ok: false, diagnostic: response.diagnostic };
    },
  };
  return {
    service,
    close: async () => {
      await renderer?.close();
    },
  };
}

/** The service for a command's flags, or undefined when HelmReleases are not to be rendered. */
export function helmServiceFor(
  flags: ChartFlags,
  env: NodeJS.ProcessEnv,
  cwd: string,
  onProgress?: (message: string) => void,
): CliHelmService | undefined {
  if (!flags.charts) return undefined;
  return createHelmService({
    cacheDir: chartCacheDir(flags, env, cwd),
    offline: flags.offline === true,
    cwd,
    ...(onProgress ? { onProgress } : {}),
  });
}
