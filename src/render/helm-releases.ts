/**
 * Renders the HelmReleases of a rendered cluster as helm-controller would install them: every
 * chart request of the cluster resolved in one call, then each release in `dependsOn` order
 * (after the Kustomization that applies it): values from the cluster's ConfigMaps and Secrets,
 * the chart rendered by the injected service, CRDs and hooks by the release's policies, the
 * post-render chain. A failure is recorded on the release and as a diagnostic; it never stops
 * the others.
 */
import { DiagnosticError, type Diagnostic } from '../core/diagnostic.js';
import { isJsonObject, type JsonObject } from '../core/json.js';
import { requestKey, type ChartRequest, type ChartResult } from '../charts/types.js';
import { addCrdApiVersions } from '../flux/helm/capabilities.js';
import { planChart, type ChartPlan } from '../flux/helm/chart-ref.js';
import { postRender, type PostRenderStrategy } from '../flux/helm/post-render.js';
import { parseHelmOutput, releaseManifests } from '../flux/helm/release-manifests.js';
import { releaseValues } from '../flux/helm/release-values.js';
import { addSecretObject, type SecretTexts } from '../flux/secret-text.js';
import type { HelmReleaseModel } from '../flux/models/helm-release.js';
import { parseFluxObject } from '../flux/models/index.js';
import { GoInt } from '../gotemplate/value.js';
import type { RepoTree } from '../tree/repo-tree.js';
import { chartFor } from './helm-chart.js';
import { unknownValuesFor } from './helm-known-values.js';
import type { HelmService } from './helm-service.js';
import { indexCluster, type ClusterIndex } from './cluster-lookup.js';
import { refKey, type ClusterModel, type HelmReleaseRecord, type RenderedObject } from './model.js';
import { helmReleaseOrder } from './helm-release-order.js';

export interface HelmStageOptions {
  service: HelmService;
  /** Sources that are this repository, with the path their artifact maps to. */
  localSources: readonly { kind: string; namespace: string; name: string; path: string }[];
  /** Objects the cluster holds that the repository does not (bootstrap Secrets). */
  clusterObjects?: readonly RenderedObject[];
  kubeVersion?: string;
  secrets?: SecretTexts;
}

interface Prepared {
  record: HelmReleaseRecord;
  hr: HelmReleaseModel;
  plan: ChartPlan;
}

const where = (r: HelmReleaseRecord) => ({ file: r.file, ...(r.line !== undefined ? { line: r.line } : {}) });

function fail(
  model: ClusterModel,
  r: HelmReleaseRecord,
  state: 'failed' | 'chart-unavailable',
  rule: string,
  reason: string,
  hint: string,
): void {
  r.state = state;
  r.reason = reason;
  model.diagnostics.push({
    severity: 'error',
    rule,
    ...where(r),
    message: `HelmRelease ${refKey(r.ref)}: ${reason}`,
    hint,
  });
}

function parse(model: ClusterModel, r: HelmReleaseRecord): HelmReleaseModel | undefined {
  const parsed = parseFluxObject(r.obj, { file: r.file, ...(r.line !== undefined ? { line: r.line } : {}) });
  const hr = parsed.model?.kind === 'HelmRelease' ? (parsed.model as HelmReleaseModel) : undefined;
  if (hr) return hr;
  const why = parsed.diagnostics.find((d) => d.severity === 'error')?.message ?? 'not a valid HelmRelease';
  fail(model, r, 'failed', 'helm-render-failed', why, 'fix the HelmRelease spec');
  return undefined;
}

function authLookup(index: ClusterIndex, secrets: SecretTexts | undefined) {
  return (namespace: string, name: string) => {
    const s = index.lookup('Secret', namespace, name);
    const read = (k: string): string | undefined => {
      const str = s && isJsonObject(s.stringData) ? s.stringData[k] : undefined;
      if (typeof str === 'string') return str;
      const b64 = s && isJsonObject(s.data) ? s.data[k] : undefined;
      return typeof b64 === 'string' ? Buffer.from(b64, 'base64').toString('utf8') : undefined;
    };
    const username = read('username');
    const password = read('password');
    if (!s || username === undefined || password === undefined) return undefined;
    if (secrets) addSecretObject(secrets, s);
    return { username, password };
  };
}

/** GoInt values (set by a targetPath) as plain numbers, for the model's JSON. */
function jsonValues(v: unknown): JsonObject {
  return JSON.parse(
    JSON.stringify(v, (_k, x: unknown) => (x instanceof GoInt ? x.toNumber() : x)),
  ) as JsonObject;
}

function strategyOf(spec: JsonObject): PostRenderStrategy {
  const s = spec.postRenderStrategy;
  return s === 'nohooks' || s === 'separate' ? s : 'combined';
}

async function renderOne(
  p: Prepared,
  model: ClusterModel,
  tree: RepoTree,
  results: ReadonlyMap<string, ChartResult>,
  index: ClusterIndex,
  apiVersions: Set<string>,
  opts: HelmStageOptions,
): Promise<void> {
  const { record: r, hr, plan } = p;
  const chart = chartFor(plan, results, tree, where(r));
  if (!chart.ok) {
    const rule = chart.state === 'failed' ? 'helm-render-failed' : 'helm-chart-unavailable';
    fail(model, r, chart.state, rule, chart.reason, chart.hint);
    return;
  }
  model.diagnostics.push(...chart.notes);
  r.chartName = chart.name;
  r.chartVersion = chart.version;
  let values;
  try {
    values = releaseValues(hr, index.lookup, where(r), opts.secrets);
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    fail(model, r, 'failed', 'helm-render-failed', e.message, e.diagnostic.hint ?? 'fix spec.valuesFrom');
    return;
  }
  r.values = jsonValues(values.values);
  const unknown = unknownValuesFor(chart.key, chart.input, r.values);
  if (unknown && unknown.length > 0) r.unknownValuePaths = unknown;
  if (values.placeholders.length > 0) {
    model.diagnostics.push({
      severity: 'info',
      rule: 'helm-values-placeholder',
      ...where(r),
      message: `HelmRelease ${refKey(r.ref)} renders with placeholders for values that exist only in the cluster (${values.placeholders.join(', ')}); the values schema is not checked`,
      hint: 'pass --decrypt to read SOPS-encrypted Secrets',
    });
  }
  const spec = isJsonObject(r.obj.spec) ? r.obj.spec : {};
  const response = await opts.service.render({
    key: chart.key,
    chart: chart.input,
    values: values.values,
    options: {
      releaseName: hr.releaseName,
      namespace: hr.targetNamespace,
      ...(opts.kubeVersion ? { kubeVersion: opts.kubeVersion } : {}),
      apiVersions: [...apiVersions],
      includeCrds: hr.installCrds !== 'Skip',
      ...(values.placeholders.length > 0 ? { skipSchemaValidation: true } : {}),
    },
  });
  if (!response.ok) {
    const d: Diagnostic = response.diagnostic;
    const at = d.file ? ` (${d.file}${d.line ? `:${d.line}` : ''})` : '';
    const rule = d.rule === 'helm-values-schema' ? 'helm-values-schema' : 'helm-render-failed';
    fail(model, r, 'failed', rule, `${d.message}${at}`, d.hint ?? 'fix the values or the chart');
    return;
  }
  try {
    const test = isJsonObject(spec.test) ? spec.test : {};
    const release = releaseManifests(parseHelmOutput(response.text, r.file), {
      includeCrds: hr.installCrds !== 'Skip',
      tests: test.enable === true,
      disableHooks: hr.install?.disableHooks === true,
    });
    const out = postRender(release, {
      postRenderers: hr.postRenderers,
      ...(hr.commonMetadata ? { commonMetadata: hr.commonMetadata } : {}),
      strategy: strategyOf(spec),
      release: { namespace: r.ref.namespace, name: r.ref.name },
      ...where(r),
    });
    r.objects = [...out.crds, ...out.manifests, ...out.hooks].map((o) => ({
      obj: o.obj,
      ...where(r),
      ...(o.template ? { template: o.template } : {}),
    }));
    r.state = 'rendered';
    addCrdApiVersions(
      apiVersions,
      r.objects.map((o) => o.obj),
    );
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    fail(model, r, 'failed', 'helm-render-failed', e.message, e.diagnostic.hint ?? 'fix spec.postRenderers');
  }
}

function sourceLookup(index: ClusterIndex, localSources: HelmStageOptions['localSources']) {
  const local = new Map(localSources.map((s) => [`${s.kind}/${s.namespace}/${s.name}`, s.path]));
  return (kind: string, namespace: string, name: string) => {
    const obj = index.source(kind, namespace, name);
    const localPath = local.get(`${kind}/${namespace}/${name}`);
    return obj
      ? { kind, namespace, name, obj, ...(localPath !== undefined ? { localPath } : {}) }
      : undefined;
  };
}

/** The releases to render with their chart plans; others get their state (suspended, remote cluster, invalid). */
function planReleases(
  model: ClusterModel,
  index: ClusterIndex,
  opts: Pick<HelmStageOptions, 'localSources' | 'secrets'>,
): Prepared[] {
  const sources = sourceLookup(index, opts.localSources);
  const auth = authLookup(index, opts.secrets);
  const prepared: Prepared[] = [];
  for (const r of model.helmReleases) {
    if (r.suspended) {
      r.state = 'suspended';
      continue;
    }
    const hr = parse(model, r);
    if (!hr) continue;
    if (hr.kubeConfig) {
      r.reason = 'spec.kubeConfig: it installs into another cluster';
      model.diagnostics.push({
        severity: 'info',
        rule: 'helm-remote-cluster',
        ...where(r),
        message: `HelmRelease ${refKey(r.ref)} installs into a remote cluster (spec.kubeConfig): not rendered into cluster ${model.name}`,
      });
      continue;
    }
    prepared.push({ record: r, hr, plan: planChart(hr, sources, auth) });
  }
  return prepared;
}

/**
 * The chart requests of a rendered cluster's HelmReleases, each once, without rendering them
 * (what `charts pull` fetches). `model` is not changed.
 */
export function chartRequestsOf(
  model: ClusterModel,
  opts: Pick<HelmStageOptions, 'localSources' | 'clusterObjects'>,
): { release: HelmReleaseRecord; request: ChartRequest }[] {
  const scratch: ClusterModel = {
    ...model,
    helmReleases: model.helmReleases.map((r) => ({ ...r })),
    diagnostics: [],
  };
  const prepared = planReleases(scratch, indexCluster(model, opts.clusterObjects), opts);
  const out: { release: HelmReleaseRecord; request: ChartRequest }[] = [];
  for (const p of prepared)
    if (p.plan.kind === 'remote') out.push({ release: p.record, request: p.plan.request });
  return out;
}

/** Renders every HelmRelease of `model` in place: states, objects, values and diagnostics. */
export async function renderHelmReleases(
  tree: RepoTree,
  model: ClusterModel,
  opts: HelmStageOptions,
): Promise<void> {
  const index = indexCluster(model, opts.clusterObjects);
  const prepared = planReleases(model, index, opts);
  const requests = new Map<string, ChartRequest>();
  for (const p of prepared)
    if (p.plan.kind === 'remote') requests.set(requestKey(p.plan.request), p.plan.request);
  const results =
    requests.size > 0 ? await opts.service.charts([...requests.values()]) : new Map<string, ChartResult>();
  const apiVersions = new Set<string>();
  addCrdApiVersions(apiVersions, index.crds);
  for (const p of helmReleaseOrder(prepared, (x) => x.record)) {
    const failedDeps = p.hr.dependsOn.filter((d) =>
      model.helmReleases.some((o) => refKey(o.ref) === refKey(d) && o.state === 'failed'),
    );
    if (failedDeps.length > 0) {
      model.diagnostics.push({
        severity: 'warning',
        rule: 'flux-dependency-not-ready',
        ...where(p.record),
        message: `HelmRelease ${refKey(p.record.ref)} depends on ${failedDeps.map(refKey).join(', ')}, which failed: Flux would not install it until that is fixed (rendered here anyway)`,
      });
    }
    await renderOne(p, model, tree, results, index, apiVersions, opts);
  }
}
