/**
 * Runs the rules over a rendered repository and turns their findings, with the render's own
 * diagnostics, into the final list: configured severities, path ignores, inline
 * `# k8s-ops:ignore RULE reason` comments, duplicates removed, sorted by place.
 */
import { DiagnosticError, type Diagnostic } from '../core/diagnostic.js';
import type { BuildCache } from '../kustomize/context.js';
import type { RepoConfig } from '../render/config.js';
import { scanTree } from '../render/discover/scan.js';
import type { ClusterModel } from '../render/model.js';
import type { RepoTree } from '../tree/repo-tree.js';
import { parseChecksConfig, type ChecksSettings } from './config.js';
import type { CheckContext, Rule } from './rule.js';

export interface RunChecksOptions {
  rules: readonly Rule[];
  /** Diagnostics of the render itself: configuration, discovery and every cluster model. */
  renderDiagnostics?: readonly Diagnostic[];
  /** Extra ids that may be configured besides the rules' own (e.g. ids a rule reports under). */
  knownRuleIds?: readonly string[];
}

/** The target Kubernetes version when neither the command line nor k8s-ops.yaml gives one. */
export const DEFAULT_KUBERNETES_VERSION = '1.35';

/** What the rules see of a rendered repository. */
export function checkContext(
  tree: RepoTree,
  render: { config?: RepoConfig; models: readonly ClusterModel[]; cache?: BuildCache },
  kubernetesVersion: string,
): CheckContext {
  const yamlFiles = scanTree(tree).files.filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'));
  return {
    tree,
    yamlFiles,
    models: render.models,
    config: render.config,
    kubernetesVersion,
    ...(render.cache ? { parsed: render.cache } : {}),
  };
}

/** Reported when an inline ignore gives no reason. */
export const IGNORE_REASON_RULE = 'ignore-reason-missing';
/** Reported when a rule throws instead of returning diagnostics: a bug, but not a crash. */
export const RULE_FAILED = 'rule-failed';

/**
 * Render ids that name the same finding as a check rule. The render reports some problems
 * on its way (it has to, to simulate Flux); a rule may report them again, and mapping them
 * to one id lets configuration and dedupe treat both as one.
 */
export const RENDER_RULE_IDS: Readonly<Record<string, string>> = {
  'flux-dependency-missing': 'dependson-missing',
};

const IGNORE = /#\s*k8s-ops:ignore\b(.*)$/;

interface InlineIgnore {
  rules: string[];
  reason: string;
  line: number;
  column: number;
}

/** The `# k8s-ops:ignore` comment of one line, if any. */
export function parseIgnoreComment(text: string, line: number): InlineIgnore | undefined {
  const m = IGNORE.exec(text);
  if (!m) return undefined;
  const [ids = '', ...reason] = (m[1] ?? '').trim().split(/\s+/);
  return {
    rules: ids.split(',').filter((s) => s !== ''),
    reason: reason.join(' '),
    line,
    column: (m.index ?? 0) + 1,
  };
}

/** The ignore comments that apply to `line`: on the line itself, or comment lines right above it. */
function ignoresFor(lines: readonly string[], line: number): InlineIgnore[] {
  const out: InlineIgnore[] = [];
  const own = lines[line - 1];
  const here = own === undefined ? undefined : parseIgnoreComment(own, line);
  if (here) out.push(here);
  for (let n = line - 1; n >= 1; n--) {
    const text = lines[n - 1] ?? '';
    if (!/^\s*#/.test(text)) break;
    const above = parseIgnoreComment(text, n);
    if (above) out.push(above);
  }
  return out;
}

function runRule(rule: Rule, ctx: CheckContext): Diagnostic[] {
  try {
    return rule.check(ctx).map((d) => ({ ...d, rule: d.rule || rule.id }));
  } catch (e) {
    if (e instanceof DiagnosticError) return [{ ...e.diagnostic, rule: e.diagnostic.rule || rule.id }];
    const why = e instanceof Error ? e.message : String(e);
    return [
      {
        severity: 'error',
        rule: RULE_FAILED,
        message: `rule '${rule.id}' failed: ${why}`,
        hint: 'this is a bug in k8s-ops; turn the rule off in k8s-ops.yaml (checks.rules) meanwhile',
      },
    ];
  }
}

function compare(a: string | number | undefined, b: string | number | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

/** Repository-level diagnostics (no file) first, then by file, line, column, rule, message. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compare(a.file || undefined, b.file || undefined) ||
    compare(a.line, b.line) ||
    compare(a.column, b.column) ||
    compare(a.rule, b.rule) ||
    compare(a.message, b.message) ||
    compare(a.severity, b.severity)
  );
}

function key(d: Diagnostic): string {
  return JSON.stringify([d.file || '', d.line ?? 0, d.column ?? 0, d.rule, d.severity, d.message]);
}

/** Applies severities, path and inline ignores; `lines` reads a file's lines (undefined when unreadable). */
function applySettings(
  found: readonly Diagnostic[],
  settings: ChecksSettings,
  lines: (file: string) => readonly string[] | undefined,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const reasonless = new Map<string, Diagnostic>();
  for (const d of found) {
    const setting = settings.rules.get(d.rule);
    if (setting === 'off') continue;
    const file = d.file || undefined;
    if (file && settings.ignore.some((i) => (i.rule === undefined || i.rule === d.rule) && i.matches(file))) {
      continue;
    }
    const text = file && d.line ? lines(file) : undefined;
    const inline =
      text && d.line ? ignoresFor(text, d.line).find((i) => i.rules.includes(d.rule)) : undefined;
    if (inline && file) {
      if (inline.reason === '') {
        const warning: Diagnostic = {
          severity: 'warning',
          rule: IGNORE_REASON_RULE,
          message: `k8s-ops:ignore ${inline.rules.join(',')} gives no reason`,
          file,
          line: inline.line,
          column: inline.column,
          hint: `say why: # k8s-ops:ignore ${inline.rules.join(',')} <reason>`,
        };
        reasonless.set(key(warning), warning);
      }
      continue;
    }
    out.push(setting && setting !== d.severity ? { ...d, severity: setting } : d);
  }
  // The reason warning is itself configurable, but not ignorable inline (it would hide itself).
  const reasonSetting = settings.rules.get(IGNORE_REASON_RULE);
  if (reasonSetting !== 'off') {
    for (const w of reasonless.values()) {
      const file = w.file as string;
      const ignored = settings.ignore.some(
        (i) => (i.rule === undefined || i.rule === IGNORE_REASON_RULE) && i.matches(file),
      );
      if (!ignored) out.push(reasonSetting ? { ...w, severity: reasonSetting } : w);
    }
  }
  return out;
}

/**
 * Every diagnostic of a check run: the rules' findings plus the render's diagnostics, with
 * k8s-ops.yaml `checks` applied. Pure apart from reading source files through `ctx.tree`.
 */
export function runChecks(ctx: CheckContext, options: RunChecksOptions): Diagnostic[] {
  const known = [
    ...new Set([
      ...options.rules.map((r) => r.id),
      ...(options.knownRuleIds ?? []),
      IGNORE_REASON_RULE,
      ...Object.values(RENDER_RULE_IDS),
    ]),
  ].sort();
  const config = parseChecksConfig(ctx.config, ctx.tree, known);
  const found: Diagnostic[] = [
    ...config.diagnostics,
    ...(options.renderDiagnostics ?? []).map((d) => {
      const id = RENDER_RULE_IDS[d.rule];
      return id ? { ...d, rule: id } : d;
    }),
    ...options.rules.flatMap((rule) => runRule(rule, ctx)),
  ];

  const cache = new Map<string, readonly string[] | undefined>();
  const lines = (file: string): readonly string[] | undefined => {
    if (!cache.has(file)) {
      let text: readonly string[] | undefined;
      try {
        text = ctx.tree.stat(file) === 'file' ? ctx.tree.readText(file).split(/\r?\n/) : undefined;
      } catch {
        text = undefined;
      }
      cache.set(file, text);
    }
    return cache.get(file);
  };

  const unique = new Map<string, Diagnostic>();
  for (const d of applySettings(found, config.settings, lines)) {
    if (!unique.has(key(d))) unique.set(key(d), d);
  }
  return [...unique.values()].sort(compareDiagnostics);
}
