/**
 * A set of Go templates sharing one namespace, as text/template's associated templates: every
 * parsed text adds its top-level template and the templates it defines, and a later
 * definition of a name replaces an earlier one unless it is empty (Go's AddParseTree rule, so
 * helm's deepest-first parse order lets the parent chart's `define` win). Parse once, execute
 * many times; `clone` shares the parsed trees.
 */
import { TemplateError } from './errors.js';
import { builtinFuncs } from './builtins.js';
import type { ExecContext, FuncEntry, MissingKey } from './eval.js';
import { executeTree } from './exec.js';
import { goCanonicalString } from './go-utf8.js';
import { isEmptyTree } from './nodes.js';
import { parseText, type ParsedTemplate } from './parse.js';
import { DEFAULT_LIMITS, limitError, withRun, type TemplateLimits } from './run.js';
import { quote } from './go-quote.js';
import type { FuncMap, GoValue } from './value.js';

export { TemplateError } from './errors.js';
export type { TemplateLimit } from './errors.js';
export type { TemplateLimits } from './run.js';

export interface TemplateOptions {
  /** Go's `missingkey` option: helm uses `zero`, or `error` with `--strict`. Default: `default`. */
  missingKey?: MissingKey;
  limits?: TemplateLimits;
  /**
   * The name of the set's root template, which Go's "no template … associated with template"
   * error names (helm's root is `gotpl`).
   */
  rootName?: string;
}

// Past this many layers a clone flattens the trees (and function table) it inherits into one
// map, so that a lookup (every `include`) stays cheap however deeply `tpl` calls nest.
const MAX_LAYERS = 8;

/** A function table: the set's own entries over those of the set it was cloned from. */
class FuncTable {
  readonly depth: number;

  constructor(
    private readonly own: ReadonlyMap<string, FuncEntry>,
    private readonly base?: FuncTable,
  ) {
    this.depth = base ? base.depth + 1 : 1;
  }

  get(name: string): FuncEntry | undefined {
    return this.own.get(name) ?? this.base?.get(name);
  }

  has(name: string): boolean {
    return this.own.has(name) || (this.base?.has(name) ?? false);
  }

  /** Every entry in one map, nearer layers winning. */
  flatten(into = new Map<string, FuncEntry>()): Map<string, FuncEntry> {
    this.base?.flatten(into);
    for (const [name, entry] of this.own) into.set(name, entry);
    return into;
  }
}

/** The builtins, then `funcs` over them; a clone layers `funcs` over its parent's table. */
function funcTable(funcs: FuncMap, base?: FuncTable): FuncTable {
  const flat = base !== undefined && base.depth >= MAX_LAYERS;
  const own = flat ? base.flatten() : new Map<string, FuncEntry>();
  if (!base) for (const [name, fn] of Object.entries(builtinFuncs)) own.set(name, { fn, builtin: true });
  for (const [name, fn] of Object.entries(funcs)) own.set(name, { fn, builtin: false });
  return new FuncTable(own, flat ? undefined : base);
}

export class Templates {
  private readonly table: FuncTable;
  /** Templates parsed into this set; cloned sets see their parent's through `inherited`. */
  private own = new Map<string, ParsedTemplate>();
  /** The maps of the sets this one was cloned from, nearest first; never written to. */
  private readonly inherited: readonly ReadonlyMap<string, ParsedTemplate>[];
  /** A clone reads `own`: the next parse writes to a copy (Go's Clone copies the set). */
  private shared = false;
  private readonly missingKey: MissingKey;
  private readonly limits: Required<TemplateLimits>;
  private readonly rootName: string;
  private readonly context: ExecContext;

  constructor(
    funcs: FuncMap,
    private readonly options: TemplateOptions = {},
    parent?: Templates,
  ) {
    this.table = funcTable(funcs, parent?.table);
    this.inherited = parent ? parent.layers() : [];
    this.missingKey = options.missingKey ?? 'default';
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.rootName = options.rootName ?? 'gotpl';
    this.context = { funcs: this.table, missingKey: this.missingKey, lookup: (name) => this.lookup(name) };
  }

  /** This set's trees as a clone inherits them, marking `own` as shared. */
  private layers(): readonly ReadonlyMap<string, ParsedTemplate>[] {
    this.shared = true;
    const all = this.own.size > 0 ? [this.own, ...this.inherited] : this.inherited;
    if (all.length <= MAX_LAYERS) return all;
    const flat = new Map<string, ParsedTemplate>();
    for (let i = all.length - 1; i >= 0; i--) for (const [n, t] of all[i]!) flat.set(n, t);
    return [flat];
  }

  private lookup(name: string): ParsedTemplate | undefined {
    const t = this.own.get(name);
    if (t !== undefined) return t;
    for (const layer of this.inherited) {
      const found = layer.get(name);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /**
   * Parses `text` as the template `name` plus the templates it defines. On error nothing is
   * added and a TemplateError (`template: NAME:LINE: MSG`) is thrown.
   */
  parse(name: string, text: string): void {
    const parsed = parseText(name, text, {
      hasFunction: (f) => this.table.has(f),
      maxDepth: this.limits.maxNesting,
    });
    if (this.shared) {
      this.own = new Map(this.own);
      this.shared = false;
    }
    for (const [n, tree] of parsed) {
      // An empty definition does not replace an existing template.
      if (this.has(n) && isEmptyTree(tree.root)) continue;
      this.own.set(n, tree);
    }
  }

  /** Executes the template `name` on `data` and returns its output. */
  execute(name: string, data: GoValue): string {
    const tmpl = this.lookup(name);
    if (tmpl === undefined) {
      const message = `template: no template ${quote(name)} associated with template ${quote(this.rootName)}`;
      throw new TemplateError(message, 'exec', name, 0, 0);
    }
    return withRun(this.limits, (run) => {
      const outermost = run.depth === 0 && run.steps === 0;
      const depth = run.depth;
      if (run.depth >= run.limits.maxTemplateDepth) {
        throw limitError(
          `template: ${name}: exceeded maximum template depth (${run.limits.maxTemplateDepth})`,
          name,
          'depth',
        );
      }
      run.depth++;
      try {
        // Raw bytes printed side by side may form UTF-8 again, as Go's output would show them.
        return goCanonicalString(executeTree(this.context, run, tmpl, name, data));
      } catch (e) {
        if (outermost && e instanceof RangeError && e.message.includes('call stack')) {
          throw limitError(
            `template: ${name}: exceeded maximum template depth (the templates nest too deeply)`,
            name,
            'depth',
          );
        }
        throw e;
      } finally {
        run.depth = depth;
      }
    });
  }

  /**
   * A copy sharing the parsed templates; `funcs` adds to or replaces the function map. `tpl`
   * clones on every call, so nothing is copied: the copy looks through to this set's trees
   * and function table, and whichever of the two parses next writes to a map of its own.
   */
  clone(funcs?: FuncMap): Templates {
    return new Templates(funcs ?? {}, this.options, this);
  }

  has(name: string): boolean {
    return this.lookup(name) !== undefined;
  }

  /** The names of all templates, sorted. */
  names(): string[] {
    const names = new Set(this.own.keys());
    for (const layer of this.inherited) for (const n of layer.keys()) names.add(n);
    return [...names].sort();
  }
}
