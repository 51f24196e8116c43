/** Which rollout stage of k8s-ops.yaml a promotion is for. */
import { DiagnosticError } from '../core/diagnostic.js';
import type { RolloutStage } from '../render/config.js';
import { branchNameProblem } from './branch-name.js';
import { DEFAULT_SOAK_SECONDS } from './plan.js';

export interface PromotionTarget {
  /** The cluster whose branch is promoted, e.g. apps. */
  cluster: string;
  /** Its branch, e.g. release. */
  trailing: string;
  /** The followed cluster's branch, e.g. main. */
  leading: string;
  soakSeconds: number;
}

function fail(message: string, hint: string): DiagnosticError {
  return new DiagnosticError({ rule: 'promote-config', file: 'k8s-ops.yaml', message, hint });
}

/** The branch of a stage, refused as git would refuse it (see branch-name.ts). */
function checkedBranch(stage: RolloutStage): string {
  const problem = branchNameProblem(stage.branch);
  if (problem === undefined) return stage.branch;
  throw new DiagnosticError({
    rule: 'promote-branch-name',
    file: 'k8s-ops.yaml',
    line: stage.line,
    message: `branch ${JSON.stringify(stage.branch)} of cluster '${stage.cluster}' is not a valid branch name: ${problem}`,
    hint: 'name a branch as `git check-ref-format --branch` accepts it, e.g. main or release',
  });
}

/** The stage of `cluster`, or the only stage that follows another when none is named. */
export function promotionTarget(rollout: readonly RolloutStage[], cluster?: string): PromotionTarget {
  const following = rollout.filter((s) => s.follows !== undefined);
  let stage: RolloutStage | undefined;
  if (cluster !== undefined) {
    stage = rollout.find((s) => s.cluster === cluster);
    if (!stage) {
      const known = rollout.map((s) => s.cluster).join(', ') || 'none';
      throw fail(`cluster '${cluster}' is not in the rollout (rollout: ${known})`, 'name a rollout cluster');
    }
    if (stage.follows === undefined) {
      throw fail(
        `cluster '${cluster}' follows no other cluster; there is nothing to promote`,
        'add follows: <cluster>',
      );
    }
  } else if (following.length === 1) {
    stage = following[0];
  } else {
    throw fail(
      following.length === 0
        ? 'the rollout has no cluster that follows another'
        : `several clusters follow another (${following.map((s) => s.cluster).join(', ')})`,
      following.length === 0 ? 'declare rollout: with follows: in k8s-ops.yaml' : 'pass --cluster',
    );
  }
  const leader = rollout.find((s) => s.cluster === stage?.follows);
  if (!stage || !leader)
    throw fail(`rollout of '${cluster ?? '?'}' follows an unknown cluster`, 'fix follows:');
  return {
    cluster: stage.cluster,
    trailing: checkedBranch(stage),
    leading: checkedBranch(leader),
    soakSeconds: stage.soakSeconds ?? DEFAULT_SOAK_SECONDS,
  };
}
