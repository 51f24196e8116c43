import type { Diagnostic, Severity } from '../../core/diagnostic.js';
import { formatId, idOf } from '../../core/resource-id.js';
import type { CheckContext } from '../rule.js';
import { atLeast, lifecycleOf, type ApiLifecycle } from './api-lifecycle.js';
import { appliedObjects, byKey, clustersText, finding, type Where } from './util.js';

/**
 * Rendered objects whose apiVersion is in the lifecycle table and `stage` at the target
 * Kubernetes version, one diagnostic per source location (naming every cluster affected).
 */
export function apiFindings(
  ctx: CheckContext,
  rule: string,
  severity: Severity,
  stage: (e: ApiLifecycle, target: string) => boolean,
  describe: (e: ApiLifecycle, target: string) => string,
): Diagnostic[] {
  const found: { key: string; cluster: string; value: { what: string; e: ApiLifecycle; where: Where } }[] =
    [];
  for (const model of ctx.models) {
    for (const { o } of appliedObjects(model)) {
      const e = lifecycleOf(String(o.obj.apiVersion ?? ''), String(o.obj.kind ?? ''));
      if (!e || !stage(e, ctx.kubernetesVersion)) continue;
      const what = formatId(idOf(o.obj));
      found.push({
        key: `${o.file}:${o.line ?? ''}:${what}`,
        cluster: model.name,
        value: { what, e, where: { file: o.file, ...(o.line !== undefined ? { line: o.line } : {}) } },
      });
    }
  }
  return byKey(found).map(({ value, clusters }) =>
    finding(
      rule,
      severity,
      `${value.what} on ${clustersText(clusters)}: ${describe(value.e, ctx.kubernetesVersion)}`,
      value.where,
      `use ${value.e.replacement}`,
    ),
  );
}

export const isRemoved = (e: ApiLifecycle, target: string): boolean =>
  e.removed !== undefined && atLeast(target, e.removed);

export const isDeprecated = (e: ApiLifecycle, target: string): boolean =>
  atLeast(target, e.deprecated) && !isRemoved(e, target);
