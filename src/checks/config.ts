/**
 * The `checks` section of k8s-ops.yaml: rule severities and per-path ignores.
 * src/render/config.ts keeps the section opaque; it is read here, against the rule ids the
 * run knows, with the same rule ids and file:line diagnostics as the rest of the file.
 */
import type { Diagnostic, Severity } from '../core/diagnostic.js';
import { isJsonObject, type JsonValue } from '../core/json.js';
import { CONFIG_FILE, type RepoConfig } from '../render/config.js';
import type { RepoTree } from '../tree/repo-tree.js';
import { locateInDocument, parseYamlDocuments } from '../yaml/parse.js';

export type RuleSetting = Severity | 'off';
export const RULE_SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'off'];

export interface PathIgnore {
  /** Only this rule; every rule when absent. */
  rule?: string;
  /** Globs over repository-relative paths, as written. */
  paths: string[];
  matches(file: string): boolean;
}

/** Where `check` finds schemas, as k8s-ops.yaml says (command-line flags win). */
export interface SchemaSettings {
  /** Directory with kubernetes/swagger-v<version>.json and a kubeconform-layout crds/. */
  dir?: string;
  /** CRD schemas: a directory or an http(s) URL template in kubeconform's layout. */
  location?: string;
  /** Cache of a remote location. */
  cache?: string;
}

export interface ChecksSettings {
  rules: ReadonlyMap<string, RuleSetting>;
  ignore: readonly PathIgnore[];
  schemas: SchemaSettings;
}

export interface ChecksConfigResult {
  settings: ChecksSettings;
  diagnostics: Diagnostic[];
}

export const EMPTY_SETTINGS: ChecksSettings = { rules: new Map(), ignore: [], schemas: {} };

type Path = (string | number)[];

const SPECIAL = /[.+^${}()|[\]\\]/g;

/**
 * A glob over repository paths: `**` spans directories, `*` and `?` stay within one
 * segment, and a pattern naming a directory (`test/` or `test`) covers everything below it.
 */
export function globToRegExp(glob: string): RegExp {
  const pattern = glob.replace(/^\.\//, '').replace(/\/+$/, '');
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(SPECIAL, '\\$&');
  }
  return new RegExp(`^${out}(?:/.*)?$`);
}

/** Locates a `checks` path in k8s-ops.yaml; line 1 when the file cannot be read again. */
function locator(
  tree: RepoTree | undefined,
  file: string,
): (path: Path) => { line: number; column?: number } {
  let text: string | undefined;
  let docIndex = 0;
  try {
    text = tree?.readText(file);
    if (text !== undefined) {
      const docs = parseYamlDocuments(text, file, { kustomizeFoldedScalars: false });
      docIndex = docs.find((d) => d.value !== null)?.index ?? 0;
    }
  } catch {
    text = undefined;
  }
  return (path) => {
    for (let p = path; text !== undefined; p = p.slice(0, -1)) {
      const at = locateInDocument(text, docIndex, ['checks', ...p]);
      if (at) return at;
      if (p.length === 0) break;
    }
    return { line: 1 };
  };
}

function typeName(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;
}

function pathText(path: Path): string {
  return ['checks', ...path]
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
    .join('')
    .slice(1);
}

/** Edit distance, for "did you mean" hints on misspelt rule ids. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (cur[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

function suggest(id: string, known: readonly string[]): string | undefined {
  const best = known
    .map((k) => ({ k, d: distance(id, k) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(id.length / 4)))
    .sort((x, y) => x.d - y.d || (x.k < y.k ? -1 : 1))[0];
  return best ? `did you mean '${best.k}'?` : undefined;
}

/**
 * Reads `config.checks`. `knownRules` are the ids a rule can be configured by; an unknown id
 * is a warning, not an error, because render diagnostics (e.g. `kustomize-build`) can be
 * configured too and are not all listed. Invalid entries are dropped, the rest applies.
 */
export function parseChecksConfig(
  config: RepoConfig | undefined,
  tree: RepoTree | undefined,
  knownRules: readonly string[],
): ChecksConfigResult {
  const diagnostics: Diagnostic[] = [];
  if (!config || Object.keys(config.checks).length === 0) return { settings: EMPTY_SETTINGS, diagnostics };
  const file = config.file || CONFIG_FILE;
  const locate = locator(tree, file);
  const report = (path: Path, rule: string, message: string, hint?: string, severity: Severity = 'error') => {
    const at = locate(path);
    diagnostics.push({ severity, rule, message, file, ...at, ...(hint ? { hint } : {}) });
  };
  const checkRuleId = (id: string, path: Path) => {
    if (knownRules.includes(id)) return;
    const hint = suggest(id, knownRules) ?? 'see docs/rules.md for the rule ids';
    report(path, 'config-value', `unknown rule '${id}'`, hint, 'warning');
  };

  const rules = new Map<string, RuleSetting>();
  const ignore: PathIgnore[] = [];
  for (const key of Object.keys(config.checks)) {
    if (key !== 'rules' && key !== 'ignore' && key !== 'schemas') {
      report(
        [key],
        'config-unknown-key',
        `unknown key '${key}' in 'checks'`,
        'allowed keys: rules, ignore, schemas',
      );
    }
  }

  const rulesValue = config.checks.rules ?? null;
  if (rulesValue !== null && !isJsonObject(rulesValue)) {
    report(['rules'], 'config-type', `'checks.rules' must be a mapping, not ${typeName(rulesValue)}`);
  } else if (rulesValue !== null) {
    for (const [id, value] of Object.entries(rulesValue)) {
      if (typeof value !== 'string' || !RULE_SETTINGS.includes(value as RuleSetting)) {
        report(
          ['rules', id],
          'config-value',
          `'${pathText(['rules', id])}' must be one of ${RULE_SETTINGS.join(', ')}, not ${typeof value === 'string' ? `'${value}'` : typeName(value)}`,
        );
        continue;
      }
      checkRuleId(id, ['rules', id]);
      rules.set(id, value as RuleSetting);
    }
  }

  const ignoreValue = config.checks.ignore ?? null;
  if (ignoreValue !== null && !Array.isArray(ignoreValue)) {
    report(['ignore'], 'config-type', `'checks.ignore' must be a list, not ${typeName(ignoreValue)}`);
  } else if (ignoreValue !== null) {
    ignoreValue.forEach((item, i) => {
      const entry = readIgnore(item, ['ignore', i], report, checkRuleId);
      if (entry) ignore.push(entry);
    });
  }
  const schemas: SchemaSettings = {};
  const schemasValue = config.checks.schemas ?? null;
  if (schemasValue !== null && !isJsonObject(schemasValue)) {
    report(['schemas'], 'config-type', `'checks.schemas' must be a mapping, not ${typeName(schemasValue)}`);
  } else if (schemasValue !== null) {
    for (const [key, value] of Object.entries(schemasValue)) {
      if (key !== 'dir' && key !== 'location' && key !== 'cache') {
        report(
          ['schemas', key],
          'config-unknown-key',
          `unknown key '${key}' in 'checks.schemas'`,
          'allowed keys: dir, location, cache',
        );
      } else if (typeof value !== 'string' || value === '') {
        report(['schemas', key], 'config-type', `'checks.schemas.${key}' must be a non-empty string`);
      } else {
        schemas[key] = value;
      }
    }
  }
  return { settings: { rules, ignore, schemas }, diagnostics };
}

function readIgnore(
  item: JsonValue,
  at: Path,
  report: (path: Path, rule: string, message: string, hint?: string) => void,
  checkRuleId: (id: string, path: Path) => void,
): PathIgnore | undefined {
  if (!isJsonObject(item)) {
    report(at, 'config-type', `'${pathText(at)}' must be a mapping with paths, not ${typeName(item)}`);
    return undefined;
  }
  for (const key of Object.keys(item)) {
    if (key !== 'rule' && key !== 'paths') {
      report(
        [...at, key],
        'config-unknown-key',
        `unknown key '${key}' in '${pathText(at)}'`,
        'allowed keys: rule, paths',
      );
    }
  }
  const rule = item.rule ?? null;
  if (rule !== null && typeof rule !== 'string') {
    report(
      [...at, 'rule'],
      'config-type',
      `'${pathText([...at, 'rule'])}' must be a rule id, not ${typeName(rule)}`,
    );
    return undefined;
  }
  const paths = item.paths ?? null;
  if (!Array.isArray(paths) || paths.length === 0 || !paths.every((p) => typeof p === 'string' && p !== '')) {
    report(
      [...at, 'paths'],
      paths === null ? 'config-required' : 'config-type',
      `'${pathText([...at, 'paths'])}' must be a non-empty list of path globs`,
      "write it like paths: ['test/**', 'clusters/*/talos/']",
    );
    return undefined;
  }
  if (rule !== null) checkRuleId(rule, [...at, 'rule']);
  const globs = paths as string[];
  const regexps = globs.map(globToRegExp);
  return {
    ...(rule !== null ? { rule } : {}),
    paths: globs,
    matches: (file) => regexps.some((r) => r.test(file)),
  };
}
