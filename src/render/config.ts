/**
 * `k8s-ops.yaml`, the optional repository configuration (documented in
 * docs/configuration.md). Validation is strict: unknown keys and wrong types are errors
 * with file and line, because a silently ignored typo would render the wrong cluster.
 */
import { DiagnosticError, type Diagnostic, type Severity } from '../core/diagnostic.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../core/json.js';
import { normalizePath } from '../tree/paths.js';
import type { EntryType, RepoTree } from '../tree/repo-tree.js';
import { locateInDocument, parseYamlDocuments } from '../yaml/parse.js';

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

type Path = (string | number)[];

interface Ctx {
  tree: RepoTree;
  file: string;
  text: string;
  docIndex: number;
  docLine: number;
  diagnostics: Diagnostic[];
}

const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const VAR_NAME = /^[_A-Za-z][_A-Za-z0-9]*$/;
const K8S_VERSION = /^v?\d+\.\d+(\.\d+)?$/;
const DURATION = /^(\d+(\.\d+)?(s|m|h|d))+$/;
const DURATION_PART = /(\d+(?:\.\d+)?)(s|m|h|d)/g;
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** Seconds in a duration such as `24h`, `1d12h`, `90m`; undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  if (!DURATION.test(text)) return undefined;
  let total = 0;
  for (const m of text.matchAll(DURATION_PART)) total += Number(m[1]) * (UNIT_SECONDS[m[2] ?? 's'] ?? 1);
  return total;
}

function typeName(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

function pathText(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function report(
  ctx: Ctx,
  path: Path,
  rule: string,
  message: string,
  hint?: string,
  severity: Severity = 'error',
): void {
  const at = locateInDocument(ctx.text, ctx.docIndex, path);
  ctx.diagnostics.push({
    severity,
    rule,
    message,
    file: ctx.file,
    line: at?.line ?? ctx.docLine,
    ...(at ? { column: at.column } : {}),
    ...(hint ? { hint } : {}),
  });
}

function lineOf(ctx: Ctx, path: Path): number {
  return locateInDocument(ctx.text, ctx.docIndex, path)?.line ?? ctx.docLine;
}

/** A mapping with only `allowed` keys; unknown keys are reported and dropped. */
function mapping(
  ctx: Ctx,
  value: JsonValue | undefined,
  path: Path,
  allowed: string[],
): JsonObject | undefined {
  if (!isJsonObject(value)) {
    const what = path.length === 0 ? ctx.file : `'${pathText(path)}'`;
    report(ctx, path, 'config-type', `${what} must be a mapping, not ${typeName(value)}`);
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      report(
        ctx,
        [...path, key],
        'config-unknown-key',
        `unknown key '${key}'${path.length ? ` in '${pathText(path)}'` : ''}`,
        `allowed keys: ${allowed.join(', ')}`,
      );
    }
  }
  return value;
}

/** The value at `key`, treating an explicit null as absent. */
function field(obj: JsonObject, key: string): JsonValue | undefined {
  const v = obj[key];
  return v === null ? undefined : v;
}

function str(ctx: Ctx, obj: JsonObject, key: string, path: Path, required: boolean): string | undefined {
  const v = field(obj, key);
  if (v === undefined) {
    if (required) report(ctx, path, 'config-required', `'${pathText([...path, key])}' is required`);
    return undefined;
  }
  if (typeof v !== 'string') {
    const hint = typeof v === 'number' || typeof v === 'boolean' ? 'quote the value' : undefined;
    report(
      ctx,
      [...path, key],
      'config-type',
      `'${pathText([...path, key])}' must be a string, not ${typeName(v)}`,
      hint,
    );
    return undefined;
  }
  return v;
}

function list(ctx: Ctx, obj: JsonObject, key: string, path: Path): JsonValue[] {
  const v = field(obj, key);
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    report(
      ctx,
      [...path, key],
      'config-type',
      `'${pathText([...path, key])}' must be a list, not ${typeName(v)}`,
    );
    return [];
  }
  return v;
}

/** A normalised repository path that exists with the wanted type. */
function repoPath(ctx: Ctx, raw: string, at: Path, want: EntryType): string | undefined {
  const norm = raw.startsWith('/') ? undefined : normalizePath(raw);
  if (norm === undefined) {
    report(
      ctx,
      at,
      'config-value',
      `path '${raw}' must be relative to the repository root and stay inside it`,
      "write it like 'clusters/production'",
    );
    return undefined;
  }
  const found = ctx.tree.stat(norm);
  if (found !== want) {
    const what = want === 'dir' ? 'directory' : 'file';
    report(
      ctx,
      at,
      'config-path-missing',
      found ? `'${raw}' is not a ${what}` : `${what} '${raw}' does not exist`,
      'paths are relative to the repository root',
    );
    return undefined;
  }
  return norm;
}

function objectName(ctx: Ctx, value: JsonValue | undefined, path: Path): ObjectName | undefined {
  const obj = mapping(ctx, value, path, ['name', 'namespace']);
  if (!obj) return undefined;
  const name = str(ctx, obj, 'name', path, true);
  const namespace = str(ctx, obj, 'namespace', path, false) ?? 'flux-system';
  return name === undefined ? undefined : { name, namespace };
}

function source(ctx: Ctx, value: JsonValue, path: Path): SourceMapping | undefined {
  const obj = mapping(ctx, value, path, ['kind', 'name', 'namespace', 'path']);
  if (!obj) return undefined;
  const kind = str(ctx, obj, 'kind', path, true);
  const name = str(ctx, obj, 'name', path, true);
  const namespace = str(ctx, obj, 'namespace', path, false) ?? 'flux-system';
  const rawPath = str(ctx, obj, 'path', path, false) ?? '';
  const subPath = repoPath(ctx, rawPath, [...path, 'path'], 'dir');
  if (kind !== undefined && !SOURCE_KINDS.includes(kind as SourceKind)) {
    report(
      ctx,
      [...path, 'kind'],
      'config-value',
      `unknown source kind '${kind}'`,
      `use one of ${SOURCE_KINDS.join(', ')}`,
    );
    return undefined;
  }
  if (kind === undefined || name === undefined || subPath === undefined) return undefined;
  return { kind: kind as SourceKind, namespace, name, path: subPath };
}

function variables(ctx: Ctx, obj: JsonObject, path: Path): Record<string, string> {
  const out: Record<string, string> = {};
  const v = field(obj, 'variables');
  if (v === undefined) return out;
  if (!isJsonObject(v)) {
    report(
      ctx,
      [...path, 'variables'],
      'config-type',
      `'${pathText([...path, 'variables'])}' must be a mapping, not ${typeName(v)}`,
    );
    return out;
  }
  for (const [key, value] of Object.entries(v)) {
    const at = [...path, 'variables', key];
    if (!VAR_NAME.test(key)) {
      report(
        ctx,
        at,
        'config-value',
        `variable name '${key}' is invalid`,
        'Flux accepts names matching ^[_A-Za-z][_A-Za-z0-9]*$',
      );
    } else if (typeof value !== 'string') {
      report(
        ctx,
        at,
        'config-type',
        `variable '${key}' must be a string, not ${typeName(value)}`,
        'quote the value: Flux variables are strings',
      );
    } else {
      out[key] = value;
    }
  }
  return out;
}

function cluster(ctx: Ctx, value: JsonValue, path: Path): ClusterConfig | undefined {
  const obj = mapping(ctx, value, path, [
    'name',
    'path',
    'rootKustomization',
    'sources',
    'variables',
    'objects',
  ]);
  if (!obj) return undefined;
  const name = str(ctx, obj, 'name', path, true);
  if (name !== undefined && !NAME.test(name)) {
    report(
      ctx,
      [...path, 'name'],
      'config-value',
      `cluster name '${name}' is invalid`,
      'use lower-case letters, digits and dashes, e.g. production',
    );
  }
  const rawPath = str(ctx, obj, 'path', path, true);
  const entry = rawPath === undefined ? undefined : repoPath(ctx, rawPath, [...path, 'path'], 'dir');
  const root = field(obj, 'rootKustomization');
  const rootKustomization =
    root === undefined ? undefined : objectName(ctx, root, [...path, 'rootKustomization']);

  const sources: SourceMapping[] = [];
  list(ctx, obj, 'sources', path).forEach((item, i) => {
    const s = source(ctx, item, [...path, 'sources', i]);
    if (!s) return;
    if (sources.some((o) => o.kind === s.kind && o.namespace === s.namespace && o.name === s.name)) {
      report(
        ctx,
        [...path, 'sources', i],
        'config-duplicate',
        `source ${s.kind}/${s.namespace}/${s.name} is listed twice`,
      );
      return;
    }
    sources.push(s);
  });
  const objects: string[] = [];
  list(ctx, obj, 'objects', path).forEach((item, i) => {
    const at = [...path, 'objects', i];
    if (typeof item !== 'string') {
      report(ctx, at, 'config-type', `'${pathText(at)}' must be a file path, not ${typeName(item)}`);
      return;
    }
    const file = repoPath(ctx, item, at, 'file');
    if (file !== undefined && !objects.includes(file)) objects.push(file);
  });
  const vars = variables(ctx, obj, path);
  if (name === undefined || !NAME.test(name) || entry === undefined) return undefined;
  return {
    name,
    path: entry,
    ...(rootKustomization ? { rootKustomization } : {}),
    sources,
    variables: vars,
    objects,
    line: lineOf(ctx, path),
  };
}

const BRANCH = /^(?!-)(?!.*\.\.)[^\s~^:?*[\\]+$/;

function rolloutStage(ctx: Ctx, value: JsonValue, path: Path): RolloutStage | undefined {
  const obj = mapping(ctx, value, path, ['cluster', 'branch', 'follows', 'soak']);
  if (!obj) return undefined;
  const clusterName = str(ctx, obj, 'cluster', path, true);
  const branch = str(ctx, obj, 'branch', path, true);
  const follows = str(ctx, obj, 'follows', path, false);
  const soak = str(ctx, obj, 'soak', path, false);
  if (branch !== undefined && !BRANCH.test(branch)) {
    report(ctx, [...path, 'branch'], 'config-value', `'${branch}' is not a valid branch name`);
    return undefined;
  }
  const soakSeconds = soak === undefined ? undefined : parseDuration(soak);
  if (soak !== undefined && soakSeconds === undefined) {
    report(
      ctx,
      [...path, 'soak'],
      'config-value',
      `soak '${soak}' is not a duration`,
      'write it like 24h, 90m or 2d',
    );
    return undefined;
  }
  if (clusterName === undefined || branch === undefined) return undefined;
  return {
    cluster: clusterName,
    branch,
    ...(follows !== undefined ? { follows } : {}),
    ...(soak !== undefined ? { soak, soakSeconds } : {}),
    line: lineOf(ctx, path),
  };
}

/** `follows` must name another stage, without cycles; `soak` only makes sense with it. */
function checkRollout(ctx: Ctx, stages: { stage: RolloutStage; index: number }[]): RolloutStage[] {
  const kept: RolloutStage[] = [];
  const byCluster = new Map<string, RolloutStage>();
  for (const { stage, index } of stages) {
    if (byCluster.has(stage.cluster)) {
      report(
        ctx,
        ['rollout', index, 'cluster'],
        'config-duplicate',
        `cluster '${stage.cluster}' appears twice in rollout`,
      );
      continue;
    }
    byCluster.set(stage.cluster, stage);
    kept.push(stage);
  }
  for (const { stage, index } of stages) {
    if (byCluster.get(stage.cluster) !== stage) continue;
    const at: Path = ['rollout', index];
    if (stage.follows === undefined) {
      if (stage.soak !== undefined) {
        report(
          ctx,
          [...at, 'soak'],
          'config-value',
          `soak without follows has no effect for cluster '${stage.cluster}'`,
          'add follows: <cluster> or remove soak',
          'warning',
        );
      }
      continue;
    }
    if (!byCluster.has(stage.follows) || stage.follows === stage.cluster) {
      report(
        ctx,
        [...at, 'follows'],
        'config-rollout',
        stage.follows === stage.cluster
          ? `cluster '${stage.cluster}' cannot follow itself`
          : `follows '${stage.follows}' is not a cluster of the rollout`,
        `list the followed cluster in rollout: ${[...byCluster.keys()].join(', ')}`,
      );
      continue;
    }
    const seen = new Set([stage.cluster]);
    for (
      let next = byCluster.get(stage.follows);
      next?.follows !== undefined;
      next = byCluster.get(next.follows)
    ) {
      if (seen.has(next.cluster)) {
        report(
          ctx,
          [...at, 'follows'],
          'config-rollout',
          `rollout of '${stage.cluster}' follows itself through '${stage.follows}'`,
          'the rollout must be a chain without cycles',
        );
        break;
      }
      seen.add(next.cluster);
    }
  }
  return kept;
}

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
