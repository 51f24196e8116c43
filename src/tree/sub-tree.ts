import { DiagnosticError } from '../core/diagnostic.js';
import { joinPath, normalizePath } from './paths.js';
import type { RepoTree } from './repo-tree.js';

/**
 * The part of a tree below `prefix`, seen as a tree of its own: how a Flux source whose
 * artifact is a sub-directory of the repository looks to the Kustomizations that use it.
 * Paths cannot climb out of it.
 */
export function subTree(base: RepoTree, prefix: string): RepoTree {
  const root = normalizePath(prefix);
  if (root === undefined || root === '') return base;
  const inner = (path: string): string => {
    const p = normalizePath(path);
    if (p === undefined) {
      throw new DiagnosticError({ rule: 'path-escape', message: `path '${path}' leads outside '${root}'` });
    }
    return joinPath(root, p);
  };
  return {
    label: `${base.label}/${root}`,
    stat: (path) => {
      const p = normalizePath(path);
      return p === undefined ? undefined : base.stat(joinPath(root, p));
    },
    readBytes: (path) => base.readBytes(inner(path)),
    readText: (path) => base.readText(inner(path)),
    list: (path) => base.list(inner(path)),
    cacheKey: (path) => {
      const p = inner(path);
      return base.cacheKey ? base.cacheKey(p) : p;
    },
  };
}
