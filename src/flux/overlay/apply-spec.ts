/**
 * Steps 2 and 4–11 of Flux's GenerateManifest: the Kustomization's
 * spec fields written into the kustomization file kustomize will build.
 */
import { DiagnosticError } from '../../core/diagnostic.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../../core/json.js';
import type { RepoTree } from '../../tree/repo-tree.js';
import { resolvePath } from '../../tree/paths.js';
import type { KustomizationModel } from '../models/kustomization.js';
import { hasNoResources } from './kustomization-file.js';
import { isLocalRelativePath } from './local-path.js';

function list(k: JsonObject, key: string): JsonValue[] {
  const v = k[key];
  return Array.isArray(v) ? v : [];
}

/** Flux's image merge: by exact name; newTag and digest are set together so one clears the other. */
function mergeImages(existing: JsonValue[], ks: KustomizationModel): JsonValue[] {
  const images = existing.map((i) => (isJsonObject(i) ? { ...i } : i));
  for (const img of ks.images) {
    const at = images.findIndex((i) => isJsonObject(i) && i.name === img.name);
    const target = images[at];
    if (at < 0 || !isJsonObject(target)) {
      images.push({ ...img });
      continue;
    }
    if (img.newName) target.newName = img.newName;
    if (img.newTag || img.digest) {
      target.newTag = img.newTag ?? '';
      target.digest = img.digest ?? '';
      if (!target.newTag) delete target.newTag;
      if (!target.digest) delete target.digest;
    }
  }
  return images;
}

function componentExists(tree: RepoTree, dir: string, component: string): boolean {
  const path = resolvePath(dir, component);
  return path !== undefined && tree.stat(path) !== undefined;
}

/**
 * Applies the Kustomization's fields to `k` (the decoded or generated file of `dir`).
 * `existed`: the file was the user's (step 2 applies only then).
 */
export function applyFluxSpec(
  k: JsonObject,
  ks: KustomizationModel,
  tree: RepoTree,
  dir: string,
  existed: boolean,
): JsonObject {
  const out: JsonObject = { ...k };
  if (existed && hasNoResources(out)) out.buildMetadata = ['originAnnotations'];
  if (ks.targetNamespace) out.namespace = ks.targetNamespace;
  if (ks.namePrefix) out.namePrefix = ks.namePrefix;
  if (ks.nameSuffix) out.nameSuffix = ks.nameSuffix;
  if (ks.patches.length > 0) {
    const patches = ks.patches.map((p): JsonValue => {
      const entry: JsonObject = { patch: p.patch };
      if (p.target) entry.target = { ...p.target } as JsonObject;
      return entry;
    });
    out.patches = [...list(out, 'patches'), ...patches];
  }
  if (ks.components.length > 0) {
    const components: string[] = [];
    for (const c of ks.components) {
      if (!isLocalRelativePath(c)) {
        throw new DiagnosticError({
          rule: 'flux-component-path',
          file: ks.file,
          ...(ks.line !== undefined ? { line: ks.line } : {}),
          message: `component path '${c}' must be local and relative`,
          hint: 'spec.components entries are directories relative to spec.path inside the same source',
        });
      }
      if (ks.ignoreMissingComponents && !componentExists(tree, dir, c)) continue;
      components.push(c);
    }
    if (components.length > 0) out.components = [...list(out, 'components'), ...components];
  }
  if (ks.images.length > 0) out.images = mergeImages(list(out, 'images'), ks);
  if (ks.buildMetadata.length > 0) out.buildMetadata = [...ks.buildMetadata];
  return out;
}
