/**
 * Builds of one directory repeated inside one kustomize build (a base that two overlays of the
 * same tree include, or a hostile diamond that includes each level twice) are done once more
 * and then copied: a diamond of depth n costs what its n folders cost, not 2^n builds.
 *
 * A directory's build depends on the directory and its origin path only; the stack of
 * directories being built matters only for kustomize's cycle error, so a stored build is used
 * only when none of the directories it visited would be a cycle under the current stack.
 */
import type { KResource } from './resource.js';
import type { TransformerConfig } from './fieldspecs/transformer-config.js';

export interface BuiltDirectory {
  resources: KResource[];
  config: TransformerConfig;
}

interface Stored {
  built: BuiltDirectory;
  /** Every directory the build entered, for the cycle test under another stack. */
  visited: readonly string[];
}

export interface BuildMemo {
  /** How often each key was built; a second build is stored for the third and later. */
  seen: Map<string, number>;
  stored: Map<string, Stored>;
  /** Directories entered so far, in order: a build's own are the tail it added. */
  visitLog: string[];
}

export function newBuildMemo(): BuildMemo {
  return { seen: new Map(), stored: new Map(), visitLog: [] };
}

const memoKey = (dir: string, originPath: string | undefined) => `${dir}\u0000${originPath ?? '\u0001'}`;

function wouldCycle(visited: readonly string[], stack: readonly string[]): boolean {
  return visited.some((dir) => stack.some((s) => dir === s || dir === '' || s.startsWith(`${dir}/`)));
}

function copyResources(resources: readonly KResource[]): KResource[] {
  return resources.map((r) => ({ ...r, obj: structuredClone(r.obj) }));
}

/**
 * The build of `dir`, from the memo when a usable copy is there, else from `buildIt`. What is
 * returned is the caller's to mutate.
 */
export function memoizedBuild(
  memo: BuildMemo,
  dir: string,
  originPath: string | undefined,
  stack: readonly string[],
  buildIt: () => BuiltDirectory,
): BuiltDirectory {
  const key = memoKey(dir, originPath);
  const hit = memo.stored.get(key);
  if (hit && !wouldCycle(hit.visited, stack)) {
    return { resources: copyResources(hit.built.resources), config: hit.built.config };
  }
  const count = (memo.seen.get(key) ?? 0) + 1;
  memo.seen.set(key, count);
  const from = memo.visitLog.length;
  memo.visitLog.push(dir);
  // A failed build ends the whole build: only successes are stored.
  const built = buildIt();
  if (count >= 2) {
    const copy = { resources: copyResources(built.resources), config: built.config };
    memo.stored.set(key, { built: copy, visited: [...new Set(memo.visitLog.slice(from))] });
  }
  return built;
}
