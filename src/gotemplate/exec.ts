/**
 * The template walker: text, actions, `if`/`with`/`range` (maps in sorted key order, integers
 * as Go 1.24 ranges them), `break`/`continue`, and `{{template}}` calls, after Go's
 * text/template exec.go. `break` and `continue` travel back as return values, not exceptions.
 */
import { Evaluator, goIntOf, isStackOverflow, type ExecContext } from './eval.js';
import { formatValue } from './fmt.js';
import { compareGoStrings } from './fmt-print.js';
import type { BranchNode, ListNode, Node, TemplateNode } from './nodes.js';
import { nodeString } from './nodes.js';
import type { ParsedTemplate } from './parse.js';
import type { Run } from './run.js';
import { Scope } from './scope.js';
import { ANY, mapElemType, sliceElemType } from './types.js';
import { GoInt, GoStruct, getMapKey, isGoMap, isTrue, type GoValue } from './value.js';

const NONE = 0;
const BREAK = 1;
const CONTINUE = 2;
type Signal = typeof NONE | typeof BREAK | typeof CONTINUE;

/** A pointer is walked through to what it points to; a nil one stays. */
function indirect(v: GoValue): GoValue {
  if (v instanceof GoStruct && v.typeName.startsWith('*') && !v.nil) {
    return new GoStruct(v.typeName.slice(1), v.fields, v.methods);
  }
  return v;
}

class Executor extends Evaluator {
  out = '';

  private write(s: string): void {
    this.out += s;
    this.run.bytes += s.length;
    if (this.run.bytes > this.run.limits.maxOutputBytes) {
      throw this.error(
        'exceeded the output limit of %d bytes',
        [goIntOf(this.run.limits.maxOutputBytes)],
        'output',
      );
    }
  }

  walk(node: Node): Signal {
    this.at(node);
    switch (node.kind) {
      case 'action': {
        this.step();
        const val = this.evalPipeline(node.pipe);
        // An action that declares variables prints nothing.
        if (node.pipe.decl.length === 0) {
          this.at(node);
          this.write(formatValue(val));
        }
        return NONE;
      }
      case 'break':
        return BREAK;
      case 'continue':
        return CONTINUE;
      case 'comment':
        return NONE;
      case 'if':
      case 'with':
        return this.walkIfOrWith(node);
      case 'list':
        return this.walkList(node);
      case 'range':
        return this.walkRange(node);
      case 'template':
        this.walkTemplate(node);
        return NONE;
      case 'text':
        this.write(node.text);
        return NONE;
    }
    return this.errorf('unknown node: %s', nodeString(node));
  }

  private walkList(list: ListNode): Signal {
    for (const n of list.nodes) {
      const signal = this.walk(n);
      if (signal !== NONE) return signal;
    }
    return NONE;
  }

  private withDot(dot: GoValue, boxed: boolean, list: ListNode): Signal {
    const savedDot = this.dot;
    const savedBoxed = this.dotBoxed;
    this.dot = dot;
    this.dotBoxed = boxed;
    const signal = this.walkList(list);
    this.dot = savedDot;
    this.dotBoxed = savedBoxed;
    return signal;
  }

  private walkIfOrWith(node: BranchNode): Signal {
    const mark = this.scope.mark();
    const val = this.evalPipeline(node.pipe);
    let signal: Signal = NONE;
    if (isTrue(val))
      signal = node.kind === 'with' ? this.withDot(val, false, node.list) : this.walkList(node.list);
    else if (node.elseList) signal = this.walkList(node.elseList);
    this.scope.pop(mark);
    return signal;
  }

  /** One iteration; true when the body executed `{{break}}`. */
  private iteration(r: BranchNode, mark: number, index: GoValue, elem: GoValue, boxed: boolean): boolean {
    this.step();
    const decl = r.pipe.decl;
    if (decl.length > 0) {
      if (!r.pipe.isAssign) this.scope.setTop(1, elem, boxed);
      else if (decl.length > 1) this.assign(decl[0]?.ident[0], index, false);
      else this.assign(decl[0]?.ident[0], elem, boxed);
    }
    if (decl.length > 1) {
      if (!r.pipe.isAssign) this.scope.setTop(2, index, false);
      else this.assign(decl[1]?.ident[0], elem, boxed);
    }
    const signal = this.withDot(elem, boxed, r.list);
    this.scope.pop(mark);
    return signal === BREAK;
  }

  private assign(name: string | undefined, value: GoValue, boxed: boolean): void {
    if (!this.scope.set(name as string, value, boxed)) this.errorf('undefined variable: %s', name as string);
  }

  private walkRange(r: BranchNode): Signal {
    this.at(r);
    const outer = this.scope.mark();
    const val = indirect(this.evalPipeline(r.pipe));
    const mark = this.scope.mark();
    let ran = false;
    if (val instanceof GoInt) {
      if (r.pipe.decl.length > 1) this.errorf("can't use %v to iterate over more than one variable", val);
      for (let i = 0n; i < val.value; i++) {
        ran = true;
        if (this.iteration(r, mark, undefined, new GoInt(val.type, i), false)) break;
      }
    } else if (Array.isArray(val)) {
      const boxed = sliceElemType(val) === ANY;
      for (let i = 0; i < val.length; i++) {
        ran = true;
        if (this.iteration(r, mark, goIntOf(i), val[i], boxed)) break;
      }
    } else if (isGoMap(val)) {
      const boxed = mapElemType(val) === ANY;
      for (const key of Object.keys(val).sort(compareGoStrings)) {
        ran = true;
        if (this.iteration(r, mark, key, getMapKey(val, key), boxed)) break;
      }
    } else if (val !== undefined && val !== null) {
      this.errorf("range can't iterate over %v", val);
    }
    let signal: Signal = NONE;
    if (!ran && r.elseList) {
      signal = this.walkList(r.elseList);
      // Go's walkRange recovers any break, even one from its else list.
      if (signal === BREAK) signal = NONE;
    }
    this.scope.pop(outer);
    return signal;
  }

  private walkTemplate(t: TemplateNode): void {
    this.at(t);
    const tmpl = this.ctx.lookup(t.name) ?? this.errorf('template %q not defined', t.name);
    const max = this.run.limits.maxTemplateDepth;
    if (this.run.depth >= max) throw this.error('exceeded maximum template depth (%v)', [goIntOf(max)]);
    const dot = this.evalPipeline(t.pipe);
    const saved = {
      tree: this.tree,
      name: this.name,
      scope: this.scope,
      dot: this.dot,
      boxed: this.dotBoxed,
    };
    this.tree = tmpl;
    this.name = t.name;
    // No dynamic scoping: the called template sees only `$`.
    this.scope = new Scope(dot);
    this.dot = dot;
    this.dotBoxed = false;
    this.run.depth++;
    try {
      this.walkList(tmpl.root);
    } catch (e) {
      // Out of stack: report it as the depth limit, from the first call with room to do so.
      if (!isStackOverflow(e)) throw e;
      ({ tree: this.tree, name: this.name, scope: this.scope, dot: this.dot, boxed: this.dotBoxed } = saved);
      this.at(t);
      throw this.error('exceeded maximum template depth (%v)', [goIntOf(max)]);
    }
    this.run.depth--;
    ({ tree: this.tree, name: this.name, scope: this.scope, dot: this.dot, boxed: this.dotBoxed } = saved);
  }
}

/** Executes `tmpl` (named `name`) on `data` within `run`; returns the output. */
export function executeTree(
  ctx: ExecContext,
  run: Run,
  tmpl: ParsedTemplate,
  name: string,
  data: GoValue,
): string {
  const ex = new Executor(ctx, run, tmpl, name, data);
  ex.walk(tmpl.root);
  return ex.out;
}
