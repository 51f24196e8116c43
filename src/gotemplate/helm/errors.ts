/**
 * Helm's rewriting of template errors (helm v4 pkg/engine): `fail` and `required` wrap their
 * message in markers so the engine can print `execution error at (file:line:col): message`;
 * other execution errors whose whole chain it can read become a multi-line trace, and the rest
 * are printed as text/template worded them.
 */

const WARN_START = 'HELM_ERR_START';
const WARN_END = 'HELM_ERR_END';

/** The message `fail` and `required` return, marked for {@link reformatExecError}. */
export function warnWrap(message: string): string {
  return WARN_START + message + WARN_END;
}

// Go: HELM_ERR_START((?s).*)HELM_ERR_END — leftmost start, greedy to the last end marker.
function warnedMessage(text: string): string | undefined {
  const start = text.indexOf(WARN_START);
  if (start < 0) return undefined;
  const end = text.lastIndexOf(WARN_END);
  if (end < start + WARN_START.length) return undefined;
  return text.slice(start + WARN_START.length, end);
}

/** One step of the trace: where, what was executing, and the message of that step. */
interface TraceStep {
  location: string;
  executing: string;
  message: string;
  /** What follows `executing … at <…>: `, where a wrapped function error would be. */
  body?: string;
}

// helm's three shapes of a text/template error; Go's (?U) makes each group lazy.
// `[^\n]` is Go's `.` (JavaScript's also stops at \r and U+2028).
const EXEC_FORMAT = /^template: ([^\n]+?): executing ([^\n]+?) at ([^\n]+?): ([^\n]+?)( template:[^\n]*)?$/;
const WITHOUT_TEMPLATE = /^template: ([^\n]+?): ([^\n]*?)( template:[^\n]*)?$/;
const NO_TEMPLATE = /^template: no template [^\n]* associated with template [^\n]*$/;

function parseStep(text: string): TraceStep | undefined {
  let m = EXEC_FORMAT.exec(text);
  if (m) {
    const body = m[4]! + (m[5] ?? '');
    return { location: m[1]!, executing: `executing ${m[2]!} at ${m[3]!}:`, message: m[4]!, body };
  }
  if (NO_TEMPLATE.test(text)) return { location: '', executing: '', message: text };
  m = WITHOUT_TEMPLATE.exec(text);
  if (m) return { location: m[1]!, executing: '', message: m[2]! };
  return undefined;
}

// text/template wraps a function's error as `error calling NAME: %w`: the wrapped error is the
// next link of the chain helm walks with errors.Unwrap.
const CALL_WRAP = /^error calling [^:\s]+: /;

function innerError(step: TraceStep): string | undefined {
  const wrap = step.body === undefined ? null : CALL_WRAP.exec(step.body);
  return wrap ? step.body!.slice(wrap[0].length) : undefined;
}

function traceText(steps: TraceStep[]): string {
  let out = '';
  for (const s of steps) {
    if (s.location) out += `${s.location}\n  `;
    if (s.executing) out += `${s.executing}\n    `;
    if (s.message) out += `${s.message}\n`;
  }
  return out.trim();
}

// The readable trace, or undefined when a link of the chain is not a template error.
function trace(text: string): string | undefined {
  const steps: TraceStep[] = [];
  let current: string | undefined = text;
  while (current !== undefined) {
    const step = parseStep(current);
    if (!step) return undefined;
    steps.push(step);
    current = innerError(step);
  }
  return traceText(steps);
}

interface ExecErrorLike {
  message: string;
  kind?: unknown;
}

function isExecError(err: unknown): err is ExecErrorLike {
  return err instanceof Error && (err as ExecErrorLike).kind === 'exec';
}

/**
 * What `helm template` prints (after `Error: `) for an error from executing `filename`: helm's
 * reformatExecErrorMsg. Errors that are not execution errors keep their message.
 */
export function reformatExecError(err: unknown, filename = ''): string {
  const text = err instanceof Error ? err.message : String(err);
  // Our own budget errors (too deep, too much output) are no Go errors: keep them as they are.
  if (!isExecError(err) || (err as { limit?: unknown }).limit !== undefined) return text;
  const tokens = splitN(text, ': ', 3);
  if (tokens.length !== 3) return `execution error in (${filename}): ${text}`;
  const warned = warnedMessage(tokens[2]!);
  if (warned !== undefined) return `execution error at (${tokens[1]!}): ${warned}`;
  return trace(text) ?? text;
}

/** helm's cleanupParseError: `parse error at (file:line): message`. */
export function reformatParseError(err: unknown, filename = ''): string {
  const text = err instanceof Error ? err.message : String(err);
  const tokens = text.split(': ');
  if (tokens.length === 1) return `parse error in (${filename}): ${text}`;
  return `parse error at (${tokens[1]!}): ${tokens[tokens.length - 1]!}`;
}

/** Go's strings.SplitN. */
function splitN(text: string, sep: string, n: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (out.length < n - 1) {
    const i = rest.indexOf(sep);
    if (i < 0) break;
    out.push(rest.slice(0, i));
    rest = rest.slice(i + sep.length);
  }
  out.push(rest);
  return out;
}
