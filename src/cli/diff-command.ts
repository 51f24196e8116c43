/** `k8s-ops diff`: what a change does to each cluster; exit 0 no change, 1 changes, 2 error. */
import { Command, Option } from 'commander';
import { DiagnosticError, formatDiagnostic } from '../core/diagnostic.js';
import { diffRevisions } from '../diff/index.js';
import { formatDiffJson } from '../report/diff-json.js';
import { formatDiffMarkdown } from '../report/diff-markdown.js';
import { formatDiffText } from '../report/diff-text.js';
import type { Io } from './io.js';
import { progress } from './progress.js';
import { addChartFlags, helmServiceFor, type ChartFlags } from './helm-service.js';
import { repositoryRoot } from './repo-root.js';

export const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;
type DiffFormat = (typeof DIFF_FORMATS)[number];

interface DiffFlags extends ChartFlags {
  base?: string;
  head?: string;
  cluster: string[];
  ks: string[];
  format: DiffFormat;
  strict: boolean;
  root?: string;
  quiet?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** Colour like `flux diff`: only on a terminal; NO_COLOR and FORCE_COLOR win. */
function useColor(io: Io, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true;
  return io.isTTY === true && process.stdout.isTTY === true;
}

export function addDiffCommand(
  program: Command,
  io: Io,
  env: NodeJS.ProcessEnv,
  setCode: (n: number) => void,
) {
  const cmd = program
    .command('diff')
    .description('what a change does to each cluster: the rendered objects of two revisions, diffed')
    .option('--base <rev>', 'base revision (default: the merge-base of HEAD and the default branch)')
    .option('--head <rev>', 'head revision (default: the working tree)')
    .option('--cluster <name>', 'only this cluster (repeatable)', collect, [])
    .option('--ks <name>', 'only this Kustomization, name or namespace/name (repeatable)', collect, [])
    .addOption(new Option('--format <format>', 'output format').choices(DIFF_FORMATS).default('text'))
    .option('--no-strict', 'leave undefined ${VARS} empty instead of failing (Flux before 2.9)')
    .option('--root <dir>', 'repository root (default: the enclosing git repository)')
    .option('-q, --quiet', 'no progress indicator');
  addChartFlags(cmd).action(async (flags: DiffFlags) => {
    const root = repositoryRoot(flags.root, io.cwd);
    const p = progress(io, !flags.quiet && io.isTTY === true);
    const helm = helmServiceFor(flags, env, io.cwd, (m) => p.update(m));
    try {
      const diff = await diffRevisions(root, {
        strict: flags.strict,
        ...(flags.base ? { base: flags.base } : {}),
        ...(flags.head ? { head: flags.head } : {}),
        ...(flags.cluster.length > 0 ? { clusters: flags.cluster } : {}),
        ...(flags.ks.length > 0 ? { ks: flags.ks } : {}),
        ...(helm ? { helm: helm.service } : {}),
        onProgress: (m) => p.update(m),
      });
      p.done();
      if (flags.format === 'json') io.stdout(formatDiffJson(diff));
      else if (flags.format === 'markdown') io.stdout(formatDiffMarkdown(diff));
      else io.stdout(formatDiffText(diff, { color: useColor(io, env) }));
      setCode(diff.changed ? 1 : 0);
    } catch (e) {
      p.done();
      if (!(e instanceof DiagnosticError)) throw e;
      io.stderr(`${formatDiagnostic(e.diagnostic)}\n`);
      setCode(2);
    } finally {
      await helm?.close();
    }
  });
}
