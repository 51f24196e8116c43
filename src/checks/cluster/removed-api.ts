import type { Rule } from '../rule.js';
import { apiFindings, isRemoved } from './api-findings.js';

const ID = 'removed-api';

/** The API server of the target version does not serve the apiVersion: the apply fails. */
export const removedApi: Rule = {
  id: ID,
  severity: 'error',
  description: 'an object uses an apiVersion the target Kubernetes version no longer serves',
  check: (ctx) =>
    apiFindings(
      ctx,
      ID,
      'error',
      isRemoved,
      (e, target) => `${e.apiVersion} is not served since Kubernetes ${e.removed ?? ''} (target ${target})`,
    ),
};
