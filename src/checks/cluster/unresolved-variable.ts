import { DiagnosticError } from '../../core/diagnostic.js';
import { isJsonObject } from '../../core/json.js';
import { isSubstitutionDisabled } from '../../flux/substitute.js';
import type { ClusterModel, KustomizationRecord } from '../../render/model.js';
import type { RepoTree } from '../../tree/repo-tree.js';
import { splitDocuments } from '../../yaml/documents.js';
import type { CheckContext, Rule } from '../rule.js';
import { clusterConfig, finding, refText, specOf } from './util.js';

const ID = 'unresolved-variable';

// Flux's envsubst: `$$` escapes a `$`; `${NAME…}` is a variable with an optional operator.
const VARIABLE = /\$\$|\$\{([_A-Za-z][_A-Za-z0-9]*)([^}]*)\}/g;
// Operators with a fallback value are fine when the variable is unset.
const HAS_FALLBACK = /^:?[-=+?]/;
const NOT_SET = /^Kustomization (\S+): .*variable not set \(strict mode\): "([^"]+)"/;

interface Use {
  variable: string;
  ks: string;
  file: string;
  line?: number;
}

/** Variables a text uses without a fallback, with their 1-based line (comment lines skipped). */
function usedVariables(text: string, firstLine: number): { name: string; line: number }[] {
  const out: { name: string; line: number }[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trimStart().startsWith('#')) return; // comments are gone before Flux substitutes
    for (const m of line.matchAll(VARIABLE)) {
      const [, name, op = ''] = m;
      if (name !== undefined && !HAS_FALLBACK.test(op)) out.push({ name, line: firstLine + i + 1 });
    }
  });
  return out;
}

function reader(tree: RepoTree): (file: string) => string | undefined {
  const texts = new Map<string, string | undefined>();
  return (file) => {
    if (!texts.has(file)) {
      try {
        texts.set(file, tree.readText(file));
      } catch (e) {
        if (!(e instanceof DiagnosticError)) throw e;
        texts.set(file, undefined);
      }
    }
    return texts.get(file);
  };
}

/** Strict renders stop at the first unset variable of a Kustomization: the render says which. */
function fromDiagnostics(model: ClusterModel, read: (f: string) => string | undefined): Use[] {
  return model.diagnostics.flatMap((d): Use[] => {
    const m = d.rule === 'flux-substitute' ? NOT_SET.exec(d.message) : null;
    if (!m || !d.file) return [];
    const [, ks = '', variable = ''] = m;
    const text = read(d.file);
    const use = text ? usedVariables(text, 0).find((u) => u.name === variable) : undefined;
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

/**
 * Non-strict renders substitute unset variables with '' silently: read the source document of
 * every object a substituting Kustomization applies for variables it does not define.
 */
function fromSources(
  model: ClusterModel,
  ks: KustomizationRecord,
  read: (f: string) => string | undefined,
): Use[] {
  if (ks.state !== 'rendered' || !isJsonObject(specOf(ks.spec).postBuild)) return [];
  // Opaque in-cluster sources: any variable may be defined there, so nothing can be said.
  const opaque = model.diagnostics.some(
    (d) =>
      d.rule === 'flux-in-cluster-variables' &&
      d.message.startsWith(`${refText(ks.ref)}:`) &&
      d.message.includes('without strict mode'),
  );
  if (opaque) return [];
  const defined = new Set(ks.variables);
  const out: Use[] = [];
  for (const o of ks.objects) {
    if (!o.file || o.line === undefined || isSubstitutionDisabled(o.obj)) continue;
    const text = read(o.file);
    if (text === undefined || !text.includes('${')) continue;
    let chunks;
    try {
      chunks = splitDocuments(text, o.file);
    } catch (e) {
      if (!(e instanceof DiagnosticError)) throw e;
      continue;
    }
    const chunk = chunks.find((c) => c.contentLine === o.line);
    if (!chunk) continue;
    for (const u of usedVariables(chunk.text, chunk.firstLine)) {
      if (!defined.has(u.name))
        out.push({ variable: u.name, ks: refText(ks.ref), file: o.file, line: u.line });
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
    const read = reader(ctx.tree);
    const missing = new Map<string, Map<string, Use>>(); // variable → cluster → first use
    const definedOn = new Map<string, Set<string>>();
    for (const model of ctx.models) {
      const vars = [
        ...model.kustomizations.flatMap((k) => k.variables),
        ...Object.keys(clusterConfig(ctx, model)?.variables ?? {}),
      ];
      for (const v of vars) definedOn.set(v, (definedOn.get(v) ?? new Set()).add(model.name));
      const uses = [
        ...fromDiagnostics(model, read),
        ...model.kustomizations.flatMap((ks) => fromSources(model, ks, read)),
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
