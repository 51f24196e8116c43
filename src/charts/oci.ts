/**
 * A chart from an OCI registry: the tag or digest chosen as the Flux source would, the manifest
 * and the chart layer fetched and verified, and for an OCIRepository the check helm-controller
 * makes that the tag is the chart's version. Digest references are immutable: once cached they
 * are served without asking the registry.
 */
import { parseVersion, SemverError, tryParseVersion } from '../semver/index.js';
import { readArchiveMeta } from './archive-meta.js';
import { OFFLINE_HINT, type RunContext } from './context.js';
import { sha256Hex } from './digest.js';
import { fail, ChartFailure } from './failure.js';
import { resolveImported } from './imported.js';
import { fetchBlob, fetchManifest, listTags, selectLayer } from './oci-manifest.js';
import { parseOciUrl, type OciTarget } from './oci-ref.js';
import {
  checkTag,
  helmRepositoryVersion,
  isExactVersion,
  ociRepositoryTag,
  versionToTag,
} from './oci-tags.js';
import type { Resolution } from './resolution.js';
import { requestKey, type OciRequest } from './types.js';
import type { ChartRecord } from './store.js';

interface Reference {
  /** The tag pulled, or undefined for a digest reference. */
  tag?: string;
  /** What the manifest is fetched by: the tag or the digest. */
  reference: string;
}

function helmSource(request: OciRequest): boolean {
  return request.sourceKind === 'HelmRepository';
}

async function chooseReference(request: OciRequest, target: OciTarget, ctx: RunContext): Promise<Reference> {
  const { ref } = request;
  if (ref.digest) {
    if (!sha256Hex(ref.digest))
      fail(
        `${target.display}: digest ${JSON.stringify(ref.digest)} is not a sha256 digest`,
        'write it as sha256:<64 hex digits>',
      );
    return { reference: ref.digest };
  }
  if (ref.semver !== undefined && (ref.semver !== '' || helmSource(request))) {
    if (helmSource(request)) {
      const tag = isExactVersion(ref.semver)
        ? versionToTag(ref.semver)
        : versionToTag(helmRepositoryVersion(await listTags(target, ctx), ref.semver, target.display));
      return { tag: checkTag(tag, target.display), reference: tag };
    }
    ctx.progress(`listing the tags of ${target.display}`);
    const tag = ociRepositoryTag(await listTags(target, ctx), ref.semver, ref.semverFilter, target.display);
    return { tag: checkTag(tag, target.display), reference: tag };
  }
  const tag = checkTag(ref.tag || 'latest', target.display);
  return { tag, reference: tag };
}

/**
 * helm-controller's check for an OCIRepository chart: the revision's tag (with `_` read as `+`)
 * must be a version equal to Chart.yaml's, metadata aside.
 */
export function checkTagVersion(tag: string, chartVersion: string, source: string): void {
  const hint =
    "pin the OCIRepository to the chart's version (ref.tag or ref.semver), or reference it by digest";
  const tagVersion = tryParseVersion(tag.replaceAll('_', '+'));
  if (!tagVersion) fail(`${source}: failed parsing artifact revision ${tag}`, hint);
  let version;
  try {
    version = parseVersion(chartVersion);
  } catch (e) {
    return fail(
      `${source}: chart version ${chartVersion}: ${e instanceof SemverError ? e.message : String(e)}`,
      hint,
    );
  }
  const same =
    tagVersion.major === version.major &&
    tagVersion.minor === version.minor &&
    tagVersion.patch === version.patch &&
    tagVersion.pre === version.pre;
  if (!same) fail(`${source}: artifact revision ${tag} does not match chart version ${chartVersion}`, hint);
}

function display(target: OciTarget, ref: Reference): string {
  return ref.tag === undefined ? `${target.display}@${ref.reference}` : `${target.display}:${ref.tag}`;
}

function fromRecord(record: ChartRecord, ctx: RunContext): Resolution | undefined {
  const read = ctx.store.readBlob(record.digest);
  if ('corrupt' in read && ctx.offline) {
    throw new ChartFailure(
      `the cached archive of ${record.source} is corrupt (its content does not match ${record.digest}); it was removed`,
      OFFLINE_HINT,
    );
  }
  if (!('bytes' in read)) return undefined;
  const chart = {
    archive: read.bytes,
    digest: record.digest,
    name: record.name,
    version: record.version,
    source: record.source,
  };
  return {
    chart: record.manifestDigest ? { ...chart, manifestDigest: record.manifestDigest } : chart,
    fromCache: true,
  };
}

async function online(request: OciRequest, target: OciTarget, ctx: RunContext): Promise<Resolution> {
  const key = requestKey(request);
  if (request.ref.digest) {
    const record = ctx.store.readRecord(key);
    const cached = record && fromRecord(record, ctx);
    if (cached) return cached;
  }
  const ref = await chooseReference(request, target, ctx);
  const source = display(target, ref);
  ctx.progress(`fetching ${source}`);
  const manifest = await fetchManifest(target, ref.reference, ctx);
  const layer = selectLayer(
    manifest,
    request.layerSelector?.mediaType,
    helmSource(request),
    `the artifact ${source}`,
  );
  const cached = ctx.store.readBlob(layer.digest);
  const fromCache = 'bytes' in cached;
  const archive =
    'bytes' in cached ? cached.bytes : await fetchBlob(target, layer, `the chart layer of ${source}`, ctx);
  const meta = readArchiveMeta(archive, source);
  if (ref.tag !== undefined && !helmSource(request)) checkTagVersion(ref.tag, meta.version, source);
  if (!fromCache) ctx.store.writeBlob(archive);
  const record: ChartRecord = {
    key,
    digest: layer.digest,
    name: meta.name,
    version: meta.version,
    manifestDigest: manifest.digest,
    source,
  };
  if (ref.tag !== undefined) record.tag = ref.tag;
  ctx.store.writeRecord(record);
  return {
    chart: { archive, digest: layer.digest, manifestDigest: manifest.digest, source, ...meta },
    fromCache,
  };
}

/** Offline: what this request resolved to last, else an imported chart of the URL's last segment. */
function offline(request: OciRequest, target: OciTarget, ctx: RunContext): Resolution {
  const key = requestKey(request);
  const record = ctx.store.readRecord(key);
  const cached = record && fromRecord(record, ctx);
  if (cached) return cached;
  const { ref } = request;
  if (!ref.digest) {
    const bySemver = ref.semver !== undefined && (ref.semver !== '' || helmSource(request));
    const tagVersion = (ref.tag || 'latest').replaceAll('_', '+');
    // A tag that is no version (`latest`) cannot name an imported chart.
    const wanted = bySemver ? ref.semver : tryParseVersion(tagVersion) ? tagVersion : undefined;
    const imported = wanted === undefined ? undefined : resolveImported(ctx, target.chart, wanted, key);
    if (imported) {
      if (!helmSource(request) && ref.semver === undefined)
        checkTagVersion(ref.tag || 'latest', imported.chart.version, imported.chart.source);
      return imported;
    }
  }
  return fail(`${key} is not in the cache (offline)`, OFFLINE_HINT);
}

export async function resolveOci(request: OciRequest, ctx: RunContext): Promise<Resolution> {
  const target = parseOciUrl(request.url, request.insecure === true);
  return ctx.offline ? offline(request, target, ctx) : online(request, target, ctx);
}
