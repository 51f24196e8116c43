/**
 * A RepoTree of a git revision, read straight from git objects: `git ls-tree` for the
 * listing and one `git cat-file --batch` for the contents. No checkout, no worktree, no
 * temporary copy, so it can run beside a dirty working tree and read two revisions at once.
 */
import { DiagnosticError } from '../core/diagnostic.js';
import { asRunner, type GitRunner } from './git-runner.js';
import { resolveCommit } from './git-commands.js';
import { listCommitTree, readBlobs, readBlobSync, type TreeEntry } from './git-objects.js';
import { expandSubmodules } from './git-submodules.js';
import { basename, dirname, joinPath, normalizePath, pathEscapeError, resolvePath } from './paths.js';
import type { DirEntry, EntryType, RepoTree } from './repo-tree.js';

export { gitRunner, type GitOutput, type GitRunner } from './git-runner.js';
export {
  commitTime,
  defaultBranch,
  isAncestor,
  log,
  mergeBase,
  remotes,
  resolveCommit,
  revList,
  revParse,
  type CommitInfo,
  type LogOptions,
} from './git-commands.js';

export interface GitRevisionOptions {
  /**
   * Files up to this size are read when the tree opens, all with one git process (the
   * repository's YAML, JSON and text); larger ones are read only if something asks for them.
   * Default 5 MiB.
   */
  maxFileBytes?: number;
  /** `rev` is a commit id the caller has just resolved: it is not resolved again. */
  resolved?: boolean;
}

export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;
/** No file over this is read: its text would not fit in one JavaScript string with room to spare. */
export const MAX_BLOB_BYTES = 256 * 1024 * 1024;

const SYMLINK = '120000';
// Like the kernel's ELOOP limit: a chain of links longer than this is treated as absent.
const MAX_LINK_HOPS = 40;

type Node = 'file' | 'dir' | 'link';

const decoder = new TextDecoder('utf-8');

/** What a revision's tree holds besides its files, and how it reads blobs read late. */
export interface RevisionExtras {
  /** Folders that exist even when empty (submodules that are not checked out). */
  dirs?: readonly string[];
  /** Folders whose files cannot be read, with the reason (a submodule missing its commit). */
  broken?: ReadonlyMap<string, DiagnosticError>;
  /** Reads a blob that was not read when the tree opened; undefined when it cannot. */
  load?: (id: string) => Uint8Array | undefined;
}

/** A RepoTree of `rev` (branch, tag, commit, `HEAD~2`, ...) of the repository at `repoDir`. */
export async function openGitRevision(
  repo: string | GitRunner,
  rev: string,
  options: GitRevisionOptions = {},
): Promise<RepoTree> {
  const [tree] = await openGitRevisions(repo, [rev], options);
  return tree as RepoTree;
}

/**
 * Trees of several revisions, read together: the revisions are resolved and listed at once,
 * and the blobs of all of them come from one `git cat-file`, each blob read once however many
 * revisions hold it (two revisions of a repository share most of their files).
 */
export async function openGitRevisions(
  repo: string | GitRunner,
  revs: readonly string[],
  options: GitRevisionOptions = {},
): Promise<RepoTree[]> {
  const git = asRunner(repo);
  const commits = await inOrder(revs.map((rev) => (options.resolved ? rev : resolveCommit(git, rev))));
  const listings = await inOrder(commits.map((commit) => listCommitTree(git, commit)));
  const expanded = await inOrder(listings.map((listing) => expandSubmodules(git, listing)));
  const limit = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  // Blobs to read now, per repository (submodules hold their own objects).
  const wanted = new Map<GitRunner, Set<string>>();
  const owners = new Map<string, GitRunner>();
  for (const x of expanded) {
    for (const e of x.entries) {
      const owner = x.owners.get(e.id) ?? git;
      owners.set(e.id, owner);
      // Link targets are always needed to resolve paths; they are tiny.
      if (e.mode !== SYMLINK && e.size > limit) continue;
      const ids = wanted.get(owner) ?? new Set<string>();
      ids.add(e.id);
      wanted.set(owner, ids);
    }
  }
  const blobs = new Map<string, Uint8Array>();
  for (const [owner, ids] of wanted)
    for (const [id, bytes] of await readBlobs(owner, [...ids])) blobs.set(id, bytes);
  // A large blob is read the first time something asks, once for every tree.
  const load = (id: string) => {
    const owner = owners.get(id);
    const bytes = owner && readBlobSync(owner, id, MAX_BLOB_BYTES);
    if (bytes) blobs.set(id, bytes);
    return bytes;
  };
  return expanded.map((x, i) => {
    const commit = commits[i] as string;
    return gitRevisionTree(commit, `${revs[i]}@${commit.slice(0, 7)}`, x.entries, blobs, {
      dirs: x.dirs,
      broken: x.broken,
      load,
    });
  });
}

/** Promise.all, but a failure is the first one in list order, not in time. */
async function inOrder<T>(work: (T | Promise<T>)[]): Promise<T[]> {
  const settled = await Promise.allSettled(work);
  for (const s of settled) if (s.status === 'rejected') throw s.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}

/** The tree over an already read listing and blobs (no git from here on but `extras.load`). */
export function gitRevisionTree(
  commit: string,
  label: string,
  entries: readonly TreeEntry[],
  blobs: ReadonlyMap<string, Uint8Array>,
  extras: RevisionExtras = {},
): RepoTree {
  const files = new Map<string, TreeEntry>();
  const links = new Map<string, string>();
  const dirs = new Map<string, Map<string, Node>>([['', new Map()]]);
  const broken = extras.broken ?? new Map<string, DiagnosticError>();
  for (const e of entries) {
    const isLink = e.mode === SYMLINK;
    if (isLink) links.set(e.path, decoder.decode(blobs.get(e.id) ?? new Uint8Array()));
    else files.set(e.path, e);
    addNode(e.path, isLink ? 'link' : 'file');
  }
  for (const d of extras.dirs ?? []) {
    if (!dirs.has(d)) dirs.set(d, new Map());
    addNode(d, 'dir');
  }

  /** Records `path` in its parent folder, and the parents up to the first one known. */
  function addNode(path: string, first: Node): void {
    let child = path;
    let node = first;
    while (child !== '') {
      const parent = dirname(child);
      const known = dirs.get(parent);
      const list = known ?? new Map<string, Node>();
      list.set(basename(child), node);
      if (known) break;
      dirs.set(parent, list);
      child = parent;
      node = 'dir';
    }
  }

  /** Why files at or under `p` cannot be read, when they are in a broken submodule. */
  function brokenAt(p: string): DiagnosticError | undefined {
    if (broken.size === 0) return undefined;
    for (let d = p; d !== ''; d = dirname(d)) {
      const e = broken.get(d);
      if (e) return e;
    }
    return undefined;
  }

  const realCache = new Map<string, string | undefined>();

  /** The path with every symlink replaced by its target; undefined when it leaves the tree. */
  function real(path: string, depth = 0): string | undefined {
    const top = depth === 0;
    if (top && realCache.has(path)) return realCache.get(path);
    let hops = depth;
    const norm = normalizePath(path);
    let cur: string | undefined = norm === undefined ? undefined : '';
    for (const seg of norm === undefined || norm === '' ? [] : norm.split('/')) {
      if (cur === undefined) break;
      const next = joinPath(cur, seg);
      const target = links.get(next);
      if (target === undefined) {
        cur = next;
      } else if (hops >= MAX_LINK_HOPS) {
        cur = undefined;
      } else {
        // relative to the link's directory; absolute targets and `..` above the root escape
        const via = resolvePath(cur, target);
        cur = via === undefined ? undefined : real(via, hops + 1);
        hops += 1;
      }
    }
    if (top) realCache.set(path, cur);
    return cur;
  }

  function stat(path: string): EntryType | undefined {
    const p = real(path);
    if (p === undefined) return undefined;
    return files.has(p) ? 'file' : dirs.has(p) ? 'dir' : undefined;
  }

  function fileBytes(path: string): Uint8Array {
    const p = real(path);
    if (p === undefined) {
      throw pathEscapeError(path);
    }
    const entry = files.get(p);
    if (!entry) {
      const why = brokenAt(p);
      if (why) throw why;
      throw new DiagnosticError({
        rule: 'missing-file',
        file: path,
        message: dirs.has(p)
          ? `'${path}' is a directory, not a file`
          : `file '${path}' does not exist in ${label}`,
      });
    }
    const bytes = blobs.get(entry.id) ?? (entry.size <= MAX_BLOB_BYTES ? extras.load?.(entry.id) : undefined);
    if (!bytes) {
      throw new DiagnosticError({
        rule: 'file-too-large',
        file: path,
        message:
          entry.size > MAX_BLOB_BYTES
            ? `'${path}' in ${label} is ${entry.size} bytes, over the ${MAX_BLOB_BYTES}-byte limit for reading files`
            : `'${path}' in ${label} is ${entry.size} bytes, and large files of this repository cannot be read`,
        hint: 'split it into smaller files',
      });
    }
    return bytes;
  }

  return {
    label,
    stat,
    readBytes: fileBytes,
    readText: (path) => decoder.decode(fileBytes(path)),
    // Keyed by blob id and path: two revisions share the parses of the files they have in
    // common (the content is the same), and never those of files that differ.
    cacheKey: (path) => {
      const p = real(path);
      const entry = p === undefined ? undefined : files.get(p);
      return entry ? `git:${entry.id}:${p}` : `${commit}:${path}`;
    },
    list(path) {
      const p = real(path);
      const children = p === undefined ? undefined : dirs.get(p);
      const why = p === undefined ? undefined : brokenAt(p);
      if (why) throw why;
      if (p === undefined || !children) {
        throw new DiagnosticError({
          rule: 'missing-file',
          file: path,
          message: `directory '${path}' does not exist in ${label}`,
        });
      }
      const out: DirEntry[] = [];
      for (const [name, node] of children) {
        const type = node === 'link' ? stat(joinPath(p, name)) : node;
        if (type) out.push({ name, type });
      }
      return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    },
  };
}
