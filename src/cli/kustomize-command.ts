import { DiagnosticError, formatDiagnostic } from '../core/diagnostic.js';
import { build } from '../kustomize/build.js';
import { openWorktree } from '../tree/worktree.js';
import { emitDocuments } from '../yaml/emit.js';
import { findRepoRoot, toRepoPath } from './repo-root.js';

export interface KustomizeBuildOptions {
  root?: string;
}

/** `k8s-ops kustomize build DIR`: prints what `kubectl kustomize` prints. Returns the exit code. */
export function runKustomizeBuild(dir: string, opts: KustomizeBuildOptions, cwd: string): number {
  const root = opts.root ? opts.root : findRepoRoot(dir, cwd);
  try {
    const tree = openWorktree(root);
    const out = emitDocuments(build(tree, toRepoPath(root, dir, cwd)));
    // One write of the whole result: never half-written output on failure.
    process.stdout.write(out);
    return 0;
  } catch (e) {
    if (e instanceof DiagnosticError) {
      process.stderr.write(`${formatDiagnostic(e.diagnostic)}\n`);
      return 1;
    }
    throw e;
  }
}
