/**
 * kustomize keeps a scalar's style and, before printing, re-encodes every resource with
 * go-yaml v3 and reads it back. go-yaml's folded-scalar writer checks the wrong position when
 * deciding whether a line break needs an extra empty line (it looks at the start of the value,
 * not after the break), so it always writes one. Read back, that extra line survives wherever
 * the next line is more indented, and at the end of a `>+` scalar: `one\n  two` becomes
 * `one\n\n  two`. Reproducing it keeps our values equal to what kustomize applies.
 */
import type jsYaml from 'js-yaml';

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** Whether go-yaml would write `value` as a block scalar at all (else it double-quotes it). */
function blockAllowed(value: string): boolean {
  if (value.length === 0 || isBlank(value[0]) || value[0] === '\n') return false;
  if (/[ \t]\n|[ \t]$/.test(value)) return false;
  // Characters the emitter cannot print raw force double quotes.
  for (const ch of value) {
    const c = ch.codePointAt(0) as number;
    if (
      (c < 0x20 && c !== 0x0a && c !== 0x09) ||
      (c >= 0x7f && c <= 0x9f) ||
      c === 0xfeff ||
      c === 0x2028 ||
      c === 0x2029
    ) {
      return false;
    }
  }
  return true;
}

export function applyFoldedQuirk(value: string): string {
  if (!value.includes('\n') || !blockAllowed(value)) return value;
  let out = '';
  let lineStart = 0;
  let i = 0;
  while (i < value.length) {
    const nl = value.indexOf('\n', i);
    if (nl < 0) {
      out += value.slice(i);
      break;
    }
    let end = nl;
    while (value[end] === '\n') end++;
    const lineHasContent = nl > lineStart;
    const lineLeadsWithBlank = isBlank(value[lineStart]);
    out += value.slice(i, end);
    if (lineHasContent && !lineLeadsWithBlank) {
      const next = value[end];
      if (isBlank(next) || (next === undefined && end - nl >= 2)) out += '\n';
    }
    i = end;
    lineStart = end;
  }
  return out;
}

/** Source offsets of nodes opened by js-yaml, to find each scalar's first character. */
export function foldedQuirkListener(input: string): jsYaml.LoadOptions['listener'] {
  const starts: number[] = [];
  return (event, state) => {
    if (event === 'open') {
      starts.push(state.position);
      return;
    }
    const start = starts.pop() ?? 0;
    if (typeof state.result !== 'string' || !state.result.includes('\n')) return;
    // Skip the node's properties (tag, anchor) to reach its indicator.
    let p = start;
    for (;;) {
      while (isBlank(input[p])) p++;
      if (input[p] !== '!' && input[p] !== '&') break;
      while (p < input.length && !isBlank(input[p]) && input[p] !== '\n') p++;
    }
    if (input[p] === '>') state.result = applyFoldedQuirk(state.result);
  };
}

/** Cheap pre-check: only texts with a folded block indicator need the listener. */
export function mayHaveFoldedScalar(text: string): boolean {
  return /(?:^|[\s:\-!&][^\n]*?)>[-+0-9]*[ \t]*(?:#[^\n]*)?$/m.test(text);
}
