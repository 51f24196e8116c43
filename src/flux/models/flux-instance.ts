/** fluxcd.controlplane.io/v1 FluxInstance (flux-operator): the cluster's Flux install and root sync. */
import type { JsonObject } from '../../core/json.js';
import { duration, type Duration } from './duration.js';
import { checkFields, dur, obj, objs, str, strs, type FieldContext } from './fields.js';
import type { FluxObjectBase } from './meta.js';

/**
 * spec.sync: the operator creates a source of `kind` and a Flux Kustomization, both named
 * `name`, in the FluxInstance's namespace, building `path` of that source.
 */
export interface FluxInstanceSync {
  kind: 'GitRepository' | 'OCIRepository' | 'Bucket';
  url: string;
  /** Git ref name (`refs/heads/main`), OCI tag or bucket name. */
  ref: string;
  path: string;
  /** Defaults to the FluxInstance's namespace. */
  name: string;
  /** Default 1m. */
  interval: Duration;
  pullSecret?: string;
  provider?: string;
}

export interface FluxInstanceModel extends FluxObjectBase {
  kind: 'FluxInstance';
  distribution: { version: string; registry: string; artifact?: string };
  /** Defaults to source, kustomize, helm and notification controllers. */
  components: string[];
  sync?: FluxInstanceSync;
  /** spec.kustomize.patches, applied to the Flux install manifests. */
  patches: JsonObject[];
  cluster?: JsonObject;
}

const SPEC_FIELDS = [
  'distribution',
  'components',
  'commonMetadata',
  'cluster',
  'sharding',
  'storage',
  'kustomize',
  'wait',
  'migrateResources',
  'sync',
];

const COMPONENTS = [
  'source-controller',
  'kustomize-controller',
  'helm-controller',
  'notification-controller',
  'image-reflector-controller',
  'image-automation-controller',
  'source-watcher',
];

function readSync(ctx: FieldContext, spec: JsonObject, namespace: string): FluxInstanceSync | undefined {
  const s = obj(ctx, spec, 'sync', 'spec');
  if (!s) return undefined;
  const at = 'spec.sync';
  checkFields(ctx, s, ['name', 'interval', 'kind', 'url', 'ref', 'path', 'pullSecret', 'provider'], at);
  const kind = str(ctx, s, 'kind', at, {
    required: true,
    enum: ['OCIRepository', 'GitRepository', 'Bucket'],
  });
  const url = str(ctx, s, 'url', at, { required: true });
  const ref = str(ctx, s, 'ref', at, { required: true });
  const path = str(ctx, s, 'path', at, { required: true });
  if (kind === undefined || url === undefined || ref === undefined || path === undefined) return undefined;
  const sync: FluxInstanceSync = {
    kind: kind as FluxInstanceSync['kind'],
    url,
    ref,
    path,
    name: str(ctx, s, 'name', at, { maxLength: 63 }) ?? namespace,
    interval: dur(ctx, s, 'interval', at) ?? duration(60_000),
  };
  const pullSecret = str(ctx, s, 'pullSecret', at);
  if (pullSecret !== undefined) sync.pullSecret = pullSecret;
  const provider = str(ctx, s, 'provider', at, { enum: ['generic', 'aws', 'azure', 'gcp', 'github'] });
  if (provider !== undefined) sync.provider = provider;
  return sync;
}

export function readFluxInstance(
  ctx: FieldContext,
  base: FluxObjectBase,
  spec: JsonObject,
): FluxInstanceModel | undefined {
  checkFields(ctx, spec, SPEC_FIELDS, 'spec');
  const d = obj(ctx, spec, 'distribution', 'spec', true);
  const version = d ? str(ctx, d, 'version', 'spec.distribution', { required: true }) : undefined;
  const registry = d ? str(ctx, d, 'registry', 'spec.distribution', { required: true }) : undefined;
  const components = strs(ctx, spec, 'components', 'spec', COMPONENTS);
  const kustomize = obj(ctx, spec, 'kustomize', 'spec');
  const model: FluxInstanceModel = {
    ...base,
    kind: 'FluxInstance',
    distribution: { version: version ?? '', registry: registry ?? '' },
    components: components.length > 0 ? components : COMPONENTS.slice(0, 4),
    patches: kustomize ? objs(ctx, kustomize, 'patches', 'spec.kustomize') : [],
  };
  const artifact = d ? str(ctx, d, 'artifact', 'spec.distribution', { pattern: /^oci:\/\/.*$/ }) : undefined;
  if (artifact !== undefined) model.distribution.artifact = artifact;
  const sync = readSync(ctx, spec, base.namespace);
  if (sync) model.sync = sync;
  const cluster = obj(ctx, spec, 'cluster', 'spec');
  if (cluster) model.cluster = cluster;
  return model;
}
