/**
 * The parse tree, shaped as Go's text/template/parse nodes, and `nodeString`, Go's `String()`
 * of a node: error messages show it between `<` and `>`, so it must match Go's text exactly.
 */
import { quote } from './go-quote.js';

interface At {
  /** UTF-16 offset of the node in its template's source. */
  readonly pos: number;
}

export interface ListNode extends At {
  readonly kind: 'list';
  readonly nodes: Node[];
}
export interface TextNode extends At {
  readonly kind: 'text';
  readonly text: string;
}
export interface CommentNode extends At {
  readonly kind: 'comment';
  readonly text: string;
}
export interface PipeNode extends At {
  readonly kind: 'pipe';
  readonly line: number;
  isAssign: boolean;
  readonly decl: VariableNode[];
  readonly cmds: CommandNode[];
}
export interface ActionNode extends At {
  readonly kind: 'action';
  readonly line: number;
  readonly pipe: PipeNode;
}
export interface CommandNode extends At {
  readonly kind: 'command';
  readonly args: Node[];
}
export interface IdentifierNode extends At {
  readonly kind: 'identifier';
  readonly ident: string;
}
export interface VariableNode extends At {
  readonly kind: 'variable';
  /** `$x` then the field names of `$x.a.b`. */
  readonly ident: string[];
}
export interface DotNode extends At {
  readonly kind: 'dot';
}
export interface NilNode extends At {
  readonly kind: 'nil';
}
export interface FieldNode extends At {
  readonly kind: 'field';
  readonly ident: string[];
}
export interface ChainNode extends At {
  readonly kind: 'chain';
  readonly node: Node;
  readonly field: string[];
}
export interface BoolNode extends At {
  readonly kind: 'bool';
  readonly value: boolean;
}
/** A numeric constant, stored under every Go type that can hold it (Go's ideal constants). */
export interface NumberNode extends At {
  readonly kind: 'number';
  readonly text: string;
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  isComplex: boolean;
  int64: bigint;
  uint64: bigint;
  float64: number;
  /** Real and imaginary parts of a complex constant. */
  complex: readonly [number, number];
}
export interface StringNode extends At {
  readonly kind: 'string';
  readonly quoted: string;
  readonly text: string;
}
export interface BranchNode extends At {
  readonly kind: 'if' | 'range' | 'with';
  readonly line: number;
  readonly pipe: PipeNode;
  readonly list: ListNode;
  readonly elseList: ListNode | null;
}
export interface TemplateNode extends At {
  readonly kind: 'template';
  readonly line: number;
  readonly name: string;
  readonly pipe: PipeNode | null;
}
export interface BreakNode extends At {
  readonly kind: 'break' | 'continue';
  readonly line: number;
}
/** `{{end}}` and `{{else}}`: they end an item list and never stay in the tree. */
export interface EndNode extends At {
  readonly kind: 'end' | 'else';
  readonly line: number;
}

export type Node =
  | ListNode
  | TextNode
  | CommentNode
  | PipeNode
  | ActionNode
  | CommandNode
  | IdentifierNode
  | VariableNode
  | DotNode
  | NilNode
  | FieldNode
  | ChainNode
  | BoolNode
  | NumberNode
  | StringNode
  | BranchNode
  | TemplateNode
  | BreakNode
  | EndNode;

/** Go's `Node.String()`. */
export function nodeString(n: Node): string {
  const out: string[] = [];
  writeNode(n, out);
  return out.join('');
}

function writePipe(p: PipeNode, out: string[]): void {
  if (p.decl.length > 0) {
    p.decl.forEach((v, i) => {
      if (i > 0) out.push(', ');
      writeNode(v, out);
    });
    out.push(' := ');
  }
  p.cmds.forEach((c, i) => {
    if (i > 0) out.push(' | ');
    writeNode(c, out);
  });
}

function writeNode(n: Node, out: string[]): void {
  switch (n.kind) {
    case 'list':
      for (const c of n.nodes) writeNode(c, out);
      return;
    case 'text':
      out.push(n.text);
      return;
    case 'comment':
      out.push('{{', n.text, '}}');
      return;
    case 'pipe':
      writePipe(n, out);
      return;
    case 'action':
      out.push('{{');
      writePipe(n.pipe, out);
      out.push('}}');
      return;
    case 'command':
      n.args.forEach((arg, i) => {
        if (i > 0) out.push(' ');
        if (arg.kind === 'pipe') {
          out.push('(');
          writePipe(arg, out);
          out.push(')');
        } else writeNode(arg, out);
      });
      return;
    case 'identifier':
      out.push(n.ident);
      return;
    case 'variable':
      out.push(n.ident.join('.'));
      return;
    case 'dot':
      out.push('.');
      return;
    case 'nil':
      out.push('nil');
      return;
    case 'field':
      for (const id of n.ident) out.push('.', id);
      return;
    case 'chain':
      if (n.node.kind === 'pipe') {
        out.push('(');
        writePipe(n.node, out);
        out.push(')');
      } else writeNode(n.node, out);
      for (const f of n.field) out.push('.', f);
      return;
    case 'bool':
      out.push(n.value ? 'true' : 'false');
      return;
    case 'number':
      out.push(n.text);
      return;
    case 'string':
      out.push(n.quoted);
      return;
    case 'if':
    case 'range':
    case 'with':
      out.push('{{', n.kind, ' ');
      writePipe(n.pipe, out);
      out.push('}}');
      writeNode(n.list, out);
      if (n.elseList) {
        out.push('{{else}}');
        writeNode(n.elseList, out);
      }
      out.push('{{end}}');
      return;
    case 'template':
      out.push('{{template ', quote(n.name));
      if (n.pipe) {
        out.push(' ');
        writePipe(n.pipe, out);
      }
      out.push('}}');
      return;
    case 'break':
    case 'continue':
    case 'end':
    case 'else':
      out.push('{{', n.kind, '}}');
      return;
  }
}

const GO_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/;

/** parse.IsEmptyTree: only space and comments (a file of `define`s is an empty template). */
export function isEmptyTree(n: Node | null): boolean {
  if (n === null) return true;
  switch (n.kind) {
    case 'comment':
      return true;
    case 'list':
      return n.nodes.every(isEmptyTree);
    case 'text':
      return GO_SPACE.test(n.text);
    default:
      return false;
  }
}
