/**
 * Submodules in a revision read as a checkout shows them: the files of the recorded commit
 * when the submodule is checked out, an empty folder when it is not, and a diagnostic naming
 * the submodule when its checkout lacks the recorded commit.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import { openGitRevision, openGitRevisions } from '../../src/tree/git-tree.js';
import { gitIn, removeDir, tempDir, testRepo, type TestRepo } from '../promote/git-fixture.js';

function failureOf(f: () => unknown): { rule: string; file?: string; message: string } | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof DiagnosticError) return e.diagnostic;
    throw e;
  }
  return undefined;
}

describe('submodules of a revision', () => {
  let root: string;
  let repo: TestRepo;
  let recorded: string;
  let moved: string;

  beforeAll(() => {
    root = tempDir('git-submodules');
    const lib = testRepo(join(root, 'lib'));
    lib.commit('lib', { 'app/cm.yaml': 'v: 1\n', 'inner/big.yaml': 'x'.repeat(200) });
    repo = testRepo(join(root, 'repo'));
    repo.commit('base', { 'README.md': 'top\n' });
    gitIn(repo.dir, [
      '-c',
      'protocol.file.allow=always',
      'submodule',
      'add',
      '--quiet',
      lib.dir,
      'vendor/lib',
    ]);
    gitIn(repo.dir, ['commit', '--quiet', '-m', 'add lib']);
    recorded = repo.id('HEAD');
    // The checkout moves on without the superproject recording it.
    const sub = join(repo.dir, 'vendor/lib');
    writeFileSync(join(sub, 'app/cm.yaml'), 'v: 2\n');
    gitIn(sub, ['commit', '--quiet', '-am', 'v2']);
    gitIn(repo.dir, ['commit', '--quiet', '-am', 'move lib']);
    moved = repo.id('HEAD');
  });
  afterAll(() => removeDir(root));

  it('holds the files of the commit each revision records', async () => {
    const [a, b] = await openGitRevisions(repo.dir, [recorded, moved], { maxFileBytes: 50 });
    expect(a?.readText('vendor/lib/app/cm.yaml')).toBe('v: 1\n');
    expect(b?.readText('vendor/lib/app/cm.yaml')).toBe('v: 2\n');
    expect(a?.list('vendor/lib').map((e) => e.name)).toEqual(['app', 'inner']);
    // over the opening limit: read from the submodule's objects when asked
    expect(a?.readText('vendor/lib/inner/big.yaml')).toBe('x'.repeat(200));
    expect(a?.cacheKey?.('vendor/lib/app/cm.yaml')).not.toBe(b?.cacheKey?.('vendor/lib/app/cm.yaml'));
  });

  it('names the submodule whose checkout lacks the recorded commit', async () => {
    const sub = join(repo.dir, 'vendor/lib');
    gitIn(sub, ['reset', '--quiet', '--hard', 'HEAD~1']);
    gitIn(sub, ['reflog', 'expire', '--expire=now', '--all']);
    gitIn(sub, ['gc', '--quiet', '--prune=now']);
    const tree = await openGitRevision(repo.dir, moved);
    expect(tree.stat('vendor/lib')).toBe('dir');
    for (const f of [() => tree.list('vendor/lib'), () => tree.readText('vendor/lib/app/cm.yaml')]) {
      expect(failureOf(f)).toMatchObject({ rule: 'git-failed', file: 'vendor/lib' });
    }
    expect(tree.readText('README.md')).toBe('top\n');
  });

  it('is an empty folder when it is not checked out', async () => {
    gitIn(repo.dir, ['submodule', 'deinit', '--quiet', '--force', 'vendor/lib']);
    rmSync(join(repo.dir, 'vendor/lib'), { recursive: true, force: true });
    const tree = await openGitRevision(repo.dir, recorded);
    expect(tree.stat('vendor/lib')).toBe('dir');
    expect(tree.list('vendor')).toEqual([{ name: 'lib', type: 'dir' }]);
    expect(tree.list('vendor/lib')).toEqual([]);
  });
});
