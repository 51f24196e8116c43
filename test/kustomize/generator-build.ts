import { load } from 'js-yaml';
import { isJsonObject, type JsonObject } from '../../src/core/json.js';
import { mergeGenerated } from '../../src/kustomize/generated-merge.js';
import {
  generateConfigMap,
  generateSecret,
  type GeneratorArgs,
  type GeneratorOptions,
} from '../../src/kustomize/generators.js';
import { applyNameHashes } from '../../src/kustomize/hash.js';
import {
  BUILD_ANNOTATIONS,
  getName,
  removeAnnotation,
  setName,
  setNamespace,
  storePreviousId,
  type KResource,
} from '../../src/kustomize/resource.js';
import { joinPath, resolvePath } from '../../src/tree/paths.js';
import type { RepoTree } from '../../src/tree/repo-tree.js';

/**
 * A deliberately small kustomize build for the generator tests: resources (directories or
 * plain ConfigMap/Secret files), configMapGenerator, secretGenerator, generatorOptions and
 * the namespace / namePrefix / commonLabels transformers, in kustomize's order. It exists
 * only to drive the generator functions through base/overlay stacks.
 */

interface Kustomization {
  resources?: string[];
  namePrefix?: string;
  namespace?: string;
  commonLabels?: Record<string, string>;
  generatorOptions?: GeneratorOptions;
  configMapGenerator?: GeneratorArgs[];
  secretGenerator?: GeneratorArgs[];
}

function accumulate(tree: RepoTree, dir: string): KResource[] {
  const file = joinPath(dir, 'kustomization.yaml');
  const k = load(tree.readText(file)) as Kustomization;
  let acc: KResource[] = [];
  for (const r of k.resources ?? []) {
    const path = resolvePath(dir, r) as string;
    if (tree.stat(path) === 'dir') acc.push(...accumulate(tree, path));
    else acc.push({ obj: load(tree.readText(path)) as JsonObject, file: path });
  }
  for (const args of k.configMapGenerator ?? []) {
    acc = mergeGenerated(acc, generateConfigMap(tree, dir, args, k.generatorOptions, file));
  }
  for (const args of k.secretGenerator ?? []) {
    acc = mergeGenerated(acc, generateSecret(tree, dir, args, k.generatorOptions, file));
  }
  for (const r of acc) {
    if (k.namespace) {
      storePreviousId(r.obj);
      setNamespace(r.obj, k.namespace);
    }
    if (k.namePrefix) {
      storePreviousId(r.obj);
      setName(r.obj, k.namePrefix + getName(r.obj));
    }
    if (k.commonLabels) {
      const meta = r.obj.metadata as JsonObject;
      meta.labels = { ...(isJsonObject(meta.labels) ? meta.labels : {}), ...k.commonLabels };
    }
  }
  return acc;
}

/** The build's output objects, build annotations removed. */
export function miniBuild(tree: RepoTree, dir: string): JsonObject[] {
  const acc = accumulate(tree, dir);
  applyNameHashes(acc);
  return acc.map((r) => {
    for (const a of BUILD_ANNOTATIONS) removeAnnotation(r.obj, a);
    return r.obj;
  });
}
