import { isJsonObject } from '../../core/json.js';
import { isSubstitutionDisabled } from '../../flux/substitute.js';
import type { ClusterModel, KustomizationRecord } from '../../render/model.js';
import type { CheckContext, Rule } from '../rule.js';
import { clusterConfig, finding, refText, specOf } from './util.js';
import { VariableSources } from './variable-uses.js';

const ID = 'unresolved-variable';

const NOT_SET = /^Kustomization (\S+): .*variable not set \(strict mode\): "([^"]+)"/;

interface Use {
  variable: string;
  ks: string;
  file: string;
  line?: number;
}

/** Strict renders stop at the first unset variable of a Kustomization: the render says which. */
function fromDiagnostics(model: ClusterModel, sources: VariableSources): Use[] {
  return model.diagnostics.flatMap((d): Use[] => {
    const m = d.rule === 'flux-substitute' ? NOT_SET.exec(d.message) : null;
    if (!m || !d.file) return [];
    const [, ks = '', variable = ''] = m;
    const use = sources.inFile(d.file)?.find((u) => u.name === variable);
    return [
      {
        variable,
        ks,
        file: d.file,
        ...(use ? { line: use.line } : d.line !== undefined ? { line: d.line } : {}),
      },
    ];
  });
}

/** Messages saying a Kustomization's variables come from in-cluster objects this run cannot see. */
function opaqueNotices(model: ClusterModel): string[] {
  return model.diagnostics
    .filter((d) => d.rule === 'flux-in-cluster-variables' && d.message.includes('without strict mode'))
    .map((d) => d.message);
}

/**
 * Non-strict renders substitute unset variables with '' silently: read the source document of
 * every object a substituting Kustomization applies for variables it does not define.
 */
function fromSources(ks: KustomizationRecord, opaque: readonly string[], sources: VariableSources): Use[] {
  if (ks.state !== 'rendered' || !isJsonObject(specOf(ks.spec).postBuild)) return [];
  // Opaque in-cluster sources: any variable may be defined there, so nothing can be said.
  const ref = refText(ks.ref);
  if (opaque.some((message) => message.startsWith(`${ref}:`))) return [];
  let defined: Set<string> | undefined; // built only for a Kustomization that uses variables
  const out: Use[] = [];
  for (const o of ks.objects) {
    if (!o.file || o.line === undefined) continue;
    const uses = sources.inDocument(o.file, o.line);
    if (!uses || uses.length === 0 || isSubstitutionDisabled(o.obj)) continue;
    defined ??= new Set(ks.variables);
    for (const u of uses) {
      if (!defined.has(u.name)) out.push({ variable: u.name, ks: ref, file: o.file, line: u.line });
    }
  }
  return out;
}

/**
 * A `${VAR}` that a cluster cannot resolve: strict Flux (2.9's default) fails the whole
 * Kustomization, older Flux applies an empty string. Summarised per variable across clusters,
 * with the clusters that do define it — the usual cause is a shared path used by a cluster
 * whose cluster-vars lack the variable.
 */
export const unresolvedVariable: Rule = {
  id: ID,
  severity: 'error',
  description: 'a ${VAR} used by a cluster is not defined for it (strict Flux fails the Kustomization)',
  check(ctx: CheckContext) {
    const sources = new VariableSources(ctx.tree);
    const missing = new Map<string, Map<string, Use>>(); // variable → cluster → first use
    const definedOn = new Map<string, Set<string>>();
    for (const model of ctx.models) {
      const define = (v: string): void => {
        const on = definedOn.get(v);
        if (on) on.add(model.name);
        else definedOn.set(v, new Set([model.name]));
      };
      for (const ks of model.kustomizations) ks.variables.forEach(define);
      Object.keys(clusterConfig(ctx, model)?.variables ?? {}).forEach(define);
      const opaque = opaqueNotices(model);
      const uses = [
        ...fromDiagnostics(model, sources),
        ...model.kustomizations.flatMap((ks) => fromSources(ks, opaque, sources)),
      ];
      for (const use of uses) {
        const byCluster = missing.get(use.variable) ?? new Map<string, Use>();
        if (!byCluster.has(model.name)) byCluster.set(model.name, use);
        missing.set(use.variable, byCluster);
      }
    }
    return [...missing.entries()].map(([variable, byCluster]) => {
      const clusters = [...byCluster.keys()];
      const first = byCluster.get(clusters[0] as string) as Use;
      const defined = [...(definedOn.get(variable) ?? [])].map((c) =>
        byCluster.has(c) ? `${c} (in other Kustomizations)` : c,
      );
      return finding(
        ID,
        'error',
        `\${${variable}} is not defined on cluster${clusters.length > 1 ? 's' : ''} ${clusters.join(', ')} (defined on: ${defined.length > 0 ? defined.join(', ') : 'none'}); used by Kustomization ${first.ks}`,
        { file: first.file, ...(first.line !== undefined ? { line: first.line } : {}) },
        'add it to the cluster variables (postBuild.substitute or a substituteFrom ConfigMap/Secret), give it a default (${VAR:=value}), or write $${ for a literal',
      );
    });
  },
};
