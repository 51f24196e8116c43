/**
 * `k8s-ops diff --format json`: the RepositoryDiff with a format version, keys in a fixed
 * order (see docs/diff.md). Secret values are already masked by the diff itself.
 */
import type { RepositoryDiff } from '../diff/types.js';

/** Bumped when a field changes meaning or disappears; new fields do not bump it. */
export const DIFF_JSON_VERSION = 1;

export function formatDiffJson(diff: RepositoryDiff): string {
  const doc = {
    version: DIFF_JSON_VERSION,
    base: diff.base ?? null,
    head: diff.head ?? null,
    changed: diff.changed,
    clusters: diff.clusters,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
