/**
 * `k8s-ops promote` end to end against real repositories: main with commits whose arrival
 * on main is recorded at controlled times, release following it with a 24h soak,
 * optionally a bare remote.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { readPromotionInput } from '../../src/promote/index.js';
import { gitRunner } from '../../src/tree/git-runner.js';
import { bareRepo, gitIn, HOUR, removeDir, tempDir, testRepo, type TestRepo } from './git-fixture.js';

const CONFIG = `rollout:
  - {cluster: infra, branch: main}
  - {cluster: apps, branch: release, follows: infra, soak: 24h}
`;

interface Scenario {
  repo: TestRepo;
  /** Commit ids by name: m1..m5 on main, plus what setup adds. */
  ids: Record<string, string>;
  remote?: string;
}

let root: string;
let count = 0;
beforeAll(() => {
  root = tempDir('promote');
});
afterAll(() => removeDir(root));

/** main: m1 (arrived 72h ago) m2 (48h) m3 (30h) m4 (2h) m5 (1h); release at `releaseAt`. */
function scenario(releaseAt: string): Scenario {
  const repo = testRepo(join(root, `repo-${++count}`));
  const ids: Record<string, string> = {};
  const ages: [string, number][] = [
    ['m1', 72],
    ['m2', 48],
    ['m3', 30],
    ['m4', 2],
    ['m5', 1],
  ];
  for (const [name, age] of ages) {
    const id = repo.commit(
      name,
      name === 'm1' ? { 'k8s-ops.yaml': CONFIG } : { [`${name}.yaml`]: name },
      age * HOUR,
    );
    repo.arrive(id, 'main', age * HOUR);
    ids[name] = id;
  }
  repo.git('branch', 'release', ids[releaseAt] ?? '');
  return { repo, ids };
}

function withRemote(s: Scenario): Scenario {
  const remote = bareRepo(join(root, `remote-${count}.git`));
  s.repo.git('remote', 'add', 'origin', remote);
  s.repo.git('push', '--quiet', 'origin', 'main', 'release');
  return { ...s, remote };
}

/** A commit on top of `parent` that main does not have. */
function hotfix(s: Scenario, parent: string): string {
  return s.repo.git('commit-tree', `${parent}^{tree}`, '-p', parent, '-m', 'hotfix');
}

async function promote(s: Scenario, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    cwd: s.repo.dir,
    stdout: (t: string) => void (stdout += t),
    stderr: (t: string) => void (stderr += t),
  };
  const code = await run(['promote', '--root', s.repo.dir, ...args], io);
  return { code, stdout, stderr };
}

const nameOf = (s: Scenario, id: string | undefined): string =>
  Object.entries(s.ids).find(([, v]) => v === id)?.[0] ?? id ?? 'absent';
const localRelease = (s: Scenario) =>
  nameOf(s, s.repo.git('for-each-ref', '--format=%(objectname)', 'refs/heads/release'));
const remoteRelease = (s: Scenario) =>
  nameOf(
    s,
    s.remote ? gitIn(s.remote, ['for-each-ref', '--format=%(objectname)', 'refs/heads/release']) : undefined,
  );

interface Case {
  name: string;
  releaseAt: string;
  remote?: boolean;
  setup?: (s: Scenario) => void;
  args: string[];
  code: number;
  /** Local release afterwards, by commit name. */
  release: string;
  /** The remote's release afterwards. */
  remoteRelease?: string;
  out: RegExp;
}

const cases: Case[] = [
  {
    name: 'plan: soaked commits pending',
    releaseAt: 'm1',
    args: [],
    code: 1,
    release: 'm1',
    out: /fast-forward release \w{7}\.\.\w{7} \(2 commit/,
  },
  {
    name: 'apply: fast-forward to the newest soaked commit',
    releaseAt: 'm1',
    args: ['--apply'],
    code: 0,
    release: 'm3',
    out: /promoted: refs\/heads\/release/,
  },
  {
    name: 'plan: not yet soaked',
    releaseAt: 'm3',
    args: [],
    code: 0,
    release: 'm3',
    out: /not soaked: 2 commit\(s\) waiting; .* \(in 2[12]h\d*m?\)/,
  },
  {
    name: 'apply: not yet soaked changes nothing',
    releaseAt: 'm3',
    args: ['--apply'],
    code: 0,
    release: 'm3',
    out: /not soaked/,
  },
  {
    name: 'apply --now: moves to the tip of main',
    releaseAt: 'm3',
    args: ['--apply', '--now'],
    code: 0,
    release: 'm5',
    out: /promoted/,
  },
  { name: 'plan: up to date', releaseAt: 'm5', args: ['--now'], code: 0, release: 'm5', out: /up to date/ },
  {
    name: 'apply: up to date changes nothing',
    releaseAt: 'm5',
    args: ['--apply', '--now'],
    code: 0,
    release: 'm5',
    out: /up to date/,
  },
  {
    name: 'plan: diverged release is refused',
    releaseAt: 'm1',
    setup: (s) => {
      s.ids.r1 = hotfix(s, s.ids.m1 ?? '');
      s.repo.git('update-ref', 'refs/heads/release', s.ids.r1);
    },
    args: [],
    code: 2,
    release: 'r1',
    out: /diverged: release has 1 commit\(s\) not in main/,
  },
  {
    name: 'apply: diverged release is refused and nothing changes',
    releaseAt: 'm1',
    setup: (s) => {
      s.ids.r1 = hotfix(s, s.ids.m1 ?? '');
      s.repo.git('update-ref', 'refs/heads/release', s.ids.r1);
    },
    args: ['--apply', '--now'],
    code: 2,
    release: 'r1',
    out: /diverged/,
  },
  {
    name: 'apply --push: a plain push to the remote',
    releaseAt: 'm1',
    remote: true,
    args: ['--apply', '--push'],
    code: 0,
    release: 'm3',
    remoteRelease: 'm3',
    out: /and pushed to origin/,
  },
  {
    name: 'apply --push: rejected when the remote release moved, never forced',
    releaseAt: 'm1',
    remote: true,
    setup: (s) => {
      s.ids.r1 = hotfix(s, s.ids.m1 ?? '');
      // someone else moved the remote's release (a forced push, here only to set the scene)
      s.repo.git('push', '--quiet', '--force', 'origin', `${s.ids.r1}:refs/heads/release`);
    },
    args: ['--apply', '--push'],
    code: 2,
    release: 'm1',
    remoteRelease: 'r1',
    out: /fast-forward release/,
  },
  {
    name: 'apply --push from a CI checkout: no local release, the remote-tracking one is used',
    releaseAt: 'm1',
    remote: true,
    setup: (s) => s.repo.git('branch', '-D', 'release'),
    args: ['--apply', '--push', '--remote', 'origin'],
    code: 0,
    release: 'm3',
    remoteRelease: 'm3',
    out: /fast-forward release/,
  },
  {
    name: 'apply: the checked-out release is not moved under the working tree',
    releaseAt: 'm1',
    setup: (s) => s.repo.git('checkout', '--quiet', 'release'),
    args: ['--apply'],
    code: 2,
    release: 'm1',
    out: /fast-forward release/,
  },
];

describe('k8s-ops promote', () => {
  it.each(cases)('$name', async (c) => {
    const base = scenario(c.releaseAt);
    const s = c.remote ? withRemote(base) : base;
    c.setup?.(s);
    const mainBefore = s.repo.id('main');
    const result = await promote(s, '--cluster', 'apps', ...c.args);
    expect(result.stdout, result.stderr).toMatch(c.out);
    expect(result.code, result.stderr).toBe(c.code);
    expect(localRelease(s)).toBe(c.release);
    if (c.remoteRelease) expect(remoteRelease(s)).toBe(c.remoteRelease);
    expect(s.repo.id('main')).toBe(mainBefore);
  });

  it('explains a rejected push and a refused promotion on stderr', async () => {
    const s = withRemote(scenario('m1'));
    s.repo.git('push', '--quiet', '--force', 'origin', `${hotfix(s, s.ids.m1 ?? '')}:refs/heads/release`);
    expect((await promote(s, '--apply', '--push')).stderr).toMatch(
      /\[promote-push-rejected\][\s\S]*never force/,
    );
    const d = scenario('m1');
    d.repo.git('update-ref', 'refs/heads/release', hotfix(d, d.ids.m1 ?? ''));
    expect((await promote(d, '--apply')).stderr).toMatch(
      /refusing a non-fast-forward update \[promote-refused\]/,
    );
  });

  it.each([
    [['--cluster', 'infra'], /follows no other cluster/],
    [['--push', '--apply'], /--push needs a remote/],
    [['--remote', 'upstream'], /no remote named 'upstream'/],
  ])('fails clearly for %j', async (args, message) => {
    const result = await promote(scenario('m1'), ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('reads only descendants of release when release came in through a merge', async () => {
    // main: m1 - m2 - M(merge of side) - m4 ; release at side, which branched from m1
    const repo = testRepo(join(root, `repo-${++count}`));
    const m1 = repo.commit('m1', { 'a.yaml': '1' }, 72 * HOUR);
    repo.commit('m2', { 'b.yaml': '2' }, 60 * HOUR);
    repo.git('checkout', '--quiet', '-b', 'side', m1);
    const side = repo.commit('side', { 'c.yaml': '3' }, 50 * HOUR);
    repo.git('checkout', '--quiet', 'main');
    gitIn(repo.dir, ['merge', '--quiet', '--no-ff', '-m', 'merge side', 'side'], {
      GIT_COMMITTER_DATE: `@${Math.floor(Date.now() / 1000) - 40 * HOUR} +0000`,
    });
    const merge = repo.id('HEAD');
    repo.arrive(merge, 'main', 40 * HOUR);
    repo.arrive(repo.commit('m4', { 'd.yaml': '4' }, HOUR), 'main', HOUR);
    repo.git('branch', 'release', side);
    const input = await readPromotionInput(gitRunner(repo.dir), { leading: 'main', trailing: 'release' });
    const { planPromotion } = await import('../../src/promote/index.js');
    const plan = planPromotion(input, { soakSeconds: 24 * HOUR, now: Date.now() / 1000 });
    expect(plan).toMatchObject({ outcome: 'fast-forward', from: side, to: { id: merge } });
    if (plan.outcome === 'fast-forward') expect(plan.commits.map((c) => c.subject)).toEqual(['merge side']);
  });
});
