/**
 * What a chart's templates read of `.Values`, found by walking their parse trees without
 * running them: every `.Values.a.b` chain (from `.`, `$`, any variable or `.ctx.Values`), with
 * `with`/`range` dots and `$x := .Values.a` variables followed, `index`/`get`/`dig`/`hasKey`
 * with constant keys, and the paths handed whole to a function (`toYaml`, `tpl`, `include`,
 * `range`…), whose contents the chart does not name: everything below them is free-form.
 */
import type { CommandNode, ListNode, Node, PipeNode } from '../../gotemplate/nodes.js';
import { parseText } from '../../gotemplate/parse.js';

/** A values path a template mentions; `free` when it is handed on whole. */
export interface ValuesRead {
  path: string[];
  free: boolean;
}

/** What an expression stands for: the template's root context, values paths (any of), or unknown. */
type Sym = { root: true } | { paths: string[][] } | undefined;

/** Functions that only test or print a value: its keys are not handed on. */
const LOOKS_ONLY = new Set([
  'not',
  'empty',
  'eq',
  'ne',
  'lt',
  'le',
  'gt',
  'ge',
  'and',
  'or',
  'len',
  'kindIs',
  'kindOf',
  'typeOf',
  'typeIs',
  'typeIsLike',
  'quote',
  'squote',
  'int',
  'int64',
  'float64',
  'atoi',
  'toString',
  'b64enc',
  'upper',
  'lower',
  'trim',
  'trunc',
  'trimSuffix',
  'trimPrefix',
  'contains',
  'hasPrefix',
  'hasSuffix',
  'printf',
  'print',
  'println',
  'semverCompare',
  'regexMatch',
  'replace',
  'indent',
  'nindent',
  'fail',
  'sha256sum',
  'title',
  'lookup',
]);
/** Functions that return one of their arguments: each path flows on. */
const PASSES_ON = new Set(['default', 'required', 'coalesce', 'ternary']);

const ROOT: Sym = { root: true };

interface Scope {
  dot: Sym;
  vars: Map<string, Sym>;
}

class Walker {
  readonly reads: ValuesRead[] = [];

  private note(s: Sym, free: boolean): void {
    if (s && 'paths' in s) for (const path of s.paths) this.reads.push({ path, free });
  }

  private chain(base: Sym, idents: readonly string[]): Sym {
    if (base && 'paths' in base) return { paths: base.paths.map((p) => [...p, ...idents]) };
    // From the root, a dict holding the root (`.ctx.Values`) or a value not followed.
    const i = idents.indexOf('Values');
    return i < 0 ? undefined : { paths: [idents.slice(i + 1)] };
  }

  private arg(n: Node, scope: Scope): Sym {
    let s: Sym;
    switch (n.kind) {
      case 'dot':
        return scope.dot;
      case 'field':
        s = this.chain(scope.dot, n.ident);
        break;
      case 'variable': {
        const [name = '$', ...rest] = n.ident;
        const base = name === '$' ? (scope.vars.get('$') ?? ROOT) : scope.vars.get(name);
        if (rest.length === 0) return base;
        s = this.chain(base, rest);
        break;
      }
      case 'chain':
        s = this.chain(this.arg(n.node, scope), n.field);
        break;
      case 'pipe':
        return this.pipe(n, scope);
      default:
        return undefined;
    }
    this.note(s, false);
    return s;
  }

  /** `index P "a" "b"`, `get P "a"`: the path extended by constant keys, else P is free-form. */
  private keyed(base: Sym, keys: readonly Node[]): Sym {
    if (!base || !('paths' in base)) return undefined;
    const names: string[] = [];
    for (const k of keys) {
      if (k.kind !== 'string') {
        this.note(base, true);
        return undefined;
      }
      names.push(k.text);
    }
    const s = { paths: base.paths.map((p) => [...p, ...names]) };
    this.note(s, false);
    return s;
  }

  private command(cmd: CommandNode, scope: Scope, piped: Sym, hasPiped: boolean): Sym {
    const [head, ...rest] = cmd.args;
    if (!head) return undefined;
    if (head.kind !== 'identifier') return rest.length === 0 && !hasPiped ? this.arg(head, scope) : undefined;
    const f = head.ident;
    const args = rest.map((a) => this.arg(a, scope));
    if (hasPiped) args.push(piped);
    if (f === 'index' && !hasPiped) return this.keyed(args[0], rest.slice(1));
    if (f === 'get' && !hasPiped) return this.keyed(args[0], rest.slice(1));
    if (f === 'hasKey' && !hasPiped) {
      this.keyed(args[0], rest.slice(1));
      return undefined;
    }
    if (f === 'dig' && hasPiped) return this.keyed(piped, rest.slice(0, -1));
    if (f === 'dig') return this.keyed(args[args.length - 1], rest.slice(0, -2));
    if (LOOKS_ONLY.has(f)) return undefined;
    if (PASSES_ON.has(f)) {
      const paths = args.flatMap((a) => (a && 'paths' in a ? a.paths : []));
      return paths.length > 0 ? { paths } : undefined;
    }
    for (const a of args) this.note(a, true);
    return undefined;
  }

  pipe(p: PipeNode, scope: Scope, bind = true): Sym {
    let s: Sym;
    p.cmds.forEach((c, i) => {
      s = this.command(c, scope, s, i > 0);
    });
    if (bind) for (const v of p.decl) if (v.ident[0]) scope.vars.set(v.ident[0], s);
    return s;
  }

  list(l: ListNode | null, scope: Scope): void {
    for (const n of l?.nodes ?? []) this.node(n, scope);
  }

  private node(n: Node, scope: Scope): void {
    switch (n.kind) {
      case 'action':
        this.pipe(n.pipe, scope);
        return;
      case 'if':
        this.pipe(n.pipe, scope);
        this.list(n.list, scope);
        this.list(n.elseList, scope);
        return;
      case 'with': {
        const s = this.pipe(n.pipe, scope);
        this.list(n.list, { dot: s, vars: scope.vars });
        this.list(n.elseList, scope);
        return;
      }
      case 'range': {
        // Ranged over: its keys (or items) are the user's own.
        this.note(this.pipe(n.pipe, scope, false), true);
        for (const v of n.pipe.decl) if (v.ident[0]) scope.vars.set(v.ident[0], undefined);
        this.list(n.list, { dot: undefined, vars: scope.vars });
        this.list(n.elseList, scope);
        return;
      }
      case 'template':
        if (n.pipe) this.note(this.pipe(n.pipe, scope), true);
        return;
      case 'list':
        this.list(n, scope);
        return;
      default:
        return;
    }
  }
}

const PARSE = {
  hasFunction: (f: string) => f !== 'break' && f !== 'continue',
  maxDepth: 10_000,
};

/**
 * The values reads of one template file and the templates it defines. A file that does not
 * parse reads nothing here: rendering reports it.
 */
export function templateReads(name: string, text: string): ValuesRead[] {
  let trees;
  try {
    trees = parseText(name, text, PARSE);
  } catch {
    return [];
  }
  const w = new Walker();
  for (const t of trees.values()) w.list(t.root, { dot: ROOT, vars: new Map<string, Sym>([['$', ROOT]]) });
  return w.reads;
}
