export { diffCluster, diffClusters, type DiffOptions } from './diff-models.js';
export {
  diffRevisions,
  diffTrees,
  defaultBase,
  type RevisionDiffOptions,
  type TreeDiffOptions,
} from './revisions.js';
export { MASK, MASK_AFTER, MASK_BEFORE, maskPair } from './mask.js';
export type * from './types.js';
