/** kustomize.toolkit.fluxcd.io/v1 Kustomization with Flux's defaults. */
import { SELECTOR_KEYS } from '../../kustomize/selector.js';
import type { JsonObject } from '../../core/json.js';
import { duration, type Duration } from './duration.js';
import {
  bool,
  checkFields,
  dur,
  obj,
  objs,
  report,
  RULE_INVALID,
  str,
  strMap,
  strs,
  type FieldContext,
} from './fields.js';
import {
  readCommonMetadata,
  readDependsOn,
  readLocalRef,
  readSourceRef,
  type CommonMetadata,
  type DependsOn,
  type FluxObjectBase,
  type SourceRef,
} from './meta.js';

export const KUSTOMIZATION_SOURCE_KINDS = [
  'OCIRepository',
  'GitRepository',
  'Bucket',
  'ExternalArtifact',
] as const;

/** kustomize's patch target selector, as Flux's `patches[].target` writes it. */
export interface PatchSelector {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

export interface FluxPatch {
  patch: string;
  target?: PatchSelector;
}

export interface FluxImage {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
}

export interface HealthCheckRef {
  /** Defaults to `apps/v1` (inventory.ReferenceToObjMetadataSet). */
  apiVersion: string;
  kind: string;
  name: string;
  /** Not defaulted: '' only finds cluster-scoped objects. */
  namespace: string;
}

export interface SubstituteReference {
  kind: 'ConfigMap' | 'Secret';
  name: string;
  optional: boolean;
}

export interface PostBuild {
  substitute: Record<string, string>;
  substituteFrom: SubstituteReference[];
  substituteStrategy: 'WithVariables' | 'Always';
}

export interface Decryption {
  provider: 'sops';
  secretRef?: { name: string };
  serviceAccountName?: string;
}

export interface KubeConfigRef {
  configMapRef?: { name: string };
  /** `key` defaults to `value`. */
  secretRef?: { name: string; key: string };
}

export interface KustomizationModel extends FluxObjectBase {
  kind: 'Kustomization';
  sourceRef: SourceRef;
  /** spec.path as written ('' = artifact root); the overlay clamps it into the root. */
  path: string;
  interval: Duration;
  /** Defaults to interval. */
  retryInterval: Duration;
  /** GetTimeout(): spec.timeout or interval−30s, floored at 30s. */
  timeout: Duration;
  prune: boolean;
  deletionPolicy: 'MirrorPrune' | 'Delete' | 'WaitForTermination' | 'Orphan';
  suspend: boolean;
  force: boolean;
  wait: boolean;
  healthChecks: HealthCheckRef[];
  healthCheckExprs: JsonObject[];
  dependsOn: DependsOn[];
  targetNamespace?: string;
  namePrefix?: string;
  nameSuffix?: string;
  commonMetadata?: CommonMetadata;
  patches: FluxPatch[];
  images: FluxImage[];
  components: string[];
  ignoreMissingComponents: boolean;
  buildMetadata: string[];
  /** Present iff spec.postBuild is set (substitution only runs then). */
  postBuild?: PostBuild;
  decryption?: Decryption;
  serviceAccountName?: string;
  kubeConfig?: KubeConfigRef;
  ignore: JsonObject[];
}

const SPEC_FIELDS = [
  'sourceRef',
  'path',
  'interval',
  'retryInterval',
  'timeout',
  'prune',
  'deletionPolicy',
  'suspend',
  'force',
  'wait',
  'healthChecks',
  'healthCheckExprs',
  'dependsOn',
  'targetNamespace',
  'namePrefix',
  'nameSuffix',
  'commonMetadata',
  'patches',
  'images',
  'components',
  'ignoreMissingComponents',
  'buildMetadata',
  'postBuild',
  'decryption',
  'serviceAccountName',
  'kubeConfig',
  'ignore',
] as const;

const LEGACY_HINTS: Readonly<Record<string, string>> = {
  patchesStrategicMerge: 'removed in v1: move each patch to spec.patches',
  patchesJson6902: 'removed in v1: move each patch to spec.patches (with a target)',
  validation: 'removed in v1: Flux always validates with a server-side dry run',
};

const SELECTOR_FIELDS = SELECTOR_KEYS;
const THIRTY_SECONDS = 30_000;

/** GetTimeout: spec.timeout or interval−30s, never below 30s. */
export function kustomizationTimeout(interval: Duration, timeout: Duration | undefined): Duration {
  const ms = timeout ? timeout.ms : interval.ms - THIRTY_SECONDS;
  return ms < THIRTY_SECONDS ? duration(THIRTY_SECONDS) : (timeout ?? duration(ms));
}

export function readSelector(
  ctx: FieldContext,
  o: JsonObject,
  key: string,
  path: string,
): PatchSelector | undefined {
  const t = obj(ctx, o, key, path);
  if (!t) return undefined;
  const at = `${path}.${key}`;
  checkFields(ctx, t, SELECTOR_FIELDS, at);
  const sel: PatchSelector = {};
  for (const f of SELECTOR_FIELDS) {
    const v = str(ctx, t, f, at);
    if (v !== undefined) sel[f] = v;
  }
  return sel;
}

function readPatches(ctx: FieldContext, spec: JsonObject): FluxPatch[] {
  return objs(ctx, spec, 'patches', 'spec').flatMap((p, i) => {
    const at = `spec.patches[${i}]`;
    checkFields(ctx, p, ['patch', 'target'], at);
    const patch = str(ctx, p, 'patch', at, { required: true });
    if (patch === undefined) return [];
    const target = readSelector(ctx, p, 'target', at);
    return [target ? { patch, target } : { patch }];
  });
}

function readImages(ctx: FieldContext, spec: JsonObject): FluxImage[] {
  return objs(ctx, spec, 'images', 'spec').flatMap((o, i) => {
    const at = `spec.images[${i}]`;
    checkFields(ctx, o, ['name', 'newName', 'newTag', 'digest'], at);
    const name = str(ctx, o, 'name', at, { required: true });
    if (name === undefined) return [];
    const img: FluxImage = { name };
    for (const k of ['newName', 'newTag', 'digest'] as const) {
      const v = str(ctx, o, k, at);
      if (v !== undefined) img[k] = v;
    }
    return [img];
  });
}

function readHealthChecks(ctx: FieldContext, spec: JsonObject): HealthCheckRef[] {
  return objs(ctx, spec, 'healthChecks', 'spec').flatMap((o, i) => {
    const at = `spec.healthChecks[${i}]`;
    checkFields(ctx, o, ['apiVersion', 'kind', 'name', 'namespace'], at);
    const kind = str(ctx, o, 'kind', at, { required: true });
    const name = str(ctx, o, 'name', at, { required: true });
    if (kind === undefined || name === undefined) return [];
    return [
      {
        apiVersion: str(ctx, o, 'apiVersion', at) ?? 'apps/v1',
        kind,
        name,
        namespace: str(ctx, o, 'namespace', at) ?? '',
      },
    ];
  });
}

function readHealthCheckExprs(ctx: FieldContext, spec: JsonObject): JsonObject[] {
  const list = objs(ctx, spec, 'healthCheckExprs', 'spec');
  list.forEach((o, i) => {
    const at = `spec.healthCheckExprs[${i}]`;
    checkFields(ctx, o, ['apiVersion', 'kind', 'current', 'inProgress', 'failed'], at);
    str(ctx, o, 'apiVersion', at, { required: true });
    str(ctx, o, 'current', at, { required: true });
  });
  return list;
}

function readPostBuild(ctx: FieldContext, spec: JsonObject): PostBuild | undefined {
  const pb = obj(ctx, spec, 'postBuild', 'spec');
  if (!pb) return undefined;
  const at = 'spec.postBuild';
  checkFields(ctx, pb, ['substitute', 'substituteFrom', 'substituteStrategy'], at);
  const substituteFrom = objs(ctx, pb, 'substituteFrom', at).flatMap((o, i) => {
    const p = `${at}.substituteFrom[${i}]`;
    checkFields(ctx, o, ['kind', 'name', 'optional'], p);
    const kind = str(ctx, o, 'kind', p, { required: true, enum: ['ConfigMap', 'Secret'] });
    const name = str(ctx, o, 'name', p, { required: true, maxLength: 253 });
    if (kind === undefined || name === undefined) return [];
    return [
      { kind: kind as SubstituteReference['kind'], name, optional: bool(ctx, o, 'optional', p) ?? false },
    ];
  });
  const strategy = str(ctx, pb, 'substituteStrategy', at, { enum: ['WithVariables', 'Always'] });
  return {
    substitute: strMap(ctx, pb, 'substitute', at) ?? {},
    substituteFrom,
    substituteStrategy: (strategy ?? 'WithVariables') as PostBuild['substituteStrategy'],
  };
}

function readDecryption(ctx: FieldContext, spec: JsonObject): Decryption | undefined {
  const d = obj(ctx, spec, 'decryption', 'spec');
  if (!d) return undefined;
  const at = 'spec.decryption';
  checkFields(ctx, d, ['provider', 'secretRef', 'serviceAccountName'], at);
  str(ctx, d, 'provider', at, { required: true, enum: ['sops'] });
  const out: Decryption = { provider: 'sops' };
  const secretRef = readLocalRef(ctx, d, 'secretRef', at);
  if (secretRef) out.secretRef = secretRef;
  const sa = str(ctx, d, 'serviceAccountName', at);
  if (sa !== undefined) out.serviceAccountName = sa;
  return out;
}

function readKubeConfig(ctx: FieldContext, spec: JsonObject): KubeConfigRef | undefined {
  const k = obj(ctx, spec, 'kubeConfig', 'spec');
  if (!k) return undefined;
  const at = 'spec.kubeConfig';
  checkFields(ctx, k, ['configMapRef', 'secretRef'], at);
  const out: KubeConfigRef = {};
  const cm = readLocalRef(ctx, k, 'configMapRef', at);
  if (cm) out.configMapRef = cm;
  const s = obj(ctx, k, 'secretRef', at);
  if (s) {
    const name = str(ctx, s, 'name', `${at}.secretRef`, { required: true });
    if (name !== undefined) out.secretRef = { name, key: str(ctx, s, 'key', `${at}.secretRef`) ?? 'value' };
  }
  if ((out.configMapRef === undefined) === (out.secretRef === undefined)) {
    report(ctx, 'error', RULE_INVALID, `${at} must set exactly one of configMapRef or secretRef`);
  }
  return out;
}

/** Builds the model; the caller checks the context for error diagnostics. */
export function readKustomization(
  ctx: FieldContext,
  base: FluxObjectBase,
  spec: JsonObject,
): KustomizationModel | undefined {
  checkFields(ctx, spec, SPEC_FIELDS, 'spec', LEGACY_HINTS);
  const sourceRef = readSourceRef(ctx, spec, 'sourceRef', 'spec', KUSTOMIZATION_SOURCE_KINDS, base.namespace);
  const interval = dur(ctx, spec, 'interval', 'spec', true);
  const retryInterval = dur(ctx, spec, 'retryInterval', 'spec');
  const timeout = dur(ctx, spec, 'timeout', 'spec');
  const prune = bool(ctx, spec, 'prune', 'spec', true);
  const deletionPolicy = str(ctx, spec, 'deletionPolicy', 'spec', {
    enum: ['MirrorPrune', 'Delete', 'WaitForTermination', 'Orphan'],
  });
  const model: KustomizationModel = {
    ...base,
    kind: 'Kustomization',
    sourceRef: sourceRef ?? { kind: '', name: '', namespace: base.namespace },
    path: str(ctx, spec, 'path', 'spec') ?? '',
    interval: interval ?? duration(0),
    retryInterval: retryInterval ?? interval ?? duration(0),
    timeout: kustomizationTimeout(interval ?? duration(0), timeout),
    prune: prune ?? false,
    deletionPolicy: (deletionPolicy ?? 'MirrorPrune') as KustomizationModel['deletionPolicy'],
    suspend: bool(ctx, spec, 'suspend', 'spec') ?? false,
    force: bool(ctx, spec, 'force', 'spec') ?? false,
    wait: bool(ctx, spec, 'wait', 'spec') ?? false,
    healthChecks: readHealthChecks(ctx, spec),
    healthCheckExprs: readHealthCheckExprs(ctx, spec),
    dependsOn: readDependsOn(ctx, spec, base.namespace),
    patches: readPatches(ctx, spec),
    images: readImages(ctx, spec),
    components: strs(ctx, spec, 'components', 'spec'),
    ignoreMissingComponents: bool(ctx, spec, 'ignoreMissingComponents', 'spec') ?? false,
    buildMetadata: strs(ctx, spec, 'buildMetadata', 'spec', ['originAnnotations', 'transformerAnnotations']),
    ignore: objs(ctx, spec, 'ignore', 'spec'),
  };
  const optional = {
    targetNamespace: str(ctx, spec, 'targetNamespace', 'spec', { minLength: 1, maxLength: 63 }),
    namePrefix: str(ctx, spec, 'namePrefix', 'spec', { minLength: 1, maxLength: 200 }),
    nameSuffix: str(ctx, spec, 'nameSuffix', 'spec', { minLength: 1, maxLength: 200 }),
    commonMetadata: readCommonMetadata(ctx, spec),
    postBuild: readPostBuild(ctx, spec),
    decryption: readDecryption(ctx, spec),
    serviceAccountName: str(ctx, spec, 'serviceAccountName', 'spec'),
    kubeConfig: readKubeConfig(ctx, spec),
  };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) Object.assign(model, { [k]: v });
  return sourceRef && interval && prune !== undefined ? model : undefined;
}
