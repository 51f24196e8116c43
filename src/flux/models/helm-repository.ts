/** source.toolkit.fluxcd.io/v1 HelmRepository. */
import type { JsonObject } from '../../core/json.js';
import { duration, type Duration } from './duration.js';
import { bool, checkFields, dur, str, type FieldContext } from './fields.js';
import { readLocalRef, type FluxObjectBase } from './meta.js';

export interface HelmRepositoryModel extends FluxObjectBase {
  kind: 'HelmRepository';
  url: string;
  /** `default` (HTTP index) or `oci` (static object, no artifact). */
  type: 'default' | 'oci';
  /** Default 1m; ignored for type oci. */
  interval: Duration;
  timeout: Duration;
  provider: string;
  insecure: boolean;
  passCredentials: boolean;
  secretRef?: { name: string };
  suspend: boolean;
}

const SPEC_FIELDS = [
  'url',
  'secretRef',
  'certSecretRef',
  'passCredentials',
  'interval',
  'insecure',
  'timeout',
  'suspend',
  'accessFrom',
  'type',
  'provider',
];

export function readHelmRepository(
  ctx: FieldContext,
  base: FluxObjectBase,
  spec: JsonObject,
): HelmRepositoryModel | undefined {
  checkFields(ctx, spec, SPEC_FIELDS, 'spec');
  const url = str(ctx, spec, 'url', 'spec', { required: true, pattern: /^(http|https|oci):\/\/.*$/ });
  const type = (str(ctx, spec, 'type', 'spec', { enum: ['default', 'oci'] }) ?? 'default') as
    'default' | 'oci';
  if (type === 'oci' && url !== undefined && !url.startsWith('oci://')) {
    ctx.diagnostics.push({
      severity: 'error',
      rule: 'flux-invalid-field',
      message: `${ctx.subject}: spec.url must start with oci:// when spec.type is oci`,
      file: ctx.where.file,
      ...(ctx.where.line !== undefined ? { line: ctx.where.line } : {}),
    });
  }
  const model: HelmRepositoryModel = {
    ...base,
    kind: 'HelmRepository',
    url: url ?? '',
    type,
    interval: dur(ctx, spec, 'interval', 'spec') ?? duration(60_000),
    timeout: dur(ctx, spec, 'timeout', 'spec') ?? duration(60_000),
    provider: str(ctx, spec, 'provider', 'spec', { enum: ['generic', 'aws', 'azure', 'gcp'] }) ?? 'generic',
    insecure: bool(ctx, spec, 'insecure', 'spec') ?? false,
    passCredentials: bool(ctx, spec, 'passCredentials', 'spec') ?? false,
    suspend: bool(ctx, spec, 'suspend', 'spec') ?? false,
  };
  const secretRef = readLocalRef(ctx, spec, 'secretRef', 'spec');
  if (secretRef) model.secretRef = secretRef;
  return url !== undefined ? model : undefined;
}
