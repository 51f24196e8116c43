/** planPromotion as a pure function of git facts. */
import { describe, expect, it } from 'vitest';
import {
  planPromotion,
  promotionTarget,
  type CommitInfo,
  type PromotionInput,
} from '../../src/promote/index.js';
import type { RolloutStage } from '../../src/render/config.js';

const NOW = 10_000_000;
const H = 3600;
/** Committed long ago by their own dates: the dates must never count as arrival. */
const c = (id: string): CommitInfo => ({ id, time: NOW - 1000 * H, subject: id });
const tip = (branch: string, id: string) => ({ branch, ref: `refs/heads/${branch}`, id });
const arrived = (hoursAgo: Record<string, number>): Map<string, number> =>
  new Map(Object.entries(hoursAgo).map(([id, h]) => [id, NOW - h * H]));

// main: m5 (arrived 1h ago) m4 (2h) m3 (30h) m2 (48h) m1 = release
const history = [c('m5'), c('m4'), c('m3'), c('m2')];
const ARRIVALS = arrived({ m5: 1, m4: 2, m3: 30, m2: 48 });
const input = (over: Partial<PromotionInput> = {}): PromotionInput => ({
  leading: tip('main', 'm5'),
  trailingBranch: 'release',
  trailing: tip('release', 'm1'),
  trailingOnly: [],
  history,
  descendants: new Set(history.map((h) => h.id)),
  arrivals: ARRIVALS,
  ...over,
});

describe('planPromotion', () => {
  it.each<[string, PromotionInput, boolean, string, string | undefined, string[]]>([
    ['soaked commits: the newest soaked one', input(), false, 'fast-forward', 'm3', ['m3', 'm2']],
    ['--now: the leading tip', input(), true, 'fast-forward', 'm5', ['m5', 'm4', 'm3', 'm2']],
    ['only young commits', input({ history: history.slice(0, 2) }), false, 'not-soaked', undefined, []],
    ['nothing newer', input({ history: [] }), false, 'up-to-date', undefined, []],
    [
      'trailing ahead of the soaked point (an earlier --now)',
      input({ trailing: tip('release', 'm4'), history: [c('m5')], descendants: new Set(['m5']) }),
      false,
      'not-soaked',
      undefined,
      [],
    ],
    [
      // m3 merged the trailing tip from a side branch: older first-parent commits do not descend from it
      'only descendants of the trailing tip',
      input({ descendants: new Set(['m5', 'm4', 'm3']) }),
      false,
      'fast-forward',
      'm3',
      ['m3'],
    ],
    [
      'not descending at all',
      input({ descendants: new Set(['m5', 'm4']) }),
      false,
      'not-soaked',
      undefined,
      [],
    ],
    [
      'trailing branch missing: created',
      input({ trailing: undefined, descendants: undefined }),
      false,
      'fast-forward',
      'm3',
      ['m3', 'm2'],
    ],
    ['diverged', input({ trailingOnly: [c('r1')], history: [] }), true, 'diverged', undefined, []],
    [
      'back-dated commits without a recorded arrival are not soaked',
      input({ arrivals: new Map() }),
      false,
      'not-soaked',
      undefined,
      [],
    ],
    [
      '--now needs no arrival',
      input({ arrivals: new Map() }),
      true,
      'fast-forward',
      'm5',
      ['m5', 'm4', 'm3', 'm2'],
    ],
    [
      'a newer commit seen long ago proves its ancestors were there then',
      input({ arrivals: arrived({ m5: 30 }) }),
      false,
      'fast-forward',
      'm5',
      ['m5', 'm4', 'm3', 'm2'],
    ],
    [
      'an older commit is never later than a newer one (a late record of m3 does not hold it back)',
      input({ arrivals: arrived({ m4: 30, m3: 1 }) }),
      false,
      'fast-forward',
      'm4',
      ['m4', 'm3', 'm2'],
    ],
  ])('%s', (_name, facts, skipSoak, outcome, to, commits) => {
    const plan = planPromotion(facts, { soakSeconds: 24 * H, now: NOW, skipSoak });
    expect(plan.outcome).toBe(outcome);
    if (plan.outcome === 'fast-forward') {
      expect(plan.to.id).toBe(to);
      expect(plan.commits.map((x) => x.id)).toEqual(commits);
      expect(plan.from).toBe(facts.trailing?.id);
    }
  });

  it('says when the oldest waiting commit will have soaked', () => {
    const plan = planPromotion(input({ history: history.slice(0, 2) }), { soakSeconds: 24 * H, now: NOW });
    expect(plan).toMatchObject({
      outcome: 'not-soaked',
      next: { id: 'm4', arrival: NOW - 2 * H },
      readyAt: NOW + 22 * H,
    });
  });

  it('says nothing about readiness when no arrival is recorded', () => {
    const plan = planPromotion(input({ arrivals: new Map() }), { soakSeconds: 24 * H, now: NOW });
    expect(plan.outcome).toBe('not-soaked');
    if (plan.outcome === 'not-soaked') {
      expect(plan.readyAt).toBeUndefined();
      expect(plan.waiting.map((w) => w.arrival)).toEqual([undefined, undefined, undefined, undefined]);
    }
  });

  it('counts a commit that arrived exactly the soak ago as soaked', () => {
    const plan = planPromotion(input({ history: [c('m2')], arrivals: arrived({ m2: 24 }) }), {
      soakSeconds: 24 * H,
      now: NOW,
    });
    expect(plan).toMatchObject({ outcome: 'fast-forward', to: { id: 'm2', arrival: NOW - 24 * H } });
  });
});

describe('promotionTarget', () => {
  const rollout: RolloutStage[] = [
    { cluster: 'infra', branch: 'main', line: 1 },
    { cluster: 'apps', branch: 'release', follows: 'infra', soak: '12h', soakSeconds: 12 * H, line: 3 },
    { cluster: 'edge', branch: 'edge', follows: 'apps', line: 7 },
  ];
  it.each<[string, RolloutStage[], string | undefined, string]>([
    ['named', rollout, 'apps', 'release<-main 43200'],
    ['default soak of 24h', rollout, 'edge', 'edge<-release 86400'],
    ['the only following stage', rollout.slice(0, 2), undefined, 'release<-main 43200'],
    ['ambiguous', rollout, undefined, 'error: several clusters follow another (apps, edge)'],
    [
      'not following',
      rollout,
      'infra',
      "error: cluster 'infra' follows no other cluster; there is nothing to promote",
    ],
    ['unknown', rollout, 'nope', "error: cluster 'nope' is not in the rollout (rollout: infra, apps, edge)"],
    ['no rollout', [], undefined, 'error: the rollout has no cluster that follows another'],
    ...(['HEAD', 'refs/heads/release', '-x', 'a.lock', '@', 'a//b'] as const).map(
      (branch): [string, RolloutStage[], string | undefined, string] => [
        `branch ${branch}`,
        [rollout[0] as RolloutStage, { cluster: 'apps', branch, follows: 'infra', line: 3 }],
        'apps',
        `error: branch ${JSON.stringify(branch)} of cluster 'apps' is not a valid branch name`,
      ],
    ),
    [
      'a bad followed branch',
      [{ cluster: 'infra', branch: 'HEAD', line: 1 }, rollout[1] as RolloutStage],
      'apps',
      'error: branch "HEAD" of cluster \'infra\' is not a valid branch name',
    ],
  ])('%s', (_name, stages, cluster, want) => {
    let got: string;
    try {
      const t = promotionTarget(stages, cluster);
      got = `${t.trailing}<-${t.leading} ${t.soakSeconds}`;
    } catch (e) {
      got = `error: ${(e as Error).message}`;
    }
    if (want.includes('valid branch name')) expect(got.startsWith(want)).toBe(true);
    else expect(got).toBe(want);
  });
});
