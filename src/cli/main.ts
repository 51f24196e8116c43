import { Command, CommanderError } from 'commander';
import { DiagnosticError, formatDiagnostic } from '../core/diagnostic.js';
import { addChartsCommand } from './charts-command.js';
import { addCheckCommand } from './check-command.js';
import { addDiffCommand } from './diff-command.js';
import { addHelmCommand } from './helm-command.js';
import type { Io } from './io.js';
import { runKustomizeBuild } from './kustomize-command.js';
import { addPromoteCommand } from './promote-command.js';
import { addRenderCommands, UsageError } from './render-commands.js';
import { addSchemasCommand } from './schemas-command.js';

/** Parses `argv` (without the node and script entries) and runs the command; returns the exit code. */
export async function run(argv: readonly string[], io: Io, env: NodeJS.ProcessEnv = {}): Promise<number> {
  let code = 0;
  const program = new Command()
    .name('k8s-ops')
    .description('Render, validate and diff Flux GitOps repositories offline.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });

  const kustomize = program.command('kustomize').description('the native kustomize engine');
  kustomize
    .command('build')
    .description('build a kustomization directory, printing what `kubectl kustomize` prints')
    .argument('<dir>', 'directory holding a kustomization.yaml')
    .option(
      '--root <dir>',
      'repository root that confines file access (default: the enclosing git repository)',
    )
    .action((dir: string, opts: { root?: string }) => {
      code = runKustomizeBuild(dir, opts, io);
    });

  addHelmCommand(program, io, (n) => (code = n));

  addRenderCommands(program, io, env, (n) => {
    code = n;
  });
  addPromoteCommand(program, io, env, (n) => (code = n));
  addChartsCommand(program, io, env, (n) => (code = n));

  addCheckCommand(program, io, env, (n) => (code = n));
  addSchemasCommand(program, io, env, (n) => (code = n));
  addDiffCommand(program, io, env, (n) => (code = n));

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof UsageError) {
      io.stderr(`error: ${e.message}\n`);
      return 2;
    }
    // A problem a command could not go on with (an output it cannot write): said, not a crash.
    if (e instanceof DiagnosticError) {
      io.stderr(`${formatDiagnostic(e.diagnostic)}\n`);
      return 2;
    }
    throw e;
  }
  return code;
}
