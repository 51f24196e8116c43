/** planPromotion as a pure function of git facts. */
import { describe, expect, it } from 'vitest';
import {
  planPromotion,
  promotionTarget,
  type CommitInfo,
  type PromotionInput,
} from '../../src/promote/index.js';
import type { RolloutStage } from '../../src/render/config.js';

const NOW = 1_000_000;
const H = 3600;
const c = (id: string, ageHours: number): CommitInfo => ({ id, time: NOW - ageHours * H, subject: id });
const tip = (branch: string, id: string) => ({ branch, ref: `refs/heads/${branch}`, id });

// main: m5 (1h) m4 (2h) m3 (30h) m2 (48h) m1 = release (72h)
const history = [c('m5', 1), c('m4', 2), c('m3', 30), c('m2', 48)];
const input = (over: Partial<PromotionInput> = {}): PromotionInput => ({
  leading: tip('main', 'm5'),
  trailingBranch: 'release',
  trailing: tip('release', 'm1'),
  trailingOnly: [],
  history,
  descendants: new Set(history.map((h) => h.id)),
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
      input({ trailing: tip('release', 'm4'), history: [c('m5', 1)], descendants: new Set(['m5']) }),
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
    ['diverged', input({ trailingOnly: [c('r1', 5)], history: [] }), true, 'diverged', undefined, []],
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
    expect(plan).toMatchObject({ outcome: 'not-soaked', next: { id: 'm4' }, readyAt: NOW + 22 * H });
  });

  it('counts a commit exactly as old as the soak as soaked', () => {
    const plan = planPromotion(input({ history: [c('m2', 24)] }), { soakSeconds: 24 * H, now: NOW });
    expect(plan).toMatchObject({ outcome: 'fast-forward', to: { id: 'm2' } });
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
  ])('%s', (_name, stages, cluster, want) => {
    let got: string;
    try {
      const t = promotionTarget(stages, cluster);
      got = `${t.trailing}<-${t.leading} ${t.soakSeconds}`;
    } catch (e) {
      got = `error: ${(e as Error).message}`;
    }
    expect(got).toBe(want);
  });
});
