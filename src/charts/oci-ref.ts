/**
 * An `oci://host[:port]/path/chart` URL as a registry target, the way Flux names it: docker.io
 * is served by registry-1.docker.io, and a one-segment name there lives under `library/`.
 */
import { fail } from './failure.js';

export interface OciTarget {
  /** `https://host[:port]` (plain `http` for an insecure source). */
  base: string;
  /** The host the credentials and tokens belong to (after the docker.io mapping). */
  host: string;
  /** The repository name, `path/chart`. */
  name: string;
  /** The URL as given, for messages. */
  display: string;
  /** The last path segment: the chart's name by convention. */
  chart: string;
}

// The distribution spec's repository name grammar.
const NAME = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;

export function parseOciUrl(url: string, insecure = false): OciTarget {
  const hint = 'write the URL as oci://host/path/chart, without a tag or digest (they go in ref)';
  const m = /^oci:\/\/([^/]+)\/(.+)$/.exec(url.trim());
  if (!m) fail(`${url} is not an OCI URL`, hint);
  let host = (m[1] as string).toLowerCase();
  let name = (m[2] as string).replace(/\/+$/, '');
  if (name.includes('@')) fail(`${url}: the URL must not contain a digest`, hint);
  const colon = name.lastIndexOf(':');
  if (colon >= 0) fail(`${url}: URL must not contain a tag; remove ':${name.slice(colon + 1)}'`, hint);
  if (!NAME.test(name)) fail(`${url}: ${JSON.stringify(name)} is not a valid repository name`, hint);
  if (host === 'docker.io' || host === 'index.docker.io') {
    host = 'registry-1.docker.io';
    if (!name.includes('/')) name = `library/${name}`;
  }
  const chart = name.slice(name.lastIndexOf('/') + 1);
  return { base: `${insecure ? 'http' : 'https'}://${host}`, host, name, display: url.trim(), chart };
}
