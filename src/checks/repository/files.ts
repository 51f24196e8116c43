/**
 * Which YAML files the repository rules look at, and each file parsed once per run.
 * Repository rules read files Flux never syncs too (bootstrap, CI, docs), so the set is
 * "what is in Git": vendored and build directories and git-ignored files are left out.
 */
import type { Diagnostic } from '../../core/diagnostic.js';
import { DiagnosticError } from '../../core/diagnostic.js';
import type { JsonValue } from '../../core/json.js';
import { parsedManifests, type BuildCache } from '../../kustomize/context.js';
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

interface DirIgnore {
  /** Every .gitignore pattern in force inside the directory, outermost first. */
  patterns: IgnorePattern[];
  /** git does not look inside an ignored directory, so a later `!` cannot bring files back. */
  ignored: boolean;
}

const dirCache = new WeakMap<RepoTree, Map<string, DirIgnore>>();

/** The ignore state of directory `dir`, built once per directory from its parent's. */
function dirIgnore(tree: RepoTree, dir: string): DirIgnore {
  let perDir = dirCache.get(tree);
  if (!perDir) dirCache.set(tree, (perDir = new Map()));
  const known = perDir.get(dir);
  if (known) return known;
  let state: DirIgnore;
  if (dir === '') {
    state = { patterns: ownPatterns(tree, ''), ignored: false };
  } else {
    const slash = dir.lastIndexOf('/');
    const parent = dirIgnore(tree, slash < 0 ? '' : dir.slice(0, slash));
    const ignored = parent.ignored || isIgnored(parent.patterns, dir.split('/'), true);
    const own = ignored ? [] : ownPatterns(tree, dir);
    state = { patterns: own.length === 0 ? parent.patterns : [...parent.patterns, ...own], ignored };
  }
  perDir.set(dir, state);
  return state;
}

/** The patterns of `dir`'s own .gitignore, scoped to it. */
function ownPatterns(tree: RepoTree, dir: string): IgnorePattern[] {
  const file = joinPath(dir, '.gitignore');
  return tree.stat(file) === 'file'
    ? readPatterns(tree.readText(file), dir === '' ? [] : dir.split('/'))
    : [];
}

/** True when git would not track `path`: it or one of its directories is ignored. */
function gitIgnored(tree: RepoTree, path: string): boolean {
  const slash = path.lastIndexOf('/');
  const dir = dirIgnore(tree, slash < 0 ? '' : path.slice(0, slash));
  return dir.ignored || isIgnored(dir.patterns, path.split('/'), false);
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

function parseFile(tree: RepoTree, file: string, shared: BuildCache | undefined): ParsedFile | undefined {
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
  // A file the render parsed without error: its documents are these chunks, in order.
  const rendered = shared && parsedManifests(shared, tree, file);
  if (rendered && rendered.length === chunks.length) {
    chunks.forEach((chunk, i) => {
      const doc = rendered[i] as { value: JsonValue; line: number };
      documents.push({ value: doc.value, line: doc.line, chunk });
    });
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

/**
 * `file` parsed as kustomize reads manifests; undefined for templates and unreadable files.
 * Files the render already parsed (`ctx.parsed`) are not parsed again.
 */
export function parsedYaml(ctx: Pick<CheckContext, 'tree' | 'parsed'>, file: string): ParsedFile | undefined {
  let perTree = parseCache.get(ctx.tree);
  if (!perTree) parseCache.set(ctx.tree, (perTree = new Map()));
  if (!perTree.has(file)) perTree.set(file, parseFile(ctx.tree, file, ctx.parsed));
  return perTree.get(file);
}

/** The parse problems of one rule id over every repository YAML file. */
export function parseErrors(ctx: CheckContext, rule: string): Diagnostic[] {
  return repositoryYamlFiles(ctx).flatMap((file) =>
    (parsedYaml(ctx, file)?.errors ?? []).filter((d) => d.rule === rule),
  );
}
