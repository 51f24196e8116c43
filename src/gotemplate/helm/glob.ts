/**
 * gobwas/glob patterns as helm's `.Files.Glob` compiles them (separator `/`): `*` matches within
 * one path segment, `**` across segments, `?` one character of a segment, `[a-z]` / `[!a-z]`
 * one character, `{a,b}` alternatives, `\` escapes. Matching runs a small NFA over the name, so
 * it takes linear time whatever the pattern (no backtracking).
 */

type Step =
  | { kind: 'char'; test: (c: string) => boolean }
  | { kind: 'star'; crossSeparator: boolean }
  | { kind: 'alt'; options: Step[][] };

const SEPARATOR = '/';

class GlobSyntaxError extends Error {}

interface Cursor {
  text: string[];
  pos: number;
}

function parseClass(cur: Cursor): Step {
  const negate = cur.text[cur.pos] === '!';
  if (negate) cur.pos++;
  const singles = new Set<string>();
  const ranges: [string, string][] = [];
  while (cur.pos < cur.text.length && cur.text[cur.pos] !== ']') {
    const lo = cur.text[cur.pos++]!;
    if (cur.text[cur.pos] === '-' && cur.pos + 1 < cur.text.length && cur.text[cur.pos + 1] !== ']') {
      ranges.push([lo, cur.text[cur.pos + 1]!]);
      cur.pos += 2;
    } else {
      singles.add(lo);
    }
  }
  if (cur.text[cur.pos] !== ']') throw new GlobSyntaxError('unclosed character class');
  cur.pos++;
  const inClass = (c: string): boolean => singles.has(c) || ranges.some(([lo, hi]) => c >= lo && c <= hi);
  return { kind: 'char', test: negate ? (c) => !inClass(c) : inClass };
}

function literal(ch: string): Step {
  return { kind: 'char', test: (c) => c === ch };
}

// Parses until the end, or inside braces until `,` / `}` (left for the caller).
function parseSequence(cur: Cursor, inBraces: boolean): Step[] {
  const steps: Step[] = [];
  while (cur.pos < cur.text.length) {
    const ch = cur.text[cur.pos]!;
    if (inBraces && (ch === ',' || ch === '}')) return steps;
    cur.pos++;
    if (ch === '\\') {
      if (cur.pos >= cur.text.length) throw new GlobSyntaxError('trailing escape');
      steps.push(literal(cur.text[cur.pos++]!));
    } else if (ch === '*') {
      const cross = cur.text[cur.pos] === '*';
      if (cross) cur.pos++;
      steps.push({ kind: 'star', crossSeparator: cross });
    } else if (ch === '?') {
      steps.push({ kind: 'char', test: (c) => c !== SEPARATOR });
    } else if (ch === '[') {
      steps.push(parseClass(cur));
    } else if (ch === '{') {
      const options: Step[][] = [];
      for (;;) {
        options.push(parseSequence(cur, true));
        const end = cur.text[cur.pos++];
        if (end === '}') break;
        if (end !== ',') throw new GlobSyntaxError('unclosed alternatives');
      }
      steps.push({ kind: 'alt', options });
    } else {
      steps.push(literal(ch));
    }
  }
  if (inBraces) throw new GlobSyntaxError('unclosed alternatives');
  return steps;
}

// NFA: each node either consumes one character (test) or is an epsilon split.
interface Node {
  test?: (c: string) => boolean;
  next: number[];
}

function build(steps: Step[], nodes: Node[], exits: number[]): number[] {
  // Returns the entry node ids of `steps`; the last step leads to `exits`.
  let follow = exits;
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i]!;
    if (step.kind === 'char') {
      nodes.push({ test: step.test, next: follow });
      follow = [nodes.length - 1];
    } else if (step.kind === 'star') {
      const test = step.crossSeparator ? () => true : (c: string) => c !== SEPARATOR;
      const loop: Node = { test, next: [] };
      nodes.push(loop);
      const id = nodes.length - 1;
      loop.next = [id, ...follow];
      follow = [id, ...follow];
    } else {
      follow = step.options.flatMap((option) => build(option, nodes, follow));
    }
  }
  return follow;
}

const ACCEPT = -1;

export interface GlobMatcher {
  match(name: string): boolean;
}

/** Compiles a pattern; a pattern gobwas rejects throws (helm then uses `**`). */
export function compileGlob(pattern: string): GlobMatcher {
  const steps = parseSequence({ text: Array.from(pattern), pos: 0 }, false);
  const nodes: Node[] = [];
  const start = build(steps, nodes, [ACCEPT]);
  return {
    match(name: string): boolean {
      let current = new Set(start);
      for (const c of name) {
        const next = new Set<number>();
        for (const id of current) {
          if (id === ACCEPT) continue;
          const node = nodes[id]!;
          if (node.test!(c)) for (const n of node.next) next.add(n);
        }
        if (next.size === 0) return false;
        current = next;
      }
      return current.has(ACCEPT);
    },
  };
}

const MATCH_ALL: GlobMatcher = { match: () => true };

/** helm's Glob: compile the pattern, or match everything when it does not compile. */
export function helmGlob(pattern: string): GlobMatcher {
  try {
    return compileGlob(pattern);
  } catch (e) {
    if (e instanceof GlobSyntaxError) return MATCH_ALL;
    throw e;
  }
}
