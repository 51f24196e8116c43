/**
 * Small git queries over a GitRunner: the facts promotion and revision reading decide on.
 * Each takes a runner or a repository directory.
 */
import { DiagnosticError } from '../core/diagnostic.js';
import { asRunner, gitFailure, gitOk, gitText, type GitRunner } from './git-runner.js';

export interface CommitInfo {
  id: string;
  /** Committer time, seconds since the epoch: when the commit landed on its branch. */
  time: number;
  subject: string;
}

function checkRev(rev: string): void {
  // git would read a leading dash as an option.
  if (rev === '' || rev.startsWith('-')) {
    throw new DiagnosticError({ rule: 'git-revision', message: `unknown revision '${rev}'` });
  }
}

/** The commit id `rev` names, or undefined when it names no commit. */
export async function revParse(repo: GitRunner | string, rev: string): Promise<string | undefined> {
  checkRev(rev);
  const git = asRunner(repo);
  const args = ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`];
  const out = await git.run(args);
  if (out.code === 0) return gitText(out).trim();
  if (out.stderr.trim() !== '') throw gitFailure(git, args, out);
  return undefined;
}

/** Like revParse, but an unknown revision is a DiagnosticError. */
export async function resolveCommit(repo: GitRunner | string, rev: string): Promise<string> {
  const id = await revParse(repo, rev);
  if (id === undefined) {
    throw new DiagnosticError({
      rule: 'git-revision',
      message: `unknown revision '${rev}'`,
      hint: 'name a branch, tag or commit of this repository (git fetch first for remote branches)',
    });
  }
  return id;
}

/** Whether `ancestor` is reachable from `descendant` (a commit is its own ancestor). */
export async function isAncestor(
  repo: GitRunner | string,
  ancestor: string,
  descendant: string,
): Promise<boolean> {
  checkRev(ancestor);
  checkRev(descendant);
  const git = asRunner(repo);
  const args = ['merge-base', '--is-ancestor', ancestor, descendant];
  const out = await git.run(args);
  if (out.code === 0) return true;
  if (out.code === 1) return false;
  throw gitFailure(git, args, out);
}

/** The best common ancestor of two commits, or undefined when their histories are unrelated. */
export async function mergeBase(repo: GitRunner | string, a: string, b: string): Promise<string | undefined> {
  checkRev(a);
  checkRev(b);
  const git = asRunner(repo);
  const args = ['merge-base', a, b];
  const out = await git.run(args);
  if (out.code === 0) return gitText(out).trim();
  if (out.code === 1 && out.stderr.trim() === '') return undefined;
  throw gitFailure(git, args, out);
}

/** Committer time of a commit, seconds since the epoch. */
export async function commitTime(repo: GitRunner | string, rev: string): Promise<number> {
  checkRev(rev);
  return Number(
    (await gitOk(asRunner(repo), ['show', '-s', '--format=%ct', `${rev}^{commit}`, '--'])).trim(),
  );
}

export interface LogOptions {
  /** Follow only first parents: the commits as they landed on the branch. */
  firstParent?: boolean;
  /** Only commits that are descendants of the range's excluded end. */
  ancestryPath?: boolean;
}

/** Commits of a revision range such as `a..b` (or one revision), newest first. */
export async function log(
  repo: GitRunner | string,
  range: string,
  options: LogOptions = {},
): Promise<CommitInfo[]> {
  checkRev(range);
  const args = [
    'log',
    '-z',
    '--format=%H%x1f%ct%x1f%s',
    ...(options.firstParent ? ['--first-parent'] : []),
    ...(options.ancestryPath ? ['--ancestry-path'] : []),
    range,
    '--',
  ];
  const text = await gitOk(asRunner(repo), args);
  return text
    .split('\0')
    .filter((r) => r !== '')
    .map((r) => {
      const [id = '', time = '0', subject = ''] = r.replace(/^\n/, '').split('\x1f');
      return { id, time: Number(time), subject };
    });
}

/** Ids of the commits of a range, e.g. `git rev-list --ancestry-path a..b`. */
export async function revList(
  repo: GitRunner | string,
  range: string,
  options: LogOptions = {},
): Promise<string[]> {
  return (await log(repo, range, options)).map((c) => c.id);
}

/** Names of the configured remotes. */
export async function remotes(repo: GitRunner | string): Promise<string[]> {
  const text = await gitOk(asRunner(repo), ['remote']);
  return text.split('\n').filter((l) => l !== '');
}

/** The repository's main branch: what origin/HEAD points at, else `main`, else `master`. */
export async function defaultBranch(repo: GitRunner | string): Promise<string | undefined> {
  const git = asRunner(repo);
  const head = await git.run(['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD']);
  if (head.code === 0)
    return gitText(head)
      .trim()
      .replace(/^refs\/remotes\/origin\//, '');
  if (head.code !== 1) throw gitFailure(git, ['symbolic-ref'], head);
  for (const name of ['main', 'master']) {
    if ((await revParse(git, `refs/heads/${name}`)) !== undefined) return name;
    if ((await revParse(git, `refs/remotes/origin/${name}`)) !== undefined) return name;
  }
  return undefined;
}
