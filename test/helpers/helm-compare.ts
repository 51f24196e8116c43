/**
 * Comparing a native render with `helm template`. Some charts print something new on every run
 * (random passwords, generated certificates): helm is run twice and the lines that differ
 * between its two runs are masked in both outputs before they are compared. Where helm fails,
 * what is compared is the message after its `Error: ` prefix.
 */
import type { HelmRun } from './helm-oracle.js';

const MASK = '<differs between helm runs>';

/**
 * A function that masks, in any output of the same shape, the lines where helm's two runs
 * differ; undefined when the two runs differ in their number of lines (nothing can be masked
 * line by line then, and the render cannot be compared).
 */
export function volatileMask(first: string, second: string): ((text: string) => string) | undefined {
  const a = first.split('\n');
  const b = second.split('\n');
  if (a.length !== b.length) return undefined;
  const lines = new Set<number>();
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) lines.add(i);
  if (lines.size === 0) return (text) => text;
  return (text) =>
    text
      .split('\n')
      .map((line, i) => (lines.has(i) ? MASK : line))
      .join('\n');
}

// Printed by `helm template` after a render error, not part of the error.
const DEBUG_HINT = /\n+Use --debug flag to render out invalid YAML\s*$/;

/**
 * The text of helm's error: what follows `Error: ` on stderr (warnings logged before it are
 * dropped), without the `--debug` hint that `helm template` appends.
 */
export function helmErrorText(stderr: string): string {
  const at = stderr.startsWith('Error: ') ? 0 : stderr.indexOf('\nError: ') + 1;
  if (at === 0 && !stderr.startsWith('Error: ')) return stderr.trim();
  return stderr
    .slice(at + 'Error: '.length)
    .replace(DEBUG_HINT, '')
    .trim();
}

/** What a helm run says, as compared: its output, or `Error: <text>` when it failed. */
export function helmResult(run: HelmRun): string {
  return run.ok ? run.stdout : `Error: ${helmErrorText(run.stderr)}`;
}
