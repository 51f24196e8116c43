/**
 * The shape of a validated `k8s-ops.yaml` and the constants that name it. Kept apart from
 * the readers because every section reader builds one of these shapes; importers reach
 * them through config.ts.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import type { JsonObject } from '../core/json.js';

export const CONFIG_FILE = 'k8s-ops.yaml';

export type SourceKind = 'GitRepository' | 'OCIRepository' | 'Bucket';
export const SOURCE_KINDS: readonly SourceKind[] = ['GitRepository', 'OCIRepository', 'Bucket'];

/** A Flux source object that is this repository: its artifact root is `path` in the tree. */
export interface SourceMapping {
  kind: SourceKind;
  namespace: string;
  name: string;
  /** Repository sub-path the artifact root maps to; '' is the repository root. */
  path: string;
}

export interface ObjectName {
  name: string;
  namespace: string;
}

export interface ClusterConfig {
  name: string;
  /** Entry directory, normalised repository-relative path. */
  path: string;
  rootKustomization?: ObjectName;
  sources: SourceMapping[];
  /** Extra postBuild variables that exist only in the live cluster. */
  variables: Record<string, string>;
  /** Manifest files to treat as present in the cluster (e.g. a Secret stub). */
  objects: string[];
  line: number;
}

export interface RolloutStage {
  cluster: string;
  branch: string;
  follows?: string;
  /** As written, e.g. `24h`. */
  soak?: string;
  soakSeconds?: number;
  line: number;
}

export interface RepoConfig {
  file: string;
  kubernetesVersion?: string;
  /** False: use only `clusters` from the file, no detection. */
  detect: boolean;
  clusters: ClusterConfig[];
  rollout: RolloutStage[];
  /** Reserved for check settings; kept opaque until the checks stage defines it. */
  checks: JsonObject;
}

export interface ConfigResult {
  config?: RepoConfig;
  diagnostics: Diagnostic[];
}
