import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DiagnosticError, type Diagnostic } from '../core/diagnostic.js';
import type { SchemaSettings } from '../checks/config.js';
import { isAddress, untrustedSetting } from '../render/config-trust.js';
import type { ClusterModel } from '../render/model.js';
import {
  isFluxGroup,
  loadKubernetesOpenApi,
  parseApiVersion,
  parseSchemaLocation,
  pullSchemas,
  type SchemaLocation,
} from '../schemas/index.js';
import { nodeSchemaIo } from '../schemas/node-io.js';
import { nodePreparedStore } from '../schemas/node-prepared-store.js';
import type { SchemaRuleOptions } from '../checks/schema-rule.js';
import type { RepoTree } from '../tree/repo-tree.js';
import { confinedPath } from './confine.js';

export interface SchemaFlags {
  /** A directory holding `kubernetes/swagger-v<version>.json` and a kubeconform-layout `crds/`. */
  schemas?: string;
  /** CRD schemas: a directory or an http(s) URL template in kubeconform's layout. */
  schemaLocation?: string;
  /** Cache of a remote schema location. */
  schemaCache?: string;
}

/** Where prepared copies of schema files live, inside the schema cache. */
export const PREPARED_DIR = 'prepared';

/** `$XDG_CACHE_HOME/k8s-ops/schemas`, else `~/.cache/k8s-ops/schemas`. */
/**
 * `path` when it is a folder or does not exist yet; a file (or a path through one) is an error
 * diagnostic, and the setting is left out rather than failing on its first read.
 */
function folderOrNothing(
  path: string | undefined,
  what: string,
  diagnostics: Diagnostic[],
): string | undefined {
  if (path === undefined) return undefined;
  let problem: string | undefined;
  try {
    if (!statSync(path).isDirectory()) problem = 'is a file, not a folder';
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') problem = code === 'ENOTDIR' ? 'leads through a file' : `cannot be read (${code})`;
  }
  if (problem === undefined) return path;
  diagnostics.push({
    severity: 'error',
    rule: 'schema-source',
    file: path,
    message: `${what} '${path}' ${problem}; it is not used`,
    hint: 'give the path of a folder',
  });
  return undefined;
}

export function defaultSchemaCache(env: NodeJS.ProcessEnv): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'k8s-ops', 'schemas');
}

const SETTINGS: { key: keyof SchemaSettings; flag: keyof SchemaFlags; option: string }[] = [
  { key: 'dir', flag: 'schemas', option: '--schemas DIR' },
  { key: 'location', flag: 'schemaLocation', option: '--schema-location' },
  { key: 'cache', flag: 'schemaCache', option: '--schema-cache DIR' },
];

/**
 * The schema settings of k8s-ops.yaml that may apply (see render/config-trust.ts): without
 * trust, an address (fetched), a path that leaves the repository (symbolic links resolved)
 * and a cache that could be written outside it are ignored with a warning each. Relative
 * paths are resolved against `root`. `settings` holds only what no flag or variable overrides.
 */
export function configuredSchemaFlags(
  settings: SchemaSettings,
  root: string,
  tree: RepoTree,
  trusted: boolean,
  diagnostics: Diagnostic[],
): SchemaFlags {
  const out: SchemaFlags = {};
  for (const { key, flag, option } of SETTINGS) {
    const value = settings[key];
    if (value === undefined) continue;
    if (isAddress(value)) {
      if (trusted) out[flag] = value;
      else {
        const why = 'it is a network address k8s-ops would fetch';
        diagnostics.push(untrustedSetting(tree, ['checks', 'schemas', key], value, why, option));
      }
      continue;
    }
    const confined = confinedPath(root, value, key === 'cache');
    if (trusted || confined.ok) out[flag] = confined.path;
    else diagnostics.push(untrustedSetting(tree, ['checks', 'schemas', key], value, confined.why, option));
  }
  return out;
}

/** Custom resource kinds the clusters use, the ones a CRD schema location must provide. */
export function customKinds(
  models: readonly ClusterModel[],
): { group: string; version: string; kind: string }[] {
  const seen = new Map<string, { group: string; version: string; kind: string }>();
  for (const m of models) {
    for (const k of m.kustomizations) {
      for (const o of k.objects) {
        const gv = parseApiVersion(typeof o.obj.apiVersion === 'string' ? o.obj.apiVersion : '');
        const kind = typeof o.obj.kind === 'string' ? o.obj.kind : '';
        if (!gv.group || !gv.group.includes('.') || !kind || isFluxGroup({ ...gv, kind })) continue;
        seen.set(`${gv.group}/${gv.version}/${kind}`, { group: gv.group, version: gv.version, kind });
      }
    }
  }
  return [...seen.values()];
}

/** Fetches the schemas of `kinds` into the cache (already cached ones are kept). */
export async function pullLocation(
  location: SchemaLocation,
  kinds: ReturnType<typeof customKinds>,
  cacheDir: string,
): Promise<Diagnostic[]> {
  const results = await pullSchemas(location, kinds, { cacheDir, io: nodeSchemaIo });
  return results
    .filter((r) => r.status === 'error')
    .map((r) => ({
      severity: 'warning' as const,
      rule: 'schema-pull',
      message: r.message ?? `cannot fetch the schema of ${r.gvk.group}/${r.gvk.version} ${r.gvk.kind}`,
      hint: 'check the schema location and your network; cached schemas are kept',
    }));
}

/**
 * The schemas `check` validates with: the Kubernetes OpenAPI from `--schemas DIR`, and CRD
 * schemas from `--schema-location` (remote ones pulled into the cache first) or `DIR/crds`.
 * `flags` are already resolved against the environment and k8s-ops.yaml by the caller; `env`
 * only locates the default cache.
 */
export async function loadSchemaOptions(
  flags: SchemaFlags,
  env: NodeJS.ProcessEnv,
  kubernetesVersion: string,
  models: readonly ClusterModel[],
  diagnostics: Diagnostic[],
): Promise<SchemaRuleOptions> {
  const dir = folderOrNothing(flags.schemas, 'the schemas folder (--schemas, K8S_OPS_SCHEMAS)', diagnostics);
  const locationText =
    flags.schemaLocation ?? (dir && existsSync(join(dir, 'crds')) ? join(dir, 'crds') : undefined);
  const cacheDir =
    folderOrNothing(flags.schemaCache, 'the schema cache (--schema-cache)', diagnostics) ??
    defaultSchemaCache(env);
  // Schema files as validation reads them, kept between runs (see prepared.ts).
  const io = { ...nodeSchemaIo, prepared: nodePreparedStore(join(cacheDir, PREPARED_DIR)) };
  const options: SchemaRuleOptions = { io };
  if (locationText) {
    const location = parseSchemaLocation(locationText);
    options.location = location;
    if (location.remote) {
      options.cacheDir = cacheDir;
      diagnostics.push(...(await pullLocation(location, customKinds(models), cacheDir)));
    }
  }
  if (!dir) return options;
  try {
    options.kubernetes = await loadKubernetesOpenApi(kubernetesVersion, join(dir, 'kubernetes'), io);
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    diagnostics.push(e.diagnostic);
  }
  return options;
}
