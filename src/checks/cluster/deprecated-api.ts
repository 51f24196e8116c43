import type { Rule } from '../rule.js';
import { apiFindings, isDeprecated } from './api-findings.js';

const ID = 'deprecated-api';

/** Still served by the target version, but deprecated: it will stop working on a later upgrade. */
export const deprecatedApi: Rule = {
  id: ID,
  severity: 'warning',
  description: 'an object uses an apiVersion deprecated in the target Kubernetes version',
  check: (ctx) =>
    apiFindings(
      ctx,
      ID,
      'warning',
      isDeprecated,
      (e, target) =>
        `${e.apiVersion} is deprecated since Kubernetes ${e.deprecated}${e.removed ? ` and removed in ${e.removed}` : ''} (target ${target})`,
    ),
};
