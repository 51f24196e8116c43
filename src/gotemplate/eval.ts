/**
 * Evaluation of pipelines, commands, fields, variables and calls, after Go's text/template
 * exec.go: the same order of evaluation, the same argument checks and conversions, and the
 * same node (`s.at(node)`) in each error. A value read from an `interface {}` slot (a map
 * entry, a slice element, a function result) is "boxed": Go names its type `interface {}` in
 * errors, and a nil one is `null` until a pipeline unwraps it to no value (`undefined`).
 */
import { ConversionError, convertArg } from './convert.js';
import { doublePercent, lineAndColumn, TemplateError, type TemplateLimit } from './errors.js';
import { sprintf } from './fmt.js';
import { nodeString } from './nodes.js';
import type {
  ChainNode,
  CommandNode,
  FieldNode,
  IdentifierNode,
  Node,
  NumberNode,
  PipeNode,
  VariableNode,
} from './nodes.js';
import type { ParsedTemplate } from './parse.js';
import type { Run } from './run.js';
import { Scope } from './scope.js';
import { ANY, canBeNil, mapElemType, REFLECT_VALUE, typeKind, underlyingType, zeroValue } from './types.js';
import {
  GoCallError,
  GoFloat32,
  GoInt,
  GoStruct,
  getMapKey,
  isGoMap,
  isTrue,
  methodOf,
  typeOf,
  wrapInt,
  type GoFunc,
  type GoValue,
  type IntType,
} from './value.js';

export type MissingKey = 'default' | 'zero' | 'error';

export interface FuncEntry {
  readonly fn: GoFunc;
  /** A text/template builtin (not overridden by the function map). */
  readonly builtin: boolean;
}

/** What an execution needs from its template set. */
export interface ExecContext {
  readonly funcs: { get(name: string): FuncEntry | undefined };
  readonly missingKey: MissingKey;
  lookup(name: string): ParsedTemplate | undefined;
}

/** The "no final argument" marker (Go's missingVal): not even an invalid value. */
export const MISSING: unique symbol = Symbol('missing');
type Final = GoValue | typeof MISSING;

export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && e.message.includes('call stack');
}

export class Evaluator {
  protected scope: Scope;
  protected dot: GoValue;
  protected dotBoxed = false;
  protected node: Node | null = null;
  /** Whether the last field, variable or call result came from an `interface {}` slot. */
  private lastBoxed = false;

  constructor(
    protected readonly ctx: ExecContext,
    protected readonly run: Run,
    protected tree: ParsedTemplate,
    protected name: string,
    data: GoValue,
  ) {
    this.scope = new Scope(data);
    this.dot = data;
  }

  protected at(node: Node): void {
    this.node = node;
  }

  /** Go's state.errorf: `template: FILE:LINE:COL: executing "NAME" at <NODE>: MSG`. */
  protected errorf(format: string, ...args: GoValue[]): never {
    throw this.error(format, args);
  }

  protected error(format: string, args: readonly GoValue[], limit?: TemplateLimit): TemplateError {
    const name = doublePercent(this.name);
    if (this.node === null) {
      const message = sprintf(sprintf('template: %s: %s', [name, format]), args);
      return new TemplateError(message, 'exec', this.tree.parseName, 0, 0, limit);
    }
    const { line, column } = lineAndColumn(this.tree.text, this.node.pos);
    const location = `${this.tree.parseName}:${line}:${column}`;
    const context = doublePercent(nodeString(this.node));
    const full = sprintf('template: %s: executing %q at <%s>: %s', [location, name, context, format]);
    return new TemplateError(sprintf(full, args), 'exec', this.tree.parseName, line, column, limit);
  }

  protected step(): void {
    if (++this.run.steps > this.run.limits.maxSteps) {
      throw this.error(
        'exceeded the limit of %d evaluation steps',
        [goIntOf(this.run.limits.maxSteps)],
        'steps',
      );
    }
  }

  /** The value of a pipeline; declared variables are pushed (or assigned with `=`). */
  protected evalPipeline(pipe: PipeNode | null): GoValue {
    if (pipe === null) return undefined;
    this.at(pipe);
    let value: Final = MISSING;
    for (const cmd of pipe.cmds) {
      const v: GoValue = this.evalCommand(cmd, value);
      // An interface {} value is unwrapped: a nil one becomes no value.
      value = v === null ? undefined : v;
    }
    const result = value === MISSING ? undefined : value;
    for (const v of pipe.decl) {
      const name = v.ident[0] as string;
      if (!pipe.isAssign) this.scope.push(name, result);
      else if (!this.scope.set(name, result)) this.errorf('undefined variable: %s', name);
    }
    return result;
  }

  private notAFunction(args: readonly Node[] | null, final: Final): void {
    if ((args !== null && args.length > 1) || final !== MISSING) {
      this.errorf("can't give argument to non-function %s", nodeString((args as Node[])[0] as Node));
    }
  }

  private evalCommand(cmd: CommandNode, final: Final): GoValue {
    this.step();
    const args = cmd.args;
    const first = args[0] as Node;
    switch (first.kind) {
      case 'field':
        return this.evalFieldNode(first, args, final);
      case 'chain':
        return this.evalChainNode(first, args, final);
      case 'identifier':
        return this.evalFunction(first, cmd, args, final);
      case 'pipe':
        this.notAFunction(args, final);
        return this.evalPipeline(first);
      case 'variable':
        return this.evalVariableNode(first, args, final);
    }
    this.at(first);
    this.notAFunction(args, final);
    switch (first.kind) {
      case 'bool':
        return first.value;
      case 'dot':
        return this.dot;
      case 'nil':
        return this.errorf('nil is not a command');
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return first.text;
    }
    return this.errorf("can't evaluate command %q", nodeString(first));
  }

  /** A number whose type the context does not give: its syntax decides (Go's rules). */
  private idealConstant(n: NumberNode): GoValue {
    this.at(n);
    const t = n.text;
    if (n.isComplex) return complexValue(n.complex[0], n.complex[1]);
    const hexInt = t.length > 2 && t[0] === '0' && (t[1] === 'x' || t[1] === 'X') && !/[pP]/.test(t);
    if (n.isFloat && !hexInt && t[0] !== "'" && /[.eEpP]/.test(t)) return n.float64;
    if (n.isInt) return new GoInt('int', n.int64);
    if (n.isUint) this.errorf('%s overflows int', t);
    return undefined;
  }

  private evalFieldNode(field: FieldNode, args: readonly Node[] | null, final: Final): GoValue {
    this.at(field);
    return this.evalFieldChain(this.dot, this.dotBoxed, field, field.ident, args, final, 0);
  }

  private evalChainNode(chain: ChainNode, args: readonly Node[] | null, final: Final): GoValue {
    this.at(chain);
    if (chain.node.kind === 'nil') this.errorf('indirection through explicit nil in %s', nodeString(chain));
    const receiver = this.evalArg(null, chain.node);
    const boxed = chain.node.kind === 'identifier' && this.lastBoxed;
    return this.evalFieldChain(receiver, boxed, chain, chain.field, args, final, 0);
  }

  private evalVariableNode(node: VariableNode, args: readonly Node[] | null, final: Final): GoValue {
    this.at(node);
    const name = node.ident[0] as string;
    const v = this.scope.lookup(name) ?? this.errorf('undefined variable: %s', name);
    if (node.ident.length === 1) {
      this.notAFunction(args, final);
      this.lastBoxed = v.boxed;
      return v.value;
    }
    return this.evalFieldChain(v.value, v.boxed, node, node.ident, args, final, 1);
  }

  /** `.X.Y.Z` from `ident[start]`, the last one possibly a method given the arguments. */
  private evalFieldChain(
    receiver: GoValue,
    boxed: boolean,
    node: Node,
    ident: readonly string[],
    args: readonly Node[] | null,
    final: Final,
    start: number,
  ): GoValue {
    const n = ident.length;
    for (let i = start; i < n - 1; i++) {
      receiver = this.evalField(ident[i] as string, node, null, MISSING, receiver, boxed);
      boxed = this.lastBoxed;
    }
    return this.evalField(ident[n - 1] as string, node, args, final, receiver, boxed);
  }

  private evalFunction(node: IdentifierNode, cmd: Node, args: readonly Node[] | null, final: Final): GoValue {
    this.at(node);
    const entry = this.ctx.funcs.get(node.ident) ?? this.errorf('%q is not a defined function', node.ident);
    return this.evalCall(entry.fn, entry.builtin, cmd, node.ident, args, final);
  }

  private evalField(
    name: string,
    node: Node,
    args: readonly Node[] | null,
    final: Final,
    receiver: GoValue,
    boxed: boolean,
  ): GoValue {
    this.lastBoxed = false;
    if (receiver === undefined) {
      if (this.ctx.missingKey === 'error') this.errorf('nil data; no entry for key %q', name);
      return undefined;
    }
    const typ = boxed || receiver === null ? ANY : typeOf(receiver);
    if (receiver === null) this.errorf('nil pointer evaluating %s.%s', typ, name);
    // A method first (of a struct, or of a named map or slice type), then a field or key.
    const method = methodOf(receiver, name);
    if (method !== undefined) return this.evalCall(method, false, node, name, args, final);
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
    if (receiver instanceof GoStruct) {
      if (Object.hasOwn(receiver.fields, name)) {
        if (receiver.nil) this.errorf('nil pointer evaluating %s.%s', typ, name);
        if (hasArgs) this.errorf('%s has arguments but cannot be invoked as function', name);
        return receiver.fields[name];
      }
    } else if (isGoMap(receiver)) {
      if (hasArgs) this.errorf('%s is not a method but has arguments', name);
      const elem = mapElemType(receiver);
      this.lastBoxed = elem === ANY;
      if (Object.hasOwn(receiver, name)) return getMapKey(receiver, name);
      if (this.ctx.missingKey === 'zero') return zeroValue(elem);
      if (this.ctx.missingKey === 'error') this.errorf('map has no entry for key %q', name);
      return undefined;
    }
    return this.errorf("can't evaluate field %s in type %s", name, typ);
  }

  /** A function or method call; `args[0]` is the function's own node. */
  private evalCall(
    fn: GoFunc,
    builtin: boolean,
    node: Node,
    name: string,
    args: readonly Node[] | null,
    final: Final,
  ): GoValue {
    const argNodes = args === null ? [] : args.slice(1);
    const variadic = fn.variadic !== undefined;
    const numIn = argNodes.length + (final === MISSING ? 0 : 1);
    const numParams = fn.params.length + (variadic ? 1 : 0);
    let numFixed = argNodes.length;
    if (variadic) {
      numFixed = fn.params.length;
      if (numIn < numFixed) {
        this.errorf(
          'wrong number of args for %s: want at least %d got %d',
          name,
          goIntOf(numFixed),
          goIntOf(argNodes.length),
        );
      }
    } else if (numIn !== numParams) {
      this.errorf('wrong number of args for %s: want %d got %d', name, goIntOf(numParams), goIntOf(numIn));
    }
    if (builtin && (name === 'and' || name === 'or')) return this.andOr(name, argNodes, final);
    const argv: GoValue[] = [];
    let i = 0;
    for (; i < numFixed && i < argNodes.length; i++)
      argv.push(this.evalArg(fn.params[i] as string, argNodes[i] as Node));
    for (; i < argNodes.length; i++) argv.push(this.evalArg(fn.variadic as string, argNodes[i] as Node));
    if (final !== MISSING) {
      const t = !variadic
        ? fn.params[numParams - 1]
        : numIn - 1 < numFixed
          ? fn.params[numIn - 1]
          : fn.variadic;
      argv.push(this.validate(final, t as string));
    }
    let result: GoValue;
    try {
      if (builtin && name === 'call') this.callBuiltin(argNodes, final, argv[0]);
      result = fn.fn(...argv);
    } catch (e) {
      if ((e instanceof TemplateError && e.limit !== undefined) || isStackOverflow(e)) throw e;
      this.at(node);
      this.errorf('error calling %s: %s', name, e instanceof Error ? e.message : String(e));
    }
    this.lastBoxed = fn.result === undefined || fn.result === ANY;
    return result;
  }

  /** `and`/`or` evaluate their arguments lazily and return the deciding one. */
  private andOr(name: string, argNodes: readonly Node[], final: Final): GoValue {
    let v: GoValue = undefined;
    for (const arg of argNodes) {
      v = this.evalArg(REFLECT_VALUE, arg);
      if (isTrue(v) === (name === 'or')) return v;
    }
    if (final !== MISSING) v = this.validate(final, REFLECT_VALUE);
    return v;
  }

  /** `call` has nothing to call: the value model holds no function values. */
  private callBuiltin(argNodes: readonly Node[], final: Final, fn: GoValue): never {
    const callee = argNodes.length > 0 ? nodeString(argNodes[0] as Node) : String(final as GoValue);
    if (fn === undefined || fn === null) throw new GoCallError('call of nil');
    throw new GoCallError(`non-function ${callee} of type ${typeOf(fn)}`);
  }

  /** validateType: the value must suit the parameter type (see convertArg). */
  private validate(value: GoValue, typ: string | null): GoValue {
    if (typ === null || typ === REFLECT_VALUE) return value;
    try {
      return convertArg(value, typ);
    } catch (e) {
      if (e instanceof ConversionError) this.errorf('%s', e.message);
      throw e;
    }
  }

  /** An argument for a parameter of type `typ` (null: no type, for a chain's receiver). */
  private evalArg(typ: string | null, n: Node): GoValue {
    this.at(n);
    switch (n.kind) {
      case 'dot':
        return this.validate(this.dot, typ);
      case 'nil':
        if (typ !== null && canBeNil(typ)) return zeroValue(typ);
        return this.errorf('cannot assign nil to %s', typ ?? '<nil>');
      case 'field':
        return this.validate(this.evalFieldNode(n, [n], MISSING), typ);
      case 'variable':
        return this.validate(this.evalVariableNode(n, null, MISSING), typ);
      case 'pipe':
        return this.validate(this.evalPipeline(n), typ);
      case 'identifier':
        return this.validate(this.evalFunction(n, n, null, MISSING), typ);
      case 'chain':
        return this.validate(this.evalChainNode(n, null, MISSING), typ);
    }
    const t = underlyingType(typ ?? ANY);
    switch (typeKind(t)) {
      case 'bool':
        return n.kind === 'bool' ? n.value : this.errorf('expected bool; found %s', nodeString(n));
      case 'string':
        return n.kind === 'string' ? n.text : this.errorf('expected string; found %s', nodeString(n));
      case 'int':
        if (n.kind === 'number' && n.isInt) return new GoInt(t as IntType, wrapInt(t as IntType, n.int64));
        return this.errorf('expected integer; found %s', nodeString(n));
      case 'uint':
        if (n.kind === 'number' && n.isUint) return new GoInt(t as IntType, wrapInt(t as IntType, n.uint64));
        return this.errorf('expected unsigned integer; found %s', nodeString(n));
      case 'float':
        if (n.kind !== 'number' || !n.isFloat) return this.errorf('expected float; found %s', nodeString(n));
        return t === 'float32' ? new GoFloat32(Math.fround(n.float64)) : n.float64;
      case 'complex':
        return this.errorf('expected complex; found %s', nodeString(n));
      case 'any':
      case 'reflect':
        return this.evalEmptyInterface(n);
    }
    return this.errorf("can't handle %s for arg of type %s", nodeString(n), t);
  }

  private evalEmptyInterface(n: Node): GoValue {
    this.at(n);
    switch (n.kind) {
      case 'bool':
        return n.value;
      case 'number':
        return this.idealConstant(n);
      case 'string':
        return n.text;
    }
    return this.errorf("can't handle assignment of %s to empty interface argument", nodeString(n));
  }
}

/**
 * A complex128 constant. The value model has no complex numbers; this one prints as Go
 * prints it (`(1+2i)`) and reports its Go type, which is all a template can do with it.
 */
function complexValue(re: number, im: number): GoStruct {
  const text = () => `(${sprintf('%g', [re])}${sprintf('%+g', [im])}i)`;
  return new GoStruct('complex128', {}, { String: { params: [], result: 'string', fn: text } });
}

export function goIntOf(n: number): GoInt {
  return new GoInt('int', BigInt(n));
}
