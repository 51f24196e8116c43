/**
 * `k8s-ops charts pull [CLUSTER]`: renders the clusters' Flux layer, gathers the chart every
 * HelmRelease needs and fetches what the chart cache lacks, so later renders run offline.
 * `k8s-ops charts import FILE.tgz...`: seeds the cache with archives obtained some other way.
 * The cache is where `--chart-cache` or K8S_OPS_CHART_CACHE says, never where the repository
 * says. Exit 1 when a chart cannot be had.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { formatDiagnostic } from '../core/diagnostic.js';
import { importCharts, requestKey, resolveCharts } from '../charts/index.js';
import { refKey } from '../render/model.js';
import { chartRequests, renderRepository } from '../render/render-repository.js';
import { openWorktree } from '../tree/worktree.js';
import { chartCacheDir } from './helm-service.js';
import type { Io } from './io.js';
import { progress } from './progress.js';
import { repositoryRoot } from './repo-root.js';
import { UsageError } from './usage-error.js';

interface PullFlags {
  root?: string;
  strict: boolean;
  offline?: boolean;
  chartCache?: string;
  quiet?: boolean;
}

async function pull(
  cluster: string | undefined,
  flags: PullFlags,
  io: Io,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const root = repositoryRoot(flags.root, io.cwd);
  const tree = openWorktree(root);
  const p = progress(io, !flags.quiet && io.isTTY === true);
  try {
    const render = await renderRepository(tree, {
      strict: flags.strict,
      ...(cluster ? { clusters: [cluster] } : {}),
      onProgress: (m) => p.update(m),
    });
    if (cluster && render.models.length === 0) {
      const known = render.clusters.map((c) => c.name).join(', ') || 'none';
      throw new UsageError(`unknown cluster '${cluster}' (clusters: ${known})`);
    }
    const wanted = chartRequests(tree, render);
    const results = await resolveCharts(
      wanted.map((w) => w.request),
      {
        cacheDir: chartCacheDir(flags, env, io.cwd),
        offline: flags.offline === true,
        onProgress: (m) => p.update(m),
      },
    );
    p.done();
    let failed = 0;
    for (const [key, result] of results) {
      const users = wanted.filter((w) => requestKey(w.request) === key);
      const first = users[0]!;
      const names = users.map((u) => `${u.cluster}/${refKey(u.release.ref)}`).join(', ');
      if (result.ok) {
        const how = result.fromCache ? 'cached' : 'fetched';
        io.stdout(`${how}  ${result.chart.name} ${result.chart.version}  ${key}  (${names})\n`);
        continue;
      }
      failed++;
      const d = {
        severity: 'error' as const,
        rule: 'helm-chart-unavailable',
        file: first.release.file,
        ...(first.release.line !== undefined ? { line: first.release.line } : {}),
        message: `chart ${key} for ${names}: ${result.reason}`,
        hint: result.hint,
      };
      io.stderr(`${formatDiagnostic(d)}\n`);
    }
    if (!flags.quiet) {
      io.stderr(`${results.size} chart${results.size === 1 ? '' : 's'}, ${failed} not available\n`);
    }
    return failed > 0 ? 1 : 0;
  } finally {
    p.done();
  }
}

async function importFiles(files: string[], flags: { chartCache?: string }, io: Io, env: NodeJS.ProcessEnv) {
  const results = await importCharts(
    files.map((f) => resolve(io.cwd, f)),
    chartCacheDir(flags, env, io.cwd),
  );
  let failed = 0;
  results.forEach((r, i) => {
    const file = files[i] ?? r.file;
    if (r.ok) io.stdout(`imported  ${r.name} ${r.version}  ${file}\n`);
    else {
      failed++;
      io.stderr(
        `${formatDiagnostic({ severity: 'error', rule: 'helm-chart-import', file, message: r.reason, hint: r.hint })}\n`,
      );
    }
  });
  return failed > 0 ? 1 : 0;
}

export function addChartsCommand(
  program: Command,
  io: Io,
  env: NodeJS.ProcessEnv,
  setCode: (n: number) => void,
) {
  const charts = program.command('charts').description('the chart cache HelmReleases are rendered from');
  const cache = '--chart-cache <dir>';
  const cacheHelp = 'the chart cache (default: $K8S_OPS_CHART_CACHE, else ~/.cache/k8s-ops/charts)';
  charts
    .command('pull')
    .description('fetch the chart of every HelmRelease of the clusters (or of CLUSTER) into the chart cache')
    .argument('[cluster]', 'cluster name')
    .option(cache, cacheHelp)
    .option('--offline', 'fetch nothing: only report which charts the cache lacks')
    .option('--root <dir>', 'repository root (default: the enclosing git repository)')
    .option('--no-strict', 'leave undefined ${VARS} empty instead of failing (Flux before 2.9)')
    .option('-q, --quiet', 'no progress indicator, errors only')
    .action(async (cluster: string | undefined, flags: PullFlags) =>
      setCode(await pull(cluster, flags, io, env)),
    );
  charts
    .command('import')
    .description('add chart archives (.tgz made by `helm package`) to the chart cache')
    .argument('<files...>', 'chart archives')
    .option(cache, cacheHelp)
    .action(async (files: string[], flags: { chartCache?: string }) =>
      setCode(await importFiles(files, flags, io, env)),
    );
}
