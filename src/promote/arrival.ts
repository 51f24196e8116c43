/**
 * When a commit arrived on the leading branch: the clock that starts a soak. Commit dates
 * are written by whoever makes the commit, so they prove nothing; the arrival is what the
 * promotion itself saw, kept as a git note per commit (`<branch> <seconds>` lines) on
 * ARRIVAL_NOTES_REF.
 */
import type { CommitInfo } from '../tree/git-commands.js';

export const ARRIVAL_NOTES_REF = 'refs/notes/k8s-ops-arrival';

/** Notes larger than this are not arrival notes; they are not read. */
export const MAX_ARRIVAL_NOTE_BYTES = 4096;

const LINE = /^(\S+) (\d{1,15})$/;

/** The note line that records `branch` seen at `seconds`. */
export function arrivalLine(branch: string, seconds: number): string {
  return `${branch} ${Math.floor(seconds)}`;
}

/** The earliest arrival on `branch` a note records; other branches and other lines are ignored. */
export function parseArrivalNote(text: string, branch: string): number | undefined {
  let earliest: number | undefined;
  for (const line of text.split('\n')) {
    const m = LINE.exec(line.trim());
    if (!m || m[1] !== branch) continue;
    const seconds = Number(m[2]);
    if (earliest === undefined || seconds < earliest) earliest = seconds;
  }
  return earliest;
}

/**
 * The arrival of each commit of a first-parent history (newest first): the earliest time
 * recorded for it or for any newer commit. A commit is on the branch whenever a commit
 * that descends from it is, so a newer commit's record bounds an older one's arrival from
 * above; a soak measured from it is never shorter than the truth. Commits with no such
 * record have no arrival.
 */
export function arrivalsAlong(
  history: readonly CommitInfo[],
  recorded: ReadonlyMap<string, number>,
): Map<string, number> {
  const out = new Map<string, number>();
  let earliest: number | undefined;
  for (const c of history) {
    const own = recorded.get(c.id);
    if (own !== undefined && (earliest === undefined || own < earliest)) earliest = own;
    if (earliest !== undefined) out.set(c.id, earliest);
  }
  return out;
}
