/** source.toolkit.fluxcd.io/v1 OCIRepository. */
import type { JsonObject } from '../../core/json.js';
import { duration, type Duration } from './duration.js';
import { bool, checkFields, dur, obj, str, type FieldContext } from './fields.js';
import { readLocalRef, type FluxObjectBase } from './meta.js';

export interface OciRef {
  digest?: string;
  semver?: string;
  semverFilter?: string;
  tag?: string;
}

export interface OCIRepositoryModel extends FluxObjectBase {
  kind: 'OCIRepository';
  url: string;
  interval: Duration;
  timeout: Duration;
  /** As written; `{tag: 'latest'}` when absent or when it selects nothing. */
  ref: OciRef;
  /** digest > semver > tag. */
  resolvedRef: { kind: 'digest' | 'semver' | 'tag'; value: string };
  layerSelector: { mediaType?: string; operation: 'extract' | 'copy' };
  provider: string;
  insecure: boolean;
  ignore?: string;
  secretRef?: { name: string };
  suspend: boolean;
}

const SPEC_FIELDS = [
  'url',
  'ref',
  'layerSelector',
  'provider',
  'secretRef',
  'verify',
  'serviceAccountName',
  'certSecretRef',
  'proxySecretRef',
  'interval',
  'timeout',
  'ignore',
  'insecure',
  'suspend',
];

export function readOCIRepository(
  ctx: FieldContext,
  base: FluxObjectBase,
  spec: JsonObject,
): OCIRepositoryModel | undefined {
  checkFields(ctx, spec, SPEC_FIELDS, 'spec');
  const url = str(ctx, spec, 'url', 'spec', { required: true, pattern: /^oci:\/\/.*$/ });
  const interval = dur(ctx, spec, 'interval', 'spec', true);
  const ref: OciRef = {};
  const refObj = obj(ctx, spec, 'ref', 'spec');
  if (refObj) {
    checkFields(ctx, refObj, ['digest', 'semver', 'semverFilter', 'tag'], 'spec.ref');
    for (const k of ['digest', 'semver', 'semverFilter', 'tag'] as const) {
      const v = str(ctx, refObj, k, 'spec.ref');
      if (v !== undefined) ref[k] = v;
    }
  }
  const winner = (['digest', 'semver', 'tag'] as const).find((k) => ref[k] !== undefined);
  const ls = obj(ctx, spec, 'layerSelector', 'spec');
  const layerSelector: OCIRepositoryModel['layerSelector'] = { operation: 'extract' };
  if (ls) {
    checkFields(ctx, ls, ['mediaType', 'operation'], 'spec.layerSelector');
    const mediaType = str(ctx, ls, 'mediaType', 'spec.layerSelector');
    if (mediaType !== undefined) layerSelector.mediaType = mediaType;
    const op = str(ctx, ls, 'operation', 'spec.layerSelector', { enum: ['extract', 'copy'] });
    if (op !== undefined) layerSelector.operation = op as 'extract' | 'copy';
  }
  const model: OCIRepositoryModel = {
    ...base,
    kind: 'OCIRepository',
    url: url ?? '',
    interval: interval ?? duration(0),
    timeout: dur(ctx, spec, 'timeout', 'spec') ?? duration(60_000),
    ref,
    resolvedRef: winner ? { kind: winner, value: ref[winner] as string } : { kind: 'tag', value: 'latest' },
    layerSelector,
    provider: str(ctx, spec, 'provider', 'spec', { enum: ['generic', 'aws', 'azure', 'gcp'] }) ?? 'generic',
    insecure: bool(ctx, spec, 'insecure', 'spec') ?? false,
    suspend: bool(ctx, spec, 'suspend', 'spec') ?? false,
  };
  const ignore = str(ctx, spec, 'ignore', 'spec');
  if (ignore !== undefined) model.ignore = ignore;
  const secretRef = readLocalRef(ctx, spec, 'secretRef', 'spec');
  if (secretRef) model.secretRef = secretRef;
  return url !== undefined && interval ? model : undefined;
}
