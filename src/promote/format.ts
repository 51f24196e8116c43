/** Plain-text rendering of a promotion plan for the terminal and CI logs. */
import { ARRIVAL_NOTES_REF } from './arrival.js';
import type { CommitInfo, PromotionCommit, PromotionPlan } from './plan.js';

const short = (id: string): string => id.slice(0, 7);

export function formatTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  // hours, not days: soaks are written like 24h
  const parts = [
    [Math.floor(s / 3600), 'h'],
    [Math.floor((s % 3600) / 60), 'm'],
  ] as const;
  const text = parts
    .filter(([n]) => n > 0)
    .map(([n, u]) => `${n}${u}`)
    .join('');
  return text === '' ? `${s}s` : text;
}

/** Commits of the leading branch, with their arrival there (not their own dates). */
function commitLines(commits: readonly PromotionCommit[]): string[] {
  return commits.map((c) => {
    const arrival = c.arrival === undefined ? 'arrival not recorded' : `arrived ${formatTime(c.arrival)}`;
    return `  ${short(c.id)} ${arrival} ${c.subject}`;
  });
}

/** Commits the leading branch lacks: they never arrived there, so their committer date is shown. */
function foreignLines(commits: readonly CommitInfo[]): string[] {
  return commits.map((c) => `  ${short(c.id)} committed ${formatTime(c.time)} ${c.subject}`);
}

function notSoakedLines(plan: PromotionPlan & { outcome: 'not-soaked' }, now: number): string[] {
  const waiting = `not soaked: ${plan.waiting.length} commit(s) waiting`;
  if (plan.readyAt === undefined) {
    return [
      `${waiting}; no arrival on ${plan.leading.branch} is recorded for them, so none counts as soaked`,
      ...commitLines(plan.waiting),
      `hint: \`k8s-ops promote --apply\` records arrivals (${ARRIVAL_NOTES_REF}); fetch that ref first, or use --now to promote without a soak`,
    ];
  }
  return [
    `${waiting}; the oldest, ${short(plan.next.id)}, is ready at ${formatTime(plan.readyAt)} (in ${formatDuration(plan.readyAt - now)})`,
    ...commitLines(plan.waiting),
  ];
}

export function formatPlan(plan: PromotionPlan, now: number): string {
  const head = `${plan.trailingBranch} <- ${plan.leading.branch} (${short(plan.leading.id)}), soak ${formatDuration(plan.soakSeconds)}`;
  const lines = [head];
  switch (plan.outcome) {
    case 'up-to-date':
      lines.push(
        `up to date: ${plan.trailingBranch} is at ${short(plan.trailing?.id ?? '')}; nothing to promote`,
      );
      break;
    case 'not-soaked':
      lines.push(...notSoakedLines(plan, now));
      break;
    case 'fast-forward':
      lines.push(
        plan.from === undefined
          ? `create ${plan.trailingBranch} at ${short(plan.to.id)}`
          : `fast-forward ${plan.trailingBranch} ${short(plan.from)}..${short(plan.to.id)} (${plan.commits.length} commit(s))`,
        ...commitLines(plan.commits),
      );
      if (plan.waiting.length > 0)
        lines.push(`still soaking (${plan.waiting.length}):`, ...commitLines(plan.waiting));
      break;
    case 'diverged':
      lines.push(
        `diverged: ${plan.trailingBranch} has ${plan.trailingOnly.length} commit(s) not in ${plan.leading.branch}; refusing to promote`,
        ...foreignLines(plan.trailingOnly),
      );
      break;
  }
  return `${lines.join('\n')}\n`;
}
