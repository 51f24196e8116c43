/**
 * Go's `regexp` on re2js (a port of RE2 with Go's syntax and linear-time matching): the match
 * loops of FindAllString, Split and ReplaceAllString, and Expand for `$1`, `${1}`, `${name}`.
 * Positions are UTF-16 offsets; the RE2 engine advances over whole code points as Go advances
 * over whole runes, so the same matches come out.
 */
import { RE2JS, RE2JSException } from 're2js';

import { canBackquote, quote } from '../go-quote.js';

type RE2 = ReturnType<RE2JS['re2']>;

export interface GoRegexp {
  readonly source: string;
  readonly re2: RE2;
  /** Capture group names by index (index 0 is the whole match, unnamed groups are ''). */
  readonly names: readonly string[];
}

/** A pattern Go's regexp.Compile rejects; `message` is Go's error text. */
export class GoRegexpError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoRegexpError';
  }
}

const CACHE_LIMIT = 512;
const cache = new Map<string, GoRegexp>();

/** regexp.Compile, cached: charts call the same patterns in loops. */
export function compileGoRegexp(source: string): GoRegexp {
  const hit = cache.get(source);
  if (hit) return hit;
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(source);
  } catch (e) {
    if (e instanceof RE2JSException) throw new GoRegexpError(e.message);
    throw e;
  }
  const names: string[] = Array.from({ length: compiled.groupCount() + 1 }, () => '');
  for (const [name, index] of Object.entries(compiled.namedGroups())) names[index] = name;
  const re: GoRegexp = { source, re2: compiled.re2(), names };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(source, re);
  return re;
}

/** regexp.MustCompile's panic text, which text/template reports for sprig's non-must functions. */
export function mustCompileMessage(source: string, error: GoRegexpError): string {
  return `regexp: Compile(${quoteForPanic(source)}): ${error.message}`;
}

export function matchString(re: GoRegexp, s: string): boolean {
  return re.re2.findIndex(s) !== null;
}

/** FindString: the leftmost match, or '' when there is none. */
export function findString(re: GoRegexp, s: string): string {
  const m = re.re2.findIndex(s) as number[] | null;
  return m ? s.slice(m[0], m[1]) : '';
}

function allIndexes(re: GoRegexp, s: string, n: number): number[][] {
  if (n === 0) return [];
  return (re.re2.findAllSubmatchIndex(s, n < 0 ? -1 : n) as number[][] | null) ?? [];
}

/** FindAllString(s, n): at most n matches (all when n < 0); empty matches next to a match are skipped. */
export function findAllString(re: GoRegexp, s: string, n: number): string[] {
  return allIndexes(re, s, n).map((m) => s.slice(m[0], m[1]));
}

/** Split(s, n): the pieces between matches, at most n of them (all when n < 0, none when 0). */
export function split(re: GoRegexp, s: string, n: number): string[] {
  if (n === 0) return [];
  if (re.source.length > 0 && s.length === 0) return [''];
  const pieces: string[] = [];
  let beg = 0;
  let end = 0;
  for (const m of allIndexes(re, s, n)) {
    if (n > 0 && pieces.length === n - 1) break;
    end = m[0] ?? 0;
    if (m[1] !== 0) pieces.push(s.slice(beg, end));
    beg = m[1] ?? 0;
  }
  if (end !== s.length) pieces.push(s.slice(beg));
  return pieces;
}

const NAME_CHAR = /[\p{L}\p{Nd}_]/u;

/** Go's extract: a `$` reference name (`1`, `name`, `{name}`) at the start of `t`. */
function extract(t: string): { name: string; num: number; rest: string } | undefined {
  let brace = false;
  let str = t;
  if (str.startsWith('{')) {
    brace = true;
    str = str.slice(1);
  }
  let i = 0;
  for (const ch of str) {
    if (!NAME_CHAR.test(ch)) break;
    i += ch.length;
  }
  if (i === 0) return undefined;
  const name = str.slice(0, i);
  if (brace) {
    if (str[i] !== '}') return undefined;
    i++;
  }
  let num = 0;
  for (const ch of name) {
    if (ch < '0' || ch > '9' || num >= 1e8) {
      num = -1;
      break;
    }
    num = num * 10 + Number(ch);
  }
  if (name.length > 1 && name.startsWith('0')) num = -1;
  return { name, num, rest: str.slice(i) };
}

/** regexp.Expand of `template` for one match (submatch indexes `m`) of `src`. */
export function expand(re: GoRegexp, template: string, src: string, m: readonly number[]): string {
  let out = '';
  let t = template;
  const group = (i: number): string => {
    const start = m[2 * i] ?? -1;
    return start >= 0 ? src.slice(start, m[2 * i + 1]) : '';
  };
  for (;;) {
    const dollar = t.indexOf('$');
    if (dollar < 0) break;
    out += t.slice(0, dollar);
    t = t.slice(dollar + 1);
    if (t.startsWith('$')) {
      out += '$';
      t = t.slice(1);
      continue;
    }
    const ref = t === '' ? undefined : extract(t);
    if (!ref) {
      // A malformed reference is kept as text.
      out += '$';
      continue;
    }
    t = ref.rest;
    if (ref.num >= 0) {
      if (ref.num < re.names.length) out += group(ref.num);
    } else {
      const index = re.names.indexOf(ref.name);
      if (index > 0) out += group(index);
    }
  }
  return out + t;
}

function replaceAll(re: GoRegexp, src: string, replace: (m: number[]) => string): string {
  let out = '';
  let last = 0;
  for (const m of allIndexes(re, src, -1)) {
    out += src.slice(last, m[0]) + replace(m);
    last = m[1] ?? last;
  }
  return out + src.slice(last);
}

/** ReplaceAllString: each match replaced by `repl` with `$` references expanded. */
export function replaceAllString(re: GoRegexp, src: string, repl: string): string {
  return replaceAll(re, src, (m) => expand(re, repl, src, m));
}

/** ReplaceAllLiteralString: each match replaced by `repl` as it is. */
export function replaceAllLiteralString(re: GoRegexp, src: string, repl: string): string {
  return replaceAll(re, src, () => repl);
}

/** regexp.QuoteMeta. */
export function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/** Go's `quote` in regexp: back quotes when strconv.CanBackquote, else strconv.Quote. */
function quoteForPanic(s: string): string {
  return canBackquote(s) ? `\`${s}\`` : quote(s);
}
