/**
 * Execution budgets. Charts are untrusted input: a template can recurse, loop or print without
 * end. One budget covers an execution and everything it runs inside it (`include` and `tpl`
 * execute again from within a function), so nesting cannot multiply it.
 */
import { TemplateError, type TemplateLimit } from './errors.js';

export interface TemplateLimits {
  /** Nested `{{template}}` calls and executions started from functions (`include`). */
  maxTemplateDepth?: number;
  /** Characters written, all nested executions included. */
  maxOutputBytes?: number;
  /** Actions, commands and loop iterations evaluated. */
  maxSteps?: number;
  /** Nesting of parentheses and control structures in one template text. */
  maxNesting?: number;
}

export const DEFAULT_LIMITS: Required<TemplateLimits> = {
  // Go's maxExecDepth. Far less fits in a JavaScript stack; running out of stack is then
  // reported as this limit, at the {{template}} call, as Go reports it.
  maxTemplateDepth: 100_000,
  maxOutputBytes: 100 * 1024 * 1024,
  maxSteps: 20_000_000,
  maxNesting: 1000,
};

export interface Run {
  readonly limits: Required<TemplateLimits>;
  steps: number;
  bytes: number;
  depth: number;
}

let active: Run | undefined;

/** Runs `body` within the current run, or a new one with `limits` when none is active. */
export function withRun<T>(limits: Required<TemplateLimits>, body: (run: Run) => T): T {
  const outer = active;
  const run = outer ?? { limits, steps: 0, bytes: 0, depth: 0 };
  active = run;
  try {
    return body(run);
  } finally {
    active = outer;
  }
}

export function limitError(message: string, template: string, limit: TemplateLimit): TemplateError {
  return new TemplateError(message, 'exec', template, 0, 0, limit);
}

/** The run executing now, if any: what per-execution caches are scoped to. */
export function currentRun(): Run | undefined {
  return active;
}
