import { DiagnosticError } from '../core/diagnostic.js';
import type { JsonValue } from '../core/json.js';
import { displayPath, joinPath, resolvePath } from '../tree/paths.js';
import { readDocuments, readOwnDocuments, type BuildContext } from './context.js';
import {
  emptyTransformerConfig,
  makeTransformerConfig,
  mergeTransformerConfig,
  type TransformerConfig,
} from './fieldspecs/transformer-config.js';
import { generateConfigMap, generateSecret, mergeGenerated } from './generators.js';
import {
  isEmptyKustomization,
  KUSTOMIZATION_FILE_NAMES,
  parseKustomization,
  type Kustomization,
} from './kustomization.js';
import { resourcesFromDocuments } from './load-resources.js';
import { generatorOriginAnnotation, joinOriginPath, resourceOriginAnnotation } from './origin.js';
import { isRemoteReference } from './remote.js';
import { memoizedBuild } from './build-memo.js';
import { appendAll } from './resmap.js';
import { ANN_ORIGIN, getAnnotation, setAnnotation, type KResource } from './resource.js';
import { runTransformers } from './run-transformers.js';

/** What a kustomization level has built so far (kustomize's ResAccumulator). */
export interface Accumulator {
  resources: KResource[];
  config: TransformerConfig;
}

/** A loaded kustomization file and where it sits. */
export interface Target {
  dir: string;
  /** Repository-relative path of the kustomization file. */
  file: string;
  k: Kustomization;
  /** Path of `dir` relative to the top-level directory, when origin annotations are tracked. */
  originPath: string | undefined;
}

export function emptyAccumulator(): Accumulator {
  return { resources: [], config: emptyTransformerConfig() };
}

function findKustomizationFile(ctx: BuildContext, dir: string): string {
  const found = KUSTOMIZATION_FILE_NAMES.map((n) => joinPath(dir, n)).filter(
    (p) => ctx.tree.stat(p) === 'file',
  );
  if (found.length === 0) {
    throw new DiagnosticError({
      rule: 'kustomize-missing-kustomization',
      file: displayPath(dir),
      message: `no kustomization file in '${displayPath(dir)}' (looked for ${KUSTOMIZATION_FILE_NAMES.join(', ')})`,
      hint: 'add a kustomization.yaml, or point at a directory that has one',
    });
  }
  if (found.length > 1) {
    throw new DiagnosticError({
      rule: 'kustomize-multiple-kustomizations',
      file: displayPath(dir),
      message: `found multiple kustomization files in '${displayPath(dir)}': ${found.join(', ')}`,
      hint: 'keep exactly one of them',
    });
  }
  return found[0] as string;
}

export function loadTarget(ctx: BuildContext, dir: string, originPath: string | undefined): Target {
  const file = findKustomizationFile(ctx, dir);
  const docs = readDocuments(ctx, file, true).filter((d) => d.value !== null);
  if (docs.length > 1) {
    throw new DiagnosticError({
      rule: 'kustomization-invalid',
      file,
      line: docs[1]?.line,
      message: 'a kustomization file must hold a single YAML document',
    });
  }
  const raw: JsonValue = docs[0]?.value ?? null;
  const k = parseKustomization(raw, file);
  if (isEmptyKustomization(raw)) {
    throw new DiagnosticError({
      rule: 'kustomization-empty',
      file,
      message: 'kustomization.yaml is empty',
      hint: 'list resources, components or generators in it',
    });
  }
  return { dir, file, k, originPath };
}

function unsupported(target: Target, field: string, hint: string): never {
  throw new DiagnosticError({
    rule: 'kustomize-unsupported',
    file: target.file,
    message: `the '${field}' field is not supported by the native kustomize engine`,
    hint,
  });
}

/** kustomize's loader refuses a directory that is, or contains, one already being built. */
function checkCycle(ctx: BuildContext, target: Target, dir: string, entry: string): void {
  for (const visited of ctx.stack) {
    if (dir === visited || dir === '' || visited.startsWith(`${dir}/`)) {
      const chain = [...ctx.stack, dir].map(displayPath).join(' -> ');
      throw new DiagnosticError({
        rule: 'kustomize-cycle',
        file: target.file,
        message: `cycle detected: '${entry}' (${displayPath(dir)}) contains '${displayPath(visited)}', which is already being built (${chain})`,
        hint: 'a kustomization may not include itself or a directory above it',
      });
    }
  }
}

function resolveEntry(target: Target, field: string, entry: string): string {
  if (isRemoteReference(entry)) {
    throw new DiagnosticError({
      rule: 'kustomize-remote',
      file: target.file,
      message: `${field} entry '${entry}' is a remote reference; remote resources are not fetched`,
      hint: 'vendor the remote manifests into the repository, or build this directory with network access',
    });
  }
  const path = resolvePath(target.dir, entry);
  if (path === undefined) {
    throw new DiagnosticError({
      rule: 'path-escape',
      file: target.file,
      message: `${field} entry '${entry}' leads outside the repository root`,
      hint: 'keep every referenced file inside the repository',
    });
  }
  return path;
}

function accumulateFile(
  ctx: BuildContext,
  target: Target,
  acc: Accumulator,
  path: string,
  entry: string,
): void {
  const resources = resourcesFromDocuments(readOwnDocuments(ctx, path), path);
  if (target.originPath !== undefined) {
    const anno = resourceOriginAnnotation(joinOriginPath(target.originPath, entry));
    for (const r of resources) setAnnotation(r.obj, ANN_ORIGIN, anno);
  }
  appendAll(acc.resources, resources, `accumulating resources from '${entry}' in ${target.file}`);
}

/** Objects one build may hold: a diamond that doubles at each level is stopped, not followed. */
export const MAX_BUILD_OBJECTS = 10_000;

function checkBuildSize(ctx: BuildContext, count: number, target: Target, entry: string): void {
  const limit = ctx.maxObjects ?? MAX_BUILD_OBJECTS;
  if (count <= limit) return;
  throw new DiagnosticError({
    rule: 'limit-exceeded',
    file: target.file,
    message: `the build holds more than ${limit} objects after including '${entry}'`,
    hint: 'a folder is probably included many times over (each level including the next twice); include it once, or raise the limit with --max-build-objects',
  });
}

function accumulateDirectory(
  ctx: BuildContext,
  target: Target,
  acc: Accumulator,
  dir: string,
  entry: string,
  isComponent: boolean,
): Accumulator {
  checkCycle(ctx, target, dir, entry);
  const originPath = target.originPath === undefined ? undefined : joinOriginPath(target.originPath, entry);
  const sub = loadTarget(ctx, dir, originPath);
  if (isComponent && sub.k.kind !== 'Component') {
    throw new DiagnosticError({
      rule: 'kustomize-component',
      file: sub.file,
      message: `expected kind 'Component' for path '${displayPath(dir)}' but got '${sub.k.kind}'`,
      hint: `'${entry}' is listed under components in ${target.file}`,
    });
  }
  if (!isComponent && sub.k.kind === 'Component') {
    throw new DiagnosticError({
      rule: 'kustomize-component',
      file: sub.file,
      message: `expected kind != 'Component' for path '${displayPath(dir)}'`,
      hint: `list '${entry}' under components, not resources, in ${target.file}`,
    });
  }
  ctx.stack.push(dir);
  try {
    if (isComponent) return accumulateTarget(ctx, sub, acc);
    const buildIt = () => accumulateTarget(ctx, sub, emptyAccumulator());
    const subAcc = ctx.memo
      ? memoizedBuild(ctx.memo, dir, originPath, ctx.stack.slice(0, -1), buildIt)
      : buildIt();
    appendAll(acc.resources, subAcc.resources, `merging resources from '${entry}' in ${target.file}`);
    checkBuildSize(ctx, acc.resources.length, target, entry);
    acc.config = mergeTransformerConfig(acc.config, subAcc.config, { file: sub.file });
    return acc;
  } finally {
    ctx.stack.pop();
  }
}

function accumulateResources(ctx: BuildContext, target: Target, acc: Accumulator): Accumulator {
  for (const entry of target.k.resources) {
    const path = resolveEntry(target, 'resources', entry);
    const type = ctx.tree.stat(path);
    if (type === 'file') accumulateFile(ctx, target, acc, path, entry);
    else if (type === 'dir') acc = accumulateDirectory(ctx, target, acc, path, entry, false);
    else {
      throw new DiagnosticError({
        rule: 'missing-file',
        file: target.file,
        message: `resource '${entry}' does not exist (${displayPath(path)})`,
        hint: 'fix the path or remove the entry',
      });
    }
  }
  return acc;
}

function accumulateComponents(ctx: BuildContext, target: Target, acc: Accumulator): Accumulator {
  for (const entry of target.k.components) {
    const path = resolveEntry(target, 'components', entry);
    const type = ctx.tree.stat(path);
    if (type !== 'dir') {
      throw new DiagnosticError({
        rule: type === 'file' ? 'kustomize-component' : 'missing-file',
        file: target.file,
        message:
          type === 'file'
            ? `component '${entry}' must be a directory with a kustomization file`
            : `component '${entry}' does not exist (${displayPath(path)})`,
      });
    }
    acc = accumulateDirectory(ctx, target, acc, path, entry, true);
  }
  return acc;
}

/**
 * kustomize's MakeTransformerConfig for this level: the user's `configurations` first, the
 * defaults merged into them (a user spec wins over the default it covers), then the result
 * merged into what the nested levels accumulated.
 */
function loadConfigurations(ctx: BuildContext, target: Target, acc: Accumulator): void {
  const files: { value: JsonValue; file: string }[] = [];
  for (const entry of target.k.configurations) {
    const path = resolveEntry(target, 'configurations', entry);
    if (ctx.tree.stat(path) !== 'file') {
      throw new DiagnosticError({
        rule: 'missing-file',
        file: target.file,
        message: `configurations file '${entry}' does not exist`,
      });
    }
    for (const doc of readDocuments(ctx, path)) {
      if (doc.value !== null) files.push({ value: doc.value, file: path });
    }
  }
  acc.config = mergeTransformerConfig(acc.config, makeTransformerConfig(files), { file: target.file });
}

function runGenerators(target: Target, ctx: BuildContext, acc: Accumulator): void {
  const { k } = target;
  const global = k.generatorOptions;
  const configuredIn =
    target.originPath === undefined
      ? undefined
      : joinOriginPath(target.originPath, target.file.split('/').pop() ?? '');
  const absorb = (res: KResource, kind: string): void => {
    if (configuredIn !== undefined && getAnnotation(res.obj, ANN_ORIGIN) === undefined) {
      setAnnotation(res.obj, ANN_ORIGIN, generatorOriginAnnotation(configuredIn, kind));
    }
    acc.resources = mergeGenerated(acc.resources, res, target.file);
  };
  for (const args of k.configMapGenerator) {
    absorb(generateConfigMap(ctx.tree, target.dir, args, global, target.file), 'ConfigMapGenerator');
  }
  for (const args of k.secretGenerator) {
    absorb(generateSecret(ctx.tree, target.dir, args, global, target.file), 'SecretGenerator');
  }
}

/** kustomize's accumulateTarget: resources, configurations, generators, components, transformers. */
export function accumulateTarget(ctx: BuildContext, target: Target, acc: Accumulator): Accumulator {
  const { k } = target;
  if (k.helmCharts.length > 0) {
    throw new DiagnosticError({
      rule: 'kustomize-helm',
      file: target.file,
      message: 'helmCharts require helm (kustomize: must specify --enable-helm); Flux rejects them too',
      hint: 'use a Flux HelmRelease instead of kustomize helmCharts',
    });
  }
  if (k.crds.length > 0)
    unsupported(target, 'crds', 'declare custom name references with `configurations` instead');
  if (k.vars.length > 0) unsupported(target, 'vars', 'migrate to `replacements`, which kustomize recommends');
  if (k.generators.length > 0) unsupported(target, 'generators', 'use configMapGenerator/secretGenerator');
  if (k.transformers.length > 0)
    unsupported(target, 'transformers', 'use the equivalent kustomization fields');
  if (k.validators.length > 0) unsupported(target, 'validators', 'remove the validators entry');

  acc = accumulateResources(ctx, target, acc);
  loadConfigurations(ctx, target, acc);
  runGenerators(target, ctx, acc);
  acc = accumulateComponents(ctx, target, acc);
  acc.resources = runTransformers(ctx, target, acc);
  return acc;
}
