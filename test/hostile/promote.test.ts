/**
 * `promote` against hostile histories and configurations, through the built CLI: commits
 * pushed now with old dates must wait their soak, and branch names git would refuse (or
 * that mean something else than a branch) are refused before anything is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitIn } from '../promote/git-fixture.js';
import { everyCommand, expectHandled, hostileRepo, requireBuiltCli, runCli } from './harness.js';

const HOUR = 3600;
const rollout = (branch: string) =>
  `rollout:\n  - {cluster: infra, branch: main}\n  - {cluster: apps, branch: ${JSON.stringify(branch)}, follows: infra, soak: 24h}\n`;

const repos: (() => void)[] = [];
beforeAll(() => requireBuiltCli());
afterAll(() => repos.forEach((cleanup) => cleanup()));

function repoWith(branch: string): string {
  const repo = hostileRepo({ 'k8s-ops.yaml': rollout(branch) });
  repos.push(repo.cleanup);
  return repo.root;
}

/** A commit whose author and committer dates claim it is `ageHours` old. */
function backDated(root: string, message: string, ageHours: number): string {
  const date = `@${Math.floor(Date.now() / 1000) - ageHours * HOUR} +0000`;
  gitIn(root, ['commit', '--quiet', '--allow-empty', '-m', message], {
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  });
  return gitIn(root, ['rev-parse', 'HEAD']);
}

const refs = (root: string) => gitIn(root, ['for-each-ref', '--format=%(refname) %(objectname)']);

describe('promote and back-dated commits', () => {
  it('does not promote commits that claim to be old but have just arrived', async () => {
    const root = repoWith('release');
    gitIn(root, ['branch', 'release']);
    const release = gitIn(root, ['rev-parse', 'release']);
    backDated(root, 'claims 100h', 100);
    backDated(root, 'claims a year', 24 * 365);
    // a back-dated merge: the first-parent commit that brings a change in
    gitIn(root, ['checkout', '--quiet', '-b', 'side']);
    backDated(root, 'side', 200);
    gitIn(root, ['checkout', '--quiet', 'main']);
    gitIn(root, ['merge', '--quiet', '--no-ff', '-m', 'merge claims 50h', 'side'], {
      GIT_COMMITTER_DATE: `@${Math.floor(Date.now() / 1000) - 50 * HOUR} +0000`,
    });

    const plan = await runCli(['promote', '--no-diff'], { cwd: root });
    expectHandled(plan, { codes: [0] });
    expect(plan.stdout).toMatch(/not soaked: 3 commit\(s\) waiting; no arrival on main is recorded/);

    for (const args of [['--apply'], ['--apply', '--cluster', 'apps']]) {
      const r = await runCli(['promote', ...args], { cwd: root });
      expectHandled(r, { codes: [0] });
      expect(r.stdout).toMatch(/not soaked/);
      expect(gitIn(root, ['rev-parse', 'release'])).toBe(release);
    }
    // the arrival of main's tip is now recorded, and the soak runs from it
    const after = await runCli(['promote', '--no-diff'], { cwd: root });
    expect(after.stdout).toMatch(/is ready at .* \(in 2[34]h/);
  });
});

describe('promote and odd branch names', () => {
  const names = [
    'HEAD',
    'refs/heads/release',
    '@',
    '-x',
    '--force',
    'a..b',
    '../x',
    'x.lock',
    '@{-1}',
    'a b',
    'x/',
    'x\u0001y',
  ];
  it.each(names)('refuses %j with exit 2, naming k8s-ops.yaml, and creates no ref', async (branch) => {
    const root = repoWith(branch);
    const before = refs(root);
    for (const args of [[], ['--apply', '--now']]) {
      const r = await runCli(['promote', '--no-diff', ...args], { cwd: root });
      expectHandled(r, { codes: [2], file: 'k8s-ops.yaml' });
    }
    expect(refs(root)).toBe(before);
  });

  it('every command copes with a rollout of odd branch names', async () => {
    const root = repoWith('HEAD');
    for (const args of everyCommand(root, 'infra')) expectHandled(await runCli(args, { cwd: root }));
    expect(refs(root)).toContain('refs/heads/main');
  });
});
