/** Small helpers shared by the cluster rules: locations, object identity, what a cluster holds. */
import { DiagnosticError, type Diagnostic, type Severity } from '../../core/diagnostic.js';
import { isJsonObject, type JsonObject } from '../../core/json.js';
import type { ClusterConfig } from '../../render/config.js';
import type { ClusterModel, KustomizationRecord, ObjectRef, RenderedObject } from '../../render/model.js';
import type { RepoTree } from '../../tree/repo-tree.js';
import { splitDocuments } from '../../yaml/documents.js';
import { locateInDocument, parseYamlDocuments } from '../../yaml/parse.js';
import type { CheckContext } from '../rule.js';

export interface Where {
  file?: string;
  line?: number;
}

export function finding(
  rule: string,
  severity: Severity,
  message: string,
  where: Where,
  hint?: string,
): Diagnostic {
  return {
    severity,
    rule,
    message,
    ...(where.file ? { file: where.file } : {}),
    ...(where.file && where.line !== undefined ? { line: where.line } : {}),
    ...(hint ? { hint } : {}),
  };
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function metaOf(obj: JsonObject): { namespace: string; name: string } {
  const meta = isJsonObject(obj.metadata) ? obj.metadata : {};
  return { namespace: str(meta.namespace), name: str(meta.name) };
}

export function specOf(obj: JsonObject): JsonObject {
  return isJsonObject(obj.spec) ? obj.spec : {};
}

export function groupOf(obj: JsonObject): string {
  const apiVersion = str(obj.apiVersion);
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

export const refText = (ref: ObjectRef): string => `${ref.namespace}/${ref.name}`;

/** Every object applied by a rendered Kustomization of the cluster, with its owner. */
export function appliedObjects(model: ClusterModel): { ks: KustomizationRecord; o: RenderedObject }[] {
  return model.kustomizations.flatMap((ks) => ks.objects.map((o) => ({ ks, o })));
}

/** The Kustomization Flux reconciles first (the one no other Kustomization applies). */
export function rootOf(model: ClusterModel): KustomizationRecord | undefined {
  return model.kustomizations.find((k) => k.parent === undefined);
}

export function clusterConfig(ctx: CheckContext, model: ClusterModel): ClusterConfig | undefined {
  return ctx.config?.clusters.find((c) => c.name === model.name);
}

/** Objects k8s-ops.yaml declares as present in the cluster (unreadable files are the render's problem). */
export function declaredObjects(ctx: CheckContext, model: ClusterModel): RenderedObject[] {
  const out: RenderedObject[] = [];
  for (const file of clusterConfig(ctx, model)?.objects ?? []) {
    try {
      for (const doc of parseYamlDocuments(ctx.tree.readText(file), file)) {
        if (isJsonObject(doc.value)) out.push({ obj: doc.value, file, line: doc.line });
      }
    } catch (e) {
      if (!(e instanceof DiagnosticError)) throw e;
    }
  }
  return out;
}

/**
 * Objects whose build failed are unknown, so anything "missing" may be in them: say so rather
 * than stay silent, since the failure itself is already reported by the render.
 */
export function failedNote(model: ClusterModel): string {
  const n = model.kustomizations.filter((k) => k.state === 'failed').length;
  return n === 0
    ? ''
    : ` (${n} Kustomization${n === 1 ? '' : 's'} of cluster ${model.name} failed to render and may hold it)`;
}

/** Where the record of a HelmRelease came from: the rendered object its owner applied. */
export function renderedFrom(model: ClusterModel, obj: JsonObject): Where {
  for (const ks of model.kustomizations) {
    const o = ks.objects.find((x) => x.obj === obj);
    if (o) return { file: o.file, ...(o.line !== undefined ? { line: o.line } : {}) };
  }
  return {};
}

/**
 * The line of `path` inside the document that starts at `where.line` of `where.file`, falling
 * back to the document itself (a patch or substitution may have put the field there).
 */
export function fieldAt(tree: RepoTree, where: Where, path: (string | number)[]): Where {
  if (!where.file || where.line === undefined) return where;
  try {
    const text = tree.readText(where.file);
    // Only the document's index is needed: where each one starts, not its parse.
    const starts = splitDocuments(text, where.file).map((c, index) => ({ line: c.contentLine, index }));
    const doc = starts.reverse().find((d) => d.line <= (where.line as number));
    const pos = doc ? locateInDocument(text, doc.index, path) : undefined;
    return pos ? { file: where.file, line: pos.line } : where;
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    return where;
  }
}

/** A render diagnostic of `rule` about the Kustomization `ref` (render messages start with its name). */
export function renderReported(model: ClusterModel, rule: string, ref: ObjectRef, text = ''): boolean {
  const prefix = `Kustomization ${refText(ref)}:`;
  return model.diagnostics.some(
    (d) => d.rule === rule && d.message.startsWith(prefix) && d.message.includes(text),
  );
}

/** `cluster a` or `clusters a, b`. */
export function clustersText(clusters: readonly string[]): string {
  return `${clusters.length === 1 ? 'cluster' : 'clusters'} ${clusters.join(', ')}`;
}

/**
 * The same finding on several clusters (a shared file) is one diagnostic naming them all:
 * entries with the same key are merged in first-seen order.
 */
export function byKey<T>(
  entries: readonly { key: string; cluster: string; value: T }[],
): { value: T; clusters: string[] }[] {
  const groups = new Map<string, { value: T; clusters: string[] }>();
  for (const e of entries) {
    const g = groups.get(e.key);
    if (!g) groups.set(e.key, { value: e.value, clusters: [e.cluster] });
    else if (!g.clusters.includes(e.cluster)) g.clusters.push(e.cluster);
  }
  return [...groups.values()];
}

/**
 * Findings about a Flux Kustomization's own declaration, one per declaration across clusters:
 * `pick` returns what is wrong (or undefined), given the declaration's place.
 */
export function perKustomizationDeclaration<T>(
  ctx: CheckContext,
  pick: (ks: KustomizationRecord, model: ClusterModel, where: Where) => T | undefined,
): { value: T & { name: string }; clusters: string[] }[] {
  const found: { key: string; cluster: string; value: T & { name: string } }[] = [];
  for (const model of ctx.models) {
    for (const ks of model.kustomizations) {
      const where = { file: ks.file, ...(ks.line !== undefined ? { line: ks.line } : {}) };
      const value = pick(ks, model, where);
      if (value === undefined) continue;
      found.push({
        key: `${ks.file}:${ks.line ?? ''}:${refText(ks.ref)}`,
        cluster: model.name,
        value: { ...value, name: refText(ks.ref) },
      });
    }
  }
  return byKey(found);
}

/** Kinds other controllers produce at run time: nothing in the repository says whether one exists. */
export const UNKNOWABLE_KINDS: ReadonlySet<string> = new Set(['ExternalArtifact']);
