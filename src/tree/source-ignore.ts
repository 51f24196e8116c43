/**
 * What a Flux source artifact contains: the source-controller archives
 * the repository minus files matched by `.sourceignore` files (each scoped to its directory)
 * and `spec.ignore`; when there are no such patterns, a default exclusion list applies.
 */
import { DiagnosticError } from '../core/diagnostic.js';
import { isIgnored, parsePattern, readPatterns, type IgnorePattern } from './gitignore.js';
import { joinPath } from './paths.js';
import type { DirEntry, EntryType, RepoTree } from './repo-tree.js';

export const SOURCE_IGNORE_FILE = '.sourceignore';

const EXCLUDE_VCS = ['.git/', '.gitignore', '.gitmodules', '.gitattributes'];
const EXCLUDE_DEFAULT = [
  // extensions
  '*.jpg',
  '*.jpeg',
  '*.gif',
  '*.png',
  '*.wmv',
  '*.flv',
  '*.tar.gz',
  '*.zip',
  // CI
  '.github/',
  '.circleci/',
  '.travis.yml',
  '.gitlab-ci.yml',
  'appveyor.yml',
  '.drone.yml',
  'cloudbuild.yaml',
  'codeship-services.yml',
  'codeship-steps.yml',
  // extra
  '**/.goreleaser.yml',
  '**/.sops.yaml',
  '**/.flux.yaml',
];

export function vcsPatterns(domain: readonly string[] = []): IgnorePattern[] {
  return EXCLUDE_VCS.map((p) => parsePattern(p, domain));
}

export function defaultPatterns(domain: readonly string[] = []): IgnorePattern[] {
  return EXCLUDE_DEFAULT.map((p) => parsePattern(p, domain));
}

function segments(path: string): string[] {
  return path === '' ? [] : path.split('/');
}

/**
 * Every `.sourceignore` at or below `dir`, in the order sourceignore.LoadIgnorePatterns reads
 * them: the directory's own file first, then sub-directories depth-first (`.git` skipped).
 */
export function loadIgnorePatterns(tree: RepoTree, dir = ''): IgnorePattern[] {
  const out: IgnorePattern[] = [];
  const walk = (d: string): void => {
    const file = joinPath(d, SOURCE_IGNORE_FILE);
    if (tree.stat(file) === 'file') out.push(...readPatterns(tree.readText(file), segments(d)));
    for (const e of tree.list(d)) if (e.type === 'dir' && e.name !== '.git') walk(joinPath(d, e.name));
  };
  walk(dir);
  return out;
}

export interface ArtifactIgnoreOptions {
  /** The source's `spec.ignore` (gitignore lines, anchored at the root). */
  ignore?: string;
  /** `bucket`: only a root `.sourceignore` and spec.ignore, no defaults; the file itself excluded. */
  kind?: 'git' | 'oci' | 'bucket';
}

/** The patterns the source-controller filters the artifact with (SourceIgnoreFilter). */
export function artifactIgnore(tree: RepoTree, options: ArtifactIgnoreOptions = {}): IgnorePattern[] {
  const extra = options.ignore === undefined ? [] : readPatterns(options.ignore);
  if (options.kind === 'bucket') {
    const root =
      tree.stat(SOURCE_IGNORE_FILE) === 'file' ? readPatterns(tree.readText(SOURCE_IGNORE_FILE)) : [];
    return [parsePattern(`/${SOURCE_IGNORE_FILE}`), ...root, ...extra];
  }
  const user = [...loadIgnorePatterns(tree), ...extra];
  return user.length > 0 ? [...vcsPatterns(), ...user] : [...vcsPatterns(), ...defaultPatterns()];
}

/**
 * The tree as the artifact holds it: ignored files are absent. As in the archive walk, an
 * excluded directory still holds the files a later `!` pattern re-includes.
 */
export function filteredTree(tree: RepoTree, options: ArtifactIgnoreOptions = {}): RepoTree {
  return patternFilteredTree(tree, artifactIgnore(tree, options));
}

/** `tree` without the entries `patterns` exclude. */
export function patternFilteredTree(tree: RepoTree, patterns: readonly IgnorePattern[]): RepoTree {
  const visible = new Map<string, boolean>();

  function hasVisibleChild(dir: string): boolean {
    return tree.list(dir).some((e) => isVisible(joinPath(dir, e.name), e.type));
  }

  function isVisible(path: string, type: EntryType): boolean {
    if (path === '') return true;
    const known = visible.get(path);
    if (known !== undefined) return known;
    let v = !isIgnored(patterns, segments(path), type === 'dir');
    if (!v && type === 'dir') v = hasVisibleChild(path);
    visible.set(path, v);
    return v;
  }

  function stat(path: string): EntryType | undefined {
    const type = tree.stat(path);
    if (type === undefined) return undefined;
    return isVisible(path, type) ? type : undefined;
  }

  function requireVisible(path: string, want: EntryType): void {
    if (stat(path) !== want) {
      throw new DiagnosticError({
        rule: 'missing-file',
        file: path,
        message: `${want === 'dir' ? 'directory' : 'file'} '${path}' is not in the source artifact`,
        hint: 'it is excluded by .sourceignore, spec.ignore or the default exclusions',
      });
    }
  }

  return {
    label: tree.label,
    stat,
    readBytes(path) {
      requireVisible(path, 'file');
      return tree.readBytes(path);
    },
    readText(path) {
      requireVisible(path, 'file');
      return tree.readText(path);
    },
    // same content as the unfiltered tree, but a hidden file must not be served from a cache
    cacheKey(path) {
      if (stat(path) === undefined) return undefined;
      return tree.cacheKey ? tree.cacheKey(path) : path;
    },
    list(path) {
      if (path !== '') requireVisible(path, 'dir');
      return tree.list(path).filter((e: DirEntry) => isVisible(joinPath(path, e.name), e.type));
    },
  };
}
