import { DiagnosticError } from '../core/diagnostic.js';
import type { JsonValue } from '../core/json.js';
import type { RepoTree } from '../tree/repo-tree.js';
import { parseYamlDocuments } from '../yaml/parse.js';
import { parseYaml11 } from '../yaml/parse-yaml11.js';
import type { BuildMemo } from './build-memo.js';
import type { ParsedDoc } from './load-resources.js';

/**
 * Parsed files shared by every build in one run: shared bases are read and parsed once.
 * Callers must clone documents before mutating them.
 */
export interface BuildCache {
  docs: Map<string, ParsedDoc[] | DiagnosticError>;
}

export function newBuildCache(): BuildCache {
  return { docs: new Map() };
}

export interface BuildContext {
  tree: RepoTree;
  cache: BuildCache;
  /** Directories being built, outermost first: kustomize's loader rejects cycles through them. */
  stack: string[];
  /** The top-level kustomization's buildMetadata, which kustomize imposes on every nested one. */
  buildMetadata: string[];
  /** Directory builds repeated within this build (absent for a context that only reads files). */
  memo?: BuildMemo;
  /** The most objects the build may hold. */
  maxObjects?: number;
}

/**
 * Parse (once per run) the YAML documents of a repository file. Manifests are read as kyaml
 * reads them; kustomization files (`asKustomization`) as kustomize decodes its own
 * configuration, with YAML 1.1 scalars (so `namespace: on` is a boolean, and an error).
 */
export function readDocuments(ctx: BuildContext, path: string, asKustomization = false): ParsedDoc[] {
  const base = manifestKey(ctx.tree, path);
  if (base === undefined) return parseFile(ctx, path, asKustomization);
  const key = asKustomization ? `kustomization:${base}` : base;
  const cached = ctx.cache.docs.get(key);
  if (cached instanceof DiagnosticError) throw cached;
  if (cached) return cached;
  try {
    const docs = parseFile(ctx, path, asKustomization);
    ctx.cache.docs.set(key, docs);
    return docs;
  } catch (e) {
    if (e instanceof DiagnosticError) ctx.cache.docs.set(key, e);
    throw e;
  }
}

/** The cache key of a file's manifest parse; undefined when the tree says not to cache it. */
function manifestKey(tree: RepoTree, path: string): string | undefined {
  return tree.cacheKey ? tree.cacheKey(path) : path;
}

/** The documents of `path` if a build already parsed it as manifests without error (do not mutate). */
export function parsedManifests(
  cache: BuildCache,
  tree: RepoTree,
  path: string,
): readonly ParsedDoc[] | undefined {
  const key = manifestKey(tree, path);
  const cached = key === undefined ? undefined : cache.docs.get(key);
  return Array.isArray(cached) ? cached : undefined;
}

export function cloneDocs(docs: readonly ParsedDoc[]): ParsedDoc[] {
  return docs.map((d) => ({ value: structuredClone(d.value) as JsonValue, line: d.line }));
}

function parseFile(ctx: BuildContext, path: string, asKustomization: boolean): ParsedDoc[] {
  const text = ctx.tree.readText(path);
  return asKustomization
    ? [{ value: parseYaml11(text, path), line: 1 }]
    : parseYamlDocuments(text, path).map((d) => ({ value: d.value, line: d.line }));
}
