/**
 * The promotion decision of a staged rollout, as a pure function of git facts: which
 * commit of the leading branch (e.g. main) the trailing branch (e.g. release) may be
 * fast-forwarded to once it has soaked. The soak runs from the commit's recorded arrival
 * on the leading branch (arrival.ts), never from its own dates.
 */
import type { CommitInfo } from '../tree/git-commands.js';
import { arrivalsAlong } from './arrival.js';

export type { CommitInfo } from '../tree/git-commands.js';

/** A branch and the commit it points at, with the ref it was read from. */
export interface BranchTip {
  branch: string;
  /** `refs/heads/<branch>` or `refs/remotes/<remote>/<branch>`. */
  ref: string;
  id: string;
}

/** Facts read from git (see facts.ts); everything the decision needs. */
export interface PromotionInput {
  leading: BranchTip;
  trailingBranch: string;
  /** Undefined when the trailing branch does not exist yet. */
  trailing?: BranchTip;
  /** Commits on the trailing branch that the leading branch lacks; non-empty means diverged. */
  trailingOnly: CommitInfo[];
  /** First-parent history of the leading branch down to the trailing tip, newest first. */
  history: CommitInfo[];
  /** Commits of that history that descend from the trailing tip; undefined: all do. */
  descendants?: ReadonlySet<string>;
  /** Recorded arrivals on the leading branch by commit id, seconds since the epoch. */
  arrivals: ReadonlyMap<string, number>;
}

/** A commit of the leading branch with when it arrived there, if that is known. */
export interface PromotionCommit extends CommitInfo {
  /** Seconds since the epoch; undefined when no arrival is recorded for it or a newer commit. */
  arrival?: number;
}

export interface PlanOptions {
  soakSeconds: number;
  /** Seconds since the epoch. */
  now: number;
  /** Promote the leading tip without waiting for the soak. */
  skipSoak?: boolean;
}

interface PlanBase {
  leading: BranchTip;
  trailingBranch: string;
  trailing?: BranchTip;
  soakSeconds: number;
}

export type PromotionPlan =
  | (PlanBase & { outcome: 'up-to-date' })
  | (PlanBase & {
      outcome: 'not-soaked';
      /** The oldest waiting commit: the first to become promotable. */
      next: PromotionCommit;
      /** When `next` will have soaked, seconds since the epoch; undefined: no arrival recorded. */
      readyAt?: number;
      waiting: PromotionCommit[];
    })
  | (PlanBase & {
      outcome: 'fast-forward';
      /** Undefined when the trailing branch is created. */
      from?: string;
      to: PromotionCommit;
      /** First-parent commits the trailing branch gains, newest first. */
      commits: PromotionCommit[];
      /** Newer commits still soaking, newest first. */
      waiting: PromotionCommit[];
    })
  | (PlanBase & { outcome: 'diverged'; trailingOnly: CommitInfo[] });

export const DEFAULT_SOAK_SECONDS = 24 * 3600;

export function planPromotion(input: PromotionInput, options: PlanOptions): PromotionPlan {
  const base: PlanBase = {
    leading: input.leading,
    trailingBranch: input.trailingBranch,
    ...(input.trailing ? { trailing: input.trailing } : {}),
    soakSeconds: options.soakSeconds,
  };
  // Fast-forward only: anything on the trailing branch that the leading one lacks would be lost.
  if (input.trailingOnly.length > 0)
    return { ...base, outcome: 'diverged', trailingOnly: input.trailingOnly };

  // Descent from the trailing tip is monotonic along first parents, so the candidates are a
  // prefix of the history; a trailing branch ahead of a soaked commit keeps its position.
  const prefix: CommitInfo[] = [];
  for (const c of input.history) {
    if (c.id === input.trailing?.id || (input.descendants && !input.descendants.has(c.id))) break;
    prefix.push(c);
  }
  // Arrivals only grow towards the tip, so the soaked commits are a suffix of the candidates.
  const arrivals = arrivalsAlong(prefix, input.arrivals);
  const candidates: PromotionCommit[] = prefix.map((c) => {
    const arrival = arrivals.get(c.id);
    return arrival === undefined ? c : { ...c, arrival };
  });
  const oldest = candidates[candidates.length - 1];
  if (oldest === undefined) return { ...base, outcome: 'up-to-date' };

  const cutoff = options.now - options.soakSeconds;
  const index = options.skipSoak
    ? 0
    : candidates.findIndex((c) => c.arrival !== undefined && c.arrival <= cutoff);
  const to = candidates[index];
  if (index < 0 || to === undefined) {
    return {
      ...base,
      outcome: 'not-soaked',
      next: oldest,
      ...(oldest.arrival !== undefined ? { readyAt: oldest.arrival + options.soakSeconds } : {}),
      waiting: candidates,
    };
  }
  return {
    ...base,
    outcome: 'fast-forward',
    ...(input.trailing ? { from: input.trailing.id } : {}),
    to,
    commits: candidates.slice(index),
    waiting: candidates.slice(0, index),
  };
}
