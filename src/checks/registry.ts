/**
 * Every rule `k8s-ops check` runs, and the ids findings may carry besides the rules' own.
 * docs/rules.md lists exactly these (test/checks/rules-doc.test.ts keeps them in step).
 */
import type { Severity } from '../core/diagnostic.js';
import { alertSourceMissing } from './cluster/alert-source-missing.js';
import { bootstrapCrdOrder } from './cluster/bootstrap-crd-order.js';
import { bootstrapValuesDrift } from './cluster/bootstrap-values-drift.js';
import { helmValuesUnknownKey } from './cluster/helm-values-unknown-key.js';
import { CLUSTER_RULES } from './cluster/index.js';
import { REPOSITORY_RULES } from './repository/index.js';
import type { Rule } from './rule.js';
import { IGNORE_REASON_RULE, RULE_FAILED } from './run-checks.js';
import {
  SCHEMA_MISSING_DESCRIPTION,
  SCHEMA_MISSING_RULE,
  schemaRule,
  type SchemaRuleOptions,
} from './schema-rule.js';

/** What a report or the docs say about a rule id. */
export interface RuleInfo {
  id: string;
  severity: Severity;
  description: string;
}

/** Rules over notification objects, the bootstrap and chart values, each with tests of its own. */
const NOTIFICATION_AND_BOOTSTRAP_RULES: readonly Rule[] = [
  helmValuesUnknownKey,
  alertSourceMissing,
  bootstrapValuesDrift,
  bootstrapCrdOrder,
];

/** The rules, with the schema rule over the given schemas. */
export function allRules(schemas: SchemaRuleOptions = {}): Rule[] {
  return [...REPOSITORY_RULES, ...CLUSTER_RULES, ...NOTIFICATION_AND_BOOTSTRAP_RULES, schemaRule(schemas)];
}

/** The rules as documented (the schema rule without schemas). */
export const ALL_RULES: readonly Rule[] = allRules();

/** Ids reported by the runner and the schema rule that are not a rule of their own. */
export const OTHER_FINDINGS: readonly RuleInfo[] = [
  { id: SCHEMA_MISSING_RULE, severity: 'warning', description: SCHEMA_MISSING_DESCRIPTION },
  {
    id: IGNORE_REASON_RULE,
    severity: 'warning',
    description: 'a `# k8s-ops:ignore RULE` comment gives no reason; the finding is still ignored',
  },
  {
    id: 'helm-render-failed',
    severity: 'error',
    description:
      "a HelmRelease could not be rendered: its chart, values, valuesFrom or a post-renderer failed (helm's message)",
  },
  {
    id: 'helm-values-schema',
    severity: 'error',
    description: "a HelmRelease's values do not match its chart's values.schema.json (helm's message)",
  },
  {
    id: 'helm-chart-unavailable',
    severity: 'error',
    description:
      "a HelmRelease's chart cannot be had: not in the chart cache offline, not fetchable, or in a Git repository that is not this one",
  },
  {
    id: RULE_FAILED,
    severity: 'error',
    description: 'a rule threw instead of reporting: a bug in k8s-ops, not in the repository',
  },
];

export const RULE_INFO: readonly RuleInfo[] = [
  ...ALL_RULES.map(({ id, severity, description }) => ({ id, severity, description })),
  ...OTHER_FINDINGS,
];
