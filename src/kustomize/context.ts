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
 * Files longer than this are parsed each time they are needed and never kept: the parse of
 * a big manifest takes several times the file's size, and keeping it for the whole run (and
 * cloning it for each build) is what made a 50 MB manifest run out of memory.
 */
export const MAX_CACHED_CHARS = 1024 * 1024;

/**
 * Parse (once per run) the YAML documents of a repository file. Manifests are read as kyaml
 * reads them; kustomization files (`asKustomization`) as kustomize decodes its own
 * configuration, with YAML 1.1 scalars (so `namespace: on` is a boolean, and an error).
 */
export function readDocuments(ctx: BuildContext, path: string, asKustomization = false): ParsedDoc[] {
  return readParsed(ctx, path, asKustomization).docs;
}

/** The documents of a manifest file, the caller's to change. */
export function readOwnDocuments(ctx: BuildContext, path: string): ParsedDoc[] {
  const { docs, shared } = readParsed(ctx, path, false);
  return shared ? cloneDocs(docs) : docs;
}

/** The parsed documents, and whether the cache holds them (they must not be changed). */
function readParsed(
  ctx: BuildContext,
  path: string,
  asKustomization: boolean,
): { docs: ParsedDoc[]; shared: boolean } {
  const base = manifestKey(ctx.tree, path);
  if (base === undefined) return { docs: parseFile(ctx, path, asKustomization), shared: false };
  const key = asKustomization ? `kustomization:${base}` : base;
  const cached = ctx.cache.docs.get(key);
  if (cached instanceof DiagnosticError) throw cached;
  if (cached) return { docs: cached, shared: true };
  try {
    const text = ctx.tree.readText(path);
    if (text.length > MAX_CACHED_CHARS)
      return { docs: parseText(text, path, asKustomization), shared: false };
    const docs = parseText(text, path, asKustomization);
    ctx.cache.docs.set(key, docs);
    return { docs, shared: true };
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
  return parseText(ctx.tree.readText(path), path, asKustomization);
}

function parseText(text: string, path: string, asKustomization: boolean): ParsedDoc[] {
  return asKustomization
    ? [{ value: parseYaml11(text, path), line: 1 }]
    : parseYamlDocuments(text, path).map((d) => ({ value: d.value, line: d.line }));
}
