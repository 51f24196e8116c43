/**
 * `charts pull` and `charts import` in-process against a small repository: what the cache lacks
 * is reported at the HelmRelease with exit 1; an imported archive makes the pull succeed
 * offline; a bad archive is refused.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { bootstrapFiles, writeRepo, yamlDocs } from '../fixtures/render/repo.js';
import {
  chartArchive,
  DEMO_CHART,
  demoChart,
  helmRelease,
  helmRepository,
} from '../render/helm-release-fixtures.js';

const repo = writeRepo({
  ...bootstrapFiles('dev'),
  'clusters/dev/apps.yaml': yamlDocs(
    helmRepository('charts', 'https://charts.example.com'),
    helmRelease('web', 'apps', { chart: demoChart() }),
    helmRelease('api', 'apps', { chart: demoChart() }),
  ),
});
const work = mkdtempSync(join(tmpdir(), 'k8s-ops-charts-'));
const cache = join(work, 'cache');
const archive = join(work, 'demo-1.0.0.tgz');
writeFileSync(archive, chartArchive('demo', DEMO_CHART));
writeFileSync(join(work, 'broken.tgz'), 'not a chart');
afterAll(() => {
  repo.cleanup();
  rmSync(work, { recursive: true, force: true });
});

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    cwd: work,
    stdout: (t: string) => void (stdout += t),
    stderr: (t: string) => void (stderr += t),
  };
  const code = await run(argv, io, {});
  return { code, stdout, stderr };
}

describe('charts pull and import', () => {
  it('pull --offline reports the chart the cache lacks, at the HelmRelease, once for both', async () => {
    const r = await cli(['charts', 'pull', '--offline', '--chart-cache', cache, '--root', repo.root]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^clusters\/dev\/apps\.yaml:\d+: error: chart https:\/\/charts\.example\.com demo@1\.0\.0 for dev\/apps\/web, dev\/apps\/api: .*\[helm-chart-unavailable\]/m,
    );
    expect(r.stderr).toContain('1 chart, 1 not available');
  });

  it('import seeds the cache; then pull --offline finds it', async () => {
    const imported = await cli(['charts', 'import', 'demo-1.0.0.tgz', '--chart-cache', cache]);
    expect(imported).toMatchObject({ code: 0, stdout: 'imported  demo 1.0.0  demo-1.0.0.tgz\n' });
    const r = await cli([
      'charts',
      'pull',
      'dev',
      '--offline',
      '--chart-cache',
      cache,
      '--root',
      repo.root,
      '-q',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'demo 1.0.0  https://charts.example.com demo@1.0.0  (dev/apps/web, dev/apps/api)',
    );
  });

  it('import refuses what is not a chart archive', async () => {
    const r = await cli(['charts', 'import', 'broken.tgz', '--chart-cache', cache]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('broken.tgz');
    expect(r.stderr).toContain('[helm-chart-import]');
  });

  it('pull of an unknown cluster is a usage error', async () => {
    const r = await cli(['charts', 'pull', 'nope', '--offline', '--chart-cache', cache, '--root', repo.root]);
    expect(r.code).toBe(2);
  });
});
