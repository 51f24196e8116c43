/** helm.toolkit.fluxcd.io/v2 HelmRelease with the controller's defaults. */
import type { JsonObject } from '../../core/json.js';
import { duration, type Duration } from './duration.js';
import {
  bool,
  checkFields,
  dur,
  int,
  obj,
  objs,
  report,
  RULE_INVALID,
  str,
  strs,
  type FieldContext,
} from './fields.js';
import {
  readCommonMetadata,
  readDependsOn,
  readSourceRef,
  type CommonMetadata,
  type DependsOn,
  type FluxObjectBase,
  type SourceRef,
} from './meta.js';
import { helmReleaseName } from './release-name.js';

export interface HelmChartTemplate {
  chart: string;
  /** Default `*`. */
  version: string;
  /** kind HelmRepository | GitRepository | Bucket; namespace defaults to the HelmRelease's. */
  sourceRef: SourceRef;
  /** Defaults to the HelmRelease's interval. */
  interval: Duration;
  reconcileStrategy: 'ChartVersion' | 'Revision';
  valuesFiles: string[];
  ignoreMissingValuesFiles: boolean;
  metadata?: { labels: Record<string, string>; annotations: Record<string, string> };
}

export interface ValuesReference {
  kind: 'ConfigMap' | 'Secret';
  name: string;
  /** Default `values.yaml`. */
  valuesKey: string;
  targetPath?: string;
  optional: boolean;
}

export interface HelmReleaseModel extends FluxObjectBase {
  kind: 'HelmRelease';
  interval: Duration;
  /** Exactly one of chart / chartRef. */
  chart?: HelmChartTemplate;
  chartRef?: SourceRef;
  /** `[targetNamespace-]name` unless spec.releaseName, shortened past 53 characters. */
  releaseName: string;
  /** Defaults to the HelmRelease's namespace. */
  targetNamespace: string;
  storageNamespace: string;
  timeout: Duration;
  maxHistory: number;
  persistentClient: boolean;
  suspend: boolean;
  serviceAccountName?: string;
  kubeConfig?: JsonObject;
  dependsOn: DependsOn[];
  values?: JsonObject;
  valuesFrom: ValuesReference[];
  /** install.crds: Skip | Create (default) | CreateReplace. */
  installCrds: 'Skip' | 'Create' | 'CreateReplace';
  /** upgrade.crds: default Skip. */
  upgradeCrds: 'Skip' | 'Create' | 'CreateReplace';
  createNamespace: boolean;
  install?: JsonObject;
  upgrade?: JsonObject;
  postRenderers: JsonObject[];
  driftDetection?: JsonObject;
  commonMetadata?: CommonMetadata;
}

const SPEC_FIELDS = [
  'chart',
  'chartRef',
  'interval',
  'kubeConfig',
  'suspend',
  'releaseName',
  'targetNamespace',
  'storageNamespace',
  'dependsOn',
  'timeout',
  'maxHistory',
  'serviceAccountName',
  'persistentClient',
  'driftDetection',
  'install',
  'upgrade',
  'test',
  'rollback',
  'uninstall',
  'valuesFrom',
  'values',
  'postRenderers',
  'postRenderStrategy',
  'commonMetadata',
  'healthCheckExprs',
  'waitStrategy',
];

const CRDS_POLICIES = ['Skip', 'Create', 'CreateReplace'] as const;
type CrdsPolicy = (typeof CRDS_POLICIES)[number];

function readChart(
  ctx: FieldContext,
  spec: JsonObject,
  namespace: string,
  interval: Duration,
): HelmChartTemplate | undefined {
  const c = obj(ctx, spec, 'chart', 'spec');
  if (!c) return undefined;
  checkFields(ctx, c, ['spec', 'metadata'], 'spec.chart');
  const s = obj(ctx, c, 'spec', 'spec.chart', true);
  if (!s) return undefined;
  const at = 'spec.chart.spec';
  checkFields(
    ctx,
    s,
    [
      'chart',
      'version',
      'sourceRef',
      'interval',
      'reconcileStrategy',
      'valuesFiles',
      'valuesFile',
      'ignoreMissingValuesFiles',
      'verify',
    ],
    at,
  );
  const chart = str(ctx, s, 'chart', at, { required: true, maxLength: 2048 });
  const sourceRef = readSourceRef(
    ctx,
    s,
    'sourceRef',
    at,
    ['HelmRepository', 'GitRepository', 'Bucket'],
    namespace,
  );
  if (chart === undefined || sourceRef === undefined) return undefined;
  const legacyValuesFile = str(ctx, s, 'valuesFile', at);
  const out: HelmChartTemplate = {
    chart,
    version: str(ctx, s, 'version', at) ?? '*',
    sourceRef,
    interval: dur(ctx, s, 'interval', at) ?? interval,
    reconcileStrategy: (str(ctx, s, 'reconcileStrategy', at, { enum: ['ChartVersion', 'Revision'] }) ??
      'ChartVersion') as HelmChartTemplate['reconcileStrategy'],
    valuesFiles: [...(legacyValuesFile ? [legacyValuesFile] : []), ...strs(ctx, s, 'valuesFiles', at)],
    ignoreMissingValuesFiles: bool(ctx, s, 'ignoreMissingValuesFiles', at) ?? false,
  };
  const m = obj(ctx, c, 'metadata', 'spec.chart');
  if (m) {
    const map = (v: unknown): Record<string, string> =>
      typeof v === 'object' && v !== null && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).filter(([, x]) => typeof x === 'string'))
        : {};
    out.metadata = { labels: map(m.labels), annotations: map(m.annotations) };
  }
  return out;
}

function readValuesFrom(ctx: FieldContext, spec: JsonObject): ValuesReference[] {
  return objs(ctx, spec, 'valuesFrom', 'spec').flatMap((o, i) => {
    const at = `spec.valuesFrom[${i}]`;
    checkFields(ctx, o, ['kind', 'name', 'valuesKey', 'targetPath', 'optional'], at);
    const kind = str(ctx, o, 'kind', at, { required: true, enum: ['ConfigMap', 'Secret'] });
    const name = str(ctx, o, 'name', at, { required: true, minLength: 1, maxLength: 253 });
    if (kind === undefined || name === undefined) return [];
    const ref: ValuesReference = {
      kind: kind as ValuesReference['kind'],
      name,
      valuesKey:
        str(ctx, o, 'valuesKey', at, { pattern: /^[-._a-zA-Z0-9]+$/, maxLength: 253 }) ?? 'values.yaml',
      optional: bool(ctx, o, 'optional', at) ?? false,
    };
    const targetPath = str(ctx, o, 'targetPath', at, { maxLength: 250 });
    if (targetPath !== undefined) ref.targetPath = targetPath;
    return [ref];
  });
}

function crds(ctx: FieldContext, o: JsonObject | undefined, path: string, fallback: CrdsPolicy): CrdsPolicy {
  if (!o) return fallback;
  return (str(ctx, o, 'crds', path, { enum: CRDS_POLICIES }) as CrdsPolicy | undefined) ?? fallback;
}

export function readHelmRelease(
  ctx: FieldContext,
  base: FluxObjectBase,
  spec: JsonObject,
): HelmReleaseModel | undefined {
  checkFields(ctx, spec, SPEC_FIELDS, 'spec');
  const interval = dur(ctx, spec, 'interval', 'spec', true);
  const chart = readChart(ctx, spec, base.namespace, interval ?? duration(0));
  const chartRef = readSourceRef(
    ctx,
    spec,
    'chartRef',
    'spec',
    ['OCIRepository', 'HelmChart', 'ExternalArtifact'],
    base.namespace,
    false,
  );
  if (
    (spec.chart === undefined || spec.chart === null) ===
    (spec.chartRef === undefined || spec.chartRef === null)
  ) {
    report(ctx, 'error', RULE_INVALID, 'exactly one of spec.chart or spec.chartRef must be set');
  }
  const targetNamespace = str(ctx, spec, 'targetNamespace', 'spec', { minLength: 1, maxLength: 63 });
  const releaseName = str(ctx, spec, 'releaseName', 'spec', { minLength: 1, maxLength: 53 });
  const install = obj(ctx, spec, 'install', 'spec');
  const upgrade = obj(ctx, spec, 'upgrade', 'spec');
  const model: HelmReleaseModel = {
    ...base,
    kind: 'HelmRelease',
    interval: interval ?? duration(0),
    releaseName: helmReleaseName(base.name, releaseName, targetNamespace),
    targetNamespace: targetNamespace ?? base.namespace,
    storageNamespace:
      str(ctx, spec, 'storageNamespace', 'spec', { minLength: 1, maxLength: 63 }) ?? base.namespace,
    timeout: dur(ctx, spec, 'timeout', 'spec') ?? duration(300_000),
    maxHistory: int(ctx, spec, 'maxHistory', 'spec') ?? 5,
    persistentClient: bool(ctx, spec, 'persistentClient', 'spec') ?? true,
    suspend: bool(ctx, spec, 'suspend', 'spec') ?? false,
    dependsOn: readDependsOn(ctx, spec, base.namespace),
    valuesFrom: readValuesFrom(ctx, spec),
    installCrds: crds(ctx, install, 'spec.install', 'Create'),
    upgradeCrds: crds(ctx, upgrade, 'spec.upgrade', 'Skip'),
    createNamespace: (install && bool(ctx, install, 'createNamespace', 'spec.install')) ?? false,
    postRenderers: objs(ctx, spec, 'postRenderers', 'spec'),
  };
  const extras = {
    chart,
    chartRef,
    serviceAccountName: str(ctx, spec, 'serviceAccountName', 'spec'),
    kubeConfig: obj(ctx, spec, 'kubeConfig', 'spec'),
    values: obj(ctx, spec, 'values', 'spec'),
    install,
    upgrade,
    driftDetection: obj(ctx, spec, 'driftDetection', 'spec'),
    commonMetadata: readCommonMetadata(ctx, spec),
  };
  for (const [k, v] of Object.entries(extras)) if (v !== undefined) Object.assign(model, { [k]: v });
  return interval && (chart || chartRef) ? model : undefined;
}
