/**
 * Evaluation of a parsed envsubst template (fluxcd/pkg envsubst/template.go). Operands are
 * evaluated before the variable itself (so `${a:=${b}}` checks `b` even when `a` is set), and in
 * strict mode an unset variable is an error for every operator except the default family.
 */
import { fromBytes } from './bytes.js';
import { applyOperator, EnvsubstPanic, isDefaultOp } from './funcs.js';
import type { FuncNode, Node } from './parse.js';

/** Value of a variable (name and value as byte strings), or undefined when it is not set. */
export type ByteLookup = (name: string) => string | undefined;

export class EnvsubstEvalError extends Error {
  constructor(
    message: string,
    readonly node: FuncNode,
  ) {
    super(message);
  }
}

/** The output would pass the caller's bound: stopped before the string is built. */
export class EnvsubstOutputLimit extends Error {}

/** The expanded template as a byte string, at most `maxBytes` long. */
export function evaluate(
  nodes: readonly Node[],
  lookup: ByteLookup,
  strict: boolean,
  maxBytes = Number.POSITIVE_INFINITY,
): string {
  let out = '';
  for (const node of nodes) {
    const part = evalNode(node, lookup, strict, maxBytes);
    if (out.length + part.length > maxBytes) throw new EnvsubstOutputLimit();
    out += part;
  }
  return out;
}

function evalNode(node: Node, lookup: ByteLookup, strict: boolean, maxBytes: number): string {
  if (node.kind === 'text') return node.value;
  const args = node.args.map((arg) => evalNode(arg, lookup, strict, maxBytes));
  const value = lookup(node.param);
  if (value === undefined && strict && !isDefaultOp(node.op)) {
    throw new EnvsubstEvalError(
      `variable not set (strict mode): ${JSON.stringify(fromBytes(node.param))}`,
      node,
    );
  }
  let result: string;
  try {
    result = applyOperator(node.op, value ?? '', args);
  } catch (e) {
    if (e instanceof EnvsubstPanic) throw new EnvsubstEvalError(e.message, node);
    // A string past V8's length limit: far past any bound a caller sets.
    if (e instanceof RangeError) throw new EnvsubstOutputLimit();
    throw e;
  }
  if (result.length > maxBytes) throw new EnvsubstOutputLimit();
  return result;
}
