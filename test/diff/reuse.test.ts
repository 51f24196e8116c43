/**
 * The head side of a diff reuses the base's kustomize builds only when every file and directory
 * a build used answers the same: the diff must be exactly the one of two full renders.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffTrees } from '../../src/diff/revisions.js';
import { askingTree, newBuildReuse, recordBuild, reusedBuild } from '../../src/flux/build-reuse.js';
import type { BuiltObject } from '../../src/kustomize/build.js';
import { buildWithSources } from '../../src/kustomize/build.js';
import { memoryTree, overlayTree } from '../../src/tree/overlay-tree.js';
import type { RepoTree } from '../../src/tree/repo-tree.js';
import { openWorktree } from '../../src/tree/worktree.js';
import { CORPUS_DIR, corpusRepos, sharedAvailable } from '../helpers/shared.js';

const cm = (name: string, value = 'v') =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  k: ${value}\n`;

const base = {
  'app/kustomization.yaml': 'resources: [cm.yaml, ../shared]\n',
  'app/cm.yaml': cm('app'),
  'shared/kustomization.yaml': 'resources: [a.yaml]\n',
  'shared/a.yaml': cm('a'),
  'shared/unused.yaml': cm('unused'),
  'other/x.yaml': cm('x'),
};

/** Builds `app` on the base, records it, and asks whether `head` may reuse it. */
function reusable(head: Record<string, string>): BuiltObject[] | undefined {
  const builds = newBuildReuse();
  const questions = new Map();
  const tree = memoryTree(base);
  const built = buildWithSources(askingTree(tree, questions), 'app', { reorder: 'none' });
  recordBuild(builds, 'app', { tree, questions, built });
  return reusedBuild(builds, 'app', memoryTree(head));
}

describe('reusing a build', () => {
  it.each<[string, Record<string, string>, boolean]>([
    ['nothing changed', base, true],
    ['a file the build does not read changed', { ...base, 'other/x.yaml': cm('x', 'changed') }, true],
    ['an unread file added beside a read one', { ...base, 'shared/new.yaml': cm('new') }, true],
    ['a resource changed', { ...base, 'shared/a.yaml': cm('a', 'changed') }, false],
    ['a kustomization changed', { ...base, 'app/kustomization.yaml': 'resources: [cm.yaml]\n' }, false],
    ['only bytes of a resource changed', { ...base, 'app/cm.yaml': `${cm('app')}# note\n` }, false],
    [
      'a file kustomize looked for appeared',
      { ...base, 'shared/Kustomization': 'resources: [a.yaml]\n' },
      false,
    ],
  ])('%s: reused %s', (_, head, want) => {
    const got = reusable(head);
    expect(got !== undefined).toBe(want);
    if (got) expect(got).toEqual(buildWithSources(memoryTree(head), 'app', { reorder: 'none' }));
  });

  it('hands out a copy, never the recorded objects', () => {
    const first = reusable(base);
    const builds = newBuildReuse();
    const questions = new Map();
    const tree: RepoTree = memoryTree(base);
    const built = buildWithSources(askingTree(tree, questions), 'app', { reorder: 'none' });
    recordBuild(builds, 'app', { tree, questions, built });
    const copy = reusedBuild(builds, 'app', memoryTree(base));
    expect(copy).toEqual(first);
    expect(copy?.[0]?.obj).not.toBe(built[0]?.obj);
  });
});

/** `count` files of the repository, each given a new document or a changed line. */
function changed(tree: RepoTree, files: readonly string[]): RepoTree {
  const edits = new Map<string, string>();
  files.forEach((file, i) => {
    const text = tree.readText(file);
    edits.set(file, i % 2 === 0 ? `${text}\n---\n${cm(`reuse-test-${i}`)}` : `${text}\n# changed ${i}\n`);
  });
  return overlayTree(tree, edits);
}

function yamlFiles(tree: RepoTree, dir = ''): string[] {
  return tree.list(dir).flatMap((e) => {
    const path = dir === '' ? e.name : `${dir}/${e.name}`;
    if (e.type === 'dir') return e.name === '.git' ? [] : yamlFiles(tree, path);
    return /\.ya?ml$/.test(e.name) && !/kustomization\.ya?ml$/.test(e.name) ? [path] : [];
  });
}

describe.runIf(sharedAvailable())('a diff with reused builds equals one of two full renders', () => {
  it.each(corpusRepos())('%s', async (repo) => {
    const tree = openWorktree(join(CORPUS_DIR, repo));
    const files = yamlFiles(tree).filter((_, i) => i % 17 === 3);
    const head = changed(tree, files);
    const full = await diffTrees(tree, head, { strict: true, reuseBuilds: false });
    const reused = await diffTrees(openWorktree(join(CORPUS_DIR, repo)), head, { strict: true });
    expect(reused).toEqual(full);
  });
});
