/**
 * Glob matching for `${v#p}`, `${v%%p}` …: Go's path.Match as copied into drone/envsubst,
 * except that `*` and `?` also match `/` (a star-slash pattern strips every directory). Works on byte
 * strings; `?` and classes consume one rune. A malformed pattern is an error (the trim
 * functions then leave the value unchanged).
 */
import { decodeRune, RUNE_ERROR } from './bytes.js';

export class BadPatternError extends Error {
  constructor() {
    super('syntax error in pattern');
  }
}

/** Whether `pattern` matches all of `name`; throws BadPatternError. */
export function globMatch(pattern: string, name: string): boolean {
  let pat = pattern;
  let rest = name;
  outer: while (pat.length > 0) {
    const { star, chunk, after } = scanChunk(pat);
    pat = after;
    if (star && chunk === '') return true;
    const t = matchChunk(chunk, rest);
    if (t !== undefined && (t.length === 0 || pat.length > 0)) {
      rest = t;
      continue;
    }
    if (star) {
      for (let i = 0; i < rest.length; i++) {
        const t2 = matchChunk(chunk, rest.slice(i + 1));
        if (t2 !== undefined) {
          if (pat.length === 0 && t2.length > 0) continue;
          rest = t2;
          continue outer;
        }
      }
    }
    return false;
  }
  return rest.length === 0;
}

/** Next segment: leading stars, then the text up to the next star outside a class. */
function scanChunk(pattern: string): { star: boolean; chunk: string; after: string } {
  let p = pattern;
  let star = false;
  while (p.length > 0 && p[0] === '*') {
    p = p.slice(1);
    star = true;
  }
  let inRange = false;
  let i = 0;
  scan: for (; i < p.length; i++) {
    switch (p[i]) {
      case '\\':
        if (i + 1 < p.length) i++;
        break;
      case '[':
        inRange = true;
        break;
      case ']':
        inRange = false;
        break;
      case '*':
        if (!inRange) break scan;
    }
  }
  return { star, chunk: p.slice(0, i), after: p.slice(i) };
}

/** Matches `chunk` (no stars) at the start of `s`; the rest of `s`, or undefined. */
function matchChunk(chunk: string, s: string): string | undefined {
  let c = chunk;
  let rest = s;
  while (c.length > 0) {
    if (rest.length === 0) return undefined;
    switch (c[0]) {
      case '[': {
        const [r, n] = decodeRune(rest, 0);
        rest = rest.slice(n);
        c = c.slice(1);
        let negated = false;
        if (c.length > 0 && c[0] === '^') {
          negated = true;
          c = c.slice(1);
        }
        let match = false;
        let nrange = 0;
        for (;;) {
          if (c.length > 0 && c[0] === ']' && nrange > 0) {
            c = c.slice(1);
            break;
          }
          const [lo, afterLo] = getEsc(c);
          let hi = lo;
          c = afterLo;
          if (c[0] === '-') [hi, c] = getEsc(c.slice(1));
          if (lo <= r && r <= hi) match = true;
          nrange++;
        }
        if (match === negated) return undefined;
        break;
      }
      case '?':
        rest = rest.slice(decodeRune(rest, 0)[1]);
        c = c.slice(1);
        break;
      case '\\':
        c = c.slice(1);
        if (c.length === 0) throw new BadPatternError();
        if (c[0] !== rest[0]) return undefined;
        rest = rest.slice(1);
        c = c.slice(1);
        break;
      default:
        if (c[0] !== rest[0]) return undefined;
        rest = rest.slice(1);
        c = c.slice(1);
    }
  }
  return rest;
}

/** One (possibly escaped) rune of a character class and the rest of the chunk. */
function getEsc(chunk: string): [number, string] {
  let c = chunk;
  if (c.length === 0 || c[0] === '-' || c[0] === ']') throw new BadPatternError();
  if (c[0] === '\\') {
    c = c.slice(1);
    if (c.length === 0) throw new BadPatternError();
  }
  const [r, n] = decodeRune(c, 0);
  if (r === RUNE_ERROR && n === 1) throw new BadPatternError();
  const rest = c.slice(n);
  if (rest.length === 0) throw new BadPatternError();
  return [r, rest];
}
