/**
 * OCI manifests and tags: a manifest fetched by tag or digest with the Accept headers for OCI
 * and Docker v2 manifests and indexes, its sha256 checked; an index resolved to the chart's
 * manifest; the layer chosen as source-controller (OCIRepository) or helm (HelmRepository) does;
 * the tags list followed through its `Link` pages.
 */
import type { RunContext } from './context.js';
import { sha256Digest, sha256Hex } from './digest.js';
import { fail } from './failure.js';
import { statusFailure } from './http.js';
import type { OciTarget } from './oci-ref.js';
import { jsonBody, registryGet } from './oci-registry.js';

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
export const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
export const HELM_CONFIG = 'application/vnd.cncf.helm.config.v1+json';
export const HELM_CHART_LAYER = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';
export const HELM_LEGACY_LAYER = 'application/tar+gzip';

const ACCEPT = [OCI_MANIFEST, OCI_INDEX, DOCKER_MANIFEST, DOCKER_LIST].join(', ');

export interface Descriptor {
  mediaType: string;
  digest: string;
  size?: number;
  artifactType?: string;
}

export interface Manifest {
  /** The digest of what the reference named (an index's, when it named an index). */
  digest: string;
  configMediaType: string;
  layers: Descriptor[];
}

function descriptor(v: unknown, what: string): Descriptor {
  const d = v as Partial<Descriptor> | null;
  if (!d || typeof d.digest !== 'string' || typeof d.mediaType !== 'string')
    fail(`${what}: a descriptor lacks its digest or media type`, 'the artifact is malformed; push it again');
  if (!sha256Hex(d.digest))
    fail(
      `${what}: digest ${JSON.stringify(d.digest)} is not a sha256 digest`,
      'only sha256 digests are supported',
    );
  return {
    mediaType: d.mediaType,
    digest: d.digest,
    size: typeof d.size === 'number' ? d.size : undefined,
    artifactType: typeof d.artifactType === 'string' ? d.artifactType : undefined,
  };
}

async function getManifest(target: OciTarget, reference: string, ctx: RunContext) {
  const what = `the manifest of ${target.display}${reference.startsWith('sha256:') ? '@' : ':'}${reference}`;
  const response = await registryGet(
    target,
    {
      path: `/v2/${target.name}/manifests/${reference}`,
      accept: ACCEPT,
      maxBytes: ctx.limits.maxManifestBytes,
      what,
    },
    ctx,
  );
  if (response.status !== 200) throw statusFailure(response, what, 'check the URL and the tag or digest');
  const digest = sha256Digest(response.body);
  const expected = reference.startsWith('sha256:')
    ? reference
    : response.headers.get('docker-content-digest');
  if (expected && expected.startsWith('sha256:') && expected !== digest) {
    fail(
      `digest mismatch for ${what}: expected ${expected}, the manifest is ${digest}`,
      'the registry served other content than it named; try again, or report it to the registry',
    );
  }
  const doc = jsonBody(response, what);
  const header = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
  const mediaType = typeof doc.mediaType === 'string' ? doc.mediaType : header;
  return { doc, digest, mediaType, what };
}

/** The manifest an index names for a Helm chart: the entry of the Helm artifact type, else the only one. */
function pickFromIndex(doc: Record<string, unknown>, what: string): Descriptor {
  const list = Array.isArray(doc.manifests) ? doc.manifests.map((m) => descriptor(m, what)) : [];
  const manifests = list.filter((m) => m.mediaType === OCI_MANIFEST || m.mediaType === DOCKER_MANIFEST);
  const helm = manifests.find((m) => m.artifactType === HELM_CONFIG);
  const picked = helm ?? (manifests.length === 1 ? manifests[0] : undefined);
  if (!picked) {
    fail(
      `${what} is an index of ${manifests.length} manifests and none is marked as a Helm chart`,
      'reference the chart manifest by its digest',
    );
  }
  return picked;
}

export async function fetchManifest(
  target: OciTarget,
  reference: string,
  ctx: RunContext,
): Promise<Manifest> {
  const top = await getManifest(target, reference, ctx);
  let current = top;
  if (top.mediaType === OCI_INDEX || top.mediaType === DOCKER_LIST) {
    current = await getManifest(target, pickFromIndex(top.doc, top.what).digest, ctx);
  }
  if (
    current.mediaType !== OCI_MANIFEST &&
    current.mediaType !== DOCKER_MANIFEST &&
    current.mediaType !== ''
  ) {
    fail(
      `${current.what} has media type ${current.mediaType}, not an OCI or Docker v2 manifest`,
      'check that the URL names a chart artifact',
    );
  }
  const layers = Array.isArray(current.doc.layers)
    ? current.doc.layers.map((l) => descriptor(l, current.what))
    : [];
  const config = current.doc.config as { mediaType?: unknown } | undefined;
  return {
    digest: top.digest,
    configMediaType: typeof config?.mediaType === 'string' ? config.mediaType : '',
    layers,
  };
}

/** OCIRepository: the layer of `mediaType`, else the first; HelmRepository: the chart content layer. */
export function selectLayer(
  manifest: Manifest,
  mediaType: string | undefined,
  helm: boolean,
  what: string,
): Descriptor {
  if (manifest.layers.length === 0)
    fail(`${what}: no layers found in artifact`, 'check that the URL names a chart artifact');
  if (helm) {
    const layer =
      manifest.layers.find((l) => l.mediaType === HELM_CHART_LAYER) ??
      manifest.layers.find((l) => l.mediaType === HELM_LEGACY_LAYER);
    if (!layer)
      fail(
        `${what}: manifest does not contain a layer with mediatype ${HELM_CHART_LAYER}`,
        'check that the URL names a Helm chart pushed with `helm push`',
      );
    return layer;
  }
  if (!mediaType) return manifest.layers[0] as Descriptor;
  const layer = manifest.layers.find((l) => l.mediaType === mediaType);
  if (!layer) {
    const found = [...new Set(manifest.layers.map((l) => l.mediaType))].join(', ');
    fail(
      `${what}: failed to find layer with media type '${mediaType}' in artifact (it has ${found})`,
      `set layerSelector.mediaType to ${HELM_CHART_LAYER} for a Helm chart`,
    );
  }
  return layer;
}

/** The layer's bytes, verified against its descriptor. */
export async function fetchBlob(
  target: OciTarget,
  layer: Descriptor,
  what: string,
  ctx: RunContext,
): Promise<Uint8Array> {
  if (layer.size !== undefined && layer.size > ctx.limits.maxChartBytes) {
    fail(
      `${what} is ${layer.size} bytes, over the ${ctx.limits.maxChartBytes}-byte limit for a chart`,
      'check that the URL names a chart artifact',
    );
  }
  const response = await registryGet(
    target,
    {
      path: `/v2/${target.name}/blobs/${layer.digest}`,
      maxBytes: ctx.limits.maxChartBytes,
      what,
      blob: true,
    },
    ctx,
  );
  if (response.status !== 200) throw statusFailure(response, what, 'check the URL and the credentials');
  const digest = sha256Digest(response.body);
  if (digest !== layer.digest) {
    fail(
      `digest mismatch for ${what}: the manifest names ${layer.digest}, the blob is ${digest}`,
      'the registry (or its storage behind a redirect) served other content; try again, or report it to the registry',
    );
  }
  return response.body;
}

/** All tags of the repository, following `Link: <…>; rel="next"`. */
export async function listTags(target: OciTarget, ctx: RunContext): Promise<string[]> {
  const tags: string[] = [];
  let path: string | undefined = `/v2/${target.name}/tags/list`;
  const what = `the tags of ${target.display}`;
  for (let page = 0; path !== undefined; page++) {
    if (page >= ctx.limits.maxTagPages)
      fail(
        `${what}: more than ${ctx.limits.maxTagPages} pages`,
        'pin an exact tag or a digest instead of a semver range',
      );
    const response = await registryGet(target, { path, maxBytes: ctx.limits.maxSmallBytes, what }, ctx);
    if (response.status !== 200) throw statusFailure(response, what, 'check the URL');
    const doc = jsonBody(response, what);
    if (Array.isArray(doc.tags)) for (const t of doc.tags) if (typeof t === 'string') tags.push(t);
    const next = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(response.headers.get('link') ?? '')?.[1];
    path = next === undefined ? undefined : new URL(next, response.url).toString();
    // Tokens go only to the registry itself.
    if (path !== undefined && new URL(path).origin !== new URL(target.base).origin) {
      fail(
        `${what}: the next page is on another host (${new URL(path).host})`,
        'the registry is misconfigured',
      );
    }
  }
  return tags;
}
