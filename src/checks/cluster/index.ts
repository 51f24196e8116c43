import type { Rule } from '../rule.js';
import { dependencyCycle } from './dependency-cycle.js';
import { dependsOnMissing } from './dependson-missing.js';
import { deprecatedApi } from './deprecated-api.js';
import { duplicateObject } from './duplicate-object.js';
import { helmReleaseReferenceMissing } from './helmrelease-reference-missing.js';
import { kustomizationNoInterval } from './kustomization-no-interval.js';
import { kustomizationNoPrune } from './kustomization-no-prune.js';
import { namespaceMissing } from './namespace-missing.js';
import { removedApi } from './removed-api.js';
import { sourceRefMissing } from './sourceref-missing.js';
import { unresolvedVariable } from './unresolved-variable.js';

/** Rules over the rendered clusters (ClusterModels), in the order they are documented. */
export const CLUSTER_RULES: Rule[] = [
  unresolvedVariable,
  dependsOnMissing,
  dependencyCycle,
  sourceRefMissing,
  helmReleaseReferenceMissing,
  duplicateObject,
  namespaceMissing,
  deprecatedApi,
  removedApi,
  kustomizationNoPrune,
  kustomizationNoInterval,
];
