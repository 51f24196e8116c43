import type { JsonValue } from '../../core/json.js';
import { gvkSelected, type TransformerConfig } from '../fieldspecs/transformer-config.js';
import { walkFieldSpec, type FieldHolder, type FieldKey } from '../fieldspecs/walk-fieldspec.js';
import { curId, prevIds, type KResource } from '../resource.js';
import { DiagnosticError } from '../../core/diagnostic.js';
import { withFieldErrors } from './resource-error.js';

/** A `replicas:` entry of a kustomization. */
export interface ReplicaOverride {
  name: string;
  count: number;
}

function gvkText(s: { group?: string; version?: string; kind?: string }): string {
  return `${s.kind || '[noKind]'}.${s.version || '[noVer]'}.${s.group || '[noGrp]'}`;
}

/**
 * `replicas:` (ReplicaCountTransformer): a resource matches by its current or any previous name,
 * so an overlay can use the base's names. No match at all is an error, as in kustomize.
 */
export function applyReplicas(
  resources: readonly KResource[],
  replicas: ReplicaOverride | readonly ReplicaOverride[],
  config: TransformerConfig,
): void {
  const list: readonly ReplicaOverride[] = Array.isArray(replicas) ? replicas : [replicas as ReplicaOverride];
  for (const rep of list) {
    const set = (holder: FieldHolder, key: FieldKey): void => {
      (holder as Record<FieldKey, JsonValue>)[key] = rep.count;
    };
    let found = false;
    for (const fs of config.replicas) {
      for (const r of resources) {
        const ids = [...prevIds(r.obj), curId(r.obj)];
        if (!ids.some((id) => id.name === rep.name && gvkSelected(id, fs))) continue;
        found = true;
        withFieldErrors(r, 'setting replicas', fs.path, () => walkFieldSpec(r.obj, fs, set, 'scalar'));
      }
    }
    if (!found) {
      throw new DiagnosticError({
        rule: 'kustomize-build',
        message: `resource with name ${rep.name} does not match a config with the following GVK [${config.replicas.map(gvkText).join(' ')}]`,
      });
    }
  }
}
