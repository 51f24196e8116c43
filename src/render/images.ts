/**
 * Every container image a cluster runs, from the pod templates of the objects Kustomizations
 * apply and charts install, with the object, container and applier. Read from the model, so
 * both `get images` and `diff` use it.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../core/json.js';
import { refKey, type ClusterModel, type RenderedObject } from './model.js';

export interface ImageUse {
  cluster: string;
  image: string;
  /** `Kind/namespace/name` of the object. */
  object: string;
  container: string;
  /** `containers`, `initContainers` or `ephemeralContainers`. */
  list: string;
  /** `Kustomization namespace/name` or `HelmRelease namespace/name`. */
  from: string;
  file: string;
  line?: number;
}

const get = (v: JsonValue | undefined, ...path: string[]): JsonValue | undefined => {
  let cur = v;
  for (const p of path) cur = isJsonObject(cur) ? cur[p] : undefined;
  return cur;
};

/** Where the pod spec sits in each workload kind (core and apps/batch groups only). */
const POD_SPEC: Record<string, string[]> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};
const WORKLOAD_GROUPS = new Set([
  'v1',
  'apps/v1',
  'batch/v1',
  'batch/v1beta1',
  'apps/v1beta2',
  'apps/v1beta1',
]);
const LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

function label(obj: JsonObject): string {
  const ns = get(obj, 'metadata', 'namespace');
  const name = get(obj, 'metadata', 'name');
  return `${String(obj.kind)}/${typeof ns === 'string' && ns ? `${ns}/` : ''}${String(name ?? '')}`;
}

/** The images of one object (none when it is not a workload). */
export function imagesOf(o: RenderedObject): { image: string; container: string; list: string }[] {
  const path = typeof o.obj.kind === 'string' ? POD_SPEC[o.obj.kind] : undefined;
  if (!path || !WORKLOAD_GROUPS.has(String(o.obj.apiVersion))) return [];
  const spec = get(o.obj, ...path);
  const out: { image: string; container: string; list: string }[] = [];
  for (const list of LISTS) {
    const containers = get(spec, list);
    if (!Array.isArray(containers)) continue;
    for (const c of containers) {
      const image = get(c, 'image');
      if (typeof image === 'string' && image !== '') {
        out.push({ image, container: String(get(c, 'name') ?? ''), list });
      }
    }
  }
  return out;
}

/** Every image use of `models`, in apply order. */
export function imageUses(models: readonly ClusterModel[]): ImageUse[] {
  const out: ImageUse[] = [];
  for (const m of models) {
    const appliers = [
      ...m.kustomizations.map((k) => ({ from: `Kustomization ${refKey(k.ref)}`, objects: k.objects })),
      ...m.helmReleases.map((h) => ({ from: `HelmRelease ${refKey(h.ref)}`, objects: h.objects })),
    ];
    for (const a of appliers) {
      for (const o of a.objects) {
        for (const use of imagesOf(o)) {
          out.push({
            cluster: m.name,
            ...use,
            object: label(o.obj),
            from: a.from,
            file: o.file,
            ...(o.line !== undefined ? { line: o.line } : {}),
          });
        }
      }
    }
  }
  return out;
}
