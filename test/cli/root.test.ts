/** Where a command works: --root and the directories it is given must exist, or it says so. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'k8s-ops-root-'));
writeFileSync(join(dir, 'file.yaml'), 'a: 1\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[]) {
  let stderr = '';
  const io = { cwd: dir, stdout: () => undefined, stderr: (t: string) => void (stderr += t) };
  const code = await run(argv, io, { XDG_CACHE_HOME: join(dir, 'cache') });
  return { code, stderr };
}

describe('the repository root', () => {
  it.each<[string[], number, string]>([
    [['check', '--root', 'missing'], 2, '--root missing: no such directory'],
    [['check', '--root', 'file.yaml'], 2, '--root file.yaml: not a directory'],
    [['build', '--root', 'missing'], 2, '--root missing: no such directory'],
    [['get', 'clusters', '--root', 'file.yaml'], 2, '--root file.yaml: not a directory'],
    [['diff', '--root', 'missing'], 2, '--root missing: no such directory'],
    [['kustomize', 'build', '.', '--root', 'missing'], 2, '--root missing: no such directory'],
    [['kustomize', 'build', join(tmpdir(), 'k8s-ops-no-such-dir')], 1, 'does not exist'],
  ])('%j exits %i saying so', async (argv, code, says) => {
    const out = await cli(argv);
    expect(out.stderr).toContain(says);
    expect(out.stderr).not.toContain('internal error');
    expect(out.code).toBe(code);
  });
});
