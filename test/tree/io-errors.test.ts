/**
 * A failed read of the repository is a diagnostic naming the path and what to do, never an
 * internal error; a directory no cluster reads never fails the run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import { scanTree } from '../../src/render/discover/scan.js';
import { readFailure } from '../../src/tree/io-error.js';
import type { RepoTree } from '../../src/tree/repo-tree.js';
import { openWorktree } from '../../src/tree/worktree.js';
import { memoryTree } from '../fixtures/discover/memory-tree.js';

const errno = (code: string) => Object.assign(new Error(code), { code });

describe('readFailure', () => {
  it.each([
    ['EACCES', 'permission denied', '.sourceignore'],
    ['ENAMETOOLONG', 'longer than the file system allows', 'shorten'],
    ['ELOOP', 'symbolic links', 'loop'],
    ['EWHATEVER', 'the system reported EWHATEVER', 'permissions'],
  ])('%s', (code, reason, hint) => {
    const d = readFailure('apps/x.yaml', errno(code), 'file').diagnostic;
    expect(d).toMatchObject({ rule: 'unreadable-file', file: 'apps/x.yaml', severity: 'error' });
    expect(d.message).toContain(reason);
    expect(d.message).toContain(`(${code})`);
    expect(d.hint).toContain(hint);
  });

  it('rethrows what is not a system error', () => {
    const bug = new TypeError('bug');
    expect(() => readFailure('x', bug, 'file')).toThrow(bug);
  });
});

describe('a worktree with a path longer than the system allows', () => {
  const root = mkdtempSync(join(tmpdir(), 'k8s-ops-io-'));
  // Node's rmSync cannot remove what lies past PATH_MAX; rm walks it relatively.
  afterAll(() => spawnSync('rm', ['-rf', root]));
  const long = 'y'.repeat(200);
  // Past PATH_MAX only relative paths reach: a shell creates the folders one `cd` at a time.
  const levels = 25;
  spawnSync(
    'sh',
    ['-c', `mkdir deep && cd deep && for i in $(seq ${levels}); do mkdir ${long} && cd ${long}; done`],
    {
      cwd: root,
    },
  );
  writeFileSync(join(root, 'a.yaml'), 'a: 1\n');

  it('lists to the limit, then reports the directory as unreadable', () => {
    const tree = openWorktree(root);
    let path = 'deep';
    let failure: unknown;
    try {
      for (let i = 0; i < 40; i++) {
        tree.list(path);
        path = `${path}/${long}`;
      }
    } catch (e) {
      failure = e;
    }
    expect(failure).toBeInstanceOf(DiagnosticError);
    expect((failure as DiagnosticError).diagnostic).toMatchObject({ rule: 'unreadable-file' });
    expect((failure as DiagnosticError).diagnostic.message).toContain('ENAMETOOLONG');
  });

  it('discovery skips it with a warning and still finds the other files', () => {
    const scanned = scanTree(openWorktree(root));
    expect(scanned.files).toContain('a.yaml');
    expect(scanned.diagnostics.every((d) => d.severity !== 'error')).toBe(true);
    expect(scanned.diagnostics.some((d) => d.message.includes('ENAMETOOLONG'))).toBe(true);
  });
});

describe('discovery over a directory that cannot be read', () => {
  it('warns once for it and goes on', () => {
    const base = memoryTree({ 'ok/a.yaml': 'a: 1\n', 'locked/b.yaml': 'b: 1\n' });
    const tree: RepoTree = {
      ...base,
      list: (path) => {
        if (path === 'locked') throw readFailure('locked', errno('EACCES'), 'directory');
        return base.list(path);
      },
    };
    const scanned = scanTree(tree);
    expect(scanned.files).toEqual(['ok/a.yaml']);
    expect(scanned.diagnostics).toHaveLength(1);
    expect(scanned.diagnostics[0]).toMatchObject({
      severity: 'warning',
      rule: 'unreadable-file',
      file: 'locked',
    });
    expect(scanned.diagnostics[0]!.message).toContain('permission denied');
  });
});

describe('cluster discovery over a YAML file that cannot be read', () => {
  it('warns for it and still finds the clusters', async () => {
    const { renderRepository } = await import('../../src/render/render-repository.js');
    const { bootstrapFiles } = await import('../fixtures/render/repo.js');
    const base = memoryTree({ ...bootstrapFiles('dev'), 'other/locked.yaml': 'kind: FluxInstance\n' });
    const tree: RepoTree = {
      ...base,
      readText: (path) => {
        if (path === 'other/locked.yaml') throw readFailure(path, errno('EACCES'), 'file');
        return base.readText(path);
      },
    };
    const result = await renderRepository(tree, { strict: true, discoverOnly: true });
    expect(result.clusters.map((c) => c.name)).toEqual(['dev']);
    const warning = result.diagnostics.find((d) => d.file === 'other/locked.yaml');
    expect(warning).toMatchObject({ severity: 'warning', rule: 'unreadable-file' });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
