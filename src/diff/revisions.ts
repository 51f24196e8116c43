/**
 * Two revisions of a repository rendered and diffed. The base is read from git objects
 * (no checkout); the head is the working tree unless a revision is named.
 */
import { newBuildReuse } from '../flux/build-reuse.js';
import { newBuildCache } from '../kustomize/context.js';
import { DiagnosticError } from '../core/diagnostic.js';
import { redactDeep } from '../flux/secret-text.js';
import { renderRepository, type RepositoryRenderOptions } from '../render/render-repository.js';
import {
  defaultBranch,
  mergeBase,
  openGitRevision,
  openGitRevisions,
  resolveCommit,
  revParse,
} from '../tree/git-tree.js';
import type { RepoTree } from '../tree/repo-tree.js';
import { openWorktree } from '../tree/worktree.js';
import { diffClusters } from './diff-models.js';
import type { RepositoryDiff } from './types.js';

export interface TreeDiffOptions {
  strict: boolean;
  /** False renders the head without reusing the base's kustomize builds (for tests). */
  reuseBuilds?: boolean;
  /** Only these clusters; each must exist on one side at least. */
  clusters?: readonly string[];
  /** Only these Kustomizations (`name` or `namespace/name`); each must exist on one side at least. */
  ks?: readonly string[];
  decrypt?: RepositoryRenderOptions['decrypt'];
  /** Renders HelmReleases on both sides (absent: listed, not rendered). */
  helm?: RepositoryRenderOptions['helm'];
  onProgress?: (message: string) => void;
}

export interface RevisionDiffOptions extends TreeDiffOptions {
  /** Default: the merge-base of HEAD and the default branch. */
  base?: string;
  /** Default: the working tree. */
  head?: string;
}

function inputError(message: string, hint?: string): DiagnosticError {
  return new DiagnosticError({ rule: 'diff-input', message, ...(hint ? { hint } : {}) });
}

/** Renders both trees with the same options and diffs them; labels are the trees' labels. */
export async function diffTrees(
  base: RepoTree,
  head: RepoTree,
  opts: TreeDiffOptions,
  labels: { base?: string; head?: string } = {},
): Promise<RepositoryDiff> {
  // One parse cache for both sides: files the revisions share are parsed once (cache keys
  // tell the revisions' differing files apart).
  const cache = newBuildCache();
  // The head reuses a base build when every file and directory it used is the same on both sides.
  const builds = newBuildReuse();
  // Values taken from Secrets on either side, masked wherever the diff would print them.
  const secrets = new Set<string>();
  const renderOpts = (side: 'base' | 'head'): RepositoryRenderOptions => ({
    cache,
    ...(opts.reuseBuilds !== false ? { reuse: { mode: side === 'base' ? 'record' : 'reuse', builds } } : {}),
    strict: opts.strict,
    secrets,
    ...(opts.clusters ? { clusters: opts.clusters } : {}),
    ...(opts.decrypt ? { decrypt: opts.decrypt } : {}),
    ...(opts.helm ? { helm: opts.helm } : {}),
    onProgress: (m) => opts.onProgress?.(`${side}: ${m}`),
  });
  const a = await renderRepository(base, renderOpts('base'));
  const b = await renderRepository(head, renderOpts('head'));
  const known = new Set([...a.clusters, ...b.clusters].map((c) => c.name));
  for (const c of opts.clusters ?? []) {
    if (!known.has(c)) {
      throw inputError(`unknown cluster '${c}' (clusters: ${[...known].sort().join(', ') || 'none'})`);
    }
  }
  const ksKeys = [...a.models, ...b.models].flatMap((m) =>
    m.kustomizations.map((k) => [k.ref.name, `${k.ref.namespace}/${k.ref.name}`]),
  );
  for (const k of opts.ks ?? []) {
    if (!ksKeys.some((names) => names.includes(k))) throw inputError(`no Kustomization named '${k}'`);
  }
  const diff = diffClusters(a.models, b.models, opts.ks ? { ks: opts.ks } : {});
  return redactDeep({ base: labels.base ?? base.label, head: labels.head ?? head.label, ...diff }, secrets);
}

/** The revision the base defaults to: where HEAD left the default branch (origin's when fetched). */
export async function defaultBase(repoDir: string): Promise<{ commit: string; label: string }> {
  const branch = await defaultBranch(repoDir);
  if (!branch) {
    throw inputError('cannot find the default branch (no origin/HEAD, main or master)', 'pass --base REV');
  }
  const remote = `origin/${branch}`;
  const ref = (await revParse(repoDir, `refs/remotes/${remote}`)) !== undefined ? remote : branch;
  const commit = await mergeBase(repoDir, 'HEAD', ref);
  if (!commit) throw inputError(`HEAD and ${ref} have no common history`, 'pass --base REV');
  return { commit, label: `merge-base of HEAD and ${ref} (${commit.slice(0, 7)})` };
}

/**
 * The diff of `head` (default: the working tree) against `base` (default: the merge-base of
 * HEAD with the default branch) of the git repository at `repoDir`.
 */
export async function diffRevisions(repoDir: string, opts: RevisionDiffOptions): Promise<RepositoryDiff> {
  const base = opts.base
    ? { commit: await resolveCommit(repoDir, opts.base), label: undefined }
    : await defaultBase(repoDir);
  const baseLabel = base.label ?? `${opts.base}@${base.commit.slice(0, 7)}`;
  if (opts.head === undefined) {
    const baseTree = await openGitRevision(repoDir, base.commit, { resolved: true });
    return diffTrees(baseTree, openWorktree(repoDir), opts, { base: baseLabel, head: 'working tree' });
  }
  // Both revisions are read together: one git process for the blobs both hold.
  const headCommit = await resolveCommit(repoDir, opts.head);
  const [baseTree, headTree] = (await openGitRevisions(repoDir, [base.commit, headCommit], {
    resolved: true,
  })) as [RepoTree, RepoTree];
  return diffTrees(baseTree, headTree, opts, {
    base: baseLabel,
    head: `${opts.head}@${headCommit.slice(0, 7)}`,
  });
}
