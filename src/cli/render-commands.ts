import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { formatDiagnostic, type Diagnostic } from '../core/diagnostic.js';
import { loadAgeIdentities } from '../flux/sops/index.js';
import type { ClusterModel, RenderedObject } from '../render/model.js';
import { renderRepository, type RepositoryRender } from '../render/render-repository.js';
import { buildJsonChunks, buildYamlChunks, maskDecrypted } from '../report/build-output.js';
import { redactRender } from '../report/secret-output.js';
import { clusterTable, helmReleaseTable, kustomizationTable, sourceTable } from '../report/cluster-tables.js';
import { formatGraph, type GraphFormat } from '../report/graph.js';
import { imageTable } from '../report/images.js';
import { buildUnits, unrenderedNotes, writtenUnits } from '../report/build-units.js';
import { planOutputFiles } from '../report/output-paths.js';
import { formatTree } from '../report/tree.js';
import { openWorktree } from '../tree/worktree.js';
import type { Io } from './io.js';
import { addChartFlags, helmServiceFor, type ChartFlags } from './helm-service.js';
import { addLimitFlags, renderLimits, type LimitFlags } from './limit-flags.js';
import { writeBuildStdout } from './build-stdout.js';
import { DEFAULT_MAX_OUTPUT_BYTES, formatSize, newOutputBudget, parseOutputSize } from './output-limit.js';
import { progress } from './progress.js';
import { writeOutDir } from './out-dir.js';
import { repositoryRoot } from './repo-root.js';
import { UsageError } from './usage-error.js';

export { UsageError };

/** Options every rendering command takes. */
interface RenderFlags extends LimitFlags, ChartFlags {
  root?: string;
  strict: boolean;
  decrypt?: boolean;
  showSecrets?: boolean;
  quiet?: boolean;
  cluster?: string;
}

function addRenderFlags(cmd: Command): Command {
  return addChartFlags(addLimitFlags(cmd))
    .option('--root <dir>', 'repository root (default: the enclosing git repository)')
    .option('--no-strict', 'leave undefined ${VARS} empty instead of failing (Flux before 2.9)')
    .option('--decrypt', 'decrypt SOPS secrets in memory with SOPS_AGE_KEY or SOPS_AGE_KEY_FILE')
    .option('--show-secrets', 'print values taken from Secrets (masked otherwise, in errors too)')
    .option('-q, --quiet', 'no progress indicator, errors only');
}

function decryptOptions(flags: RenderFlags, env: NodeJS.ProcessEnv) {
  if (!flags.decrypt) return undefined;
  const file = env.SOPS_AGE_KEY_FILE;
  const keyFileContent = file ? readKeyFile(file) : undefined;
  const identities = loadAgeIdentities({
    ...(env.SOPS_AGE_KEY ? { SOPS_AGE_KEY: env.SOPS_AGE_KEY } : {}),
    ...(keyFileContent ? { SOPS_AGE_KEY_FILE_CONTENT: keyFileContent } : {}),
  });
  if (identities.length === 0) {
    throw new UsageError('--decrypt needs an age identity: set SOPS_AGE_KEY or SOPS_AGE_KEY_FILE');
  }
  return { identities };
}

function readKeyFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new UsageError(
      `SOPS_AGE_KEY_FILE names '${file}', which cannot be read (${code}): give the path of an age key file`,
    );
  }
}

async function render(
  flags: RenderFlags,
  io: Io,
  env: NodeJS.ProcessEnv,
  clusters?: string[],
): Promise<RepositoryRender> {
  const root = repositoryRoot(flags.root, io.cwd);
  const tree = openWorktree(root);
  const p = progress(io, !flags.quiet && io.isTTY === true);
  const decrypt = decryptOptions(flags, env);
  const helm = helmServiceFor(flags, env, io.cwd, (msg) => p.update(msg));
  try {
    const result = await renderRepository(tree, {
      strict: flags.strict,
      ...(decrypt ? { decrypt } : {}),
      ...(clusters ? { clusters } : {}),
      limits: renderLimits(flags),
      onProgress: (msg) => p.update(msg),
      ...(helm ? { helm: helm.service } : {}),
    });
    // Values taken from Secrets are masked wherever they landed, unless asked for.
    return flags.showSecrets ? result : redactRender(result);
  } finally {
    await helm?.close();
    p.done();
  }
}

function selectClusters(result: RepositoryRender, name: string | undefined): ClusterModel[] {
  if (!name) return result.models;
  const found = result.models.filter((m) => m.name === name);
  if (found.length === 0) {
    const known = result.clusters.map((c) => c.name).join(', ') || 'none';
    throw new UsageError(`unknown cluster '${name}' (clusters: ${known})`);
  }
  return found;
}

function report(io: Io, diagnostics: readonly Diagnostic[], quiet: boolean | undefined): number {
  const shown = quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
  for (const d of shown) io.stderr(`${formatDiagnostic(d)}\n`);
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

function allDiagnostics(result: RepositoryRender, models: readonly ClusterModel[]): Diagnostic[] {
  return [...result.diagnostics, ...models.flatMap((m) => m.diagnostics)];
}

/** `get`, `build`, `tree`, `graph`. `setCode` receives each command's exit code. */
export function addRenderCommands(
  program: Command,
  io: Io,
  env: NodeJS.ProcessEnv,
  setCode: (n: number) => void,
) {
  const get = program.command('get').description('list what Flux would reconcile, like `flux get`');
  addRenderFlags(get.command('clusters').description('the clusters and their entry points')).action(
    async (flags: RenderFlags) => {
      const root = repositoryRoot(flags.root, io.cwd);
      const result = await renderRepository(openWorktree(root), { strict: flags.strict, discoverOnly: true });
      io.stdout(clusterTable(result.clusters));
      setCode(report(io, result.diagnostics, flags.quiet));
    },
  );
  const tables: [string[], string, (m: readonly ClusterModel[]) => string][] = [
    [['kustomizations', 'ks'], 'Flux Kustomizations with their state', kustomizationTable],
    [['helmreleases', 'hr'], 'HelmReleases', helmReleaseTable],
    [['sources'], 'sources (GitRepository, OCIRepository, HelmRepository, Bucket)', sourceTable],
    [['images'], 'container images each cluster runs, and where each comes from', imageTable],
  ];
  for (const [[name, ...aliases], description, table] of tables) {
    const cmd = get
      .command(name as string)
      .aliases(aliases)
      .description(description);
    // `get images` also takes the cluster as an argument.
    if (name === 'images') cmd.argument('[cluster]', 'cluster name');
    addRenderFlags(cmd.option('--cluster <name>', 'only this cluster')).action(async (...args: unknown[]) => {
      const flags = args.find((a): a is RenderFlags => typeof a === 'object' && a !== null) as RenderFlags;
      if (typeof args[0] === 'string') flags.cluster = args[0];
      const result = await render(flags, io, env, flags.cluster ? [flags.cluster] : undefined);
      const models = selectClusters(result, flags.cluster);
      io.stdout(table(models));
      setCode(report(io, allDiagnostics(result, models), flags.quiet));
    });
  }

  addRenderFlags(
    program
      .command('build')
      .description('print what Flux applies to a cluster, like `flux build` (every cluster by default)')
      .argument('[cluster]', 'cluster name')
      .option('--ks <name>', 'only this Kustomization (name or namespace/name) and its HelmReleases')
      .option('--hr <name>', "only this HelmRelease's chart objects (name or namespace/name)")
      .addOption(
        new Option('-o, --output <format>', 'output format').choices(['yaml', 'json']).default('yaml'),
      )
      .option(
        '--out-dir <dir>',
        'write one file per Kustomization, DIR/<cluster>/<namespace>/<name>.yaml (<name>.helmrelease.yaml per HelmRelease), replacing DIR as a whole',
      )
      .option(
        '--max-output-size <size>',
        `the most the build may print or write, e.g. 500M (default ${formatSize(DEFAULT_MAX_OUTPUT_BYTES)})`,
      ),
  ).action(
    async (
      cluster: string | undefined,
      flags: RenderFlags & {
        ks?: string;
        hr?: string;
        output: string;
        outDir?: string;
        maxOutputSize?: string;
      },
    ) => {
      if (flags.ks && flags.hr) throw new UsageError('give --ks or --hr, not both');
      const result = await render(flags, io, env, cluster ? [cluster] : undefined);
      const models = selectClusters(result, cluster);
      const units = buildUnits(models, {
        ...(flags.ks ? { ks: flags.ks } : {}),
        ...(flags.hr ? { hr: flags.hr } : {}),
      });
      if (flags.ks && units.length === 0) throw new UsageError(`no Kustomization named '${flags.ks}'`);
      if (flags.hr && units.length === 0) throw new UsageError(`no HelmRelease named '${flags.hr}'`);
      const shown = function* (objects: Iterable<RenderedObject>) {
        for (const o of objects) yield maskDecrypted(o, flags.showSecrets === true);
      };
      const chunksOf = (objects: Iterable<RenderedObject>) =>
        flags.output === 'json' ? buildJsonChunks(shown(objects)) : buildYamlChunks(shown(objects));
      const budget = newOutputBudget(parseOutputSize(flags.maxOutputSize));
      const extra: Diagnostic[] = flags.hr ? unrenderedNotes(units) : [];
      if (flags.outDir) {
        const ext = flags.output === 'json' ? 'json' : 'yaml';
        const entries = writtenUnits(units).map((k) => ({
          kind: k.kind,
          cluster: k.cluster,
          namespace: k.ref.namespace,
          name: k.ref.name,
          file: k.file,
          ...(k.line !== undefined ? { line: k.line } : {}),
          content: () => chunksOf(k.objects),
        }));
        const planned = planOutputFiles(entries, ext);
        if (planned.diagnostics.length > 0) {
          // Nothing is written when any path is refused: the output stays whole.
          setCode(report(io, [...allDiagnostics(result, models), ...planned.diagnostics], flags.quiet));
          return;
        }
        const written = writeOutDir(flags.outDir, io.cwd, planned.files, budget);
        for (const dir of written.leftovers) {
          io.stderr(
            `${formatDiagnostic({ severity: 'warning', rule: 'output', file: dir, message: 'left by an interrupted build --out-dir', hint: 'remove it' })}\n`,
          );
        }
      } else {
        const cut = writeBuildStdout(units, chunksOf, budget, flags.output, io);
        if (cut) extra.push(cut);
      }
      setCode(report(io, [...allDiagnostics(result, models), ...extra], flags.quiet));
    },
  );

  addRenderFlags(
    program
      .command('tree')
      .description('the Kustomizations of a cluster and what each applies')
      .argument('<cluster>'),
  ).action(async (cluster: string, flags: RenderFlags) => {
    const result = await render(flags, io, env, [cluster]);
    const models = selectClusters(result, cluster);
    io.stdout(models.map(formatTree).join('\n'));
    setCode(report(io, allDiagnostics(result, models), flags.quiet));
  });

  addRenderFlags(
    program
      .command('graph')
      .description('the dependsOn graph of a cluster')
      .argument('<cluster>')
      .addOption(
        new Option('--format <format>', 'graph syntax').choices(['mermaid', 'dot']).default('mermaid'),
      ),
  ).action(async (cluster: string, flags: RenderFlags & { format: GraphFormat }) => {
    const result = await render(flags, io, env, [cluster]);
    const models = selectClusters(result, cluster);
    io.stdout(models.map((m) => formatGraph(m, flags.format)).join('\n'));
    setCode(report(io, allDiagnostics(result, models), flags.quiet));
  });
}
