/** source.toolkit.fluxcd.io/v1 GitRepository. */
import type { JsonObject } from '../../core/json.js';
import { duration, type Duration } from './duration.js';
import { bool, checkFields, dur, obj, objs, str, strs, type FieldContext } from './fields.js';
import { readLocalRef, type FluxObjectBase } from './meta.js';

export interface GitRef {
  branch?: string;
  tag?: string;
  semver?: string;
  name?: string;
  commit?: string;
}

export interface GitRepositoryModel extends FluxObjectBase {
  kind: 'GitRepository';
  url: string;
  interval: Duration;
  /** Default 60s. */
  timeout: Duration;
  /** As written; `{branch: 'master'}` when spec.ref is absent. */
  ref: GitRef;
  /** The reference that wins: commit > name > semver > tag > branch. */
  resolvedRef: { kind: keyof GitRef; value: string };
  ignore?: string;
  include: JsonObject[];
  sparseCheckout: string[];
  recurseSubmodules: boolean;
  secretRef?: { name: string };
  provider: string;
  suspend: boolean;
}

const SPEC_FIELDS = [
  'url',
  'secretRef',
  'provider',
  'serviceAccountName',
  'interval',
  'timeout',
  'ref',
  'verify',
  'proxySecretRef',
  'ignore',
  'suspend',
  'recurseSubmodules',
  'include',
  'sparseCheckout',
];

const LEGACY_HINTS: Readonly<Record<string, string>> = {
  gitImplementation: 'removed in v1: go-git is always used',
  accessFrom: 'removed in v1',
};

export const GIT_REF_PRECEDENCE = ['commit', 'name', 'semver', 'tag', 'branch'] as const;

export function readGitRepository(
  ctx: FieldContext,
  base: FluxObjectBase,
  spec: JsonObject,
): GitRepositoryModel | undefined {
  checkFields(ctx, spec, SPEC_FIELDS, 'spec', LEGACY_HINTS);
  const url = str(ctx, spec, 'url', 'spec', { required: true, pattern: /^(http|https|ssh):\/\/.*$/ });
  const interval = dur(ctx, spec, 'interval', 'spec', true);
  const refObj = obj(ctx, spec, 'ref', 'spec');
  const ref: GitRef = {};
  if (refObj) {
    checkFields(ctx, refObj, GIT_REF_PRECEDENCE, 'spec.ref');
    for (const k of GIT_REF_PRECEDENCE) {
      const v = str(ctx, refObj, k, 'spec.ref');
      if (v !== undefined) ref[k] = v;
    }
  } else ref.branch = 'master';
  const winner = GIT_REF_PRECEDENCE.find((k) => ref[k] !== undefined);
  const model: GitRepositoryModel = {
    ...base,
    kind: 'GitRepository',
    url: url ?? '',
    interval: interval ?? duration(0),
    timeout: dur(ctx, spec, 'timeout', 'spec') ?? duration(60_000),
    ref,
    resolvedRef: winner
      ? { kind: winner, value: ref[winner] as string }
      : { kind: 'branch', value: 'master' },
    include: objs(ctx, spec, 'include', 'spec'),
    sparseCheckout: strs(ctx, spec, 'sparseCheckout', 'spec'),
    recurseSubmodules: bool(ctx, spec, 'recurseSubmodules', 'spec') ?? false,
    provider:
      str(ctx, spec, 'provider', 'spec', { enum: ['generic', 'aws', 'azure', 'github'] }) ?? 'generic',
    suspend: bool(ctx, spec, 'suspend', 'spec') ?? false,
  };
  const ignore = str(ctx, spec, 'ignore', 'spec');
  if (ignore !== undefined) model.ignore = ignore;
  const secretRef = readLocalRef(ctx, spec, 'secretRef', 'spec');
  if (secretRef) model.secretRef = secretRef;
  return url !== undefined && interval ? model : undefined;
}
