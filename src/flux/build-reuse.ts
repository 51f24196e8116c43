/**
 * kustomize builds of one render, reused by a render of another revision of the same
 * repository (the two sides of a diff). A build is reused only when every question it asked
 * its tree — which entries exist, what a directory lists, what a file holds — gets the same
 * answer from the other side's tree; anything else is built again. The answers are compared
 * between the two trees themselves, so what was read through the shared parse cache counts too.
 */
import type { BuiltObject } from '../kustomize/build.js';
import type { DirEntry, EntryType, RepoTree } from '../tree/repo-tree.js';

type Question = 'stat' | 'list' | 'read';

interface RecordedBuild {
  tree: RepoTree;
  questions: Map<string, { question: Question; path: string }>;
  built: readonly BuiltObject[];
}

/** Builds shared by the renders of a diff: the base side records, the head side reuses. */
export interface BuildReuse {
  mode: 'record' | 'reuse';
  builds: Map<string, RecordedBuild[]>;
}

/** An empty store; give it to the base render as `record`, then to the head as `reuse`. */
export function newBuildReuse(): Map<string, RecordedBuild[]> {
  return new Map();
}

/** `tree`, noting every question asked of it in `questions`. */
export function askingTree(tree: RepoTree, questions: RecordedBuild['questions']): RepoTree {
  const note = (question: Question, path: string): void => {
    questions.set(`${question}\u0000${path}`, { question, path });
  };
  return {
    label: tree.label,
    stat(path): EntryType | undefined {
      note('stat', path);
      return tree.stat(path);
    },
    list(path): DirEntry[] {
      note('list', path);
      return tree.list(path);
    },
    readText(path) {
      note('read', path);
      return tree.readText(path);
    },
    readBytes(path) {
      note('read', path);
      return tree.readBytes(path);
    },
    // A parse served from the cache stands for reading the file.
    cacheKey(path) {
      note('read', path);
      return tree.cacheKey ? tree.cacheKey(path) : path;
    },
  };
}

/** What `ask` answers, or the message it fails with (a missing file is an answer too). */
function answer<T>(ask: () => T): { value: T } | { error: string } {
  try {
    return { value: ask() };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

function sameAnswer(a: RepoTree, b: RepoTree, question: Question, path: string): boolean {
  switch (question) {
    case 'stat':
      return a.stat(path) === b.stat(path);
    case 'list':
      return JSON.stringify(answer(() => a.list(path))) === JSON.stringify(answer(() => b.list(path)));
    case 'read': {
      const x = answer(() => a.readBytes(path));
      const y = answer(() => b.readBytes(path));
      if ('error' in x || 'error' in y) return 'error' in x && 'error' in y && x.error === y.error;
      return Buffer.from(x.value).equals(Buffer.from(y.value));
    }
  }
}

/** A copy of what was built for `key` over a tree that answers like `tree`, if any. */
export function reusedBuild(
  builds: BuildReuse['builds'],
  key: string,
  tree: RepoTree,
): BuiltObject[] | undefined {
  for (const recorded of builds.get(key) ?? []) {
    const same = [...recorded.questions.values()].every(({ question, path }) =>
      sameAnswer(recorded.tree, tree, question, path),
    );
    // A copy: the caller's pipeline must not share objects with the other render's.
    if (same) return structuredClone(recorded.built) as BuiltObject[];
  }
  return undefined;
}

/**
 * `build(tree)`, or a copy of the other side's build of `key` when `tree` answers like the tree
 * it was built over; with `reuse` in record mode, the build is kept for the other side.
 */
export function buildWithReuse(
  reuse: BuildReuse | undefined,
  key: string,
  tree: RepoTree,
  build: (tree: RepoTree) => BuiltObject[],
): BuiltObject[] {
  if (reuse?.mode === 'reuse') return reusedBuild(reuse.builds, key, tree) ?? build(tree);
  if (reuse?.mode !== 'record') return build(tree);
  const questions: RecordedBuild['questions'] = new Map();
  const built = build(askingTree(tree, questions));
  recordBuild(reuse.builds, key, { tree, questions, built });
  return built;
}

/** Keeps a build for the other side; `built` must not be changed afterwards. */
export function recordBuild(builds: BuildReuse['builds'], key: string, recorded: RecordedBuild): void {
  const list = builds.get(key);
  if (list) list.push(recorded);
  else builds.set(key, [recorded]);
}
