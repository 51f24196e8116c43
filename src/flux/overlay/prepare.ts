/**
 * What Flux does to a Kustomization's directory before `kustomize build` (kustomize-controller's
 * generator and `flux build`): clamp spec.path into the root, then rewrite the kustomization file
 * found there, or generate one, with the Kustomization's spec fields applied. The result is
 * served from memory over the original tree; nothing is written.
 */
import { DiagnosticError, type Diagnostic } from '../../core/diagnostic.js';
import type { JsonObject } from '../../core/json.js';
import type { IgnorePattern } from '../../tree/gitignore.js';
import { isIgnored, readPatterns } from '../../tree/gitignore.js';
import { overlayTree } from '../../tree/overlay-tree.js';
import { displayPath, joinPath, resolvePath } from '../../tree/paths.js';
import type { RepoTree } from '../../tree/repo-tree.js';
import { defaultPatterns, loadIgnorePatterns, vcsPatterns } from '../../tree/source-ignore.js';
import { emitYaml } from '../../yaml/emit.js';
import type { KustomizationModel } from '../models/kustomization.js';
import { applyFluxSpec } from './apply-spec.js';
import { findKustomizationFile, generateKustomization, type ScanOptions } from './generate.js';
import { decodeFluxKustomization } from './kustomization-file.js';
import { secureJoin } from './secure-join.js';

export interface PrepareOptions {
  /**
   * `controller` (default): the tree is the source artifact (wrap a repository with
   * filteredTree first); no ignore filtering here. `cli`: `flux build kustomization`, which
   * applies `.sourceignore` files at or below the path and `ignorePaths` itself.
   */
  flavour?: 'controller' | 'cli';
  /** `flux build --ignore-paths` patterns (cli only), anchored at the build directory. */
  ignorePaths?: string[];
  /** Shared manifest parsing for generation (see ScanOptions.parse). */
  parse?: ScanOptions['parse'];
  /**
   * Leave the decoding of generated manifests to the build (it decodes them anyway); when
   * the build fails, `checkGenerated` tells whether Flux would have failed earlier.
   */
  deferManifestCheck?: boolean;
}

export interface PreparedBuild {
  /** The tree to build: the original plus the rewritten or generated kustomization file. */
  tree: RepoTree;
  /** The directory to build (spec.path clamped into the root). */
  dir: string;
  /** The kustomization file served in `dir`. */
  file: string;
  /** The file's content as Flux writes it. */
  kustomization: JsonObject;
  /** True when Flux generated the file (no kustomization file in `dir`). */
  generated: boolean;
  diagnostics: Diagnostic[];
  /**
   * With `deferManifestCheck`: throws the error Flux's generation gives for an undecodable
   * manifest, if any. Call it when the build fails, before reporting the build's error.
   */
  checkGenerated?: () => void;
}

function segments(path: string): string[] {
  return path === '' ? [] : path.split('/');
}

function locate(ks: KustomizationModel): { file: string; line?: number } {
  return ks.line === undefined ? { file: ks.file } : { file: ks.file, line: ks.line };
}

/** The Kustomization's build directory, which must exist. */
function buildDir(tree: RepoTree, ks: KustomizationModel): string {
  const dir = secureJoin(ks.path);
  const type = tree.stat(dir);
  if (type === 'dir') return dir;
  throw new DiagnosticError({
    rule: 'flux-path-not-found',
    ...locate(ks),
    message:
      type === 'file'
        ? `kustomization path is not a directory: ${displayPath(dir)}`
        : `kustomization path not found: ${displayPath(dir)}`,
    hint: `spec.path '${ks.path}' is resolved from the root of ${ks.sourceRef.kind} ${ks.sourceRef.namespace}/${ks.sourceRef.name}`,
  });
}

/** flux build's ignore patterns for `dir`: its `.sourceignore` files plus --ignore-paths. */
function cliPatterns(tree: RepoTree, dir: string, ignorePaths: readonly string[]): IgnorePattern[] {
  const domain = segments(dir);
  return [...loadIgnorePatterns(tree, dir), ...readPatterns(ignorePaths.join('\n'), domain)];
}

/** flux build step 3: drop ignored resources/components/crds entries; missing local entries fail. */
function filterEntries(
  k: JsonObject,
  tree: RepoTree,
  dir: string,
  matcher: readonly IgnorePattern[],
): JsonObject {
  const out: JsonObject = { ...k };
  for (const key of ['resources', 'components', 'crds']) {
    const entries = out[key];
    if (!Array.isArray(entries)) continue;
    out[key] = entries.filter((entry) => {
      if (typeof entry !== 'string' || entry.includes('://')) return true;
      const path = resolvePath(dir, entry);
      const type = path === undefined ? undefined : tree.stat(path);
      if (path === undefined || type === undefined) {
        throw new DiagnosticError({
          rule: 'flux-generate',
          file: joinPath(dir, 'kustomization.yaml'),
          message: `lstat ${entry}: no such file or directory`,
          hint: 'flux build checks every local resources/components/crds entry',
        });
      }
      return !isIgnored(matcher, segments(path), type === 'dir');
    });
  }
  return out;
}

/**
 * Prepares the build of one Flux Kustomization. Throws DiagnosticError when Flux would fail
 * this Kustomization before kustomize runs. Build the result with
 * `build(prepared.tree, prepared.dir, { reorder: 'none' })` and a cache not shared with
 * other prepared trees (the rewritten file replaces the original at the same path).
 */
export function prepareFluxBuild(
  tree: RepoTree,
  ks: KustomizationModel,
  opts: PrepareOptions = {},
): PreparedBuild {
  const cli = opts.flavour === 'cli';
  const dir = buildDir(tree, ks);
  const diagnostics: Diagnostic[] = [];
  const found = findKustomizationFile(tree, dir);
  const patterns = cli ? cliPatterns(tree, dir, opts.ignorePaths ?? []) : [];
  // Only flux build (cli) filters here; the controller's artifact is filtered already.
  const matcher = cli ? [...vcsPatterns(segments(dir)), ...defaultPatterns(segments(dir)), ...patterns] : [];

  let k: JsonObject;
  let checkGenerated: (() => void) | undefined;
  if (found !== undefined) {
    const decoded = decodeFluxKustomization(tree.readText(found), found);
    diagnostics.push(...decoded.diagnostics);
    k = decoded.value;
  } else {
    const exclude =
      patterns.length > 0
        ? (path: string, isDir: boolean) => isIgnored(matcher, segments(path), isDir)
        : undefined;
    const scan: ScanOptions = {
      ...(exclude ? { exclude } : {}),
      ...(opts.parse ? { parse: opts.parse } : {}),
    };
    k = generateKustomization(tree, dir, {
      ...scan,
      ...(opts.deferManifestCheck ? { checkManifests: false } : {}),
    });
    if (opts.deferManifestCheck) checkGenerated = () => void generateKustomization(tree, dir, scan);
  }
  if (cli) k = filterEntries(k, tree, dir, matcher);
  k = applyFluxSpec(k, ks, tree, dir, found !== undefined);

  const file = found ?? joinPath(dir, 'kustomization.yaml');
  return {
    tree: overlayTree(tree, new Map([[file, emitYaml(k)]])),
    dir,
    file,
    kustomization: k,
    generated: found === undefined,
    diagnostics,
    ...(checkGenerated ? { checkGenerated } : {}),
  };
}
