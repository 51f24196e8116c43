/**
 * Which YAML files the repository rules look at, and each file parsed once per run.
 * Repository rules read files Flux never syncs too (bootstrap, CI, docs), so the set is
 * "what is in Git": vendored and build directories and git-ignored files are left out.
 */
import type { Diagnostic } from '../../core/diagnostic.js';
import { DiagnosticError } from '../../core/diagnostic.js';
import type { JsonValue } from '../../core/json.js';
import { isIgnored, readPatterns, type IgnorePattern } from '../../tree/gitignore.js';
import { joinPath } from '../../tree/paths.js';
import type { RepoTree } from '../../tree/repo-tree.js';
import { splitDocuments, type DocumentChunk } from '../../yaml/documents.js';
import { parseYamlDocuments } from '../../yaml/parse.js';
import type { CheckContext } from '../rule.js';

const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist']);

/** Parse problems worth reporting for any YAML file, not only for what kustomize builds. */
const PARSE_RULES: Readonly<Record<string, string>> = {
  'yaml-syntax': 'yaml-syntax',
  'yaml-merge': 'yaml-syntax',
  'yaml-alias-limit': 'yaml-syntax',
  'yaml-duplicate-key': 'yaml-duplicate-key',
};

export interface ParsedDocument {
  value: JsonValue;
  /** 1-based line where the document's content starts. */
  line: number;
  chunk: DocumentChunk;
}

export interface ParsedFile {
  text: string;
  /** Documents that parsed; a document with an error is left out. */
  documents: ParsedDocument[];
  /** Parse problems, rules `yaml-syntax` and `yaml-duplicate-key`. */
  errors: Diagnostic[];
}

/** Files a Helm or helmfile template engine reads: not YAML until rendered. */
export function isTemplateFile(path: string, text: string): boolean {
  if (/\.(gotmpl|tpl)$/.test(path)) return true;
  return path.split('/').slice(0, -1).includes('templates') && text.includes('{{');
}

const ignoreCache = new WeakMap<RepoTree, Map<string, IgnorePattern[]>>();

/** The patterns of `dir`'s own .gitignore, scoped to it. */
function gitignoreOf(tree: RepoTree, dir: string): IgnorePattern[] {
  let perDir = ignoreCache.get(tree);
  if (!perDir) ignoreCache.set(tree, (perDir = new Map()));
  let patterns = perDir.get(dir);
  if (!patterns) {
    const file = joinPath(dir, '.gitignore');
    patterns =
      tree.stat(file) === 'file' ? readPatterns(tree.readText(file), dir === '' ? [] : dir.split('/')) : [];
    perDir.set(dir, patterns);
  }
  return patterns;
}

/** True when git would not track `path`: it or one of its directories is ignored. */
function gitIgnored(tree: RepoTree, path: string): boolean {
  const segments = path.split('/');
  const patterns: IgnorePattern[] = [];
  for (let i = 0; i < segments.length; i++) {
    patterns.push(...gitignoreOf(tree, segments.slice(0, i).join('/')));
    // git does not look inside an ignored directory, so a later `!` cannot bring files back
    if (isIgnored(patterns, segments.slice(0, i + 1), i < segments.length - 1)) return true;
  }
  return false;
}

/** The context's YAML files minus vendored/build directories and git-ignored files. */
export function repositoryYamlFiles(ctx: CheckContext): string[] {
  // Every repository rule asks; the answer depends only on the context.
  let files = filesCache.get(ctx);
  if (!files) {
    files = ctx.yamlFiles.filter(
      (f) => !f.split('/').some((seg) => SKIPPED_DIRS.has(seg)) && !gitIgnored(ctx.tree, f),
    );
    filesCache.set(ctx, files);
  }
  return files;
}

const filesCache = new WeakMap<CheckContext, string[]>();

const parseCache = new WeakMap<RepoTree, Map<string, ParsedFile | undefined>>();

function parseFile(tree: RepoTree, file: string): ParsedFile | undefined {
  let text: string;
  try {
    text = tree.readText(file);
  } catch {
    return undefined;
  }
  if (isTemplateFile(file, text)) return undefined;
  const documents: ParsedDocument[] = [];
  const errors: Diagnostic[] = [];
  const report = (e: unknown, offset: number): void => {
    if (!(e instanceof DiagnosticError)) throw e;
    const rule = PARSE_RULES[e.diagnostic.rule];
    if (rule === undefined) return;
    const d = e.diagnostic;
    errors.push({
      ...d,
      rule,
      severity: 'error',
      file,
      line: d.line === undefined ? undefined : d.line + offset,
      message: d.message.replace(/at line (\d+)/, (_, n: string) => `at line ${Number(n) + offset}`),
    });
  };
  let chunks: DocumentChunk[];
  try {
    chunks = splitDocuments(text, file);
  } catch (e) {
    report(e, 0);
    return { text, documents, errors };
  }
  // One document at a time, so an error in one does not hide the others.
  for (const chunk of chunks) {
    try {
      const [doc] = parseYamlDocuments(chunk.text, file);
      if (doc) documents.push({ value: doc.value, line: chunk.firstLine + doc.line, chunk });
    } catch (e) {
      report(e, chunk.firstLine);
    }
  }
  return { text, documents, errors };
}

/** `file` parsed as kustomize reads manifests; undefined for templates and unreadable files. */
export function parsedYaml(tree: RepoTree, file: string): ParsedFile | undefined {
  let perTree = parseCache.get(tree);
  if (!perTree) parseCache.set(tree, (perTree = new Map()));
  if (!perTree.has(file)) perTree.set(file, parseFile(tree, file));
  return perTree.get(file);
}

/** The parse problems of one rule id over every repository YAML file. */
export function parseErrors(ctx: CheckContext, rule: string): Diagnostic[] {
  return repositoryYamlFiles(ctx).flatMap((file) =>
    (parsedYaml(ctx.tree, file)?.errors ?? []).filter((d) => d.rule === rule),
  );
}
