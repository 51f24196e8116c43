/** Plain-text rendering of a promotion plan for the terminal and CI logs. */
import type { CommitInfo, PromotionPlan } from './plan.js';

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

function commitLines(commits: readonly CommitInfo[]): string[] {
  return commits.map((c) => `  ${short(c.id)} ${formatTime(c.time)} ${c.subject}`);
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
      lines.push(
        `not soaked: ${plan.waiting.length} commit(s) waiting; the oldest, ${short(plan.next.id)}, is ready at ${formatTime(plan.readyAt)} (in ${formatDuration(plan.readyAt - now)})`,
        ...commitLines(plan.waiting),
      );
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
        ...commitLines(plan.trailingOnly),
      );
      break;
  }
  return `${lines.join('\n')}\n`;
}
