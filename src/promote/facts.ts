/** Reads the facts planPromotion decides on, through a GitRunner. */
import { isAncestor, log, revList, revParse } from '../tree/git-commands.js';
import type { GitRunner } from '../tree/git-runner.js';
import type { BranchTip, PromotionInput } from './plan.js';
import { DiagnosticError } from '../core/diagnostic.js';
import { readArrivals } from './arrival-notes.js';
import { branchNameProblem } from './branch-name.js';

/** Refuses a branch name git would not accept (or a rollout never means). */
export function checkBranchName(branch: string): void {
  const problem = branchNameProblem(branch);
  if (problem === undefined) return;
  throw new DiagnosticError({
    rule: 'promote-branch-name',
    message: `${JSON.stringify(branch)} is not a valid branch name: ${problem}`,
    hint: 'name a branch as `git check-ref-format --branch` accepts it, e.g. main or release',
  });
}

/**
 * A branch's tip: the local branch when there is one, else the remote-tracking branch of
 * `remote` (a CI checkout has only the checked-out branch locally).
 */
export async function branchTip(
  git: GitRunner,
  branch: string,
  remote?: string,
): Promise<BranchTip | undefined> {
  checkBranchName(branch);
  const refs = [`refs/heads/${branch}`, ...(remote ? [`refs/remotes/${remote}/${branch}`] : [])];
  for (const ref of refs) {
    const id = await revParse(git, ref);
    if (id !== undefined) return { branch, ref, id };
  }
  return undefined;
}

export interface PromotionBranches {
  /** The branch promoted from, e.g. main. */
  leading: string;
  /** The branch promoted, e.g. release. */
  trailing: string;
  remote?: string;
}

export async function readPromotionInput(
  git: GitRunner,
  branches: PromotionBranches,
): Promise<PromotionInput> {
  const leading = await branchTip(git, branches.leading, branches.remote);
  if (!leading) {
    throw new DiagnosticError({
      rule: 'promote-branch',
      message: `branch '${branches.leading}' does not exist`,
      hint: branches.remote ? `git fetch ${branches.remote} ${branches.leading}` : 'fetch or create it first',
    });
  }
  const trailing = await branchTip(git, branches.trailing, branches.remote);
  if (!trailing) {
    const history = await log(git, leading.id, { firstParent: true });
    return {
      leading,
      trailingBranch: branches.trailing,
      trailingOnly: [],
      history,
      arrivals: await readArrivals(
        git,
        branches.leading,
        history.map((c) => c.id),
      ),
    };
  }
  if (!(await isAncestor(git, trailing.id, leading.id))) {
    return {
      leading,
      trailingBranch: branches.trailing,
      trailing,
      trailingOnly: await log(git, `${leading.id}..${trailing.id}`),
      history: [],
      arrivals: new Map(),
    };
  }
  const range = `${trailing.id}..${leading.id}`;
  const history = await log(git, range, { firstParent: true });
  return {
    leading,
    trailingBranch: branches.trailing,
    trailing,
    trailingOnly: [],
    history,
    descendants: new Set(await revList(git, range, { ancestryPath: true })),
    arrivals: await readArrivals(
      git,
      branches.leading,
      history.map((c) => c.id),
    ),
  };
}
