/**
 * Where `build --out-dir` writes each Kustomization: `<cluster>/<namespace>/<name>.<ext>`
 * below the output folder, and each HelmRelease's chart objects beside them as
 * `<name>.helmrelease.<ext>`. Every segment comes from the repository being rendered, so each
 * is checked before it becomes part of a path: names and namespaces as the Kubernetes API
 * validates them, the cluster name as one plain folder name. A value that fails is refused
 * with a diagnostic on the file that declares the Kustomization; nothing is written then.
 */
import { isAbsolute, relative, sep } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { dns1123LabelProblem, dns1123SubdomainProblem } from '../core/k8s-names.js';

/** One Kustomization (or HelmRelease) to write, with where it is declared (for diagnostics). */
export interface OutputEntry {
  /** Default: Kustomization. */
  kind?: 'Kustomization' | 'HelmRelease';
  cluster: string;
  namespace: string;
  name: string;
  /** Repository-relative file declaring the Kustomization. */
  file: string;
  line?: number;
  content: OutputContent;
}

/** A file's text, whole or as chunks made while it is written (a big build is never joined). */
export type OutputContent = string | (() => Iterable<string>);

export interface OutputFile {
  /** Path segments below the output folder: cluster, namespace, file name. */
  segments: [string, string, string];
  content: OutputContent;
  /** Where the Kustomization the file holds is declared. */
  source?: { file: string; line?: number };
}

/** File names longer than this many bytes fail on common file systems (NAME_MAX). */
const NAME_MAX_BYTES = 255;

export const OUTPUT_PATH_RULE = 'output-path';

/** A value shown in a message: quoted, control characters escaped, long values shortened. */
export function shown(value: string): string {
  const text = JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  return `'${text.slice(1, -1)}'`;
}

/**
 * Why `value` cannot be one folder name, or undefined when it can: no separators, no
 * `.`/`..` or hidden names, no control characters, not empty, not too long.
 */
export function pathSegmentProblem(value: string): string | undefined {
  if (value === '') return 'empty';
  if (value.includes('/') || value.includes('\\')) return 'contains a path separator';
  if (value.startsWith('.')) return "starts with '.'";
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(value)) return 'contains a control character';
  if (/^[A-Za-z]:/.test(value)) return 'looks like a drive letter';
  if (Buffer.byteLength(value) > NAME_MAX_BYTES) return `longer than ${NAME_MAX_BYTES} bytes`;
  return undefined;
}

/** Whether `path` is `root` or below it (both absolute and already resolved). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

function problem(entry: OutputEntry, message: string, hint: string): Diagnostic {
  return {
    severity: 'error',
    rule: OUTPUT_PATH_RULE,
    file: entry.file,
    ...(entry.line !== undefined ? { line: entry.line } : {}),
    message: `${message}; nothing is written to --out-dir`,
    hint,
  };
}

function entryProblems(entry: OutputEntry, fileName: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const kind = entry.kind ?? 'Kustomization';
  const cluster = pathSegmentProblem(entry.cluster);
  if (cluster) {
    out.push(
      problem(
        entry,
        `cluster name ${shown(entry.cluster)} cannot be a folder name: ${cluster}`,
        'name the cluster with a plain folder name (its directory or its entry in k8s-ops.yaml)',
      ),
    );
  }
  const ns = dns1123LabelProblem(entry.namespace);
  if (ns) {
    out.push(
      problem(
        entry,
        `${kind} namespace ${shown(entry.namespace)} is ${ns}`,
        'set metadata.namespace to a namespace name Kubernetes accepts',
      ),
    );
  }
  const name = dns1123SubdomainProblem(entry.name);
  if (name) {
    out.push(
      problem(
        entry,
        `${kind} name ${shown(entry.name)} is ${name}`,
        'set metadata.name to a name Kubernetes accepts',
      ),
    );
  } else if (Buffer.byteLength(fileName) > NAME_MAX_BYTES) {
    out.push(
      problem(
        entry,
        `${kind} name ${shown(entry.name)} makes a file name longer than ${NAME_MAX_BYTES} bytes`,
        'use a shorter metadata.name',
      ),
    );
  }
  return out;
}

/**
 * The files `build --out-dir` writes, or the diagnostics that stop it. `ext` is the
 * output format's extension (`yaml` or `json`).
 */
export function planOutputFiles(
  entries: readonly OutputEntry[],
  ext: string,
): { files: OutputFile[]; diagnostics: Diagnostic[] } {
  const files: OutputFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const taken = new Map<string, OutputEntry>();
  for (const entry of entries) {
    const fileName = `${entry.name}${entry.kind === 'HelmRelease' ? '.helmrelease' : ''}.${ext}`;
    const problems = entryProblems(entry, fileName);
    // A Kustomization named `x.helmrelease` would share the file of HelmRelease `x`.
    const path = `${entry.cluster}/${entry.namespace}/${fileName}`;
    const other = taken.get(path);
    if (problems.length === 0 && other) {
      problems.push(
        problem(
          entry,
          `${entry.kind ?? 'Kustomization'} ${shown(`${entry.namespace}/${entry.name}`)} would be written to ${shown(path)}, as ${other.kind ?? 'Kustomization'} ${shown(`${other.namespace}/${other.name}`)} is`,
          'rename one of them, or build without --out-dir',
        ),
      );
    }
    taken.set(path, entry);
    if (problems.length > 0) diagnostics.push(...problems);
    else {
      files.push({
        segments: [entry.cluster, entry.namespace, fileName],
        content: entry.content,
        source: { file: entry.file, ...(entry.line !== undefined ? { line: entry.line } : {}) },
      });
    }
  }
  return { files: diagnostics.length > 0 ? [] : files, diagnostics };
}
