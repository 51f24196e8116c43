/**
 * Writes the output tree of `build --out-dir` as a whole: into a fresh folder beside the
 * target (same file system), then renamed into place, so an interrupted run leaves the
 * previous output or none, never a partial one. Only a folder that is empty, missing or a
 * previous output (it holds the marker file) is replaced; anything else is refused.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { DiagnosticError } from '../core/diagnostic.js';
import { isInside, OUTPUT_PATH_RULE, type OutputFile } from '../report/output-paths.js';
import { makeDirectory } from '../tree/make-dir.js';
import { formatSize, newOutputBudget, writeChunks, type OutputBudget } from './output-limit.js';

/** Marks a folder as written by `build --out-dir`: only such a folder is replaced. */
export const OUTPUT_MARKER = '.k8s-ops-build';
/** Prefixes of the folders a run works in beside the target. */
export const TEMP_PREFIX = '.k8s-ops-tmp-';
export const OLD_PREFIX = '.k8s-ops-old-';

const MARKER_TEXT = 'Written by k8s-ops build --out-dir. The next run replaces this folder as a whole.\n';

export interface OutDirResult {
  /** The folder written, symlinks of the target itself resolved. */
  dir: string;
  /** Work folders of earlier interrupted runs found beside it (not removed: say so). */
  leftovers: string[];
}

function refuse(outDir: string, message: string, hint: string): DiagnosticError {
  return new DiagnosticError({ rule: 'output', file: outDir, message, hint });
}

function errnoOf(e: unknown): string | undefined {
  return e instanceof Error ? (e as NodeJS.ErrnoException).code : undefined;
}

/** The absolute target folder, with a symlink at the target itself followed (never inside). */
function resolveTarget(outDir: string, cwd: string): string {
  let abs = resolve(cwd, outDir);
  if (dirname(abs) === abs) {
    throw refuse(outDir, '--out-dir cannot be the root folder', 'give --out-dir a folder of its own');
  }
  try {
    if (lstatSync(abs).isSymbolicLink()) abs = realpathSync(abs);
  } catch (e) {
    if (errnoOf(e) !== 'ENOENT') throw e;
    if (lstatSync(abs, { throwIfNoEntry: false })?.isSymbolicLink()) {
      throw refuse(
        outDir,
        '--out-dir is a symbolic link to nothing',
        'remove the link or point it at a folder',
      );
    }
  }
  const parent = dirname(abs);
  makeDirectory(parent);
  return join(realpathSync(parent), basename(abs));
}

type TargetState = 'absent' | 'empty' | 'previous';

function targetState(target: string, outDir: string): TargetState {
  const stat = lstatSync(target, { throwIfNoEntry: false });
  if (!stat) return 'absent';
  if (!stat.isDirectory()) {
    throw refuse(
      outDir,
      '--out-dir exists and is not a folder',
      'give --out-dir a folder, or a path that does not exist yet',
    );
  }
  const entries = readdirSync(target);
  if (entries.length === 0) return 'empty';
  if (lstatSync(join(target, OUTPUT_MARKER), { throwIfNoEntry: false })?.isFile()) return 'previous';
  throw refuse(
    outDir,
    `--out-dir is a folder with files that k8s-ops did not write (no ${OUTPUT_MARKER} in it); it is not replaced`,
    'give --out-dir a new or empty folder, or one an earlier build --out-dir wrote',
  );
}

const suffix = (): string => randomBytes(6).toString('hex');

/** A new folder beside the target with a recognisable name; mkdir fails if it exists. */
function workFolder(parent: string, prefix: string, base: string): string {
  const dir = join(parent, `${prefix}${base}-${suffix()}`);
  mkdirSync(dir);
  return dir;
}

/** The whole output stops at the budget: nothing is put in place then (see writeOutDir). */
function outputTooLarge(f: OutputFile, budget: OutputBudget): DiagnosticError {
  return new DiagnosticError({
    rule: 'limit-exceeded',
    ...(f.source
      ? { file: f.source.file, ...(f.source.line !== undefined ? { line: f.source.line } : {}) }
      : {}),
    message: `the output reached the limit of ${formatSize(budget.limit)} while writing ${f.segments.join('/')}; nothing was written to --out-dir`,
    hint: 'raise it with --max-output-size, or build fewer Kustomizations (--ks, a cluster name)',
  });
}

// A write may take less than it is given (a full disk says so only on the next call).
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
}

// Opened with 'wx': never through something already there (the folder is new, so nothing should be).
function writeFile(file: string, f: OutputFile, budget: OutputBudget): void {
  const fd = openSync(file, 'wx');
  try {
    const chunks = typeof f.content === 'string' ? [f.content] : f.content();
    if (!writeChunks(chunks, budget, (text) => writeAll(fd, text))) throw outputTooLarge(f, budget);
  } finally {
    closeSync(fd);
  }
}

function writeTree(root: string, files: readonly OutputFile[], budget: OutputBudget): void {
  const made = new Set<string>();
  for (const f of files) {
    const file = join(root, ...f.segments);
    // The segments are validated; this is the last line of defence against an escape.
    if (!isInside(root, file) || relative(root, file).split(sep).length !== 3) {
      throw new DiagnosticError({
        rule: OUTPUT_PATH_RULE,
        message: `output path ${JSON.stringify(f.segments.join('/'))} would leave --out-dir; nothing was written`,
      });
    }
    for (const dir of [join(root, f.segments[0]), dirname(file)]) {
      if (made.has(dir)) continue;
      mkdirSync(dir);
      made.add(dir);
    }
    writeFile(file, f, budget);
  }
  writeFileSync(join(root, OUTPUT_MARKER), MARKER_TEXT, { flag: 'wx' });
}

/** Puts `fresh` where `target` is, replacing a previous output as a whole. */
function swapIn(fresh: string, target: string, state: TargetState, parent: string, base: string): void {
  if (state !== 'previous') {
    renameSync(fresh, target); // rename replaces an empty folder, and fails on a non-empty one
    return;
  }
  const old = join(parent, `${OLD_PREFIX}${base}-${suffix()}`);
  renameSync(target, old);
  try {
    renameSync(fresh, target);
  } catch (e) {
    renameSync(old, target);
    throw e;
  }
  rmSync(old, { recursive: true, force: true });
}

function leftoversBeside(parent: string, base: string): string[] {
  const mine = [`${TEMP_PREFIX}${base}-`, `${OLD_PREFIX}${base}-`];
  return readdirSync(parent)
    .filter((n) => mine.some((p) => n.startsWith(p)))
    .sort()
    .map((n) => join(parent, n));
}

/**
 * Writes `files` as the whole content of `outDir` (relative to `cwd`), within `budget`
 * (default: the default output limit).
 */
export function writeOutDir(
  outDir: string,
  cwd: string,
  files: readonly OutputFile[],
  budget: OutputBudget = newOutputBudget(),
): OutDirResult {
  let fresh: string | undefined;
  try {
    const target = resolveTarget(outDir, cwd);
    const parent = dirname(target);
    const base = basename(target);
    const state = targetState(target, outDir);
    fresh = workFolder(parent, TEMP_PREFIX, base);
    writeTree(fresh, files, budget);
    swapIn(fresh, target, state, parent, base);
    fresh = undefined;
    return { dir: target, leftovers: leftoversBeside(parent, base) };
  } catch (e) {
    if (fresh !== undefined) rmSync(fresh, { recursive: true, force: true });
    if (e instanceof DiagnosticError) throw e;
    const code = errnoOf(e);
    if (code === undefined) throw e;
    throw refuse(
      outDir,
      `cannot write the output (${code}); the previous output, if any, is unchanged`,
      'give --out-dir a folder you can write to',
    );
  }
}
