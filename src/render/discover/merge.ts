/**
 * Turning detected candidates and k8s-ops.yaml clusters into one list: one entry per
 * entry directory, one entry per name, configuration first.
 */
import type { Diagnostic } from '../../core/diagnostic.js';
import { displayPath } from '../../tree/paths.js';
import type { RepoTree } from '../../tree/repo-tree.js';
import type { ClusterConfig, RepoConfig } from '../config.js';
import { defaultSource, FORM_PRIORITY, unionSources, type ClusterEntry } from './types.js';

function byPriority(a: ClusterEntry, b: ClusterEntry): number {
  const p = FORM_PRIORITY.indexOf(a.from) - FORM_PRIORITY.indexOf(b.from);
  if (p !== 0) return p;
  if (a.entryPath !== b.entryPath) return a.entryPath < b.entryPath ? -1 : 1;
  return a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0);
}

function where(e: ClusterEntry): string {
  return `${e.file}${e.line ? `:${e.line}` : ''}`;
}

/** Drop candidates whose entry directory is missing: Flux would fail with "path not found". */
function existing(tree: RepoTree, candidates: ClusterEntry[], diagnostics: Diagnostic[]): ClusterEntry[] {
  return candidates.filter((c) => {
    if (tree.stat(c.entryPath) === 'dir') return true;
    diagnostics.push({
      severity: 'error',
      rule: 'discover-entry-missing',
      message: `entry directory '${displayPath(c.entryPath)}' of cluster '${c.name}' does not exist`,
      file: c.file,
      ...(c.line ? { line: c.line } : {}),
      hint: 'fix the sync path, or declare the cluster and its path in k8s-ops.yaml',
    });
    return false;
  });
}

/** Detected candidates with an existing entry directory, merged per directory (stronger form first). */
export function mergeByEntry(
  tree: RepoTree,
  candidates: ClusterEntry[],
  diagnostics: Diagnostic[],
): ClusterEntry[] {
  const byEntry = new Map<string, ClusterEntry>();
  for (const c of existing(tree, candidates, diagnostics).sort(byPriority)) {
    const head = byEntry.get(c.entryPath);
    if (head) head.sources = unionSources(head.sources, c.sources);
    else byEntry.set(c.entryPath, { ...c });
  }
  return [...byEntry.values()];
}

/** One cluster per name: the stronger (then first) claim wins, later ones are reported. */
export function uniqueNames(clusters: ClusterEntry[], diagnostics: Diagnostic[]): ClusterEntry[] {
  const byName = new Map<string, ClusterEntry>();
  for (const c of [...clusters].sort(byPriority)) {
    const first = byName.get(c.name);
    if (!first) {
      byName.set(c.name, c);
      continue;
    }
    // A clusters/<name>/flux directory beside a stronger entry point is usually part of it.
    if (c.from === 'clusters-dir') continue;
    diagnostics.push({
      severity: 'error',
      rule: 'discover-duplicate-cluster',
      message:
        `cluster name '${c.name}' is claimed by ${where(first)} (entry '${displayPath(first.entryPath)}') ` +
        `and by ${where(c)} (entry '${displayPath(c.entryPath)}'); the second is ignored`,
      file: c.file,
      ...(c.line ? { line: c.line } : {}),
      hint: 'name the clusters in k8s-ops.yaml: clusters: [{ name, path }]',
    });
  }
  return [...byName.values()];
}

/**
 * Configured clusters replace detected ones with the same name or entry directory and
 * inherit their root Kustomization and sources, so configuration can rename a cluster
 * or add a source without restating what detection found.
 */
export function applyConfig(config: RepoConfig, detected: ClusterEntry[]): ClusterEntry[] {
  let rest = detected;
  const configured = config.clusters.map((c: ClusterConfig): ClusterEntry => {
    const absorbed = rest.filter((d) => d.name === c.name || d.entryPath === c.path);
    rest = rest.filter((d) => !absorbed.includes(d));
    const found = absorbed.reduce((acc, d) => unionSources(acc, d.sources), [] as ClusterEntry['sources']);
    const sources = unionSources(c.sources, found);
    return {
      name: c.name,
      entryPath: c.path,
      rootKustomization: c.rootKustomization ??
        absorbed[0]?.rootKustomization ?? { name: 'flux-system', namespace: 'flux-system' },
      sources: sources.length > 0 ? sources : [defaultSource()],
      from: 'config',
      file: config.file,
      line: c.line,
      variables: { ...c.variables },
      objects: [...c.objects],
    };
  });
  return [...configured, ...rest];
}

/** Every rollout stage must name a cluster that exists after discovery. */
export function checkRolloutClusters(
  config: RepoConfig,
  clusters: ClusterEntry[],
  diagnostics: Diagnostic[],
): void {
  const names = new Set(clusters.map((c) => c.name));
  for (const stage of config.rollout) {
    for (const name of [stage.cluster, ...(stage.follows !== undefined ? [stage.follows] : [])]) {
      if (names.has(name)) continue;
      diagnostics.push({
        severity: 'error',
        rule: 'config-rollout-cluster',
        message: `rollout names cluster '${name}', which is not a cluster of this repository`,
        file: config.file,
        line: stage.line,
        hint:
          names.size > 0 ? `known clusters: ${[...names].sort().join(', ')}` : 'declare it under clusters:',
      });
    }
  }
}
