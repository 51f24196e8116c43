/**
 * What the HelmRelease side asks of chart retrieval, and what it gets back. Requests describe a
 * chart the way Flux sources do; results never throw: a failure carries a reason and a hint a
 * person can act on, and never a secret.
 */

/** A HelmRepository chart (HTTP(S) index) or an OCI artifact (OCIRepository or HelmRepository `type: oci`). */
export type ChartRequest = HelmRepositoryRequest | OciRequest;

export interface HelmRepositoryRequest {
  kind: 'helm-repository';
  /** The repository URL, without `index.yaml`. */
  url: string;
  chart: string;
  /** An exact version or a Masterminds constraint; `''` means `*` (the latest stable version). */
  version: string;
  auth?: { username: string; password: string };
  /** HelmRepository `passCredentials`: send the credentials to chart URLs on other hosts too. */
  passCredentials?: boolean;
}

export interface OciRequest {
  kind: 'oci';
  /** `oci://host/path/chart`. */
  url: string;
  /** Precedence as in Flux: digest, then semver, then tag (default `latest`). */
  ref: { tag?: string; semver?: string; semverFilter?: string; digest?: string };
  layerSelector?: { mediaType?: string; operation?: 'extract' | 'copy' };
  /**
   * Which Flux source the request stands for. An OCIRepository (the default) checks the tag
   * against Chart.yaml's version, as helm-controller does; a HelmRepository of `type: oci` reads
   * tags as helm does (`_` for `+`) and takes the chart layer by its media type.
   */
  sourceKind?: 'OCIRepository' | 'HelmRepository';
  /** The source's `insecure: true`: talk plain HTTP to the registry. */
  insecure?: boolean;
}

export interface ResolvedChart {
  /** The chart .tgz bytes, digest verified. */
  archive: Uint8Array;
  /** From the archive's Chart.yaml. */
  name: string;
  version: string;
  /** `sha256:<hex>` of the archive. */
  digest: string;
  /** OCI: `sha256:<hex>` of the manifest (helm-controller appends its first 12 hex to the version). */
  manifestDigest?: string;
  /** Where it came from, for messages. */
  source: string;
}

export type ChartResult =
  { ok: true; chart: ResolvedChart; fromCache: boolean } | { ok: false; reason: string; hint: string };

/** The OCI reference a request names, with Flux's precedence applied. */
export function ociReference(ref: OciRequest['ref']): string {
  if (ref.digest) return `@${ref.digest}`;
  if (ref.semver !== undefined && ref.semver !== '') {
    return ` semver ${ref.semver}${ref.semverFilter ? ` filter ${ref.semverFilter}` : ''}`;
  }
  return `:${ref.tag || 'latest'}`;
}

/** A repository URL as a key: no credentials, no trailing slash. */
export function normalizeRepositoryUrl(url: string): string {
  return withoutCredentials(url).replace(/\/+$/, '');
}

/** `url` with any `user:password@` removed, so it can be printed. */
export function withoutCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1');
}

/**
 * A stable, human-readable key of a request: equal keys resolve to the same chart. Credentials
 * are never part of it.
 */
export function requestKey(request: ChartRequest): string {
  if (request.kind === 'helm-repository') {
    return `${normalizeRepositoryUrl(request.url)} ${request.chart}@${request.version || '*'}`;
  }
  let key = `${normalizeRepositoryUrl(request.url)}${ociReference(request.ref)}`;
  const layer = request.layerSelector;
  if (layer?.mediaType) key += ` layer ${layer.mediaType}`;
  if (layer?.operation === 'copy') key += ' copy';
  if (request.sourceKind === 'HelmRepository') key += ' (HelmRepository)';
  return key;
}
