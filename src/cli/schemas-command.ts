import type { Command } from 'commander';
import { formatDiagnostic } from '../core/diagnostic.js';
import { renderRepository } from '../render/render-repository.js';
import { parseSchemaLocation } from '../schemas/index.js';
import { openWorktree } from '../tree/worktree.js';
import type { Io } from './io.js';
import { UsageError } from './usage-error.js';
import { repositoryRoot } from './repo-root.js';
import { customKinds, defaultSchemaCache, pullLocation } from './schema-sources.js';

interface PullFlags {
  location?: string;
  cache?: string;
  root?: string;
}

/** `k8s-ops schemas pull`: fetch the CRD schemas the clusters use into the local cache. */
export function addSchemasCommand(
  program: Command,
  io: Io,
  env: NodeJS.ProcessEnv,
  setCode: (n: number) => void,
) {
  program
    .command('schemas')
    .description('CRD schemas for `check`')
    .command('pull')
    .description('fetch the schemas of every custom resource kind the clusters use into the cache')
    .option('--location <url>', 'URL template in kubeconform layout (env K8S_OPS_SCHEMA_LOCATION)')
    .option('--cache <dir>', 'cache directory (default ~/.cache/k8s-ops/schemas)')
    .option('--root <dir>', 'repository root (default: the enclosing git repository)')
    .action(async (flags: PullFlags) => {
      const text = flags.location ?? env.K8S_OPS_SCHEMA_LOCATION;
      if (!text) throw new UsageError('schemas pull needs --location (or K8S_OPS_SCHEMA_LOCATION)');
      const location = parseSchemaLocation(text);
      if (!location.remote)
        throw new UsageError('schemas pull is for remote locations; a directory is read directly');
      const root = repositoryRoot(flags.root, io.cwd);
      const result = await renderRepository(openWorktree(root), { strict: false });
      const kinds = customKinds(result.models);
      const problems = await pullLocation(location, kinds, flags.cache ?? defaultSchemaCache(env));
      for (const d of problems) io.stderr(`${formatDiagnostic(d)}\n`);
      io.stdout(`${kinds.length - problems.length} of ${kinds.length} schemas in the cache\n`);
      setCode(problems.length > 0 ? 1 : 0);
    });
}
