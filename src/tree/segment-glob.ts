/**
 * Go's filepath.Match for one path segment, matched in linear-times-pattern time. A regular
 * expression built from a glob backtracks exponentially on patterns like `*a*a*a*…b`; git and
 * Flux match them without backtracking, and so must we: an ignore file is repository input.
 */

type Token =
  | { kind: 'star' }
  | { kind: 'any' }
  | { kind: 'char'; ch: string }
  | { kind: 'class'; negate: boolean; ranges: readonly (readonly [number, number])[] };

export type SegmentGlob = readonly Token[];

/** Compiles a glob; undefined when it is malformed (Go's ErrBadPattern: it then never matches). */
export function compileSegmentGlob(glob: string): SegmentGlob | undefined {
  const chars = Array.from(glob);
  const tokens: Token[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c === '*') {
      if (tokens.at(-1)?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (c === '?') tokens.push({ kind: 'any' });
    else if (c === '\\') {
      i++;
      if (i >= chars.length) return undefined;
      tokens.push({ kind: 'char', ch: chars[i] as string });
    } else if (c === '[') {
      const cls = parseClass(chars, i + 1);
      if (!cls) return undefined;
      tokens.push(cls.token);
      i = cls.end;
    } else tokens.push({ kind: 'char', ch: c });
  }
  return tokens;
}

/** One character class starting after `[`: ranges `a-z`, `^` negation, `\` escapes. */
function parseClass(chars: readonly string[], from: number): { token: Token; end: number } | undefined {
  let i = from;
  let negate = false;
  if (chars[i] === '^') {
    negate = true;
    i++;
  }
  const ranges: [number, number][] = [];
  const char = (): number | undefined => {
    let ch = chars[i];
    if (ch === undefined || ch === '-' || ch === ']') return undefined;
    if (ch === '\\') {
      i++;
      ch = chars[i];
      if (ch === undefined) return undefined;
    }
    i++;
    return ch.codePointAt(0);
  };
  for (;;) {
    if (chars[i] === ']' && ranges.length > 0) return { token: { kind: 'class', negate, ranges }, end: i };
    const lo = char();
    if (lo === undefined) return undefined;
    let hi = lo;
    if (chars[i] === '-') {
      i++;
      const h = char();
      if (h === undefined) return undefined;
      hi = h;
    }
    ranges.push([lo, hi]);
  }
}

function matchesOne(token: Token, ch: string): boolean {
  switch (token.kind) {
    case 'any':
      return ch !== '/';
    case 'char':
      return token.ch === ch;
    case 'class': {
      const cp = ch.codePointAt(0) as number;
      const inside = token.ranges.some(([lo, hi]) => lo <= cp && cp <= hi);
      return inside !== token.negate && ch !== '/';
    }
    case 'star':
      return false;
  }
}

/**
 * Whether `name` matches. Stars match any run without `/`; on a mismatch only the most recent
 * star is widened, which is exact for globs and bounds the work by pattern × name length.
 */
export function matchSegmentGlob(glob: SegmentGlob, name: string): boolean {
  const chars = Array.from(name);
  let t = 0;
  let c = 0;
  let starToken = -1;
  let starChar = 0;
  while (c < chars.length) {
    const token = glob[t];
    if (token?.kind === 'star') {
      starToken = t++;
      starChar = c;
    } else if (token && matchesOne(token, chars[c] as string)) {
      t++;
      c++;
    } else if (starToken >= 0 && chars[starChar] !== '/') {
      t = starToken + 1;
      c = ++starChar;
    } else return false;
  }
  while (glob[t]?.kind === 'star') t++;
  return t === glob.length;
}
