/**
 * The template parser: Go's text/template/parse recursive-descent parser, token for token, with
 * its error texts. One call parses one source text into its top-level template and the
 * templates it defines (`define`, `block`). Nesting of parentheses and control structures is
 * bounded, so a hostile template gets an error instead of exhausting the stack.
 */
import { isEmptyTree, nodeString } from './nodes.js';
import type {
  BranchNode,
  CommandNode,
  EndNode,
  ListNode,
  Node,
  PipeNode,
  TemplateNode,
  VariableNode,
} from './nodes.js';
import { codePoints, quote } from './go-quote.js';
import { parseError, TemplateError } from './errors.js';
import { Item, Lexer, type ItemType, type Token } from './lex.js';
import { newNumber } from './number.js';
import { unquote, SYNTAX_ERROR } from './strconv.js';
import { goInt, type GoValue } from './value.js';

/** A parsed template: its tree and the source it came from (for error positions). */
export interface ParsedTemplate {
  readonly name: string;
  /** The name of the file it was parsed from; errors point into it. */
  readonly parseName: string;
  readonly text: string;
  readonly root: ListNode;
}

export interface ParseOptions {
  hasFunction(name: string): boolean;
  /** Maximum nesting of parentheses and control structures (Go allows 10,000 parentheses). */
  maxDepth: number;
}

/** Go's maxPipelineCmds. */
const MAX_PIPELINE_CMDS = 100_000;

/** item.String(): how the parser names a token in "unexpected …" errors. */
function tokenString(t: Token): string {
  if (t.typ === Item.EOF) return 'EOF';
  if (t.typ === Item.Error) return t.val;
  if (t.typ > Item.Keyword) return `<${t.val}>`;
  const runes = codePoints(t.val);
  if (runes.length > 10) return quote(String.fromCodePoint(...runes.slice(0, 10))) + '...';
  return quote(t.val);
}

interface Shared {
  readonly text: string;
  readonly parseName: string;
  readonly lex: Lexer;
  readonly treeSet: Map<string, ParsedTemplate>;
  readonly options: ParseOptions;
  depth: number;
}

class Tree {
  private root: ListNode | null = null;
  private readonly token: Token[] = [];
  private peekCount = 0;
  private vars: string[] = ['$'];
  private actionLine = 0;
  private rangeDepth = 0;

  constructor(
    private name: string,
    private readonly s: Shared,
  ) {}

  // Token stream, with Go's three-token lookahead.

  private next(): Token {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.s.lex.nextItem();
    return this.token[this.peekCount] as Token;
  }

  private backup(): void {
    this.peekCount++;
  }

  private backup2(t1: Token): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }

  private backup3(t2: Token, t1: Token): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }

  private peek(): Token {
    if (this.peekCount > 0) return this.token[this.peekCount - 1] as Token;
    this.peekCount = 1;
    this.token[0] = this.s.lex.nextItem();
    return this.token[0];
  }

  private nextNonSpace(): Token {
    let t: Token;
    do t = this.next();
    while (t.typ === Item.Space);
    return t;
  }

  private peekNonSpace(): Token {
    const t = this.nextNonSpace();
    this.backup();
    return t;
  }

  // Errors.

  private errorf(format: string, ...args: GoValue[]): never {
    throw parseError(this.s.parseName, this.token[0]?.line ?? 1, format, args);
  }

  private expect(expected: ItemType, context: string): Token {
    const t = this.nextNonSpace();
    if (t.typ !== expected) this.unexpected(t, context);
    return t;
  }

  private unexpected(t: Token, context: string): never {
    if (t.typ === Item.Error) {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== t.line) {
        extra = ` in action started at ${this.s.parseName}:${this.actionLine}`;
        if (t.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf('%s%s', tokenString(t), extra);
    }
    this.errorf('unexpected %s in %s', tokenString(t), context);
  }

  /** Guards the JavaScript stack against deeply nested input. */
  private enter(): void {
    if (++this.s.depth > this.s.options.maxDepth) this.errorf('max expression depth exceeded');
  }

  private leave(): void {
    this.s.depth--;
  }

  // Trees.

  /** Adds the tree to the set; two non-empty definitions of one name in one text clash. */
  private add(): void {
    const tree = this.s.treeSet.get(this.name);
    const root = this.root as ListNode;
    if (tree === undefined || isEmptyTree(tree.root)) {
      this.s.treeSet.set(this.name, {
        name: this.name,
        parseName: this.s.parseName,
        text: this.s.text,
        root,
      });
      return;
    }
    if (!isEmptyTree(root)) this.errorf('template: multiple definition of template %q', this.name);
  }

  /** The top level: text and actions, plus `define`s, to EOF. */
  parseTop(): void {
    const root: ListNode = { kind: 'list', pos: this.peek().pos, nodes: [] };
    this.root = root;
    while (this.peek().typ !== Item.EOF) {
      if (this.peek().typ === Item.LeftDelim) {
        const delim = this.next();
        if (this.nextNonSpace().typ === Item.Define) {
          new Tree('definition', this.s).parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.kind === 'end' || n.kind === 'else') this.errorf('unexpected %s', nodeString(n));
      root.nodes.push(n);
    }
    this.add();
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const t = this.nextNonSpace();
    if (t.typ !== Item.String && t.typ !== Item.RawString) this.unexpected(t, context);
    const name = unquote(t.val);
    if (name === undefined) this.errorf('%s', SYNTAX_ERROR);
    this.name = name;
    this.expect(Item.RightDelim, context);
    const [list, end] = this.itemList();
    if (end.kind !== 'end') this.errorf('unexpected %s in %s', nodeString(end), context);
    this.root = list;
    this.add();
  }

  /** textOrAction* up to an `{{end}}` or `{{else}}`, which is returned separately. */
  private itemList(): [ListNode, EndNode] {
    const list: ListNode = { kind: 'list', pos: this.peekNonSpace().pos, nodes: [] };
    while (this.peekNonSpace().typ !== Item.EOF) {
      const n = this.textOrAction();
      if (n.kind === 'end' || n.kind === 'else') return [list, n];
      list.nodes.push(n);
    }
    return this.errorf('unexpected EOF');
  }

  private textOrAction(): Node {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case Item.Text:
        return { kind: 'text', pos: t.pos, text: t.val };
      case Item.LeftDelim: {
        this.actionLine = t.line;
        const n = this.action();
        this.actionLine = 0;
        return n;
      }
      case Item.Comment:
        return { kind: 'comment', pos: t.pos, text: t.val };
    }
    return this.unexpected(t, 'input');
  }

  private action(): Node {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case Item.Block:
        return this.blockControl();
      case Item.Break:
      case Item.Continue:
        return this.breakControl(t);
      case Item.Else:
        return this.elseControl();
      case Item.End:
        return { kind: 'end', pos: this.expect(Item.RightDelim, 'end').pos, line: t.line };
      case Item.If:
        return this.branch('if');
      case Item.Range:
        return this.branch('range');
      case Item.Template:
        return this.templateControl();
      case Item.With:
        return this.branch('with');
    }
    this.backup();
    const first = this.peek();
    // Variables declared here persist until the enclosing {{end}}.
    return {
      kind: 'action',
      pos: first.pos,
      line: first.line,
      pipe: this.pipeline('command', Item.RightDelim),
    };
  }

  private breakControl(t: Token): Node {
    const word = t.typ === Item.Break ? 'break' : 'continue';
    const next = this.nextNonSpace();
    if (next.typ !== Item.RightDelim) this.unexpected(next, `{{${word}}}`);
    if (this.rangeDepth === 0) this.errorf('{{%s}} outside {{range}}', word);
    return { kind: word, pos: t.pos, line: t.line };
  }

  private pipeline(context: string, end: ItemType): PipeNode {
    const first = this.peekNonSpace();
    const pipe: PipeNode = {
      kind: 'pipe',
      pos: first.pos,
      line: first.line,
      isAssign: false,
      decl: [],
      cmds: [],
    };
    this.declarations(pipe, context);
    for (;;) {
      const t = this.nextNonSpace();
      switch (t.typ) {
        case end:
          this.checkPipeline(pipe, context);
          return pipe;
        case Item.Bool:
        case Item.CharConstant:
        case Item.Complex:
        case Item.Dot:
        case Item.Field:
        case Item.Identifier:
        case Item.Number:
        case Item.Nil:
        case Item.RawString:
        case Item.String:
        case Item.Variable:
        case Item.LeftParen:
          this.backup();
          pipe.cmds.push(this.command());
          if (pipe.cmds.length > MAX_PIPELINE_CMDS) this.errorf('pipeline too long');
          break;
        default:
          this.unexpected(t, context);
      }
    }
  }

  /** `$x :=`, `$x =`, `$i, $e :=`: needs three tokens of lookahead (`$x foo` is an argument). */
  private declarations(pipe: PipeNode, context: string): void {
    for (;;) {
      const v = this.peekNonSpace();
      if (v.typ !== Item.Variable) return;
      this.next();
      const after = this.peek();
      const next = this.peekNonSpace();
      if (next.typ === Item.Assign || next.typ === Item.Declare) {
        pipe.isAssign = next.typ === Item.Assign;
        this.nextNonSpace();
        pipe.decl.push(variableNode(v.pos, v.val));
        this.vars.push(v.val);
        return;
      }
      if (next.typ === Item.Char && next.val === ',') {
        this.nextNonSpace();
        pipe.decl.push(variableNode(v.pos, v.val));
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const t = this.peekNonSpace().typ;
          if (t === Item.Variable || t === Item.RightDelim || t === Item.RightParen) continue;
          this.errorf('range can only initialize variables');
        }
        this.errorf('too many declarations in %s', context);
      }
      if (after.typ === Item.Space) this.backup3(v, after);
      else this.backup2(v);
      return;
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf('missing value for %s', context);
    // Only the first command of a pipeline can start with a non-executable operand.
    pipe.cmds.forEach((c, i) => {
      const k = c.args[0]?.kind;
      if (i > 0 && (k === 'bool' || k === 'dot' || k === 'nil' || k === 'number' || k === 'string')) {
        this.errorf('non executable command in pipeline stage %d', goInt(i + 1));
      }
    });
  }

  private branch(context: 'if' | 'range' | 'with'): BranchNode {
    this.enter();
    const varCount = this.vars.length;
    const pipe = this.pipeline(context, Item.RightDelim);
    if (context === 'range') this.rangeDepth++;
    const [list, next] = this.itemList();
    if (context === 'range') this.rangeDepth--;
    let elseList: ListNode | null = null;
    if (next.kind === 'else') {
      // {{else if x}} and {{else with x}} read as {{else}}{{if x}}…{{end}}{{end}}.
      const t = this.peek();
      if ((context === 'if' && t.typ === Item.If) || (context === 'with' && t.typ === Item.With)) {
        this.next();
        elseList = { kind: 'list', pos: next.pos, nodes: [this.branch(context)] };
      } else {
        const [l, end] = this.itemList();
        if (end.kind !== 'end') this.errorf('expected end; found %s', nodeString(end));
        elseList = l;
      }
    }
    this.vars.length = varCount;
    this.leave();
    return { kind: context, pos: pipe.pos, line: pipe.line, pipe, list, elseList };
  }

  private elseControl(): EndNode {
    const peek = this.peekNonSpace();
    // {{else if …}} and {{else with …}} leave the keyword for the enclosing branch.
    if (peek.typ === Item.If || peek.typ === Item.With)
      return { kind: 'else', pos: peek.pos, line: peek.line };
    const t = this.expect(Item.RightDelim, 'else');
    return { kind: 'else', pos: t.pos, line: t.line };
  }

  private blockControl(): TemplateNode {
    const context = 'block clause';
    const t = this.nextNonSpace();
    const name = this.templateName(t, context);
    const pipe = this.pipeline(context, Item.RightDelim);
    this.enter();
    const block = new Tree(name, this.s);
    const [list, end] = block.itemList();
    if (end.kind !== 'end') this.errorf('unexpected %s in %s', nodeString(end), context);
    block.root = list;
    block.add();
    this.leave();
    return { kind: 'template', pos: t.pos, line: t.line, name, pipe };
  }

  private templateControl(): TemplateNode {
    const context = 'template clause';
    const t = this.nextNonSpace();
    const name = this.templateName(t, context);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().typ !== Item.RightDelim) {
      this.backup();
      pipe = this.pipeline(context, Item.RightDelim);
    }
    return { kind: 'template', pos: t.pos, line: t.line, name, pipe };
  }

  private templateName(t: Token, context: string): string {
    if (t.typ !== Item.String && t.typ !== Item.RawString) this.unexpected(t, context);
    const name = unquote(t.val);
    return name ?? this.errorf('%s', SYNTAX_ERROR);
  }

  /** operand (space operand)*, up to a pipe or the end of the action or parenthesis. */
  private command(): CommandNode {
    const cmd: CommandNode = { kind: 'command', pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand !== null) cmd.args.push(operand);
      const t = this.next();
      if (t.typ === Item.Space) continue;
      if (t.typ === Item.RightDelim || t.typ === Item.RightParen) this.backup();
      else if (t.typ !== Item.Pipe) this.unexpected(t, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  /** A term, possibly followed by `.Field` accesses. */
  private operand(): Node | null {
    const node = this.term();
    if (node === null || this.peek().typ !== Item.Field) return node;
    const pos = this.peek().pos;
    const fields: string[] = [];
    while (this.peek().typ === Item.Field) fields.push(this.next().val.slice(1));
    switch (node.kind) {
      case 'field':
        return { kind: 'field', pos, ident: [...node.ident, ...fields] };
      case 'variable':
        return { kind: 'variable', pos, ident: [...node.ident, ...fields] };
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        return this.errorf('unexpected . after term %q', nodeString(node));
    }
    return { kind: 'chain', pos, node, field: fields };
  }

  private term(): Node | null {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case Item.Identifier:
        if (!this.s.options.hasFunction(t.val)) this.errorf('function %q not defined', t.val);
        return { kind: 'identifier', pos: t.pos, ident: t.val };
      case Item.Dot:
        return { kind: 'dot', pos: t.pos };
      case Item.Nil:
        return { kind: 'nil', pos: t.pos };
      case Item.Variable:
        return this.useVar(t.pos, t.val);
      case Item.Field:
        return { kind: 'field', pos: t.pos, ident: t.val.slice(1).split('.') };
      case Item.Bool:
        return { kind: 'bool', pos: t.pos, value: t.val === 'true' };
      case Item.CharConstant:
      case Item.Complex:
      case Item.Number: {
        const kind = t.typ === Item.CharConstant ? 'char' : t.typ === Item.Complex ? 'complex' : 'number';
        const n = newNumber(t.pos, t.val, kind);
        return typeof n === 'string' ? this.errorf('%s', n) : n;
      }
      case Item.LeftParen: {
        this.enter();
        const pipe = this.pipeline('parenthesized pipeline', Item.RightParen);
        this.leave();
        return pipe;
      }
      case Item.String:
      case Item.RawString: {
        const text = unquote(t.val);
        if (text === undefined) this.errorf('%s', SYNTAX_ERROR);
        return { kind: 'string', pos: t.pos, quoted: t.val, text };
      }
    }
    this.backup();
    return null;
  }

  private useVar(pos: number, name: string): VariableNode {
    const v = variableNode(pos, name);
    if (!this.vars.includes(v.ident[0] as string)) this.errorf('undefined variable %q', v.ident[0] as string);
    return v;
  }
}

function variableNode(pos: number, name: string): VariableNode {
  return { kind: 'variable', pos, ident: name.split('.') };
}

/**
 * Parses `text` as the template `name` and the templates it defines. Throws a TemplateError
 * (`template: NAME:LINE: MSG`) on the first error.
 */
export function parseText(name: string, text: string, options: ParseOptions): Map<string, ParsedTemplate> {
  const lex = new Lexer(text, {
    breakOK: !options.hasFunction('break'),
    continueOK: !options.hasFunction('continue'),
  });
  const shared: Shared = { text, parseName: name, lex, treeSet: new Map(), options, depth: 0 };
  try {
    new Tree(name, shared).parseTop();
  } catch (e) {
    if (e instanceof RangeError && !(e instanceof TemplateError)) {
      throw parseError(name, 1, 'max expression depth exceeded', []);
    }
    throw e;
  }
  return shared.treeSet;
}
