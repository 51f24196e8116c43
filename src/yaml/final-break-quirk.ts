/**
 * A `|` or `>` block scalar whose last line ends the input with no line break: go-yaml, v2 and
 * v3 alike (libyaml), has no final break to keep there, so `a: |\n  x` reads as `"x"`. js-yaml
 * appends a line break to such input before it reads it and so keeps one (`"x\n"`). This
 * listener takes that appended break back off the one block scalar that ends at the very end.
 */
import type { EventType, State } from 'js-yaml';

/**
 * Whether `text` may end inside a block scalar's content line with no break after it: its last
 * line holds something other than blanks (a blank last line is an empty line of the scalar in
 * both readers, and the break before it is a real one). Looks at the last line only.
 */
export function mayEndInBlockScalarLine(text: string): boolean {
  const from = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1;
  return text.slice(from).trim() !== '';
}

/**
 * A js-yaml `listener` for a text that {@link mayEndInBlockScalarLine}: a scalar that closes at
 * the very end of the input ends there only if it is a block scalar (a plain or quoted one stops
 * before the appended break), and its final break is the appended one.
 */
export function dropAppendedBreak(eventType: EventType, state: State): void {
  if (eventType !== 'close' || state.kind !== 'scalar' || state.position !== state.length) return;
  const result: unknown = state.result;
  if (typeof result === 'string' && result.endsWith('\n')) state.result = result.slice(0, -1);
}
