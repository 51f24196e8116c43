import type { Diagnostic, Severity } from '../core/diagnostic.js';
import type { BuildCache } from '../kustomize/context.js';
import type { RepoConfig } from '../render/config.js';
import type { ClusterModel } from '../render/model.js';
import type { RepoTree } from '../tree/repo-tree.js';

/** Everything a rule may look at: the repository tree and every rendered cluster. */
export interface CheckContext {
  tree: RepoTree;
  /** Repository-relative paths of every YAML file (`.yaml`/`.yml`), sorted. */
  yamlFiles: readonly string[];
  models: readonly ClusterModel[];
  config: RepoConfig | undefined;
  /** Target Kubernetes version, `1.35` style (from --kubernetes-version, k8s-ops.yaml, or the default). */
  kubernetesVersion: string;
  /** Files the render parsed as manifests, so rules need not parse them again. */
  parsed?: BuildCache;
}

/**
 * A check: a small pure function with a stable id, a default severity and a one-line
 * explanation (listed in docs/rules.md). Findings carry the rule id; the runner applies the
 * configured severity, path ignores and inline `# k8s-ops:ignore RULE reason` comments.
 */
export interface Rule {
  id: string;
  severity: Severity;
  /** One line: what the rule finds and why it matters. */
  description: string;
  check(ctx: CheckContext): Diagnostic[];
}
