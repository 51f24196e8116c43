/**
 * The soak runs from a commit's recorded arrival on the leading branch, never from its own
 * dates: the note format, reading and recording it in real repositories, and `promote`
 * with back-dated commits.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import {
  arrivalsAlong,
  parseArrivalNote,
  pushArrivals,
  readArrivals,
  recordArrival,
} from '../../src/promote/index.js';
import { gitRunner } from '../../src/tree/git-runner.js';
import {
  ARRIVAL_REF,
  bareRepo,
  gitIn,
  HOUR,
  removeDir,
  tempDir,
  testRepo,
  type TestRepo,
} from './git-fixture.js';

const CONFIG = `rollout:
  - {cluster: infra, branch: main}
  - {cluster: apps, branch: release, follows: infra, soak: 24h}
`;

let root: string;
let count = 0;
beforeAll(() => {
  root = tempDir('arrival');
});
afterAll(() => removeDir(root));

const now = () => Math.floor(Date.now() / 1000);

describe('parseArrivalNote', () => {
  it.each([
    ['main 100', 'main', 100],
    ['main 100\n\nmain 90\n', 'main', 90],
    ['release 50\nmain 100', 'main', 100],
    ['release 50', 'main', undefined],
    ['main -5\nmain 1e9\nmain\nmain 12 extra\n mainx 3', 'main', undefined],
    ['', 'main', undefined],
  ])('%j on %s', (text, branch, want) => {
    expect(parseArrivalNote(text, branch)).toBe(want);
  });
});

describe('arrivalsAlong', () => {
  const c = (id: string) => ({ id, time: 0, subject: id });
  it('gives each commit the earliest record of itself or a newer commit', () => {
    const got = arrivalsAlong(
      [c('d'), c('c'), c('b'), c('a')],
      new Map([
        ['c', 50],
        ['b', 70],
        ['a', 10],
      ]),
    );
    expect([...got]).toEqual([
      ['c', 50],
      ['b', 50],
      ['a', 10],
    ]);
  });
});

function repoWithMain(): { repo: TestRepo; ids: string[] } {
  const repo = testRepo(join(root, `repo-${++count}`));
  const ids = [
    repo.commit('m1', { 'k8s-ops.yaml': CONFIG }, 72 * HOUR),
    repo.commit('m2', { 'a.yaml': 'a' }, 48 * HOUR),
  ];
  return { repo, ids };
}

describe('arrival notes in git', () => {
  it('records once, reads back, and ignores other branches and oversized notes', async () => {
    const { repo, ids } = repoWithMain();
    const [m1 = '', m2 = ''] = ids;
    const git = gitRunner(repo.dir);
    expect(await readArrivals(git, 'main', ids)).toEqual(new Map());
    expect(await recordArrival(git, 'main', m2, 1000.7)).toBe(1000);
    expect(await recordArrival(git, 'main', m2, 2000)).toBeUndefined();
    repo.arrive(m1, 'staging', 0);
    expect(await readArrivals(git, 'main', ids)).toEqual(new Map([[m2, 1000]]));
    repo.git('notes', `--ref=${ARRIVAL_REF}`, 'add', '-f', '-m', `main 5\n${'x'.repeat(5000)}`, m1);
    expect(await readArrivals(git, 'main', ids)).toEqual(new Map([[m2, 1000]]));
  });

  it('records without a configured git identity', async () => {
    const { repo, ids } = repoWithMain();
    const env = { PATH: process.env.PATH, HOME: join(root, 'no-home'), GIT_CONFIG_NOSYSTEM: '1' };
    expect(await recordArrival(gitRunner(repo.dir, env), 'main', ids[1] ?? '', 42)).toBe(42);
    expect(repo.git('notes', `--ref=${ARRIVAL_REF}`, 'show', ids[1] ?? '')).toBe('main 42');
  });

  it('pushes the notes without force', async () => {
    const { repo, ids } = repoWithMain();
    const remote = bareRepo(join(root, `remote-${count}.git`));
    repo.git('remote', 'add', 'origin', remote);
    const git = gitRunner(repo.dir);
    await pushArrivals(git, 'origin'); // no notes yet: nothing to push
    await recordArrival(git, 'main', ids[1] ?? '', 7);
    await pushArrivals(git, 'origin');
    expect(gitIn(remote, ['notes', `--ref=${ARRIVAL_REF}`, 'show', ids[1] ?? ''])).toBe('main 7');
    // the remote's notes moved on: a plain push is rejected, never forced
    gitIn(remote, ['notes', `--ref=${ARRIVAL_REF}`, 'add', '-f', '-m', 'main 1', ids[0] ?? '']);
    await recordArrival(git, 'main', ids[0] ?? '', 9);
    await expect(pushArrivals(git, 'origin')).rejects.toThrow(/was rejected/);
  });
});

async function promote(repo: TestRepo, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    cwd: repo.dir,
    stdout: (t: string) => void (stdout += t),
    stderr: (t: string) => void (stderr += t),
  };
  const code = await run(['promote', '--root', repo.dir, '--no-diff', ...args], io);
  return { code, stdout, stderr };
}

describe('promote and back-dated commits', () => {
  it('does not promote a commit pushed now with old dates', async () => {
    const { repo, ids } = repoWithMain();
    repo.arrive(ids[1] ?? '', 'main', 48 * HOUR);
    repo.git('branch', 'release', ids[1] ?? '');
    // committed "100 hours ago" by its own dates, but it reaches main only now
    const late = repo.commit('back-dated', { 'b.yaml': 'b' }, 100 * HOUR);
    const plan = await promote(repo);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/not soaked: 1 commit\(s\) waiting; no arrival on main is recorded/);
    expect(plan.stdout).toMatch(/arrival not recorded back-dated/);
    expect(plan.stdout).toMatch(/hint: .*promote --apply/);

    const apply = await promote(repo, '--apply');
    expect(apply.code).toBe(0);
    expect(repo.id('release')).toBe(ids[1]);
    // --apply started its soak now
    const noted = Number(repo.git('notes', `--ref=${ARRIVAL_REF}`, 'show', late).split(' ')[1]);
    expect(Math.abs(noted - now())).toBeLessThan(600);
    expect((await promote(repo)).stdout).toMatch(/is ready at .* \(in 2[34]h/);
  });

  it('a plan reads only: it records nothing', async () => {
    const { repo, ids } = repoWithMain();
    repo.git('branch', 'release', ids[0] ?? '');
    await promote(repo);
    expect(repo.git('notes', `--ref=${ARRIVAL_REF}`, 'list')).toBe('');
  });

  it('with --push publishes the arrival notes too', async () => {
    const { repo, ids } = repoWithMain();
    repo.git('branch', 'release', ids[0] ?? '');
    const remote = bareRepo(join(root, `remote-${count}.git`));
    repo.git('remote', 'add', 'origin', remote);
    repo.git('push', '--quiet', 'origin', 'main', 'release');
    const r = await promote(repo, '--apply', '--push');
    expect(r.code, r.stderr).toBe(0);
    expect(gitIn(remote, ['notes', `--ref=${ARRIVAL_REF}`, 'show', ids[1] ?? ''])).toMatch(/^main \d+$/);
    expect(gitIn(remote, ['rev-parse', 'release'])).toBe(ids[0]);
  });
});

describe('promote and odd branch names', () => {
  it.each(['HEAD', 'refs/heads/release', '@', 'release.lock', 'a//b', 'x/.y'])(
    'refuses %j with exit 2 and creates nothing',
    async (branch) => {
      const { repo, ids } = repoWithMain();
      repo.commit('config', {
        'k8s-ops.yaml': `rollout:\n  - {cluster: infra, branch: main}\n  - {cluster: apps, branch: '${branch}', follows: infra}\n`,
      });
      repo.arrive(ids[0] ?? '', 'main', 72 * HOUR);
      const refsBefore = repo.git('for-each-ref', '--format=%(refname)');
      for (const args of [[], ['--apply'], ['--apply', '--now']]) {
        const r = await promote(repo, ...args);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/^k8s-ops\.yaml(:\d+)?: error: .*\[(promote-branch-name|config-value)\]/m);
        expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      }
      expect(repo.git('for-each-ref', '--format=%(refname)')).toBe(refsBefore);
    },
  );
});
