/**
 * Hostile inputs against the built CLI (`dist/cli/bin.js`, so run `npm run build` first):
 * each case is a small repository written by the test, and every command runs in a child
 * process under a time and memory budget the harness enforces (a kill after the timeout,
 * `--max-old-space-size`). Whatever the input, a command must end by itself with a
 * diagnostic, never a hang, a crash or an internal error.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { writeRepo, type Files } from '../fixtures/render/repo.js';
import { gitIn } from '../promote/git-fixture.js';
import { PROJECT_ROOT } from '../helpers/shared.js';

export const CLI = join(PROJECT_ROOT, 'dist', 'cli', 'bin.js');

export interface Budget {
  /** Wall-clock limit; the child is killed (SIGKILL) when it is reached. */
  timeoutMs: number;
  /** V8 heap limit of the child, `--max-old-space-size`, in MiB. */
  maxOldSpaceMb: number;
}

export const DEFAULT_BUDGET: Budget = { timeoutMs: 60_000, maxOldSpaceMb: 256 };

/** Output kept per stream; more is cut (a runaway output is itself a finding). */
const MAX_OUTPUT_BYTES = 4 * 1024 * 1024;

export interface CliRun {
  args: readonly string[];
  /** Exit code; null when the child was killed. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** V8 gave up: the heap budget was exhausted. */
  outOfMemory: boolean;
  outputCut: boolean;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  budget?: Partial<Budget>;
}

/** Fails with a clear message when the CLI has not been built. */
export function requireBuiltCli(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` before the hostile tests`);
}

/** Runs `k8s-ops <args>` in a child process under the budget. */
export function runCli(args: readonly string[], options: RunOptions): Promise<CliRun> {
  requireBuiltCli();
  const budget = { ...DEFAULT_BUDGET, ...options.budget };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${budget.maxOldSpaceMb}`, CLI, ...args], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outputCut = false;
    const keep = (into: Buffer[]) => {
      let size = 0;
      return (b: Buffer) => {
        if (size >= MAX_OUTPUT_BYTES) outputCut = true;
        else into.push(b);
        size += b.length;
      };
    };
    child.stdout.on('data', keep(out));
    child.stderr.on('data', keep(err));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, budget.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString('utf8');
      resolve({
        args,
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr,
        timedOut,
        outOfMemory: /heap out of memory|Allocation failed/i.test(stderr),
        outputCut,
      });
    });
  });
}

/** What a hostile case expects of one run. */
export interface Expectation {
  /** Allowed exit codes (default: 0, 1, 2 — anything the CLI means to return). */
  codes?: readonly number[];
  /** A file the diagnostics must name (repository-relative, as printed). */
  file?: string;
  /** A rule id the diagnostics must carry, e.g. `output-path`. */
  rule?: string;
}

/** The run ended by itself, within budget, as the CLI means to end, and said what is wrong. */
export function expectHandled(run: CliRun, want: Expectation = {}): void {
  const label = `k8s-ops ${run.args.join(' ')}\n${run.stderr.slice(0, 2000)}`;
  expect(run.timedOut, `${label}\n(timed out)`).toBe(false);
  expect(run.outOfMemory, `${label}\n(out of memory)`).toBe(false);
  expect(run.outputCut, `${label}\n(output over ${MAX_OUTPUT_BYTES} bytes)`).toBe(false);
  expect(run.stderr, label).not.toMatch(/internal error/);
  expect(run.stderr, label).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // a stack trace
  expect(want.codes ?? [0, 1, 2], label).toContain(run.code);
  if (want.file !== undefined) expect(run.stderr, label).toContain(`${want.file}:`);
  if (want.rule !== undefined) expect(run.stderr, label).toContain(`[${want.rule}]`);
}

/** A hostile repository: `files` written to a new directory and committed on `main`. */
export function hostileRepo(files: Files): { root: string; cleanup: () => void } {
  const repo = writeRepo(files);
  gitIn(repo.root, ['init', '--quiet', '-b', 'main']);
  gitIn(repo.root, ['add', '--all']);
  gitIn(repo.root, ['commit', '--quiet', '--allow-empty', '-m', 'hostile case']);
  return repo;
}

/**
 * Every command, as run against a repository at `root` with cluster `cluster`. Cases add
 * their own (e.g. `build --out-dir`) on top.
 */
export function everyCommand(root: string, cluster: string): string[][] {
  const r = ['--root', root];
  return [
    ['get', 'clusters', ...r],
    ['get', 'ks', ...r],
    ['get', 'hr', ...r],
    ['get', 'sources', ...r],
    ['build', ...r],
    ['build', cluster, '-o', 'json', ...r],
    ['tree', cluster, ...r],
    ['graph', cluster, ...r],
    ['graph', cluster, '--format', 'dot', ...r],
    ['check', ...r],
    ['check', '--format', 'sarif', ...r],
    ['diff', '--base', 'HEAD', ...r],
    ['promote', '--no-diff', ...r],
    ['kustomize', 'build', root, ...r],
  ];
}
