/**
 * Flux postBuild variable expansion (fluxcd/pkg envsubst as used by kustomize-controller v1.9):
 * `envsubst(text, lookup, { strict })`. Errors carry Flux's exact texts (`missing closing brace`,
 * `unable to parse variable name`, `variable not set (strict mode): "x"` …).
 */
import { DiagnosticError } from '../../core/diagnostic.js';
import { fromBytes, toBytes, utf8Problem } from './bytes.js';
import { evaluate, EnvsubstEvalError, EnvsubstOutputLimit } from './evaluate.js';
import { EnvsubstParseError, parseTemplate } from './parse.js';

export interface EnvsubstOptions {
  /** Unset variables are errors (kustomize-controller ≥ v1.9 default; `flux build --strict-substitute`). */
  strict: boolean;
  /** The most bytes the result may hold; past it EnvsubstLimitError is thrown. */
  maxOutputBytes?: number;
}

/** Value of a variable, or undefined when it is not set. */
export type VariableLookup = (name: string) => string | undefined;

export const SUBSTITUTE_RULE = 'flux-substitute';

/** A template Flux's envsubst rejects; `message` is Flux's own error text. */
export class EnvsubstError extends DiagnosticError {
  constructor(
    message: string,
    /** 1-based line of the problem within the input text. */
    readonly textLine: number,
    /** The input line, for messages that show where the problem is. */
    readonly lineText: string,
  ) {
    super({ rule: SUBSTITUTE_RULE, message, hint: `at line ${textLine}: ${lineText.trim()}` });
    this.name = 'EnvsubstError';
  }
}

/** The expansion would be longer than the caller allowed (`maxOutputBytes`). */
export class EnvsubstLimitError extends Error {
  constructor(readonly maxOutputBytes: number) {
    super(`substitution output over ${maxOutputBytes} bytes`);
    this.name = 'EnvsubstLimitError';
  }
}

/**
 * Expands `text` and returns the result as a byte string (each char one UTF-8 byte): Flux's
 * byte-wise operators can cut a multi-byte character, which only the caller can judge.
 */
export function envsubstBytes(text: string, lookup: VariableLookup, opts: EnvsubstOptions): string {
  const input = toBytes(text);
  if (!input.includes('$')) return input;
  const cache = new Map<string, string | undefined>();
  const byteLookup = (name: string): string | undefined => {
    if (!cache.has(name)) {
      const value = lookup(fromBytes(name));
      cache.set(name, value === undefined ? undefined : toBytes(value));
    }
    return cache.get(name);
  };
  try {
    return evaluate(parseTemplate(input), byteLookup, opts.strict, opts.maxOutputBytes);
  } catch (e) {
    if (e instanceof EnvsubstOutputLimit) throw new EnvsubstLimitError(opts.maxOutputBytes ?? 0);
    if (e instanceof EnvsubstParseError) throw errorAt(input, e.offset, e.message);
    if (e instanceof EnvsubstEvalError) throw errorAt(input, e.node.start, e.message);
    throw e;
  }
}

/** Expands `${…}` expressions in `text` exactly as Flux does; throws EnvsubstError. */
export function envsubst(text: string, lookup: VariableLookup, opts: EnvsubstOptions): string {
  const out = envsubstBytes(text, lookup, opts);
  const problem = utf8Problem(out);
  if (problem) {
    throw new DiagnosticError({
      rule: SUBSTITUTE_RULE,
      message: `substitution result is not valid UTF-8 (${problem})`,
      hint: 'a byte offset or glob in ${v:N:L}, ${v#p} … cut a multi-byte character',
    });
  }
  return fromBytes(out);
}

function errorAt(input: string, offset: number, message: string): EnvsubstError {
  const at = Math.min(Math.max(offset, 0), input.length);
  const lineStart = input.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = input.indexOf('\n', at);
  let line = 1;
  for (let i = input.indexOf('\n'); i >= 0 && i < lineStart; i = input.indexOf('\n', i + 1)) line++;
  return new EnvsubstError(
    message,
    line,
    fromBytes(input.slice(lineStart, lineEnd < 0 ? undefined : lineEnd)),
  );
}
