import { spawn, spawnSync } from 'node:child_process';
import { DiagnosticError } from '../core/diagnostic.js';

/** What one git invocation produced. stdout stays bytes: blob contents are not always text. */
export interface GitOutput {
  code: number;
  stdout: Uint8Array;
  stderr: string;
}

/**
 * Runs git in one repository. Everything that needs git goes through it, so decisions built
 * on git facts can be tested with real repositories or a scripted fake alike.
 */
export interface GitRunner {
  /** The repository directory, shown in messages. */
  readonly dir: string;
  run(args: readonly string[], input?: string | Uint8Array): Promise<GitOutput>;
  /**
   * Runs git and waits (RepoTree reads are synchronous): for the rare read of a large blob
   * only when something asks for it. `maxBytes` bounds stdout. Runners without it cannot.
   */
  runSync?(args: readonly string[], maxBytes: number): GitOutput;
  /** A runner with the same environment in another repository (a submodule's checkout). */
  at?(dir: string): GitRunner;
}

const decoder = new TextDecoder('utf-8');

export function gitText(out: GitOutput): string {
  return decoder.decode(out.stdout);
}

export function gitMissing(): DiagnosticError {
  return new DiagnosticError({
    rule: 'git-missing',
    message: 'git is not installed or not on PATH; reading git revisions needs it',
    hint: 'install git, or use the working tree instead of a revision',
  });
}

/**
 * The real runner: `git -C <dir> ...`. The environment is inherited (identity, config),
 * except that a caller's GIT_DIR/GIT_WORK_TREE must not redirect us to another repository.
 */
export function gitRunner(dir: string, env: NodeJS.ProcessEnv = process.env): GitRunner {
  const childEnv: NodeJS.ProcessEnv = { ...env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' };
  delete childEnv.GIT_DIR;
  delete childEnv.GIT_WORK_TREE;
  delete childEnv.GIT_INDEX_FILE;
  return {
    dir,
    run(args, input) {
      return new Promise((resolve, reject) => {
        const child = spawn('git', ['-C', dir, ...args], { env: childEnv, stdio: 'pipe' });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        child.stdout.on('data', (b: Buffer) => out.push(b));
        child.stderr.on('data', (b: Buffer) => err.push(b));
        child.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT' ? gitMissing() : e));
        child.on('close', (code) =>
          resolve({
            code: code ?? 1,
            stdout: new Uint8Array(Buffer.concat(out)),
            stderr: Buffer.concat(err).toString('utf8'),
          }),
        );
        // git may exit before reading all input (bad repository); that is reported by the exit code.
        child.stdin.on('error', () => undefined);
        child.stdin.end(input ?? '');
      });
    },
    runSync(args, maxBytes) {
      const r = spawnSync('git', ['-C', dir, ...args], { env: childEnv, maxBuffer: maxBytes + 1 });
      const error = r.error as NodeJS.ErrnoException | undefined;
      if (error?.code === 'ENOENT') throw gitMissing();
      if (error?.code === 'ENOBUFS') {
        return { code: 1, stdout: new Uint8Array(), stderr: `fatal: output over ${maxBytes} bytes` };
      }
      if (error) throw error;
      return {
        code: r.status ?? 1,
        stdout: new Uint8Array(r.stdout.buffer, r.stdout.byteOffset, r.stdout.byteLength),
        stderr: r.stderr.toString('utf8'),
      };
    },
    at: (other) => gitRunner(other, env),
  };
}

/** A runner for `repo`: an existing runner or a directory. */
export function asRunner(repo: GitRunner | string): GitRunner {
  return typeof repo === 'string' ? gitRunner(repo) : repo;
}

/** Turns git's own failure text into a Diagnostic a person can act on. */
export function gitFailure(git: GitRunner, args: readonly string[], out: GitOutput): DiagnosticError {
  const text = out.stderr.trim();
  if (/not a git repository/i.test(text) || /cannot change to/i.test(text)) {
    return new DiagnosticError({
      rule: 'git-not-repository',
      message: `'${git.dir}' is not a git repository`,
      hint: 'run the command inside a git checkout or pass its root',
    });
  }
  const first = text.split('\n').find((l) => l.trim() !== '') ?? `exit code ${out.code}`;
  return new DiagnosticError({
    rule: 'git-failed',
    message: `git ${args[0] ?? ''} failed: ${first.replace(/^(fatal|error): /, '')}`,
  });
}

/** Runs git and returns stdout as text; any non-zero exit is a DiagnosticError. */
export async function gitOk(git: GitRunner, args: readonly string[]): Promise<string> {
  const out = await git.run(args);
  if (out.code !== 0) throw gitFailure(git, args, out);
  return gitText(out);
}
