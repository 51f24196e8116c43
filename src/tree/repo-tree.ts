/**
 * A read-only view of a repository's files. Paths are repository-relative, POSIX-style,
 * normalised (no `.`/`..` segments, no leading or trailing slash); '' is the root.
 * Implementations: the working tree on disk (worktree.ts), a git revision read from git
 * objects (git-tree.ts), views of either (sub-tree.ts, source-ignore.ts, overlay-tree.ts).
 */
export type EntryType = 'file' | 'dir';

export interface DirEntry {
  name: string;
  type: EntryType;
}

export interface RepoTree {
  /** Shown in messages, e.g. the working directory or `main@abc1234`. */
  readonly label: string;
  /** The entry type at `path`, or undefined when nothing is there (or it escapes the root). */
  stat(path: string): EntryType | undefined;
  /** File contents as bytes. Throws DiagnosticError when missing or outside the root. */
  readBytes(path: string): Uint8Array;
  /** File contents as UTF-8 text. Throws DiagnosticError when missing or outside the root. */
  readText(path: string): string;
  /** Directory entries sorted byte-wise by name. Throws DiagnosticError when not a directory. */
  list(path: string): DirEntry[];
  /**
   * A key under which parsed content of `path` may be cached across the trees of one run
   * (views of one repository share it); undefined when the content must not be cached (an
   * in-memory file). Trees without it are cached by path.
   */
  cacheKey?(path: string): string | undefined;
}
