/**
 * gitignore patterns as Flux's source-controller applies them (fluxcd/pkg sourceignore, a
 * copy of go-git's gitignore package): each pattern is scoped to the directory of the file
 * it came from (its domain), the last matching pattern decides, and an excluded directory
 * does not hide files below it that a later `!` pattern re-includes.
 */

import { compileSegmentGlob, matchSegmentGlob, type SegmentGlob } from './segment-glob.js';

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

const globCache = new Map<string, SegmentGlob | null>();

/** A segment glob compiled once; null for a malformed pattern (which never matches). */
function compiledGlob(glob: string): SegmentGlob | null {
  let cached = globCache.get(glob);
  if (cached === undefined) {
    cached = compileSegmentGlob(glob) ?? null;
    globCache.set(glob, cached);
  }
  return cached;
}

function globMatch(glob: string, name: string): boolean {
  const compiled = compiledGlob(glob);
  return compiled !== null && matchSegmentGlob(compiled, name);
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
        if (compiledGlob(seg) === null) return false;
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
