/**
 * Real git repositories in temporary directories, with controlled commit dates: the
 * fixtures of the git-tree and promotion tests.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const HOUR = 3600;

export interface TestRepo {
  dir: string;
  git(...args: string[]): string;
  /** Writes `files` (a `null` value deletes, `{ link }` makes a symlink) and commits them `ageSeconds` ago. */
  commit(
    message: string,
    files: Record<string, string | null | { link: string }>,
    ageSeconds?: number,
  ): string;
  /** The commit id a ref points at. */
  id(ref: string): string;
  /** Records, as the promotion does, that `id` arrived on `branch` `ageSeconds` ago. */
  arrive(id: string, branch: string, ageSeconds: number): void;
}

/** The notes ref that records arrivals on a branch (src/promote/arrival.ts). */
export const ARRIVAL_REF = 'refs/notes/k8s-ops-arrival';

const baseEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
});

export function gitIn(dir: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): string {
  return execFileSync('git', ['-C', dir, ...args], {
    env: { ...baseEnv(), ...extraEnv },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

/** A fresh temporary directory; remove it with `removeDir`. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `k8s-ops-${prefix}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function bareRepo(dir: string): string {
  execFileSync('git', ['init', '--quiet', '--bare', '-b', 'main', dir], { env: baseEnv() });
  return dir;
}

export function testRepo(dir: string): TestRepo {
  execFileSync('git', ['init', '--quiet', '-b', 'main', dir], { env: baseEnv() });
  const git = (...args: string[]) => gitIn(dir, args);
  return {
    dir,
    git,
    commit(message, files, ageSeconds = 0) {
      for (const [path, content] of Object.entries(files)) {
        const abs = join(dir, path);
        rmSync(abs, { force: true });
        if (content === null) continue;
        mkdirSync(dirname(abs), { recursive: true });
        if (typeof content === 'string') writeFileSync(abs, content);
        else symlinkSync(content.link, abs);
      }
      git('add', '--all');
      const date = `@${Math.floor(Date.now() / 1000) - ageSeconds} +0000`;
      gitIn(dir, ['commit', '--quiet', '--allow-empty', '-m', message], {
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      });
      return git('rev-parse', 'HEAD');
    },
    id: (ref) => git('rev-parse', '--verify', `${ref}^{commit}`),
    arrive(id, branch, ageSeconds) {
      const at = Math.floor(Date.now() / 1000) - ageSeconds;
      git('notes', `--ref=${ARRIVAL_REF}`, 'append', '-m', `${branch} ${at}`, id);
    },
  };
}
