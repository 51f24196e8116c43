/** `k8s-ops check`: render every cluster, run the rules, print one report, exit 0/1/2. */
import { Command, Option } from 'commander';
import { DiagnosticError, type Diagnostic } from '../core/diagnostic.js';
import { allRules, RULE_INFO } from '../checks/registry.js';
import { checkContext, DEFAULT_KUBERNETES_VERSION, runChecks } from '../checks/run-checks.js';
import { renderRepository } from '../render/render-repository.js';
import { formatCheckJson } from '../report/check-json.js';
import { formatCheckText } from '../report/check-text.js';
import { formatGithub } from '../report/github.js';
import { formatJunit } from '../report/junit.js';
import { formatSarif } from '../report/sarif.js';
import { normalizeKubernetesVersion } from '../schemas/index.js';
import { configuredSchemaFlags, loadSchemaOptions, type SchemaFlags } from './schema-sources.js';
import { parseChecksConfig, type SchemaSettings } from '../checks/config.js';
import { configTrusted, TRUST_CONFIG_ENV, TRUST_CONFIG_FLAG } from '../render/config-trust.js';
import { redactDiagnostics } from '../report/secret-output.js';
import { openWorktree } from '../tree/worktree.js';
import type { Io } from './io.js';
import { progress } from './progress.js';
import { addChartFlags, helmServiceFor, type ChartFlags } from './helm-service.js';
import { addLimitFlags, renderLimits, type LimitFlags } from './limit-flags.js';
import { UsageError } from './usage-error.js';
import { repositoryRoot } from './repo-root.js';

export const CHECK_FORMATS = ['text', 'json', 'sarif', 'junit', 'github'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

interface CheckFlags extends LimitFlags, ChartFlags {
  cluster?: string;
  format: CheckFormat;
  kubernetesVersion?: string;
  schemas?: string;
  schemaLocation?: string;
  schemaCache?: string;
  strict: boolean;
  root?: string;
  quiet?: boolean;
  trustConfig?: boolean;
}

// Kept in step with package.json by hand: reading it at run time would tie dist/ to its layout.
const TOOL_VERSION = '0.1.0';

function version(text: string, where: string): string {
  try {
    return normalizeKubernetesVersion(text);
  } catch (e) {
    if (e instanceof DiagnosticError) throw new UsageError(`${where}: ${e.diagnostic.message}`);
    throw e;
  }
}

function format(
  flags: CheckFlags,
  diagnostics: readonly Diagnostic[],
  clusters: number,
  io: Io,
  env: NodeJS.ProcessEnv,
) {
  switch (flags.format) {
    case 'json':
      return formatCheckJson(diagnostics, clusters);
    case 'sarif':
      return formatSarif(diagnostics, { rules: RULE_INFO, toolVersion: TOOL_VERSION });
    case 'junit':
      return formatJunit(diagnostics, clusters);
    case 'github':
      return formatGithub(diagnostics);
    case 'text': {
      const color = env.NO_COLOR === undefined && (env.FORCE_COLOR !== undefined || io.isTTY === true);
      return formatCheckText(diagnostics, { color, clusters, quiet: flags.quiet === true });
    }
  }
}

async function check(flags: CheckFlags, io: Io, env: NodeJS.ProcessEnv): Promise<number> {
  const wanted = flags.kubernetesVersion && version(flags.kubernetesVersion, '--kubernetes-version');
  const root = repositoryRoot(flags.root, io.cwd);
  const tree = openWorktree(root);
  const p = progress(io, !flags.quiet && io.isTTY === true);
  let result;
  const helm = helmServiceFor(flags, env, io.cwd, (msg) => p.update(msg));
  try {
    result = await renderRepository(tree, {
      strict: flags.strict,
      ...(flags.cluster ? { clusters: [flags.cluster] } : {}),
      limits: renderLimits(flags),
      onProgress: (msg) => p.update(msg),
      ...(helm ? { helm: helm.service } : {}),
    });
  } finally {
    await helm?.close();
    p.done();
  }
  if (flags.cluster && result.models.length === 0) {
    const known = result.clusters.map((c) => c.name).join(', ') || 'none';
    throw new UsageError(`unknown cluster '${flags.cluster}' (clusters: ${known})`);
  }
  const configured = result.config?.kubernetesVersion;
  // k8s-ops.yaml validated its own version already; normalise it the same way.
  const kubernetesVersion =
    wanted || (configured ? version(configured, 'k8s-ops.yaml') : DEFAULT_KUBERNETES_VERSION);
  const renderDiagnostics = [...result.diagnostics, ...result.models.flatMap((m) => m.diagnostics)];
  // Schema locations: command-line flags, then the environment, then k8s-ops.yaml (relative
  // to the root, and only what the repository's own file may make k8s-ops do).
  const configuredSchemas = parseChecksConfig(
    result.config,
    tree,
    RULE_INFO.map((r) => r.id),
  ).settings.schemas;
  const user: SchemaFlags = {
    ...withDefined('schemas', flags.schemas ?? env.K8S_OPS_SCHEMAS),
    ...withDefined('schemaLocation', flags.schemaLocation ?? env.K8S_OPS_SCHEMA_LOCATION),
    ...withDefined('schemaCache', flags.schemaCache),
  };
  const unset: SchemaSettings = {
    ...(user.schemas === undefined && configuredSchemas.dir !== undefined
      ? { dir: configuredSchemas.dir }
      : {}),
    ...(user.schemaLocation === undefined && configuredSchemas.location !== undefined
      ? { location: configuredSchemas.location }
      : {}),
    ...(user.schemaCache === undefined && configuredSchemas.cache !== undefined
      ? { cache: configuredSchemas.cache }
      : {}),
  };
  const trusted = configTrusted(flags.trustConfig, env);
  const schemaFlags: SchemaFlags = {
    ...configuredSchemaFlags(unset, root, tree, trusted, renderDiagnostics),
    ...user,
  };
  const schemas = await loadSchemaOptions(
    schemaFlags,
    env,
    kubernetesVersion,
    result.models,
    renderDiagnostics,
  );
  // Values taken from Secrets never reach the report (check has no --show-secrets).
  const diagnostics = redactDiagnostics(
    runChecks(checkContext(tree, result, kubernetesVersion), {
      rules: allRules(schemas),
      renderDiagnostics,
      knownRuleIds: RULE_INFO.map((r) => r.id),
    }),
    result.secrets,
  );
  io.stdout(format(flags, diagnostics, result.models.length, io, env));
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

/** Registers `check`; `setCode` receives its exit code. */
export function addCheckCommand(
  program: Command,
  io: Io,
  env: NodeJS.ProcessEnv,
  setCode: (n: number) => void,
) {
  const cmd = program
    .command('check')
    .description('render every cluster and validate it; exit 1 when there are errors')
    .option('--cluster <name>', 'only this cluster')
    .addOption(new Option('--format <format>', 'report format').choices(CHECK_FORMATS).default('text'))
    .option(
      '--kubernetes-version <version>',
      'target Kubernetes version, e.g. 1.35 (default: k8s-ops.yaml, else 1.35)',
    )
    .option(
      '--schemas <dir>',
      'schemas: DIR/kubernetes/swagger-v<version>.json and DIR/crds/ (env K8S_OPS_SCHEMAS)',
    )
    .option(
      '--schema-location <dir|url>',
      'CRD schemas in kubeconform layout: a directory or URL template (env K8S_OPS_SCHEMA_LOCATION); remote ones are cached',
    )
    .option(
      '--schema-cache <dir>',
      'cache of remote schemas and prepared schema copies (default ~/.cache/k8s-ops/schemas)',
    )
    .option('--root <dir>', 'repository root (default: the enclosing git repository)')
    .option(
      TRUST_CONFIG_FLAG,
      `let k8s-ops.yaml fetch schema URLs and use paths outside the repository (env ${TRUST_CONFIG_ENV}=1)`,
    )
    .option('--no-strict', 'leave undefined ${VARS} empty instead of failing (Flux before 2.9)')
    .option('-q, --quiet', 'no progress indicator; text lists errors only');
  addChartFlags(addLimitFlags(cmd)).action(async (flags: CheckFlags) => {
    setCode(await check(flags, io, env));
  });
}

function withDefined<K extends keyof SchemaFlags>(key: K, value: string | undefined): Partial<SchemaFlags> {
  return value === undefined ? {} : { [key]: value };
}
