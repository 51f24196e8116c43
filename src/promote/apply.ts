/**
 * Carries out a planned fast-forward, and nothing else: the local ref moves with a
 * compare-and-swap and the remote is pushed without force, so a concurrent change makes
 * the promotion fail instead of being overwritten.
 */
import { DiagnosticError } from '../core/diagnostic.js';
import { isAncestor } from '../tree/git-commands.js';
import type { GitRunner } from '../tree/git-runner.js';
import type { PromotionPlan } from './plan.js';

export interface ApplyOptions {
  /** Push the new tip to this remote (plain push, never forced). */
  push?: boolean;
  remote?: string;
}

export interface ApplyResult {
  changed: boolean;
  pushed: boolean;
  /** `refs/heads/<branch>` after the update. */
  ref?: string;
}

function refuse(message: string, hint?: string): DiagnosticError {
  return new DiagnosticError({ rule: 'promote-refused', message, ...(hint ? { hint } : {}) });
}

export async function applyPromotion(
  git: GitRunner,
  plan: PromotionPlan,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  if (plan.outcome === 'diverged') {
    throw refuse(
      `'${plan.trailingBranch}' has ${plan.trailingOnly.length} commit(s) that '${plan.leading.branch}' lacks; refusing a non-fast-forward update`,
      `bring those commits to ${plan.leading.branch} (or remove them from ${plan.trailingBranch}) by hand`,
    );
  }
  if (plan.outcome !== 'fast-forward') return { changed: false, pushed: false };
  if (options.push && !options.remote) throw refuse('--push needs a remote', 'pass --remote <name>');

  const ref = `refs/heads/${plan.trailingBranch}`;
  // Belt and braces: the plan may be stale, and a non-fast-forward must never happen.
  if (plan.from !== undefined && !(await isAncestor(git, plan.from, plan.to.id))) {
    throw refuse(`${plan.to.id} does not descend from ${plan.from}; refusing a non-fast-forward update`);
  }
  const head = await git.run(['symbolic-ref', '--quiet', 'HEAD']);
  if (new TextDecoder().decode(head.stdout).trim() === ref) {
    throw refuse(
      `'${plan.trailingBranch}' is checked out here; moving it would leave the working tree behind`,
      'run the promotion from a checkout of another branch',
    );
  }

  let pushed = false;
  if (options.push && options.remote) {
    // No `+`, no --force: the server rejects anything but a fast-forward.
    const args = ['push', '--porcelain', options.remote, `${plan.to.id}:${ref}`];
    const out = await git.run(args);
    if (out.code !== 0) {
      const why =
        out.stderr
          .trim()
          .split('\n')
          .find((l) => l.trim() !== '') ?? `exit code ${out.code}`;
      throw new DiagnosticError({
        rule: 'promote-push-rejected',
        message: `push of ${plan.trailingBranch} to '${options.remote}' was rejected: ${why}`,
        hint: `'${plan.trailingBranch}' moved on the remote; fetch and plan again (never force)`,
      });
    }
    pushed = true;
  }

  // The old value makes update-ref a compare-and-swap; '' means the branch must not exist yet.
  const old = plan.trailing?.ref === ref ? plan.trailing.id : '';
  const out = await git.run(['update-ref', '-m', 'k8s-ops promote', ref, plan.to.id, old]);
  if (out.code !== 0) {
    throw new DiagnosticError({
      rule: 'promote-ref-moved',
      message: `${ref} changed while promoting; not updated${pushed ? ' (the remote was updated)' : ''}`,
      hint: 'plan again',
    });
  }
  return { changed: true, pushed, ref };
}
