import { DiagnosticError, formatDiagnostic } from '../core/diagnostic.js';
import { build } from '../kustomize/build.js';
import { openWorktree } from '../tree/worktree.js';
import { emitDocuments } from '../yaml/emit.js';
import type { Io } from './io.js';
import { findRepoRoot, repositoryRoot, toRepoPath } from './repo-root.js';

export interface KustomizeBuildOptions {
  root?: string;
}

/** `k8s-ops kustomize build DIR`: prints what `kubectl kustomize` prints. Returns the exit code. */
export function runKustomizeBuild(dir: string, opts: KustomizeBuildOptions, io: Io): number {
  const root = opts.root !== undefined ? repositoryRoot(opts.root, io.cwd) : findRepoRoot(dir, io.cwd);
  try {
    const tree = openWorktree(root);
    const path = toRepoPath(root, dir, io.cwd);
    if (path.startsWith('..')) {
      throw new DiagnosticError({
        rule: 'path-escape',
        message: `'${dir}' is outside the repository root '${root}'`,
        hint: 'pass --root with a directory that contains it',
      });
    }
    // One write of the whole result: never half-written output on failure.
    io.stdout(emitDocuments(build(tree, path)));
    return 0;
  } catch (e) {
    if (e instanceof DiagnosticError) {
      io.stderr(`${formatDiagnostic(e.diagnostic)}\n`);
      return 1;
    }
    throw e;
  }
}
