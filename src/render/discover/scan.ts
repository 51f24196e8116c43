/**
 * One walk over the repository, collecting the file paths the detectors look at.
 * Files are only read later, and only when a detector's cheap name or marker test matches.
 */
import { DiagnosticError, type Diagnostic } from '../../core/diagnostic.js';
import type { RepoTree } from '../../tree/repo-tree.js';
import { parseYamlDocuments, type YamlDocument } from '../../yaml/parse.js';

const SKIP_DIRS = new Set(['.git', 'node_modules']);
// Symlinked directories can form loops that RepoTree cannot see; these bound the walk.
const MAX_DEPTH = 32;
const MAX_DIRS = 100_000;

export interface ScannedTree {
  /** `.yaml`/`.yml` files and extensionless `Kustomization` files, sorted. */
  files: string[];
  diagnostics: Diagnostic[];
}

function wanted(name: string): boolean {
  return name.endsWith('.yaml') || name.endsWith('.yml') || name === 'Kustomization';
}

export function scanTree(tree: RepoTree): ScannedTree {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  let dirs = 0;
  const walk = (dir: string, depth: number): void => {
    if (++dirs > MAX_DIRS || depth > MAX_DEPTH) {
      if (diagnostics.length === 0) {
        diagnostics.push({
          severity: 'warning',
          rule: 'discover-scan-limit',
          message: `stopped looking for cluster entry points below '${dir}': the tree is too deep or too large`,
          file: dir,
          hint: 'check for symlink loops, or list the clusters in k8s-ops.yaml',
        });
      }
      return;
    }
    const entries = readOrSkip(() => tree.list(dir), diagnostics);
    if (entries === undefined) return;
    for (const entry of entries) {
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.type === 'dir') {
        if (!SKIP_DIRS.has(entry.name)) walk(path, depth + 1);
      } else if (wanted(entry.name)) {
        files.push(path);
      }
    }
  };
  walk('', 0);
  return { files, diagnostics };
}

/**
 * `read()`, or undefined with a warning when what it reads cannot be read: a folder or file
 * nobody can read is no cluster's entry point, and whatever needs it reports it.
 */
export function readOrSkip<T>(read: () => T, diagnostics: Diagnostic[]): T | undefined {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    diagnostics.push({ ...e.diagnostic, severity: 'warning', message: `${e.diagnostic.message}; skipped` });
    return undefined;
  }
}

/**
 * The documents of a file the detectors need; a file that does not parse is reported
 * with `severity` and yields no documents.
 */
export function readDocuments(
  tree: RepoTree,
  file: string,
  diagnostics: Diagnostic[],
  severity: 'error' | 'warning',
): YamlDocument[] {
  try {
    return parseYamlDocuments(tree.readText(file), file, { kustomizeFoldedScalars: false });
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    diagnostics.push({
      ...e.diagnostic,
      severity,
      hint: e.diagnostic.hint ?? 'fix the YAML so its cluster entry point can be read',
    });
    return [];
  }
}
