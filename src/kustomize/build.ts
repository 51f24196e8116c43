import { DiagnosticError } from '../core/diagnostic.js';
import { isJsonObject, type JsonObject } from '../core/json.js';
import type { RepoTree } from '../tree/repo-tree.js';
import { displayPath, normalizePath } from '../tree/paths.js';
import { accumulateTarget, emptyAccumulator, loadTarget, MAX_BUILD_OBJECTS } from './accumulate.js';
import { newBuildMemo } from './build-memo.js';
import { newBuildCache, type BuildCache, type BuildContext } from './context.js';
import { applyNameHashes } from './generators.js';
import { legacySort } from './legacy-sort.js';
import {
  ANN_ORIGIN,
  ANN_TRANSFORMATIONS,
  BUILD_ANNOTATIONS,
  getAnnotation,
  metadataOf,
  type KResource,
} from './resource.js';
import { fixNameReferences } from './transformers/name-reference.js';
import { unprintableValueError } from '../yaml/unprintable.js';

export interface BuildOptions {
  /** Parsed-file cache to share between builds of one repository in one run. */
  cache?: BuildCache;
  /**
   * Output order when the top kustomization has no `sortOptions`: `legacy` is what
   * `kubectl kustomize` does; `none` keeps input (depth-first) order, as Flux builds do.
   */
  reorder?: 'legacy' | 'none';
  /** The most objects one build may hold (default MAX_BUILD_OBJECTS). */
  maxObjects?: number;
}

/** A built object and where it came from ('' for generated objects). */
export interface BuiltObject {
  obj: JsonObject;
  file: string;
  line?: number;
}

/**
 * Removes annotations the way kustomize's RemoveBuildAnnotations (`onlyIfPresent`: a no-op on an
 * empty map) and SetOrigin(nil)/ClearTransformations (always rewrite the map) do: kyaml's
 * SetAnnotations drops the field when the map it writes is empty, even `annotations: {}`.
 */
function removeAnnotations(obj: JsonObject, keys: readonly string[], onlyIfPresent: boolean): void {
  const meta = metadataOf(obj);
  if (!meta) return;
  const ann = isJsonObject(meta.annotations) ? meta.annotations : {};
  if (onlyIfPresent && Object.keys(ann).length === 0) return;
  for (const k of keys) delete ann[k];
  if (Object.keys(ann).length === 0) delete meta.annotations;
}

/** kustomize drops resources annotated `config.kubernetes.io/local-config` (unless "false"). */
function isLocalConfig(r: KResource): boolean {
  const v = getAnnotation(r.obj, 'config.kubernetes.io/local-config');
  return v !== undefined && v !== 'false';
}

function sortResources(
  resources: KResource[],
  sortOptions: JsonObject | undefined,
  file: string,
  reorder: 'legacy' | 'none',
): KResource[] {
  if (!sortOptions) return reorder === 'legacy' ? legacySort(resources) : resources;
  const order = sortOptions.order;
  if (order === 'fifo') {
    if (sortOptions.legacySortOptions !== undefined) {
      throw new DiagnosticError({
        rule: 'kustomization-invalid',
        file,
        message:
          "the field 'sortOptions.legacySortOptions' is set but the selected sort order is 'fifo', not 'legacy'",
      });
    }
    return resources;
  }
  if (order !== 'legacy') {
    throw new DiagnosticError({
      rule: 'kustomization-invalid',
      file,
      message: "the field 'sortOptions.order' must be one of [fifo, legacy]",
    });
  }
  const opts = isJsonObject(sortOptions.legacySortOptions) ? sortOptions.legacySortOptions : undefined;
  if (!opts) return legacySort(resources);
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);
  return legacySort(resources, strings(opts.orderFirst), strings(opts.orderLast));
}

/**
 * Builds the kustomization in `dir` exactly as `kubectl kustomize --load-restrictor
 * LoadRestrictionsNone DIR` does and returns the output objects in output order.
 * Throws DiagnosticError on any problem with the input.
 */
export function build(tree: RepoTree, dir: string, options: BuildOptions = {}): JsonObject[] {
  return buildWithSources(tree, dir, options).map((b) => b.obj);
}

/** Like build, keeping each object's source file and line for diagnostics. */
export function buildWithSources(tree: RepoTree, dir: string, options: BuildOptions = {}): BuiltObject[] {
  const start = normalizePath(dir);
  if (start === undefined) {
    throw new DiagnosticError({ rule: 'path-escape', message: `'${dir}' leads outside the repository root` });
  }
  if (tree.stat(start) !== 'dir') {
    throw new DiagnosticError({
      rule: 'missing-file',
      file: displayPath(start),
      message: `directory '${displayPath(start)}' does not exist`,
    });
  }
  const ctx: BuildContext = {
    tree,
    cache: options.cache ?? newBuildCache(),
    stack: [start],
    buildMetadata: [],
    memo: newBuildMemo(),
    maxObjects: options.maxObjects ?? MAX_BUILD_OBJECTS,
  };
  const probe = loadTarget(ctx, start, undefined);
  ctx.buildMetadata = probe.k.buildMetadata;
  if (ctx.buildMetadata.includes('transformerAnnotations') || ctx.buildMetadata.includes('managedByLabel')) {
    throw new DiagnosticError({
      rule: 'kustomize-unsupported',
      file: probe.file,
      message:
        'buildMetadata transformerAnnotations and managedByLabel are not supported by the native engine',
      hint: 'use originAnnotations, or remove the option',
    });
  }
  const target = ctx.buildMetadata.length > 0 ? { ...probe, originPath: '' } : probe;

  const acc = accumulateTarget(ctx, target, emptyAccumulator());
  applyNameHashes(acc.resources);
  fixNameReferences(acc.resources, acc.config);
  let resources = acc.resources.filter((r) => !isLocalConfig(r));
  resources = sortResources(resources, target.k.sortOptions, target.file, options.reorder ?? 'legacy');

  // kustomize prints the build through encoding/json, which stops at NaN and ±Inf.
  for (const r of resources) {
    const unprintable = unprintableValueError(r.obj, r.file ? r : { file: target.file });
    if (unprintable) throw unprintable;
  }
  const keepOrigin = ctx.buildMetadata.includes('originAnnotations');
  return resources.map((r) => {
    removeAnnotations(r.obj, BUILD_ANNOTATIONS, true);
    if (!keepOrigin) removeAnnotations(r.obj, [ANN_ORIGIN], false);
    removeAnnotations(r.obj, [ANN_TRANSFORMATIONS], false);
    return r.line === undefined ? { obj: r.obj, file: r.file } : { obj: r.obj, file: r.file, line: r.line };
  });
}
