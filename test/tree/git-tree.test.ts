/**
 * openGitRevision against real repositories: files of an old revision while the working
 * tree differs, symlinks inside and outside the tree, submodules, errors, cache keys.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import { parseCatFileBatch, parseLsTree } from '../../src/tree/git-objects.js';
import { gitRunner } from '../../src/tree/git-runner.js';
import {
  commitTime,
  defaultBranch,
  isAncestor,
  log,
  mergeBase,
  openGitRevision,
  openGitRevisions,
  revParse,
} from '../../src/tree/git-tree.js';
import type { RepoTree } from '../../src/tree/repo-tree.js';
import { HOUR, removeDir, tempDir, testRepo, type TestRepo } from '../promote/git-fixture.js';

const enc = new TextEncoder();

async function diagnosticOf(p: Promise<unknown>): Promise<{ rule: string; message: string }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DiagnosticError) return e.diagnostic;
    throw e;
  }
  throw new Error('expected a DiagnosticError');
}

function ruleOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof DiagnosticError) return e.diagnostic.rule;
    throw e;
  }
  return 'no error';
}

describe('openGitRevision', () => {
  let root: string;
  let repo: TestRepo;
  let first: string;
  let second: string;
  let old: RepoTree;
  let head: RepoTree;

  beforeAll(async () => {
    root = tempDir('git-tree');
    repo = testRepo(join(root, 'repo'));
    first = repo.commit(
      'first',
      {
        'app/config.yaml': 'version: 1\n',
        'app/sub/deep.yaml': 'deep: true\n',
        'big.bin': 'x'.repeat(100),
        'link-dir': { link: 'app' },
        'link-file': { link: 'app/config.yaml' },
        'app/up': { link: '../big.bin' },
        'escape-rel': { link: '../outside.yaml' },
        'escape-abs': { link: '/etc/hostname' },
        'loop-a': { link: 'loop-b' },
        'loop-b': { link: 'loop-a' },
      },
      2 * HOUR,
    );
    // a submodule entry (mode 160000) without a checkout of it
    repo.git('update-index', '--add', '--cacheinfo', `160000,${first},vendor/sub`);
    repo.git('commit', '--quiet', '-m', 'submodule');
    second = repo.commit('second', { 'app/config.yaml': 'version: 2\n', 'app/sub/deep.yaml': null });
    // the working tree differs from both revisions and must not matter
    writeFileSync(join(repo.dir, 'app/config.yaml'), 'version: dirty\n');
    writeFileSync(join(root, 'outside.yaml'), 'secret: 1\n');
    old = await openGitRevision(repo.dir, first, { maxFileBytes: 50 });
    head = await openGitRevision(repo.dir, 'HEAD');
  });
  afterAll(() => removeDir(root));

  it('reads the files of an old revision while the working tree differs', () => {
    expect(old.readText('app/config.yaml')).toBe('version: 1\n');
    expect(head.readText('app/config.yaml')).toBe('version: 2\n');
    expect(old.readText('app/sub/deep.yaml')).toBe('deep: true\n');
    expect(head.stat('app/sub/deep.yaml')).toBeUndefined();
    expect(head.stat('app/sub')).toBeUndefined();
  });

  it.each([
    ['', 'dir'],
    ['app', 'dir'],
    ['app/config.yaml', 'file'],
    ['./app/../app/config.yaml', 'file'],
    ['link-dir', 'dir'],
    ['link-dir/config.yaml', 'file'],
    ['link-dir/sub/deep.yaml', 'file'],
    ['link-file', 'file'],
    ['app/up', 'file'],
    ['escape-rel', undefined],
    ['escape-abs', undefined],
    ['loop-a', undefined],
    ['../repo/app/config.yaml', undefined],
    ['vendor/sub', undefined],
    ['missing', undefined],
  ])('stat %s in the first revision is %s', (path, type) => {
    expect(old.stat(path)).toBe(type);
  });

  it('reads through symlinks inside the tree', () => {
    expect(old.readText('link-file')).toBe('version: 1\n');
    expect(old.readText('link-dir/sub/deep.yaml')).toBe('deep: true\n');
  });

  it('lists entries sorted, with links by their target type and escaping links left out', () => {
    expect(old.list('')).toEqual([
      { name: 'app', type: 'dir' },
      { name: 'big.bin', type: 'file' },
      { name: 'link-dir', type: 'dir' },
      { name: 'link-file', type: 'file' },
    ]);
    expect(old.list('link-dir').map((e) => e.name)).toEqual(['config.yaml', 'sub', 'up']);
    // a submodule is ignored: git stores no files of it
    expect(head.list('').map((e) => e.name)).not.toContain('vendor');
  });

  it.each([
    ['escape-rel', 'path-escape'],
    ['escape-abs', 'path-escape'],
    ['../outside.yaml', 'path-escape'],
    ['missing.yaml', 'missing-file'],
    ['app', 'missing-file'],
  ])('reading %s fails with %s', (path, rule) => {
    expect(ruleOf(() => old.readText(path))).toBe(rule);
  });

  it('reads files over the limit of another tree and keeps bytes exact', () => {
    expect(head.readBytes('big.bin')).toEqual(enc.encode('x'.repeat(100)));
  });

  it('reads a file over the opening limit when asked, and only then', async () => {
    const asked: string[] = [];
    const base = gitRunner(repo.dir);
    const counting = {
      ...base,
      runSync: (args: readonly string[], max: number) => {
        asked.push(args.join(' '));
        return base.runSync!(args, max);
      },
    };
    const tree = await openGitRevision(counting, first, { maxFileBytes: 50 });
    expect(tree.stat('big.bin')).toBe('file');
    expect(asked).toEqual([]);
    expect(tree.readText('big.bin')).toBe('x'.repeat(100));
    expect(tree.readText('app/up')).toBe('x'.repeat(100));
    expect(asked).toHaveLength(1);
  });

  it('names a large file it cannot read', async () => {
    const { runSync: _, ...noSync } = gitRunner(repo.dir);
    const tree = await openGitRevision(noSync, first, { maxFileBytes: 50 });
    expect(ruleOf(() => tree.readText('big.bin'))).toBe('file-too-large');
  });

  it('keys cached content by blob and path: revisions share only identical files', () => {
    const blob = (rev: string, path: string) => repo.git('rev-parse', `${rev}:${path}`).trim();
    expect(old.cacheKey?.('app/config.yaml')).toBe(`git:${blob(first, 'app/config.yaml')}:app/config.yaml`);
    expect(head.cacheKey?.('app/config.yaml')).toBe(`git:${blob(second, 'app/config.yaml')}:app/config.yaml`);
    expect(old.cacheKey?.('app/config.yaml')).not.toBe(head.cacheKey?.('app/config.yaml'));
    expect(old.cacheKey?.('big.bin')).toBe(head.cacheKey?.('big.bin'));
    expect(old.cacheKey?.('link-file')).toBe(old.cacheKey?.('app/config.yaml'));
    expect(head.label).toBe(`HEAD@${second.slice(0, 7)}`);
  });

  it.each([
    ['no-such-branch', 'git-revision', "unknown revision 'no-such-branch'"],
    ['--all', 'git-revision', "unknown revision '--all'"],
    [`${'0'.repeat(40)}`, 'git-revision', `unknown revision '${'0'.repeat(40)}'`],
  ])('revision %s fails with %s', async (rev, rule, message) => {
    const d = await diagnosticOf(openGitRevision(repo.dir, rev));
    expect(d.rule).toBe(rule);
    expect(d.message).toBe(message);
  });

  it('reads several revisions together, each blob once, as each alone reads it', async () => {
    let catFiles = 0;
    const base = gitRunner(repo.dir);
    const counting = {
      ...base,
      run: (args: readonly string[], input?: string | Uint8Array) => {
        if (args[0] === 'cat-file') catFiles++;
        return base.run(args, input);
      },
    };
    const [a, b] = await openGitRevisions(counting, [first, 'HEAD'], { maxFileBytes: 50 });
    expect(catFiles).toBe(1);
    expect(a?.readText('app/config.yaml')).toBe('version: 1\n');
    expect(b?.readText('app/config.yaml')).toBe('version: 2\n');
    expect(b?.label).toBe(head.label);
    for (const path of ['app/sub/deep.yaml', 'link-file', 'big.bin']) {
      expect(a?.stat(path)).toBe(old.stat(path));
      expect(b?.stat(path)).toBe(head.stat(path));
    }
  });

  it('reports the first unknown revision in the order given', async () => {
    const d = await diagnosticOf(openGitRevisions(repo.dir, ['HEAD', 'nope-1', 'nope-2']));
    expect(d.message).toBe("unknown revision 'nope-1'");
  });

  it('says when the directory is not a git repository', async () => {
    const d = await diagnosticOf(openGitRevision(root, 'HEAD'));
    expect(d.rule).toBe('git-not-repository');
  });

  it('says when git is missing', async () => {
    const d = await diagnosticOf(
      openGitRevision(gitRunner(repo.dir, { PATH: join(root, 'no-bin') }), 'HEAD'),
    );
    expect(d.rule).toBe('git-missing');
  });

  it('answers history questions', async () => {
    expect(await revParse(repo.dir, 'main')).toBe(second);
    expect(await revParse(repo.dir, 'nope')).toBeUndefined();
    expect(await isAncestor(repo.dir, first, second)).toBe(true);
    expect(await isAncestor(repo.dir, second, first)).toBe(false);
    expect(await mergeBase(repo.dir, first, second)).toBe(first);
    expect(await defaultBranch(repo.dir)).toBe('main');
    expect(Math.abs((await commitTime(repo.dir, first)) - (Date.now() / 1000 - 2 * HOUR))).toBeLessThan(60);
    expect((await log(repo.dir, `${first}..${second}`)).map((c) => c.subject)).toEqual([
      'second',
      'submodule',
    ]);
  });
});

describe('git output parsers', () => {
  it('frames cat-file --batch output by size, so binary content with newlines survives', () => {
    const blob = new Uint8Array([0x61, 0x0a, 0x00, 0x0a, 0xff]);
    const out = new Uint8Array([
      ...enc.encode(`${'a'.repeat(40)} blob 5\n`),
      ...blob,
      0x0a,
      ...enc.encode(`${'b'.repeat(40)} missing\n`),
      ...enc.encode(`${'c'.repeat(40)} blob 0\n\n`),
    ]);
    const blobs = parseCatFileBatch(out);
    expect([...blobs.keys()]).toEqual(['a'.repeat(40), 'c'.repeat(40)]);
    expect(blobs.get('a'.repeat(40))).toEqual(blob);
    expect(blobs.get('c'.repeat(40))).toEqual(new Uint8Array());
  });

  it.each([
    [
      `100644 blob ${'a'.repeat(40)}      12\tdir/a b.yaml\0`,
      { mode: '100644', size: 12, path: 'dir/a b.yaml' },
    ],
    [`120000 blob ${'a'.repeat(40)}       3\tlink\0`, { mode: '120000', size: 3, path: 'link' }],
    [`160000 commit ${'a'.repeat(40)}       -\tsub\0`, { mode: '160000', size: 0, path: 'sub' }],
    [`100644 blob ${'a'.repeat(40)}       1\ttab\there\0`, { mode: '100644', size: 1, path: 'tab\there' }],
  ])('parses ls-tree record %#', (text, want) => {
    expect(parseLsTree(text)).toEqual([
      { type: want.mode === '160000' ? 'commit' : 'blob', id: 'a'.repeat(40), ...want },
    ]);
  });
});
