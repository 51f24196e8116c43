/**
 * A small repository with HelmReleases and a chart cache holding the demo chart, for the CLI
 * tests of what every command shows of chart output. Tests importing this mock the chart worker
 * with in-thread-worker.ts so charts render in this thread.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main.js';
import { bootstrapFiles, fluxKs, writeRepo, yamlDocs, type Files } from '../fixtures/render/repo.js';
import {
  chartArchive,
  DEMO_CHART,
  demoChart,
  helmRelease,
  helmRepository,
} from '../render/helm-release-fixtures.js';

export const REPO_URL = 'https://charts.example.com';

/** Cluster `dev`: Kustomization `apps` applies HelmReleases `web` (values set) and `off` (suspended). */
export function demoRepoFiles(webValues: Record<string, unknown> = { image: 'nginx:1.25' }): Files {
  return {
    ...bootstrapFiles('dev'),
    'clusters/dev/apps.yaml': yamlDocs(helmRepository('charts', REPO_URL), fluxKs('apps', './apps')),
    'apps/releases.yaml': yamlDocs(
      helmRelease('web', 'apps', { chart: demoChart(), values: webValues as never }),
      helmRelease('off', 'apps', { chart: demoChart(), suspend: true }),
    ),
  };
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface Workspace {
  work: string;
  cache: string;
  repo(name: string, files: Files): string;
  cli(argv: string[], env?: NodeJS.ProcessEnv): Promise<CliResult>;
  /** `argv` with `--charts --offline --chart-cache CACHE --root ROOT` appended. */
  charted(root: string, argv: string[], env?: NodeJS.ProcessEnv): Promise<CliResult>;
  cleanup(): void;
}

/** A temporary folder with the demo chart imported into its chart cache. */
export async function workspace(): Promise<Workspace> {
  const work = mkdtempSync(join(tmpdir(), 'k8s-ops-hr-'));
  const cache = join(work, 'cache');
  const repos: (() => void)[] = [];
  const cli = async (argv: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> => {
    let stdout = '';
    let stderr = '';
    const io = {
      cwd: work,
      stdout: (t: string) => void (stdout += t),
      stderr: (t: string) => void (stderr += t),
    };
    const code = await run(argv, io, env);
    return { code, stdout, stderr };
  };
  writeFileSync(join(work, 'demo-1.0.0.tgz'), chartArchive('demo', DEMO_CHART));
  const imported = await cli(['charts', 'import', 'demo-1.0.0.tgz', '--chart-cache', cache]);
  if (imported.code !== 0) throw new Error(`charts import failed: ${imported.stderr}`);
  return {
    work,
    cache,
    repo(_name, files) {
      const r = writeRepo(files);
      repos.push(r.cleanup);
      return r.root;
    },
    cli,
    charted: (root, argv, env) =>
      cli([...argv, '--charts', '--offline', '--chart-cache', cache, '--root', root], env),
    cleanup() {
      for (const c of repos) c();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
