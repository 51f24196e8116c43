/**
 * gitignore patterns as Flux's source-controller applies them (fluxcd/pkg sourceignore, a
 * copy of go-git's gitignore package): each pattern is scoped to the directory of the file
 * it came from (its domain), the last matching pattern decides, and an excluded directory
 * does not hide files below it that a later `!` pattern re-includes.
 */

export interface IgnorePattern {
  /** Directory the pattern is scoped to, as path segments ('' root = []). */
  domain: readonly string[];
  segments: readonly string[];
  include: boolean;
  dirOnly: boolean;
  /** The pattern has a `/` inside: matched segment by segment from the domain. */
  anchored: boolean;
}

/** Parses one pattern line as go-git's ParsePattern does (no comment/blank handling). */
export function parsePattern(line: string, domain: readonly string[] = []): IgnorePattern {
  let p = line;
  let include = false;
  if (p.startsWith('!')) {
    include = true;
    p = p.slice(1);
  }
  if (!p.endsWith('\\ ')) p = p.replace(/ +$/, '');
  let dirOnly = false;
  if (p.endsWith('/')) {
    dirOnly = true;
    p = p.slice(0, -1);
  }
  return { domain: [...domain], segments: p.split('/'), include, dirOnly, anchored: p.includes('/') };
}

/** The patterns of a `.sourceignore`-style text: blank lines and `#` comments skipped. */
export function readPatterns(text: string, domain: readonly string[] = []): IgnorePattern[] {
  return text
    .split(/\r?\n/)
    .filter((l) => !l.startsWith('#') && l.trim().length > 0)
    .map((l) => parsePattern(l, domain));
}

const globCache = new Map<string, RegExp | null>();

/** Go's filepath.Match for one path segment; null for a malformed pattern (which never matches). */
function globRegExp(glob: string): RegExp | null {
  const cached = globCache.get(glob);
  if (cached !== undefined) return cached;
  let re = '';
  let ok = true;
  for (let i = 0; i < glob.length && ok; i++) {
    const c = glob[i] as string;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '\\') {
      i++;
      if (i >= glob.length) ok = false;
      else re += escapeRe(glob[i] as string);
    } else if (c === '[') {
      const cls = parseClass(glob, i + 1);
      if (!cls) ok = false;
      else {
        re += cls.re;
        i = cls.end;
      }
    } else re += escapeRe(c);
  }
  const result = ok ? new RegExp(`^${re}$`, 'u') : null;
  globCache.set(glob, result);
  return result;
}

/** One Go character class starting after `[`: ranges `a-z`, `^` negation, `\\` escapes. */
function parseClass(glob: string, from: number): { re: string; end: number } | undefined {
  let i = from;
  let negate = false;
  if (glob[i] === '^') {
    negate = true;
    i++;
  }
  let body = '';
  let ranges = 0;
  const char = (): string | undefined => {
    let ch = glob[i];
    if (ch === undefined || ch === '-' || ch === ']') return undefined;
    if (ch === '\\') {
      i++;
      ch = glob[i];
      if (ch === undefined) return undefined;
    }
    i++;
    return ch;
  };
  for (;;) {
    if (glob[i] === ']' && ranges > 0) return { re: `[${negate ? '^' : ''}${body}]`, end: i };
    const lo = char();
    if (lo === undefined) return undefined;
    let hi = lo;
    if (glob[i] === '-') {
      i++;
      const h = char();
      if (h === undefined) return undefined;
      hi = h;
    }
    body += lo === hi ? escapeClass(lo) : `${escapeClass(lo)}-${escapeClass(hi)}`;
    ranges++;
  }
}

function escapeClass(c: string): string {
  return /[\\\][^-]/.test(c) ? `\\${c}` : c;
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, (m) => `\\${m}`);
}

function globMatch(glob: string, name: string): boolean {
  return globRegExp(glob)?.test(name) ?? false;
}

function simpleNameMatch(p: IgnorePattern, path: readonly string[], isDir: boolean): boolean {
  const glob = p.segments[0] as string;
  for (let i = 0; i < path.length; i++) {
    if (!globMatch(glob, path[i] as string)) continue;
    return !(p.dirOnly && !isDir && i === path.length - 1);
  }
  return false;
}

function anchoredMatch(p: IgnorePattern, full: readonly string[], isDir: boolean): boolean {
  let path = full.slice();
  let matched = false;
  let canTraverse = false;
  for (let i = 0; i < p.segments.length; i++) {
    const seg = p.segments[i] as string;
    if (seg === '') {
      canTraverse = false;
      continue;
    }
    if (seg === '**') {
      if (i === p.segments.length - 1) break;
      canTraverse = true;
      continue;
    }
    if (seg.includes('**')) return false;
    if (path.length === 0) return false;
    if (canTraverse) {
      canTraverse = false;
      while (path.length > 0) {
        const e = path[0] as string;
        path = path.slice(1);
        if (globRegExp(seg) === null) return false;
        if (globMatch(seg, e)) {
          matched = true;
          break;
        } else if (path.length === 0) matched = false;
      }
    } else {
      if (!globMatch(seg, path[0] as string)) return false;
      matched = true;
      path = path.slice(1);
    }
  }
  if (matched && p.dirOnly && !isDir && path.length === 0) matched = false;
  return matched;
}

/** 'exclude', 'include' or undefined (no match) for one pattern. */
export function matchPattern(
  p: IgnorePattern,
  path: readonly string[],
  isDir: boolean,
): 'exclude' | 'include' | undefined {
  if (path.length <= p.domain.length) return undefined;
  for (let i = 0; i < p.domain.length; i++) if (path[i] !== p.domain[i]) return undefined;
  const rest = path.slice(p.domain.length);
  const hit = p.anchored ? anchoredMatch(p, rest, isDir) : simpleNameMatch(p, rest, isDir);
  if (!hit) return undefined;
  return p.include ? 'include' : 'exclude';
}

/** True when the last pattern that matches `path` (segments) excludes it. */
export function isIgnored(
  patterns: readonly IgnorePattern[],
  path: readonly string[],
  isDir: boolean,
): boolean {
  for (let i = patterns.length - 1; i >= 0; i--) {
    const r = matchPattern(patterns[i] as IgnorePattern, path, isDir);
    if (r !== undefined) return r === 'exclude';
  }
  return false;
}
