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

/** The builtins, then `funcs` over them; a clone starts from its parent's table instead. */
function funcTable(funcs: FuncMap, base?: ReadonlyMap<string, FuncEntry>): Map<string, FuncEntry> {
  const table = new Map<string, FuncEntry>(base);
  if (!base) for (const [name, fn] of Object.entries(builtinFuncs)) table.set(name, { fn, builtin: true });
  for (const [name, fn] of Object.entries(funcs)) table.set(name, { fn, builtin: false });
  return table;
}

export class Templates {
  private readonly table: Map<string, FuncEntry>;
  private readonly trees: Map<string, ParsedTemplate>;
  private readonly missingKey: MissingKey;
  private readonly limits: Required<TemplateLimits>;
  private readonly rootName: string;
  private readonly context: ExecContext;

  constructor(
    funcs: FuncMap,
    private readonly options: TemplateOptions = {},
    trees?: ReadonlyMap<string, ParsedTemplate>,
    baseTable?: ReadonlyMap<string, FuncEntry>,
  ) {
    this.table = funcTable(funcs, baseTable);
    this.trees = new Map(trees);
    this.missingKey = options.missingKey ?? 'default';
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.rootName = options.rootName ?? 'gotpl';
    this.context = { funcs: this.table, missingKey: this.missingKey, lookup: (name) => this.trees.get(name) };
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
    for (const [n, tree] of parsed) {
      // An empty definition does not replace an existing template.
      if (this.trees.has(n) && isEmptyTree(tree.root)) continue;
      this.trees.set(n, tree);
    }
  }

  /** Executes the template `name` on `data` and returns its output. */
  execute(name: string, data: GoValue): string {
    const tmpl = this.trees.get(name);
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

  /** A copy sharing the parsed templates; `funcs` adds to or replaces the function map. */
  clone(funcs?: FuncMap): Templates {
    // `tpl` clones on every call: start from this table rather than rebuilding it from the maps.
    return new Templates(funcs ?? {}, this.options, this.trees, this.table);
  }

  has(name: string): boolean {
    return this.trees.has(name);
  }

  /** The names of all templates, sorted. */
  names(): string[] {
    return [...this.trees.keys()].sort();
  }
}
