#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { runKustomizeBuild } from './kustomize-command.js';

function main(argv: string[]): number {
  let code = 0;
  const program = new Command()
    .name('k8s-ops')
    .description('Render, validate and diff Flux GitOps repositories offline.')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  const kustomize = program.command('kustomize').description('the native kustomize engine');
  kustomize
    .command('build')
    .description('build a kustomization directory, printing what `kubectl kustomize` prints')
    .argument('<dir>', 'directory holding a kustomization.yaml')
    .option('--root <dir>', 'repository root that confines file access (default: the enclosing git repository)')
    .action((dir: string, opts: { root?: string }) => {
      code = runKustomizeBuild(dir, opts, process.cwd());
    });

  try {
    program.parse(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit 0; anything else is a usage error.
      return e.exitCode === 0 ? 0 : 2;
    }
    throw e;
  }
  return code;
}

try {
  process.exitCode = main(process.argv);
} catch (e) {
  // A bug, not bad input: say so briefly instead of dumping a stack trace.
  process.stderr.write(`k8s-ops: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.stderr.write('please report this with the command you ran\n');
  process.exitCode = 3;
}
