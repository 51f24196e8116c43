/**
 * Registry credentials from a Docker config.json, as `docker login` writes it: `auths` entries
 * with a base64 `auth` or a username and password. Credential helpers (`credsStore`,
 * `credHelpers`) run programs, which k8s-ops does not do: they are reported, not used.
 */
import { readFileSync } from 'node:fs';
import { isJsonObject, type JsonObject } from '../core/json.js';
import { fail } from './failure.js';

export type RegistryCredentials =
  { username: string; password: string } | { unsupported: string } | undefined;

export interface DockerConfig {
  path: string;
  auths: Map<string, JsonObject>;
  helpers: Map<string, string>;
  store?: string;
}

/** `https://index.docker.io/v1/` → `index.docker.io`. */
function hostOf(key: string): string {
  return key
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/\/.*$/, '')
    .toLowerCase();
}

export function loadDockerConfig(path: string): DockerConfig {
  const hint =
    'give the path of a Docker config.json (`docker login` writes one), or none for anonymous access';
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    fail(
      `cannot read the Docker config ${path}: ${code ?? (e instanceof Error ? e.message : String(e))}`,
      hint,
    );
  }
  if (!isJsonObject(doc)) fail(`the Docker config ${path} is not a JSON object`, hint);
  const auths = new Map<string, JsonObject>();
  if (isJsonObject(doc.auths)) {
    for (const [key, entry] of Object.entries(doc.auths))
      if (isJsonObject(entry)) auths.set(hostOf(key), entry);
  }
  const helpers = new Map<string, string>();
  if (isJsonObject(doc.credHelpers)) {
    for (const [key, helper] of Object.entries(doc.credHelpers))
      if (typeof helper === 'string') helpers.set(hostOf(key), helper);
  }
  const store = typeof doc.credsStore === 'string' && doc.credsStore !== '' ? doc.credsStore : undefined;
  return { path, auths, helpers, store };
}

const DOCKER_HUB = ['index.docker.io', 'docker.io', 'registry-1.docker.io'];

function fromEntry(entry: JsonObject, config: DockerConfig, host: string): RegistryCredentials {
  if (typeof entry.auth === 'string' && entry.auth !== '') {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0)
      fail(
        `the auth of ${host} in ${config.path} is not base64 of user:password`,
        'run `docker login` again',
      );
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  if (typeof entry.username === 'string' && typeof entry.password === 'string') {
    return { username: entry.username, password: entry.password };
  }
  if (typeof entry.identitytoken === 'string' && entry.identitytoken !== '') {
    return {
      unsupported: `an identity token for ${host} in ${config.path} (not supported; use a username and password or an access token)`,
    };
  }
  return undefined;
}

/** The credentials for `host`, a note on why there are none usable, or undefined. */
export function credentialsFor(config: DockerConfig, host: string): RegistryCredentials {
  const hosts = DOCKER_HUB.includes(host) ? DOCKER_HUB : [host];
  for (const h of hosts) {
    const helper = config.helpers.get(h);
    if (helper)
      return {
        unsupported: `the credential helper docker-credential-${helper} for ${h} in ${config.path} (helpers are not supported; put the credentials under auths)`,
      };
  }
  for (const h of hosts) {
    const entry = config.auths.get(h);
    const found = entry && fromEntry(entry, config, h);
    if (found) return found;
  }
  if (config.store) {
    return {
      unsupported: `the credential store docker-credential-${config.store} in ${config.path} (helpers are not supported; put the credentials under auths)`,
    };
  }
  return undefined;
}
