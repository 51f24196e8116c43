/** Reading a commit's tree and blobs straight from git objects: no checkout, no copy. */
import { DiagnosticError } from '../core/diagnostic.js';
import { gitFailure, gitText, type GitRunner } from './git-runner.js';

export interface TreeEntry {
  /** Octal mode as git prints it: 100644, 100755, 120000 (symlink), 160000 (submodule). */
  mode: string;
  type: 'blob' | 'commit';
  id: string;
  /** Bytes; 0 for submodules. */
  size: number;
  /** Repository-relative POSIX path. */
  path: string;
}

/** Parses `git ls-tree -r -z --long` output: `<mode> <type> <id> <size>\t<path>\0`. */
export function parseLsTree(text: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of text.split('\0')) {
    if (record === '') continue;
    const tab = record.indexOf('\t');
    const [mode = '', type = '', id = '', size = '-'] = record.slice(0, tab).split(/ +/);
    if (tab < 0 || (type !== 'blob' && type !== 'commit')) continue;
    entries.push({ mode, type, id, size: size === '-' ? 0 : Number(size), path: record.slice(tab + 1) });
  }
  return entries;
}

/** Every file of a commit, recursively, from the repository root. */
export async function listCommitTree(git: GitRunner, commit: string): Promise<TreeEntry[]> {
  const args = ['ls-tree', '-r', '-z', '--long', '--full-tree', commit];
  const out = await git.run(args);
  if (out.code !== 0) throw gitFailure(git, args, out);
  return parseLsTree(gitText(out));
}

const LF = 0x0a;

/**
 * Parses `git cat-file --batch` output: per object `<id> <type> <size>\n<bytes>\n`, or
 * `<name> missing\n`. Bytes are sliced by the announced size, never by searching for
 * newlines, so binary content is safe.
 */
export function parseCatFileBatch(out: Uint8Array): Map<string, Uint8Array> {
  const blobs = new Map<string, Uint8Array>();
  const decoder = new TextDecoder('utf-8');
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(LF, at);
    if (eol < 0) throw new Error('truncated git cat-file output');
    const header = decoder.decode(out.subarray(at, eol)).split(' ');
    at = eol + 1;
    if (header[1] === 'missing' || header[1] === 'ambiguous') continue;
    const size = Number(header[2]);
    if (header.length !== 3 || !Number.isInteger(size) || at + size > out.length) {
      throw new Error(`unexpected git cat-file header '${header.join(' ')}'`);
    }
    blobs.set(header[0] ?? '', out.slice(at, at + size));
    at += size + 1; // the content is followed by a newline
  }
  return blobs;
}

/** The contents of many blobs with ONE `git cat-file --batch` process. */
export async function readBlobs(git: GitRunner, ids: readonly string[]): Promise<Map<string, Uint8Array>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const args = ['cat-file', '--batch'];
  const out = await git.run(args, `${unique.join('\n')}\n`);
  if (out.code !== 0) throw gitFailure(git, args, out);
  const blobs = parseCatFileBatch(out.stdout);
  const lost = unique.find((id) => !blobs.has(id));
  if (lost !== undefined) {
    throw new DiagnosticError({
      rule: 'git-failed',
      message: `git object ${lost} is missing from '${git.dir}'`,
      hint: 'the clone may be shallow or partial; fetch the full history',
    });
  }
  return blobs;
}

/**
 * One blob read when something asks for it (synchronously: RepoTree reads are), or undefined
 * when the runner cannot run git synchronously.
 */
export function readBlobSync(git: GitRunner, id: string, maxBytes: number): Uint8Array | undefined {
  if (!git.runSync) return undefined;
  const args = ['cat-file', 'blob', id];
  const out = git.runSync(args, maxBytes);
  if (out.code !== 0) throw gitFailure(git, args, out);
  return out.stdout;
}
