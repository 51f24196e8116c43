import { DiagnosticError, type Diagnostic, type SourceLocation } from '../core/diagnostic.js';
import { isJsonObject, type JsonObject } from '../core/json.js';
import { externalSecretTarget, inClusterObject } from '../flux/in-cluster-values.js';
import {
  buildFluxKustomization,
  type BuildTimings,
  type FluxBuildOptions,
} from '../flux/build-kustomization.js';
import type { BuildCache } from '../kustomize/context.js';
import type { RepoTree } from '../tree/repo-tree.js';
import { dependencyOrder } from './dependency-order.js';
import { DEFAULT_RENDER_LIMITS, GENERATION_LOOP_REPEATS, type RenderLimits } from './limits.js';
import { collectHelmReleases, collectSources } from './collect.js';
import {
  isFluxKustomizationObject,
  objectRef,
  viewKustomization,
  type KustomizationView,
} from './ks-view.js';
import {
  refKey,
  type ClusterModel,
  type KustomizationRecord,
  type ObjectRef,
  type RenderedObject,
} from './model.js';

/** A source object (by kind and namespace/name) that is this repository, at `path` inside it. */
export interface LocalSource {
  kind: string;
  namespace: string;
  name: string;
  path: string;
}

/** What to render for one cluster: where Flux starts, and what exists only inside the cluster. */
export interface RenderTarget {
  name: string;
  entryPath: string;
  /** The Kustomization Flux itself reconciles first (e.g. flux-system/flux-system). */
  root: ObjectRef;
  /** Sources that are this repository; the first is the one the root Kustomization uses. */
  localSources: LocalSource[];
  /** Extra postBuild variables that exist only in the cluster (lowest precedence). */
  variables?: Record<string, string>;
  /** Objects that exist in the cluster but not in the repository (e.g. bootstrap Secrets). */
  objects?: RenderedObject[];
  /** File that declared the cluster, for diagnostics. */
  file?: string;
}

export interface RenderOptions {
  strict: boolean;
  /** When given, time spent in kustomize builds is added up here (for benchmarks). */
  timings?: BuildTimings;
  cache?: BuildCache;
  decrypt?: FluxBuildOptions['decrypt'];
  /** Receives every value taken from a Secret, for output to mask (flux/secret-text.ts). */
  secrets?: FluxBuildOptions['secrets'];
  /** kustomize builds shared with another render of the repository (the two sides of a diff). */
  reuse?: FluxBuildOptions['reuse'];
  limits?: Partial<RenderLimits>;
}

interface Pending {
  obj: JsonObject;
  view: KustomizationView;
  file: string;
  line?: number;
  parent?: ObjectRef;
}

/** Where a Kustomization came from: its parent and what it builds, for the generation limits. */
interface Lineage {
  parent?: string;
  builds: string;
  depth: number;
}

function rootObject(target: RenderTarget): JsonObject {
  const src = target.localSources[0];
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: { name: target.root.name, namespace: target.root.namespace },
    spec: {
      interval: '10m',
      path: `./${target.entryPath}`,
      prune: true,
      sourceRef: src
        ? { kind: src.kind, name: src.name, namespace: src.namespace }
        : { kind: 'GitRepository', name: target.root.name, namespace: target.root.namespace },
    },
  };
}

const objectKey = (kind: string, namespace: string, name: string) => `${kind}/${namespace}/${name}`;

/**
 * Simulates Flux reconciling one cluster: build the root, collect the Flux Kustomizations it
 * applies, build each one whose source is this repository in dependsOn order, and continue
 * with what each applies until nothing new appears. A failure in one Kustomization is
 * recorded and never stops the others.
 */
export async function renderCluster(
  tree: RepoTree,
  target: RenderTarget,
  opts: RenderOptions,
): Promise<ClusterModel> {
  const diagnostics: Diagnostic[] = [];
  const records = new Map<string, KustomizationRecord>();
  const pending: Pending[] = [];
  const seen = new Set<string>();
  const objectIndex = new Map<string, RenderedObject>();
  const externalSecrets = new Map<string, JsonObject>();
  const sourceObjects = new Map<string, JsonObject>();
  const artifacts = new Map<string, RepoTree>();
  const index = (o: RenderedObject) => {
    const kind = o.obj.kind;
    if (String(o.obj.apiVersion ?? '').startsWith('source.toolkit.fluxcd.io/')) {
      const r = objectRef(o.obj);
      sourceObjects.set(objectKey(String(kind), r.namespace, r.name), o.obj);
    }
    if (kind === 'ConfigMap' || kind === 'Secret') {
      const r = objectRef(o.obj);
      objectIndex.set(objectKey(kind, r.namespace, r.name), o);
    } else if (
      kind === 'ExternalSecret' &&
      String(o.obj.apiVersion ?? '').startsWith('external-secrets.io/')
    ) {
      const t = externalSecretTarget(o.obj);
      externalSecrets.set(objectKey('Secret', t.namespace, t.name), o.obj);
    }
  };
  for (const o of target.objects ?? []) index(o);

  const limits = { ...DEFAULT_RENDER_LIMITS, ...opts.limits };
  const lineage = new Map<string, Lineage>();
  let overLimit = false;
  /** A diagnostic when `view` may not be rendered: too many, too deep, or a generation loop. */
  const beyondLimits = (
    view: KustomizationView,
    obj: JsonObject,
    where: SourceLocation,
    parent?: ObjectRef,
  ): Diagnostic | undefined => {
    const key = refKey(view.ref);
    const path = isJsonObject(obj.spec) ? String(obj.spec.path ?? '') : '';
    const builds = `${view.sourceKind}/${view.sourceRef.namespace}/${view.sourceRef.name}:${path}`;
    const from = parent ? lineage.get(refKey(parent)) : undefined;
    const depth = from ? from.depth + 1 : 0;
    const chain = [key];
    for (let at = parent ? refKey(parent) : undefined; at !== undefined; at = lineage.get(at)?.parent)
      chain.push(at);
    const repeats = chain.filter((k, i) => i === 0 || lineage.get(k)?.builds === builds);
    const loop =
      repeats.length >= GENERATION_LOOP_REPEATS &&
      chain.slice(0, GENERATION_LOOP_REPEATS).every((k) => repeats.includes(k));
    if (loop) {
      return {
        severity: 'error',
        rule: 'flux-generation-loop',
        ...where,
        message: `Kustomization ${chain.slice(0, GENERATION_LOOP_REPEATS).join(' <- ')} each build ${path} and each renders a new copy with another name: Flux would create one more on every reconciliation`,
        hint: 'do not substitute a variable into the name of a Kustomization that builds its own folder',
      };
    }
    if (depth > limits.generationDepth) {
      return {
        severity: 'error',
        rule: 'limit-exceeded',
        ...where,
        message: `Kustomization ${key} is generated ${depth} levels deep (limit ${limits.generationDepth}); not rendered`,
        hint: 'check for a chain of Kustomizations that generate each other; raise the limit with --max-generation-depth',
      };
    }
    if (records.size + pending.length >= limits.kustomizationsPerCluster) {
      if (overLimit) return undefined;
      overLimit = true;
      return {
        severity: 'error',
        rule: 'limit-exceeded',
        ...where,
        message: `cluster ${target.name} holds more than ${limits.kustomizationsPerCluster} Kustomizations; ${key} and those after it are not rendered`,
        hint: 'raise the limit with --max-kustomizations if the repository really is that large',
      };
    }
    lineage.set(key, { ...(parent ? { parent: refKey(parent) } : {}), builds, depth });
    return undefined;
  };

  const enqueue = (obj: JsonObject, file: string, line: number | undefined, parent?: ObjectRef) => {
    const view = viewKustomization(obj);
    const key = refKey(view.ref);
    if (seen.has(key)) {
      const first = records.get(key) ?? pending.find((p) => refKey(p.view.ref) === key);
      const isRootSelf = parent !== undefined && refKey(parent) === key;
      if (!isRootSelf) {
        diagnostics.push({
          severity: 'error',
          rule: 'flux-duplicate-kustomization',
          file,
          ...(line !== undefined ? { line } : {}),
          message: `Kustomization ${key} is defined more than once (first in ${first?.file ?? 'another file'}); the first definition is used`,
          hint: 'rename one of them; Flux would make the two fight over the same object',
        });
      }
      return;
    }
    seen.add(key);
    const where = { file, ...(line !== undefined ? { line } : {}) };
    const refused = beyondLimits(view, obj, where, parent);
    if (refused || overLimit) {
      if (refused) diagnostics.push(refused);
      return;
    }
    pending.push({ obj, view, file, line, ...(parent ? { parent } : {}) });
  };

  /** substituteFrom lookups: what the cluster holds, with placeholders for in-cluster-only values. */
  const lookupObject = (
    kind: 'ConfigMap' | 'Secret',
    namespace: string,
    name: string,
  ): JsonObject | undefined => {
    const key = objectKey(kind, namespace, name);
    return inClusterObject(objectIndex.get(key), externalSecrets.get(key), namespace, name);
  };

  const localSource = (view: KustomizationView): LocalSource | undefined =>
    target.localSources.find(
      (s) =>
        s.kind === view.sourceKind &&
        s.name === view.sourceRef.name &&
        s.namespace === view.sourceRef.namespace,
    );

  const render = async (p: Pending): Promise<void> => {
    const { view } = p;
    const base: KustomizationRecord = {
      ref: view.ref,
      ...(p.parent ? { parent: p.parent } : {}),
      file: p.file,
      ...(p.line !== undefined ? { line: p.line } : {}),
      state: 'rendered',
      source: `${view.sourceKind}/${view.sourceRef.namespace}/${view.sourceRef.name}`,
      dependsOn: view.dependsOn,
      objects: [],
      variables: [],
      spec: p.obj,
    };
    records.set(refKey(view.ref), base);
    const failedDeps = view.dependsOn.filter((d) => records.get(refKey(d))?.state === 'failed');
    if (failedDeps.length > 0) {
      diagnostics.push({
        severity: 'warning',
        rule: 'flux-dependency-not-ready',
        file: p.file,
        ...(p.line !== undefined ? { line: p.line } : {}),
        message: `Kustomization ${refKey(view.ref)} depends on ${failedDeps.map(refKey).join(', ')}, which failed: Flux would not apply it until that is fixed (rendered here anyway)`,
      });
    }
    if (view.suspended) {
      base.state = 'suspended';
      return;
    }
    const src = localSource(view);
    if (!src) {
      base.state = 'external';
      base.reason = `source ${base.source} is not this repository`;
      return;
    }
    try {
      const sourceObj = sourceObjects.get(
        objectKey(view.sourceKind, view.sourceRef.namespace, view.sourceRef.name),
      );
      const ignore = sourceObj && isJsonObject(sourceObj.spec) ? sourceObj.spec.ignore : undefined;
      const out = await buildFluxKustomization(tree, p.obj, {
        artifacts,
        ...(opts.timings ? { timings: opts.timings } : {}),
        strict: opts.strict,
        sourcePath: src.path,
        ...(typeof ignore === 'string' ? { sourceIgnore: ignore } : {}),
        lookupObject,
        ...(target.variables ? { extraVariables: target.variables } : {}),
        ...(opts.cache ? { cache: opts.cache } : {}),
        maxObjects: limits.objectsPerBuild,
        ...(opts.reuse ? { reuse: opts.reuse } : {}),
        ...(opts.decrypt ? { decrypt: opts.decrypt } : {}),
        ...(opts.secrets ? { secrets: opts.secrets } : {}),
        where: { file: p.file, ...(p.line !== undefined ? { line: p.line } : {}) },
      });
      base.path = out.path;
      base.objects = out.objects;
      base.variables = out.variables;
      diagnostics.push(...out.diagnostics);
      for (const o of out.objects) {
        const r = objectRef(o.obj);
        index(o);
        if (isFluxKustomizationObject(o.obj)) {
          if (refKey(r) === refKey(view.ref)) {
            base.spec = o.obj; // the root declaring itself (gotk-sync): keep the real spec
            continue;
          }
          enqueue(o.obj, o.file, o.line, view.ref);
        }
      }
    } catch (e) {
      if (!(e instanceof DiagnosticError)) throw e;
      base.state = 'failed';
      base.reason = e.diagnostic.message;
      diagnostics.push({
        ...e.diagnostic,
        message: `Kustomization ${refKey(view.ref)}: ${e.diagnostic.message}`,
        file: e.diagnostic.file ?? p.file,
      });
    }
  };

  // The root as the cluster holds it when it is known (e.g. applied by bootstrap), else synthetic.
  const declaredRoot = (target.objects ?? []).find(
    (o) => isFluxKustomizationObject(o.obj) && refKey(objectRef(o.obj)) === refKey(target.root),
  );
  if (declaredRoot) enqueue(declaredRoot.obj, declaredRoot.file, declaredRoot.line);
  else enqueue(rootObject(target), target.file ?? target.entryPath, undefined);

  while (pending.length > 0) {
    const processed = (ref: ObjectRef) => records.has(refKey(ref));
    const depsDone = (p: Pending) => p.view.dependsOn.every(processed);
    // A ConfigMap/Secret it substitutes from may come from a Kustomization not reconciled yet:
    // in the cluster it would retry until it exists, so wait for it while others can progress.
    const sourcesFound = (p: Pending) =>
      p.view.substituteFrom.every((r) => r.optional || lookupObject(r.kind, p.view.ref.namespace, r.name));
    let idx = pending.findIndex((p) => depsDone(p) && sourcesFound(p));
    if (idx < 0) idx = pending.findIndex(depsDone);
    if (idx < 0) {
      // Nothing can progress: the rest wait on cycles or on Kustomizations that never appear.
      const order = dependencyOrder(pending.map((p) => p.view));
      const inCycle = new Set(order.ok ? [] : order.cycle.map(refKey));
      const stuck = pending.splice(0);
      const stuckKeys = new Set(stuck.map((s) => refKey(s.view.ref)));
      for (const p of stuck) {
        const waiting = p.view.dependsOn.filter((d) => stuckKeys.has(refKey(d)) || !processed(d));
        const missing = waiting.filter((d) => !stuckKeys.has(refKey(d)));
        const names = (refs: ObjectRef[]) => refs.map((m) => `'${refKey(m)}'`).join(', ');
        const [rule, reason, hint] =
          !order.ok && inCycle.has(refKey(p.view.ref))
            ? ['flux-dependency-cycle', order.message, 'remove one dependsOn edge of the cycle']
            : missing.length > 0
              ? [
                  'flux-dependency-missing',
                  `dependency ${names(missing)} not found`,
                  'fix the dependsOn name or namespace',
                ]
              : [
                  'flux-dependency-not-ready',
                  `dependency ${names(waiting)} is not ready`,
                  'its dependency never becomes ready; fix that one first',
                ];
        records.set(refKey(p.view.ref), {
          ref: p.view.ref,
          ...(p.parent ? { parent: p.parent } : {}),
          file: p.file,
          ...(p.line !== undefined ? { line: p.line } : {}),
          state: 'failed',
          reason,
          source: `${p.view.sourceKind}/${p.view.sourceRef.namespace}/${p.view.sourceRef.name}`,
          dependsOn: p.view.dependsOn,
          objects: [],
          variables: [],
          spec: p.obj,
        });
        diagnostics.push({
          severity: 'error',
          rule,
          file: p.file,
          ...(p.line !== undefined ? { line: p.line } : {}),
          message: `Kustomization ${refKey(p.view.ref)}: ${reason}`,
          hint,
        });
      }
      break;
    }
    const [next] = pending.splice(idx, 1) as [Pending];
    await render(next);
  }

  const all = [...records.values()];
  const order = dependencyOrder(all.map((r) => ({ ref: r.ref, dependsOn: r.dependsOn })));
  const sorted = order.ok ? order.order.map((ref) => records.get(refKey(ref)) as KustomizationRecord) : all;
  return {
    name: target.name,
    entryPath: target.entryPath,
    kustomizations: sorted,
    helmReleases: collectHelmReleases(sorted),
    sources: collectSources(sorted, target.localSources),
    edges: sorted.flatMap((r) => r.dependsOn.map((to) => ({ from: r.ref, to }))),
    diagnostics,
  };
}
