/**
 * `k8s-ops.yaml`, the optional repository configuration (documented in
 * docs/configuration.md). Validation is strict: unknown keys and wrong types are errors
 * with file and line, because a silently ignored typo would render the wrong cluster.
 */
import { DiagnosticError, type Diagnostic } from '../core/diagnostic.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../core/json.js';
import type { RepoTree } from '../tree/repo-tree.js';
import { parseYamlDocuments } from '../yaml/parse.js';
import { cluster } from './config-clusters.js';
import { field, list, mapping, report, str, typeName, type Ctx } from './config-fields.js';
import { checkRollout, rolloutStage } from './config-rollout.js';
import {
  CONFIG_FILE,
  type ClusterConfig,
  type ConfigResult,
  type RepoConfig,
  type RolloutStage,
} from './config-types.js';

// Importers use this module only; the pieces it is split into are an implementation detail.
export {
  CONFIG_FILE,
  SOURCE_KINDS,
  type ClusterConfig,
  type ConfigResult,
  type ObjectName,
  type RepoConfig,
  type RolloutStage,
  type SourceKind,
  type SourceMapping,
} from './config-types.js';
export { parseDuration } from './config-rollout.js';

const K8S_VERSION = /^v?\d+\.\d+(\.\d+)?$/;

function readConfig(ctx: Ctx, value: JsonValue): RepoConfig | undefined {
  const errors = (): number => ctx.diagnostics.filter((d) => d.severity === 'error').length;
  const before = errors();
  const top =
    value === null
      ? {}
      : mapping(ctx, value, [], ['kubernetesVersion', 'detect', 'clusters', 'rollout', 'checks']);
  if (!top) return undefined;
  const kubernetesVersion = str(ctx, top, 'kubernetesVersion', [], false);
  if (kubernetesVersion !== undefined && !K8S_VERSION.test(kubernetesVersion)) {
    report(
      ctx,
      ['kubernetesVersion'],
      'config-value',
      `kubernetesVersion '${kubernetesVersion}' is not a version`,
      "write it like '1.35.0'",
    );
  }
  const detect = field(top, 'detect');
  if (detect !== undefined && typeof detect !== 'boolean') {
    report(ctx, ['detect'], 'config-type', `'detect' must be true or false, not ${typeName(detect)}`);
  }

  const clusters: ClusterConfig[] = [];
  list(ctx, top, 'clusters', []).forEach((item, i) => {
    const c = cluster(ctx, item, ['clusters', i]);
    if (!c) return;
    if (clusters.some((o) => o.name === c.name)) {
      report(ctx, ['clusters', i, 'name'], 'config-duplicate', `cluster '${c.name}' is declared twice`);
      return;
    }
    clusters.push(c);
  });
  const stages: { stage: RolloutStage; index: number }[] = [];
  list(ctx, top, 'rollout', []).forEach((item, index) => {
    const stage = rolloutStage(ctx, item, ['rollout', index]);
    if (stage) stages.push({ stage, index });
  });
  const rollout = checkRollout(ctx, stages);
  const checksValue = field(top, 'checks');
  let checks: JsonObject = {};
  if (checksValue !== undefined) {
    if (isJsonObject(checksValue)) checks = checksValue;
    else report(ctx, ['checks'], 'config-type', `'checks' must be a mapping, not ${typeName(checksValue)}`);
  }
  if (errors() > before) return undefined;
  return {
    file: ctx.file,
    ...(kubernetesVersion !== undefined ? { kubernetesVersion } : {}),
    detect: detect !== false,
    clusters,
    rollout,
    checks,
  };
}

/**
 * Read `k8s-ops.yaml` at the repository root. No file: no config and no diagnostics.
 * Any error: no config (a half-read configuration would render something else than asked).
 */
export function loadConfig(tree: RepoTree): ConfigResult {
  const diagnostics: Diagnostic[] = [];
  if (tree.stat(CONFIG_FILE) !== 'file') {
    if (tree.stat('k8s-ops.yml') === 'file') {
      diagnostics.push({
        severity: 'warning',
        rule: 'config-file-name',
        message: "'k8s-ops.yml' is not read",
        file: 'k8s-ops.yml',
        line: 1,
        hint: `rename it to ${CONFIG_FILE}`,
      });
    }
    return { diagnostics };
  }
  const text = tree.readText(CONFIG_FILE);
  let docs;
  try {
    docs = parseYamlDocuments(text, CONFIG_FILE, { kustomizeFoldedScalars: false });
  } catch (e) {
    if (e instanceof DiagnosticError) return { diagnostics: [e.diagnostic] };
    throw e;
  }
  const content = docs.filter((d) => d.value !== null);
  if (content.length > 1) {
    diagnostics.push({
      severity: 'error',
      rule: 'config-type',
      message: `${CONFIG_FILE} must hold a single YAML document, found ${content.length}`,
      file: CONFIG_FILE,
      line: content[1]?.line ?? 1,
      hint: 'merge the documents into one mapping',
    });
    return { diagnostics };
  }
  const doc = content[0];
  const ctx: Ctx = {
    tree,
    file: CONFIG_FILE,
    text,
    docIndex: doc?.index ?? 0,
    docLine: doc?.line ?? 1,
    diagnostics,
  };
  const config = readConfig(ctx, doc?.value ?? null);
  return config ? { config, diagnostics } : { diagnostics };
}
