import { isJsonObject, type JsonObject } from '../core/json.js';
import { refKey, type ClusterModel, type KustomizationRecord } from '../render/model.js';

function objectLabel(obj: JsonObject): string {
  const meta = isJsonObject(obj.metadata) ? obj.metadata : {};
  const ns = typeof meta.namespace === 'string' && meta.namespace ? `${meta.namespace}/` : '';
  return `${String(obj.kind)}/${ns}${String(meta.name ?? '')}`;
}

/**
 * `k8s-ops tree CLUSTER`, like `flux tree kustomization`: every Kustomization with the
 * objects it applies, nested Kustomizations expanded in place.
 */
export function formatTree(model: ClusterModel): string {
  const byKey = new Map(model.kustomizations.map((k) => [refKey(k.ref), k]));
  const root = model.kustomizations.find((k) => !k.parent);
  if (!root) return '';
  const lines: string[] = [];
  const label = (k: KustomizationRecord) =>
    `Kustomization/${refKey(k.ref)}${k.state === 'rendered' ? '' : ` (${k.state}${k.reason ? `: ${k.reason}` : ''})`}`;
  const walk = (k: KustomizationRecord, prefix: string, visited: Set<string>) => {
    k.objects.forEach((o, i) => {
      const last = i === k.objects.length - 1;
      const isKs =
        o.obj.kind === 'Kustomization' && String(o.obj.apiVersion).startsWith('kustomize.toolkit.fluxcd.io/');
      const child = isKs
        ? byKey.get(
            refKey({
              namespace: String((o.obj.metadata as JsonObject).namespace ?? ''),
              name: String((o.obj.metadata as JsonObject).name ?? ''),
            }),
          )
        : undefined;
      const text = child && child !== k ? label(child) : objectLabel(o.obj);
      lines.push(`${prefix}${last ? '└── ' : '├── '}${text}`);
      if (child && child !== k && !visited.has(refKey(child.ref))) {
        visited.add(refKey(child.ref));
        walk(child, `${prefix}${last ? '    ' : '│   '}`, visited);
      }
    });
  };
  lines.push(label(root));
  walk(root, '', new Set([refKey(root.ref)]));
  return lines.join('\n') + '\n';
}
