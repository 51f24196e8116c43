import type { JsonObject } from '../core/json.js';
import type { KustomizationModel } from './models/index.js';
import { collectVariables, type PostBuildVariables } from './variables.js';

/** ConfigMaps and Secrets that exist in the cluster, by kind, namespace and name. */
export type VariableLookup = (
  kind: 'ConfigMap' | 'Secret',
  namespace: string,
  name: string,
) => JsonObject | undefined;

/**
 * The postBuild variables of a Kustomization: its `substituteFrom` objects looked up in its
 * own namespace, its inline `substitute`, and variables that exist only in the cluster
 * (declared in k8s-ops.yaml), which every other source overrides.
 */
export function resolveVariables(
  ks: KustomizationModel,
  lookup: VariableLookup,
  extra: Readonly<Record<string, string>>,
): PostBuildVariables {
  const postBuild = ks.postBuild;
  const fromConfig =
    Object.keys(extra).length > 0
      ? [
          {
            kind: 'ConfigMap' as const,
            name: 'k8s-ops.yaml variables',
            optional: true,
            object: { data: { ...extra } },
          },
        ]
      : [];
  return collectVariables({
    substituteFrom: [
      ...fromConfig,
      ...(postBuild?.substituteFrom ?? []).map((ref) => ({
        kind: ref.kind,
        name: ref.name,
        optional: ref.optional,
        object: lookup(ref.kind, ks.namespace, ref.name),
      })),
    ],
    ...(postBuild ? { inline: postBuild.substitute } : {}),
  });
}
