/** Plan mode prints what the promotion changes in the trailing cluster, rendered and diffed. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { bootstrapFiles, configMap, yamlDocs } from '../fixtures/render/repo.js';
import { HOUR, removeDir, tempDir, testRepo, type TestRepo } from './git-fixture.js';

const CONFIG = `rollout:
  - {cluster: infra, branch: main}
  - {cluster: apps, branch: release, follows: infra, soak: 24h}
`;

let root: string;
let repo: TestRepo;
beforeAll(() => {
  root = tempDir('promote-diff');
  repo = testRepo(join(root, 'repo'));
  const m1 = repo.commit(
    'clusters',
    {
      'k8s-ops.yaml': CONFIG,
      ...bootstrapFiles('infra'),
      ...bootstrapFiles('apps'),
      'clusters/infra/settings.yaml': yamlDocs(configMap('settings', { level: 'one' }, 'default')),
      'clusters/apps/settings.yaml': yamlDocs(configMap('settings', { level: 'one' }, 'default')),
    },
    72 * HOUR,
  );
  const m2 = repo.commit(
    'raise the level',
    { 'clusters/apps/settings.yaml': yamlDocs(configMap('settings', { level: 'two' }, 'default')) },
    48 * HOUR,
  );
  repo.arrive(m2, 'main', 48 * HOUR);
  repo.git('branch', 'release', m1);
});
afterAll(() => removeDir(root));

async function promote(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    cwd: repo.dir,
    stdout: (t: string) => void (stdout += t),
    stderr: (t: string) => void (stderr += t),
  };
  const code = await run(['promote', '--root', repo.dir, ...args], io);
  return { code, stdout, stderr };
}

describe('k8s-ops promote (plan) diff', () => {
  it.each([
    [
      [],
      /Cluster apps changed[\s\S]*ConfigMap\/default\/settings[\s\S]*-\s+level: one[\s\S]*\+\s+level: two/,
    ],
    [['--format', 'markdown'], /<!-- k8s-ops-diff -->[\s\S]*`release@\w{7}` → `main@\w{7}`[\s\S]*apps/],
  ])('%j prints the rendered diff of the trailing cluster', async (args, want) => {
    const result = await promote(...args);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/fast-forward release/);
    expect(result.stdout).toMatch(want);
    expect(result.stdout).not.toMatch(/Cluster infra/);
  });

  it('--no-diff prints the plan only', async () => {
    const result = await promote('--no-diff');
    expect(result.code).toBe(1);
    expect(result.stdout).not.toMatch(/Cluster apps/);
  });
});
