import { isJsonObject, type JsonObject } from '../core/json.js';
import {
  refKey,
  type ClusterModel,
  type HelmReleaseRecord,
  type KustomizationRecord,
  type RenderedObject,
} from '../render/model.js';

function objectLabel(obj: JsonObject): string {
  const meta = isJsonObject(obj.metadata) ? obj.metadata : {};
  const ns = typeof meta.namespace === 'string' && meta.namespace ? `${meta.namespace}/` : '';
  return `${String(obj.kind)}/${ns}${String(meta.name ?? '')}`;
}

function refOf(obj: JsonObject) {
  const meta = isJsonObject(obj.metadata) ? obj.metadata : {};
  return refKey({ namespace: String(meta.namespace ?? ''), name: String(meta.name ?? '') });
}

const isFlux = (o: RenderedObject, kind: string, group: string) =>
  o.obj.kind === kind && String(o.obj.apiVersion).startsWith(`${group}/`);

/**
 * `k8s-ops tree CLUSTER`, like `flux tree kustomization`: every Kustomization with the
 * objects it applies, nested Kustomizations expanded in place, and each HelmRelease with the
 * chart objects it installs (as `flux tree` lists a release's objects from its inventory).
 */
export function formatTree(model: ClusterModel): string {
  const byKey = new Map(model.kustomizations.map((k) => [refKey(k.ref), k]));
  const releases = new Map(model.helmReleases.map((h) => [refKey(h.ref), h]));
  const root = model.kustomizations.find((k) => !k.parent);
  if (!root) return '';
  const lines: string[] = [];
  const label = (k: KustomizationRecord) =>
    `Kustomization/${refKey(k.ref)}${k.state === 'rendered' ? '' : ` (${k.state}${k.reason ? `: ${k.reason}` : ''})`}`;
  // Without --charts every release is not-rendered without a reason: no mark, as before.
  const plain = (h: HelmReleaseRecord) => h.state === 'rendered' || (h.state === 'not-rendered' && !h.reason);
  const hrLabel = (h: HelmReleaseRecord) =>
    `HelmRelease/${refKey(h.ref)}${plain(h) ? '' : ` (${h.state}${h.reason ? `: ${h.reason}` : ''})`}`;
  const leaves = (objects: readonly RenderedObject[], prefix: string) => {
    objects.forEach((o, i) => {
      lines.push(`${prefix}${i === objects.length - 1 ? '└── ' : '├── '}${objectLabel(o.obj)}`);
    });
  };
  const walk = (k: KustomizationRecord, prefix: string, visited: Set<string>) => {
    k.objects.forEach((o, i) => {
      const last = i === k.objects.length - 1;
      const inner = `${prefix}${last ? '    ' : '│   '}`;
      const child = isFlux(o, 'Kustomization', 'kustomize.toolkit.fluxcd.io')
        ? byKey.get(refOf(o.obj))
        : undefined;
      // A release is listed under the Kustomization that applies it, once.
      const hr = isFlux(o, 'HelmRelease', 'helm.toolkit.fluxcd.io') ? releases.get(refOf(o.obj)) : undefined;
      const release = hr && refKey(hr.owner) === refKey(k.ref) ? hr : undefined;
      const text = child && child !== k ? label(child) : release ? hrLabel(release) : objectLabel(o.obj);
      lines.push(`${prefix}${last ? '└── ' : '├── '}${text}`);
      if (child && child !== k && !visited.has(refKey(child.ref))) {
        visited.add(refKey(child.ref));
        walk(child, inner, visited);
      } else if (release) leaves(release.objects, inner);
    });
  };
  lines.push(label(root));
  walk(root, '', new Set([refKey(root.ref)]));
  return lines.join('\n') + '\n';
}
