import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorktree } from '../../src/tree/worktree.js';
import { withFixture } from '../helpers/kustomize-oracle.js';

const files = {
  'repo/a/x.yaml': 'x: 1\n',
  'repo/a/b/y.yaml': 'y: 2\n',
  'repo/root.yaml': 'r: 3\n',
  'outside/secret.yaml': 's: 4\n',
};

function withRepo(fn: (root: string) => void): void {
  withFixture(files, (dir) => {
    symlinkSync(join(dir, 'outside/secret.yaml'), join(dir, 'repo/a/out.yaml'));
    symlinkSync(join(dir, 'outside'), join(dir, 'repo/outdir'));
    symlinkSync(join(dir, 'repo/a/x.yaml'), join(dir, 'repo/a/in.yaml'));
    mkdirSync(join(dir, 'repo/empty'));
    fn(join(dir, 'repo'));
  });
}

describe('openWorktree', () => {
  // The same answers whether a directory was listed first (answered from the listing) or not.
  it.each([
    ['a/x.yaml', 'file'],
    ['a/b', 'dir'],
    ['a/in.yaml', 'file'],
    ['a/out.yaml', undefined],
    ['outdir', undefined],
    ['outdir/secret.yaml', undefined],
    ['a/missing.yaml', undefined],
    ['a/../root.yaml', 'file'],
    ['../outside/secret.yaml', undefined],
    ['', 'dir'],
    ['empty', 'dir'],
  ] as const)('stat(%j) is %j before and after listing', (path, want) => {
    withRepo((root) => {
      expect(openWorktree(root).stat(path)).toBe(want);
      const listed = openWorktree(root);
      for (const dir of ['', 'a', 'a/b', 'empty']) listed.list(dir);
      expect(listed.stat(path)).toBe(want);
    });
  });

  it('lists entries sorted, without the ones leading outside, and hands out copies', () => {
    withRepo((root) => {
      const tree = openWorktree(root);
      const first = tree.list('a');
      expect(first).toEqual([
        { name: 'b', type: 'dir' },
        { name: 'in.yaml', type: 'file' },
        { name: 'x.yaml', type: 'file' },
      ]);
      first.pop();
      expect(tree.list('a')).toHaveLength(3);
    });
  });

  it('refuses to read through a symlink leading outside the root', () => {
    withRepo((root) => {
      const tree = openWorktree(root);
      tree.list('a');
      expect(() => tree.readText('a/out.yaml')).toThrow(/outside|does not exist|escape/);
      expect(tree.readText('a/in.yaml')).toBe('x: 1\n');
    });
  });
});
