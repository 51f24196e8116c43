/**
 * js-yaml misreads an empty block sequence entry followed by a less indented `- ` line: it
 * keeps adding entries to the inner sequence (`- - \n- x` ⇒ [[null, x]]). go-yaml, v2 and
 * v3 alike, closes the inner sequence there ([[null], x]) or, when no enclosing sequence
 * sits at that column, rejects the document. Writing such an entry as an explicit `~` — null
 * in both YAML versions, as the empty node is — makes js-yaml close the sequence too.
 */
import { CST, Parser } from 'yaml';

// A line ending in an empty entry (`-`, `- -`, `? -`), any blank or comment lines, then a
// `- ` line. Only a cheap filter: indentation and scalar context are checked afterwards.
const CANDIDATE = /^[ \t]*(?:[-?:][ \t]+)*-[ \t]*(?:#.*)?\r?\n(?:[ \t]*(?:#.*)?\r?\n)*[ \t]*-(?:[ \t]|\r?$)/m;
const BLANK_LINE = /^[ \t]*(?:#.*)?\r?$/;
const ENTRY_LINE = /^-(?:[ \t]|\r?$)/;
// Tokens an entry may hold and still be empty (an anchor or tag makes it a node).
const EMPTY_ENTRY_TOKENS = new Set(['seq-item-ind', 'space', 'comment', 'newline']);

/** `text` with the entries js-yaml would misread written as `- ~`; usually `text` itself. */
export function fillEmptyEntries(text: string): string {
  if (!CANDIDATE.test(text)) return text;
  const dashes = misreadDashes(text);
  if (dashes.length === 0) return text;
  let out = '';
  let from = 0;
  for (const dash of dashes.sort((a, b) => a - b)) {
    out += `${text.slice(from, dash + 1)} ~`;
    from = dash + 1;
  }
  return out + text.slice(from);
}

/** Offsets of the `-` of empty entries that a less indented entry follows. */
function misreadDashes(text: string): number[] {
  const found: number[] = [];
  // The CST tells real indicators from dashes inside block or quoted scalars.
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document') continue;
    eachItem(token.value, (item) => {
      if (item.value !== undefined || item.key !== undefined || item.sep !== undefined) return;
      const dash = item.start.find((t) => t.type === 'seq-item-ind');
      if (!dash || !item.start.every((t) => EMPTY_ENTRY_TOKENS.has(t.type))) return;
      if (outdentedEntryFollows(text, dash.offset)) found.push(dash.offset);
    });
  }
  return found;
}

/** Every collection item under `root`, with an explicit stack: the text may nest deeper than the call stack goes. */
function eachItem(root: CST.Token | undefined, visit: (item: CST.CollectionItem) => void): void {
  const pending: (CST.Token | undefined)[] = [root];
  while (pending.length > 0) {
    const token = pending.pop();
    if (!token || !('items' in token)) continue;
    for (const item of token.items as CST.CollectionItem[]) {
      visit(item);
      pending.push(item.key ?? undefined, item.value);
    }
  }
}

/**
 * Whether the next content line after the dash at `dash` is a `- ` entry left of the dash's
 * column: exactly when js-yaml (which skips blank and comment lines there) misreads it.
 */
function outdentedEntryFollows(text: string, dash: number): boolean {
  const column = dash - (text.lastIndexOf('\n', dash) + 1);
  let nl = text.indexOf('\n', dash);
  while (nl >= 0) {
    const next = text.indexOf('\n', nl + 1);
    const line = text.slice(nl + 1, next < 0 ? text.length : next);
    if (!BLANK_LINE.test(line)) {
      const indent = /^ */.exec(line)?.[0].length ?? 0;
      return indent < column && ENTRY_LINE.test(line.slice(indent));
    }
    nl = next;
  }
  return false;
}
