/** source.toolkit.fluxcd.io/v1 Bucket. */
import type { JsonObject } from '../../core/json.js';
import { duration, type Duration } from './duration.js';
import { bool, checkFields, dur, str, type FieldContext } from './fields.js';
import { readLocalRef, type FluxObjectBase } from './meta.js';

export interface BucketModel extends FluxObjectBase {
  kind: 'Bucket';
  bucketName: string;
  endpoint: string;
  interval: Duration;
  timeout: Duration;
  provider: string;
  prefix?: string;
  region?: string;
  insecure: boolean;
  ignore?: string;
  secretRef?: { name: string };
  suspend: boolean;
}

const SPEC_FIELDS = [
  'provider',
  'bucketName',
  'endpoint',
  'sts',
  'insecure',
  'region',
  'prefix',
  'secretRef',
  'certSecretRef',
  'proxySecretRef',
  'serviceAccountName',
  'interval',
  'timeout',
  'ignore',
  'suspend',
  'accessFrom',
];

export function readBucket(
  ctx: FieldContext,
  base: FluxObjectBase,
  spec: JsonObject,
): BucketModel | undefined {
  checkFields(ctx, spec, SPEC_FIELDS, 'spec');
  const bucketName = str(ctx, spec, 'bucketName', 'spec', { required: true });
  const endpoint = str(ctx, spec, 'endpoint', 'spec', { required: true });
  const interval = dur(ctx, spec, 'interval', 'spec', true);
  const model: BucketModel = {
    ...base,
    kind: 'Bucket',
    bucketName: bucketName ?? '',
    endpoint: endpoint ?? '',
    interval: interval ?? duration(0),
    timeout: dur(ctx, spec, 'timeout', 'spec') ?? duration(60_000),
    provider: str(ctx, spec, 'provider', 'spec', { enum: ['generic', 'aws', 'gcp', 'azure'] }) ?? 'generic',
    insecure: bool(ctx, spec, 'insecure', 'spec') ?? false,
    suspend: bool(ctx, spec, 'suspend', 'spec') ?? false,
  };
  for (const k of ['prefix', 'region', 'ignore'] as const) {
    const v = str(ctx, spec, k, 'spec');
    if (v !== undefined) model[k] = v;
  }
  const secretRef = readLocalRef(ctx, spec, 'secretRef', 'spec');
  if (secretRef) model.secretRef = secretRef;
  return bucketName !== undefined && endpoint !== undefined && interval ? model : undefined;
}
