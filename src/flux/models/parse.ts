/** Dispatch a manifest to its Flux model by apiVersion and kind. */
import type { Diagnostic } from '../../core/diagnostic.js';
import type { JsonObject } from '../../core/json.js';
import { readBucket, type BucketModel } from './bucket.js';
import { hasErrors, report, RULE_UNSUPPORTED, type FieldContext, type Where } from './fields.js';
import { readFluxInstance, type FluxInstanceModel } from './flux-instance.js';
import { readGitRepository, type GitRepositoryModel } from './git-repository.js';
import { readHelmRelease, type HelmReleaseModel } from './helm-release.js';
import { readHelmRepository, type HelmRepositoryModel } from './helm-repository.js';
import { readKustomization, type KustomizationModel } from './kustomization.js';
import { readMeta, type FluxObjectBase } from './meta.js';
import { readOCIRepository, type OCIRepositoryModel } from './oci-repository.js';

export type SourceModel = GitRepositoryModel | OCIRepositoryModel | HelmRepositoryModel | BucketModel;
export type FluxModel = KustomizationModel | SourceModel | HelmReleaseModel | FluxInstanceModel;

type Reader = (ctx: FieldContext, base: FluxObjectBase, spec: JsonObject) => FluxModel | undefined;

interface KindInfo {
  group: string;
  current: string;
  deprecated: readonly string[];
  read: Reader;
}

const KUSTOMIZE = 'kustomize.toolkit.fluxcd.io';
const SOURCE = 'source.toolkit.fluxcd.io';
const HELM = 'helm.toolkit.fluxcd.io';
const OPERATOR = 'fluxcd.controlplane.io';

const KINDS: Readonly<Record<string, KindInfo>> = {
  Kustomization: {
    group: KUSTOMIZE,
    current: 'v1',
    deprecated: ['v1beta2', 'v1beta1'],
    read: readKustomization,
  },
  GitRepository: {
    group: SOURCE,
    current: 'v1',
    deprecated: ['v1beta2', 'v1beta1'],
    read: readGitRepository,
  },
  OCIRepository: { group: SOURCE, current: 'v1', deprecated: ['v1beta2'], read: readOCIRepository },
  HelmRepository: {
    group: SOURCE,
    current: 'v1',
    deprecated: ['v1beta2', 'v1beta1'],
    read: readHelmRepository,
  },
  Bucket: { group: SOURCE, current: 'v1', deprecated: ['v1beta2', 'v1beta1'], read: readBucket },
  HelmRelease: { group: HELM, current: 'v2', deprecated: ['v2beta2', 'v2beta1'], read: readHelmRelease },
  FluxInstance: { group: OPERATOR, current: 'v1', deprecated: [], read: readFluxInstance },
};

const SOURCE_KINDS = new Set(['GitRepository', 'OCIRepository', 'HelmRepository', 'Bucket']);

function groupVersion(obj: JsonObject): { group: string; version: string; kind: string } {
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const slash = apiVersion.indexOf('/');
  return {
    group: slash < 0 ? '' : apiVersion.slice(0, slash),
    version: slash < 0 ? apiVersion : apiVersion.slice(slash + 1),
    kind: typeof obj.kind === 'string' ? obj.kind : '',
  };
}

function kindInfo(obj: JsonObject): KindInfo | undefined {
  const { group, kind } = groupVersion(obj);
  const info = Object.hasOwn(KINDS, kind) ? KINDS[kind] : undefined;
  return info && info.group === group ? info : undefined;
}

/** A Flux Kustomization (any version), not kustomize's own `kustomize.config.k8s.io` one. */
export function isFluxKustomization(obj: JsonObject): boolean {
  return groupVersion(obj).group === KUSTOMIZE && obj.kind === 'Kustomization';
}

/** A Flux source the render stage can map to files: GitRepository, OCIRepository, HelmRepository, Bucket. */
export function isSource(obj: JsonObject): boolean {
  const { group, kind } = groupVersion(obj);
  return group === SOURCE && SOURCE_KINDS.has(kind);
}

/** True for the kinds parseFluxObject models. */
export function isModelledFluxObject(obj: JsonObject): boolean {
  return kindInfo(obj) !== undefined;
}

/**
 * The typed model of a Flux object with Flux's defaults applied, plus what is wrong with it.
 * The model is absent when the object is not a modelled Flux kind, or when an error
 * diagnostic means the API server would reject it (so Flux would never act on it).
 */
export function parseFluxObject(
  obj: JsonObject,
  where: Where,
): { model?: FluxModel; diagnostics: Diagnostic[] } {
  const info = kindInfo(obj);
  if (!info) return { diagnostics: [] };
  const { version, kind } = groupVersion(obj);
  const diagnostics: Diagnostic[] = [];
  const deprecated = info.deprecated.includes(version);
  const current = `${info.group}/${info.current}`;
  const { ctx, base, spec } = readMeta(obj, where, kind, deprecated, current, diagnostics);
  if (version !== info.current && !deprecated) {
    report(
      ctx,
      'error',
      RULE_UNSUPPORTED,
      `apiVersion ${info.group}/${version} is not served by Flux`,
      `use ${current}`,
    );
    return { diagnostics };
  }
  const model = info.read(ctx, base, spec);
  return model && !hasErrors(ctx) ? { model, diagnostics } : { diagnostics };
}
