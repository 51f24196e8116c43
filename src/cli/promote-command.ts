/**
 * `k8s-ops promote`: the staged rollout of k8s-ops.yaml. Plans (and with --apply performs)
 * the fast-forward of a following cluster's branch to the newest soaked commit of the
 * branch it follows. Exit codes: 0 nothing to do or done, 1 a promotion is pending (plan
 * mode), 2 error or refused.
 */
import { Option, type Command } from 'commander';
import { DiagnosticError, formatDiagnostic } from '../core/diagnostic.js';
import { diffRevisions } from '../diff/index.js';
import {
  applyPromotion,
  formatPlan,
  planPromotion,
  promotionTarget,
  pushArrivals,
  readPromotionInput,
  recordArrival,
  type PromotionPlan,
  type PromotionTarget,
} from '../promote/index.js';
import { loadConfig } from '../render/config.js';
import { formatDiffMarkdown } from '../report/diff-markdown.js';
import { formatDiffText } from '../report/diff-text.js';
import { remotes } from '../tree/git-commands.js';
import { gitRunner, type GitRunner } from '../tree/git-runner.js';
import { openWorktree } from '../tree/worktree.js';
import type { Io } from './io.js';
import { repositoryRoot } from './repo-root.js';

interface PromoteFlags {
  root?: string;
  cluster?: string;
  apply?: boolean;
  now?: boolean;
  push?: boolean;
  remote?: string;
  /** Commander's negation of --no-diff / --no-strict. */
  diff?: boolean;
  strict?: boolean;
  format?: 'text' | 'markdown';
}

function readTarget(root: string, cluster: string | undefined, io: Io): PromotionTarget {
  const { config, diagnostics } = loadConfig(openWorktree(root));
  for (const d of diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
  if (!config) {
    throw new DiagnosticError({
      rule: 'promote-config',
      file: 'k8s-ops.yaml',
      message: diagnostics.length ? 'k8s-ops.yaml has errors' : 'no k8s-ops.yaml with a rollout',
      hint: 'declare rollout: with a cluster that follows another (docs/promote.md)',
    });
  }
  return promotionTarget(config.rollout, cluster);
}

/** `origin` when it exists and no remote was named: CI checkouts have it. */
async function pickRemote(git: GitRunner, flags: PromoteFlags): Promise<string | undefined> {
  const known = await remotes(git);
  if (flags.remote !== undefined) {
    if (!known.includes(flags.remote)) {
      throw new DiagnosticError({
        rule: 'promote-remote',
        message: `no remote named '${flags.remote}' (remotes: ${known.join(', ') || 'none'})`,
      });
    }
    return flags.remote;
  }
  return known.includes('origin') ? 'origin' : undefined;
}

/**
 * What the promotion changes in the trailing cluster: its rendered objects at the two
 * revisions, diffed. A failed render does not hide the plan: it is reported as a warning.
 */
async function printDiff(
  root: string,
  plan: PromotionPlan & { outcome: 'fast-forward' },
  target: PromotionTarget,
  flags: PromoteFlags,
  io: Io,
): Promise<void> {
  if (plan.from === undefined) return; // a new branch: there is no base to diff against
  try {
    // exact commits, so a branch moving meanwhile cannot change what is shown; then branch labels
    const rendered = await diffRevisions(root, {
      strict: flags.strict !== false,
      base: plan.from,
      head: plan.to.id,
      clusters: [target.cluster],
    });
    const label = (branch: string, id: string) => `${branch}@${id.slice(0, 7)}`;
    const diff = {
      ...rendered,
      base: label(plan.trailingBranch, plan.from),
      head: label(plan.leading.branch, plan.to.id),
    };
    io.stdout(`\n${flags.format === 'markdown' ? formatDiffMarkdown(diff) : formatDiffText(diff)}`);
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    io.stderr(`${formatDiagnostic({ ...e.diagnostic, severity: 'warning' })}\n`);
  }
}

function planCode(plan: PromotionPlan): number {
  return plan.outcome === 'fast-forward' ? 1 : plan.outcome === 'diverged' ? 2 : 0;
}

async function promote(flags: PromoteFlags, io: Io, env: NodeJS.ProcessEnv): Promise<number> {
  const root = repositoryRoot(flags.root, io.cwd);
  const target = readTarget(root, flags.cluster, io);
  const git = gitRunner(root, { ...process.env, ...env });
  const remote = await pickRemote(git, flags);
  if (flags.push && remote === undefined) {
    throw new DiagnosticError({
      rule: 'promote-remote',
      message: '--push needs a remote',
      hint: 'pass --remote <name>',
    });
  }
  let input = await readPromotionInput(git, {
    leading: target.leading,
    trailing: target.trailing,
    ...(remote ? { remote } : {}),
  });
  const now = Date.now() / 1000;
  if (flags.apply) {
    // The soak clock: the first run that sees a tip on the leading branch records it.
    const at = await recordArrival(git, target.leading, input.leading.id, now);
    if (at !== undefined) input = { ...input, arrivals: new Map(input.arrivals).set(input.leading.id, at) };
  }
  const plan = planPromotion(input, { soakSeconds: target.soakSeconds, now, skipSoak: flags.now === true });
  io.stdout(`cluster ${target.cluster}: ${formatPlan(plan, now)}`);
  if (!flags.apply) {
    if (plan.outcome === 'fast-forward' && flags.diff !== false)
      await printDiff(root, plan, target, flags, io);
    return planCode(plan);
  }
  if (flags.push && remote) await pushArrivals(git, remote);
  const result = await applyPromotion(git, plan, {
    push: flags.push === true,
    ...(remote ? { remote } : {}),
  });
  if (result.changed) {
    const where = result.pushed ? ` and pushed to ${remote}` : '';
    io.stdout(
      `promoted: ${result.ref} is now ${plan.outcome === 'fast-forward' ? plan.to.id : ''}${where}\n`,
    );
  }
  return 0;
}

/** Registers `promote`; `setCode` receives its exit code. */
export function addPromoteCommand(
  program: Command,
  io: Io,
  env: NodeJS.ProcessEnv,
  setCode: (n: number) => void,
): void {
  program
    .command('promote')
    .description(
      "fast-forward a following cluster's branch to the newest soaked commit (k8s-ops.yaml rollout)",
    )
    .option('--cluster <name>', 'the rollout cluster to promote (default: the only one that follows another)')
    .option(
      '--apply',
      'record when the followed tip arrived, then perform the fast-forward (default: print the plan)',
    )
    .option('--now', 'skip the soak: promote the tip of the followed branch')
    .option('--push', 'push the new tip to the remote (never forced)')
    .option('--remote <name>', 'the remote to read branches from and push to (default: origin when present)')
    .option('--root <dir>', 'repository root (default: the enclosing git repository)')
    .option('--no-diff', 'plan without rendering the diff of the cluster')
    .addOption(
      new Option('--format <format>', 'format of the diff').choices(['text', 'markdown']).default('text'),
    )
    .option('--no-strict', 'leave undefined ${VARS} empty instead of failing (Flux before 2.9)')
    .action(async (flags: PromoteFlags) => {
      try {
        setCode(await promote(flags, io, env));
      } catch (e) {
        if (!(e instanceof DiagnosticError)) throw e;
        io.stderr(`${formatDiagnostic(e.diagnostic)}\n`);
        setCode(2);
      }
    });
}
