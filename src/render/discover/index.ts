/**
 * Finding the clusters of a repository and where rendering each one starts — the first
 * step of rendering. See docs/configuration.md for the detection rules.
 */
import type { Diagnostic } from '../../core/diagnostic.js';
import type { RepoTree } from '../../tree/repo-tree.js';
import { CONFIG_FILE, type RepoConfig } from '../config.js';
import { detectBootstrap } from './bootstrap.js';
import { detectClustersDirs } from './clusters-dir.js';
import { detectFluxInstances } from './flux-instance.js';
import { applyConfig, checkRolloutClusters, mergeByEntry, uniqueNames } from './merge.js';
import { scanTree } from './scan.js';
import type { ClusterEntry, DiscoverResult, UnresolvedEntry } from './types.js';

export type {
  ClusterEntry,
  DiscoverResult,
  EntryForm,
  ObjectName,
  SourceKind,
  SourceMapping,
} from './types.js';

function detect(tree: RepoTree, diagnostics: Diagnostic[], unresolved: UnresolvedEntry[]): ClusterEntry[] {
  const scan = scanTree(tree);
  diagnostics.push(...scan.diagnostics);
  const candidates = [
    ...detectBootstrap(tree, scan.files, diagnostics, unresolved),
    ...detectFluxInstances(tree, scan.files, diagnostics, unresolved),
    ...detectClustersDirs(scan.files),
  ];
  return mergeByEntry(tree, candidates, diagnostics);
}

export function discoverClusters(tree: RepoTree, config?: RepoConfig): DiscoverResult {
  const diagnostics: Diagnostic[] = [];
  const unresolved: UnresolvedEntry[] = [];
  const detected = config?.detect === false ? [] : detect(tree, diagnostics, unresolved);
  // Configuration is applied before names are made unique, so it can settle a name clash.
  const all = config ? applyConfig(config, detected) : detected;
  const clusters = uniqueNames(all, diagnostics).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  // A path with variables is only worth a warning when nothing else found its cluster.
  for (const u of unresolved) {
    if (!clusters.some((c) => u.pattern.test(c.entryPath))) diagnostics.push(u.diagnostic);
  }
  if (config) checkRolloutClusters(config, clusters, diagnostics);
  if (clusters.length === 0) {
    diagnostics.push({
      severity: 'error',
      rule: 'discover-none',
      message:
        config?.detect === false
          ? `${CONFIG_FILE} sets detect: false and lists no clusters`
          : 'no cluster entry point found: no flux-system/gotk-sync.yaml, FluxInstance, flux-instance HelmRelease or clusters/<name>/flux directory',
      file: config?.file ?? CONFIG_FILE,
      hint: `declare the clusters in ${CONFIG_FILE}: clusters: [{ name: production, path: clusters/production }]`,
    });
  }
  return { clusters, diagnostics };
}
