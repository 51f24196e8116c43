/**
 * Flux's kustomization generation for a directory without a kustomization file
 *: every `.yaml`/`.yml` manifest below it in walk order, and each
 * sub-directory holding a kustomization file as one resource.
 */
import { DiagnosticError } from '../../core/diagnostic.js';
import type { JsonObject, JsonValue } from '../../core/json.js';
import { KUSTOMIZATION_FILE_NAMES } from '../../kustomize/kustomization.js';
import { resourcesFromDocuments } from '../../kustomize/load-resources.js';
import type { RepoTree } from '../../tree/repo-tree.js';
import { joinPath } from '../../tree/paths.js';
import { parseYamlDocuments } from '../../yaml/parse.js';
import { KUSTOMIZATION_API_VERSION } from './kustomization-file.js';

/** The first recognised kustomization file in `dir` (a file, not a directory), if any. */
export function findKustomizationFile(tree: RepoTree, dir: string): string | undefined {
  for (const name of KUSTOMIZATION_FILE_NAMES) {
    const path = joinPath(dir, name);
    if (tree.stat(path) === 'file') return path;
  }
  return undefined;
}

/** go's filepath.Ext: from the last dot of the base name. */
function extension(name: string): string {
  const i = name.lastIndexOf('.');
  return i < 0 ? '' : name.slice(i);
}

/** Decodes a candidate as kustomize's resource factory would; throws Flux's decode error. */
function checkManifest(tree: RepoTree, path: string, parse: ScanOptions['parse']): void {
  try {
    resourcesFromDocuments(parse ? parse(path) : parseYamlDocuments(tree.readText(path), path), path);
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    const d = e.diagnostic;
    throw new DiagnosticError({
      ...d,
      rule: 'flux-generate',
      message: `failed to decode Kubernetes YAML from ${path}: ${d.message}`,
      hint: 'Flux includes every .yaml/.yml file under a directory without a kustomization.yaml; exclude this file with a .sourceignore or add a kustomization.yaml listing the manifests',
    });
  }
}

export interface ScanOptions {
  /** flux build: skip files/directories this returns true for (paths relative to the repository). */
  exclude?: (path: string, isDir: boolean) => boolean;
  /**
   * Parses a manifest (documents must be left unmodified); lets the caller share its parse
   * cache, since the kustomize build that follows reads the same files.
   */
  parse?: (path: string) => readonly { value: JsonValue; line: number }[];
  /**
   * False: list the manifests without decoding them. Only for a caller that builds the
   * result right away and calls again with checks when that build fails: the build decodes
   * every listed file the same way, so it fails whenever a check would.
   */
  checkManifests?: boolean;
}

/** Resource entries (`./a.yaml`, `./sub`) for `dir`, in Go filepath.Walk order. */
export function scanManifests(tree: RepoTree, dir: string, options: ScanOptions = {}): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string): void => {
    for (const e of tree.list(d)) {
      const path = joinPath(d, e.name);
      const relPath = rel === '' ? e.name : `${rel}/${e.name}`;
      if (options.exclude?.(path, e.type === 'dir')) continue;
      if (e.type === 'dir') {
        if (findKustomizationFile(tree, path) !== undefined) out.push(`./${relPath}`);
        else walk(path, relPath);
        continue;
      }
      const ext = extension(e.name);
      if (ext !== '.yaml' && ext !== '.yml') continue;
      if (options.checkManifests !== false) checkManifest(tree, path, options.parse);
      out.push(`./${relPath}`);
    }
  };
  walk(dir, '');
  return out;
}

/** The kustomization Flux writes for `dir`: its resources, or a placeholder namespace when none. */
export function generateKustomization(tree: RepoTree, dir: string, options: ScanOptions = {}): JsonObject {
  const resources = scanManifests(tree, dir, options);
  const k: JsonObject = { apiVersion: KUSTOMIZATION_API_VERSION, kind: 'Kustomization' };
  // avoids kustomize's "kustomization.yaml is empty" error
  if (resources.length === 0) k.namespace = '_placeholder';
  else k.resources = resources;
  return k;
}
