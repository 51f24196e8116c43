/**
 * helm-controller's post-render chain (internal/postrender): each `postRenderers[].kustomize`
 * (patches and images) as an in-memory kustomization whose one resource is helm's output, then
 * `commonMetadata` labels and annotations, then the origin labels
 * `helm.toolkit.fluxcd.io/name` and `…/namespace`, which win. Labels and annotations go on
 * `metadata` only. With the default strategy `combined` hooks go through the chain too;
 * `nohooks` leaves them as helm rendered them; `separate` runs the chain on each group.
 */
import { DiagnosticError } from '../../core/diagnostic.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../../core/json.js';
import { build } from '../../kustomize/build.js';
import { overlayTree } from '../../tree/overlay-tree.js';
import type { RepoTree } from '../../tree/repo-tree.js';
import { emitDocuments } from '../../yaml/emit.js';
import type { CommonMetadata } from '../models/meta.js';
import type { HelmObject, ReleaseManifests } from './release-manifests.js';

export type PostRenderStrategy = 'combined' | 'nohooks' | 'separate';

export const ORIGIN_GROUP = 'helm.toolkit.fluxcd.io';

export interface PostRenderInput {
  /** `spec.postRenderers` as written. */
  postRenderers: readonly JsonObject[];
  commonMetadata?: CommonMetadata;
  strategy: PostRenderStrategy;
  /** The HelmRelease (not the target namespace): what the origin labels name. */
  release: { namespace: string; name: string };
  /** Where the HelmRelease is declared, for diagnostics. */
  file: string;
  line?: number;
}

const EMPTY_TREE: RepoTree = {
  label: 'helm post-render',
  stat: () => undefined,
  readBytes: (path) => {
    throw new DiagnosticError({
      rule: 'missing-file',
      file: path,
      message: 'no such file in the post-render',
    });
  },
  readText: (path) => {
    throw new DiagnosticError({
      rule: 'missing-file',
      file: path,
      message: 'no such file in the post-render',
    });
  },
  list: (path) => {
    throw new DiagnosticError({
      rule: 'missing-file',
      file: path,
      message: 'no such folder in the post-render',
    });
  },
};

function kustomization(renderer: JsonObject): JsonObject {
  const k: JsonObject = {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources: ['helm-output.yaml'],
  };
  const images = Array.isArray(renderer.images) ? renderer.images.filter(isJsonObject) : [];
  if (images.length > 0) {
    k.images = images.map((i) => {
      const out: JsonObject = {};
      for (const key of ['name', 'newName', 'newTag', 'digest'])
        if (typeof i[key] === 'string') out[key] = i[key];
      return out;
    });
  }
  const patches = Array.isArray(renderer.patches) ? renderer.patches.filter(isJsonObject) : [];
  if (patches.length > 0) {
    k.patches = patches.map((p) => ({
      ...(typeof p.patch === 'string' ? { patch: p.patch } : {}),
      ...(isJsonObject(p.target) ? { target: p.target } : {}),
    }));
  }
  return k;
}

/** One kustomize post-renderer over `objects` (kustomize keeps their order). */
function runKustomize(objects: JsonObject[], renderer: JsonObject, input: PostRenderInput): JsonObject[] {
  if (objects.length === 0) return objects;
  const files = new Map<string, string>([
    ['helm-output.yaml', emitDocuments(objects as JsonValue[])],
    ['kustomization.yaml', JSON.stringify(kustomization(renderer))],
  ]);
  try {
    return build(overlayTree(EMPTY_TREE, files), '', { reorder: 'none' });
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    throw new DiagnosticError({
      rule: 'helm-render-failed',
      file: input.file,
      ...(input.line !== undefined ? { line: input.line } : {}),
      message: `post-renderer kustomize failed: ${e.message}`,
      hint: 'fix spec.postRenderers: a patch must match what the chart renders',
    });
  }
}

/** Sets `pairs` under `metadata.<field>`, creating the map when absent (kustomize's field spec). */
export function setMetadataMap(
  obj: JsonObject,
  field: 'labels' | 'annotations',
  pairs: Record<string, string>,
) {
  if (Object.keys(pairs).length === 0) return;
  if (!isJsonObject(obj.metadata)) obj.metadata = {};
  const meta = obj.metadata;
  if (!isJsonObject(meta[field])) meta[field] = {};
  const map = meta[field];
  for (const [k, v] of Object.entries(pairs)) map[k] = v;
}

export function originLabels(release: { namespace: string; name: string }): Record<string, string> {
  return { [`${ORIGIN_GROUP}/name`]: release.name, [`${ORIGIN_GROUP}/namespace`]: release.namespace };
}

function chain(objects: JsonObject[], input: PostRenderInput): JsonObject[] {
  let out = objects;
  for (const r of input.postRenderers) {
    if (isJsonObject(r.kustomize)) out = runKustomize(out, r.kustomize, input);
  }
  for (const o of out) {
    if (input.commonMetadata) {
      setMetadataMap(o, 'labels', input.commonMetadata.labels);
      setMetadataMap(o, 'annotations', input.commonMetadata.annotations);
    }
    setMetadataMap(o, 'labels', originLabels(input.release));
  }
  return out;
}

export interface PostRendered {
  crds: HelmObject[];
  manifests: HelmObject[];
  hooks: HelmObject[];
}

// kustomize keeps the objects in order, one for one, unless a `$patch: delete` drops one: then
// the templates are matched by kind, namespace and name.
function retag(before: readonly HelmObject[], after: JsonObject[]): HelmObject[] {
  if (before.length === after.length) return after.map((obj, i) => ({ template: before[i]!.template, obj }));
  const id = (o: JsonObject) => {
    const m = isJsonObject(o.metadata) ? o.metadata : {};
    return `${String(o.kind)}/${String(m.namespace ?? '')}/${String(m.name ?? '')}`;
  };
  const templates = new Map(before.map((b) => [id(b.obj), b.template]));
  return after.map((obj) => ({ template: templates.get(id(obj)) ?? '', obj }));
}

const isHook = (o: HelmObject) => {
  const m = isJsonObject(o.obj.metadata) ? o.obj.metadata : {};
  return isJsonObject(m.annotations) && typeof m.annotations['helm.sh/hook'] === 'string';
};

/** The release's objects after the chain; objects are copied, the input is left as it was. */
export function postRender(release: ReleaseManifests, input: PostRenderInput): PostRendered {
  const copy = (list: readonly HelmObject[]) => list.map((o) => structuredClone(o.obj));
  // helm-controller applies crds/ itself, labelled with the origin only.
  const crds = release.crds.map((c) => {
    const obj = structuredClone(c.obj);
    setMetadataMap(obj, 'labels', originLabels(input.release));
    return { template: c.template, obj };
  });
  switch (input.strategy) {
    case 'nohooks':
      return {
        crds,
        manifests: retag(release.manifests, chain(copy(release.manifests), input)),
        hooks: release.hooks.map((h) => ({ template: h.template, obj: structuredClone(h.obj) })),
      };
    case 'separate':
      return {
        crds,
        manifests: retag(release.manifests, chain(copy(release.manifests), input)),
        hooks: retag(release.hooks, chain(copy(release.hooks), input)),
      };
    case 'combined': {
      const all = [...release.manifests, ...release.hooks];
      const out = retag(all, chain(copy(all), input));
      return { crds, manifests: out.filter((o) => !isHook(o)), hooks: out.filter(isHook) };
    }
  }
}
