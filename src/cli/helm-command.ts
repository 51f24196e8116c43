/**
 * `k8s-ops helm template [NAME] CHART [flags]`: prints what `helm template` (helm v4.1.4) prints
 * for a chart folder or archive. The flags become a plain request; the chart is rendered on the
 * chart worker (see chart-worker.ts); `--show-only` and `-o json` apply to the text it returns.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { DiagnosticError, formatDiagnostic } from '../core/diagnostic.js';
import { parseKubeVersion } from '../gotemplate/helm/capabilities.js';
import type { RenderOptions } from '../helm/render/render.js';
import { readFailure } from '../tree/io-error.js';
import type { ChartRenderRequest } from './chart-render.js';
import { resolveChart } from './chart-source.js';
import { startChartWorker, type ChartRenderService } from './chart-worker.js';
import { showOnly, toJsonArray } from './helm-output.js';
import { SET_KIND_ORDER, type SetKind } from '../helm/values/strvals/index.js';
import type { ValueSource } from './helm-values.js';
import type { Io } from './io.js';
import { UsageError } from './usage-error.js';

/** What a `helm template` command line asks for, flags checked. */
export interface HelmTemplateRequest {
  releaseName: string;
  chart: string;
  /** `-f` files in order; `-` is the standard input. */
  valueFiles: string[];
  /** `--set*` flags in the order helm applies them. */
  sets: { kind: SetKind; argument: string }[];
  namespace: string;
  kubeVersion?: string;
  apiVersions: string[];
  includeCrds: boolean;
  showOnly: string[];
  output: 'yaml' | 'json';
}

interface TemplateFlags {
  values?: string[];
  set?: string[];
  setString?: string[];
  setJson?: string[];
  setLiteral?: string[];
  setFile?: string[];
  namespace: string;
  kubeVersion?: string;
  apiVersions?: string[];
  includeCrds?: boolean;
  showOnly?: string[];
  output: 'yaml' | 'json';
}

const FLAG_OF: Readonly<Record<SetKind, keyof TemplateFlags>> = {
  set: 'set',
  'set-string': 'setString',
  'set-json': 'setJson',
  'set-literal': 'setLiteral',
  'set-file': 'setFile',
};

const RELEASE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** pflag's string slices: comma-separated values, read as one CSV record. */
export function csvFields(value: string): string[] {
  if (value === '') return [];
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (quoted) {
      if (ch === '"' && value[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

/** The request of `helm template ARGS FLAGS`; a UsageError for what helm would reject up front. */
export function templateRequest(args: readonly string[], flags: TemplateFlags): HelmTemplateRequest {
  const [releaseName, chart] = args.length >= 2 ? [args[0]!, args[1]!] : ['release-name', args[0]!];
  if (releaseName.length > 53 || !RELEASE_NAME.test(releaseName)) {
    throw new UsageError(
      `release name "${releaseName}": invalid release name, must match regex ${RELEASE_NAME.source} and the length must not be longer than 53`,
    );
  }
  if (flags.kubeVersion) {
    try {
      parseKubeVersion(flags.kubeVersion);
    } catch (e) {
      if (e instanceof DiagnosticError) throw new UsageError(e.message);
      throw e;
    }
  }
  return {
    releaseName,
    chart,
    valueFiles: (flags.values ?? []).flatMap(csvFields),
    sets: SET_KIND_ORDER.flatMap((kind) =>
      ((flags[FLAG_OF[kind]] as string[] | undefined) ?? []).map((argument) => ({ kind, argument })),
    ),
    namespace: flags.namespace === '' ? 'default' : flags.namespace,
    ...(flags.kubeVersion ? { kubeVersion: flags.kubeVersion } : {}),
    apiVersions: (flags.apiVersions ?? []).flatMap(csvFields),
    includeCrds: flags.includeCrds === true,
    showOnly: flags.showOnly ?? [],
    output: flags.output,
  };
}

// The standard input is read once; later readers get what is left: nothing.
function stdinReader(io: Io): () => Promise<string> {
  let consumed = false;
  return async () => {
    if (consumed) return '';
    consumed = true;
    if (!io.readStdin) throw new UsageError('the standard input cannot be read here');
    return io.readStdin();
  };
}

const readsStdin = (argument: string): boolean =>
  argument.split(',').some((pair) => pair.includes('=') && pair.slice(pair.indexOf('=') + 1).trim() === '-');

async function renderRequest(request: HelmTemplateRequest, io: Io): Promise<ChartRenderRequest> {
  const chart = resolveChart(request.chart, io.cwd);
  const stdin = stdinReader(io);
  const values: ValueSource[] = [];
  for (const file of request.valueFiles) {
    let text: string;
    if (file.trim() === '-') text = await stdin();
    else {
      try {
        text = readFileSync(resolve(io.cwd, file), 'utf8');
      } catch (e) {
        throw readFailure(file, e, 'file');
      }
    }
    values.push({ kind: 'yaml', name: file, text });
  }
  values.push(...request.sets);
  const setFileStdin = request.sets.some((s) => s.kind === 'set-file' && readsStdin(s.argument));
  const options: RenderOptions = {
    releaseName: request.releaseName,
    namespace: request.namespace,
    ...(request.kubeVersion ? { kubeVersion: request.kubeVersion } : {}),
    apiVersions: request.apiVersions,
    includeCrds: request.includeCrds,
  };
  return {
    key: chart.key,
    chart: chart.input,
    values,
    cwd: io.cwd,
    ...(setFileStdin ? { stdin: await stdin() } : {}),
    options,
  };
}

/** Runs the request; returns the exit code. */
export async function runHelmTemplate(
  request: HelmTemplateRequest,
  io: Io,
  service: ChartRenderService = startChartWorker(),
): Promise<number> {
  try {
    const response = await service.render(await renderRequest(request, io));
    if (!response.ok) {
      // A bug is not bad input: it goes to the top, which says so.
      if (response.internal) throw new Error(response.diagnostic.message);
      io.stderr(`${formatDiagnostic(response.diagnostic)}\n`);
      return 1;
    }
    let text = response.text;
    if (request.showOnly.length > 0) text = showOnly(text, request.showOnly);
    // One write of the whole result: never half-written output on failure.
    io.stdout(request.output === 'json' ? toJsonArray(text) : text);
    return 0;
  } catch (e) {
    if (e instanceof DiagnosticError) {
      io.stderr(`${formatDiagnostic(e.diagnostic)}\n`);
      return 1;
    }
    throw e;
  } finally {
    await service.close();
  }
}

// Repeatable flags; no default, so that help shows none.
const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

const HELP = `
Prints exactly what \`helm template\` (helm v4.1.4) prints for a chart folder or a chart
archive (.tgz); chart repositories and OCI references are not fetched. Values merge as helm
merges them: -f files in order, then --set-json, --set, --set-string, --set-file, --set-literal.
-o json is an addition of k8s-ops: a JSON array of the rendered objects in output order.
Exit codes: 0 rendered, 1 the chart or values have a problem (as helm reports it), 2 usage error.`;

/** Adds `helm template`. */
export function addHelmCommand(program: Command, io: Io, setCode: (code: number) => void): void {
  const helm = program.command('helm').description('the native Helm chart engine');
  helm
    .command('template')
    .description('render a chart, printing what `helm template` prints')
    .argument('<NAME|CHART>', 'release name (default "release-name" when only CHART is given)')
    .argument('[CHART]', 'a chart folder or a chart archive (.tgz)')
    .option('-f, --values <files>', 'values file(s), comma-separated or repeated; - reads stdin', collect)
    .option('--set <values>', 'set values (key1=val1,key2=val2)', collect)
    .option('--set-string <values>', 'set STRING values', collect)
    .option('--set-json <values>', 'set JSON values (key=jsonval, or a JSON object)', collect)
    .option('--set-literal <value>', 'set a literal STRING value', collect)
    .option('--set-file <values>', 'set values from files (key=path)', collect)
    .option('-n, --namespace <namespace>', 'the release namespace', 'default')
    .option('--kube-version <version>', 'Kubernetes version for Capabilities.KubeVersion (default 1.35.0)')
    .option(
      '-a, --api-versions <versions>',
      'extra Capabilities.APIVersions, comma-separated or repeated',
      collect,
      [],
    )
    .option('--include-crds', "include the charts' crds/ files in the output")
    .option('--skip-crds', 'accepted for helm compatibility: no effect on the output')
    .option('--release-name', 'accepted for helm compatibility: no effect without an output folder')
    .option(
      '-s, --show-only <template>',
      'only the documents of templates matching this path or glob',
      collect,
      [],
    )
    .addOption(
      new Option('-o, --output <format>', 'yaml as helm prints it, or json (an array of objects)')
        .choices(['yaml', 'json'])
        .default('yaml'),
    )
    .addHelpText('after', HELP)
    .action(async (first: string, second: string | undefined, flags: TemplateFlags) => {
      const request = templateRequest(second === undefined ? [first] : [first, second], flags);
      setCode(await runHelmTemplate(request, io));
    });
}
