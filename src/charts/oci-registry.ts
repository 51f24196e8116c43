/**
 * GETs against an OCI registry with the distribution auth flow: a request that comes back 401
 * with a `Bearer` challenge gets a token from the realm (anonymously, or with basic credentials
 * from the Docker config) and is sent again; a `Basic` challenge gets the credentials directly.
 * Tokens are kept for the run per registry and scope. Blob redirects never carry them.
 */
import type { RunContext } from './context.js';
import {
  credentialsFor,
  loadDockerConfig,
  type DockerConfig,
  type RegistryCredentials,
} from './docker-config.js';
import { ChartFailure, fail } from './failure.js';
import { httpGet, statusFailure, type HttpResponse } from './http.js';
import type { OciTarget } from './oci-ref.js';

export interface RegistryGet {
  /** A path below the registry (`/v2/…`) or an absolute URL (a `Link` to the next page). */
  path: string;
  accept?: string;
  maxBytes: number;
  what: string;
  blob?: boolean;
}

const configs = new WeakMap<RunContext, DockerConfig | undefined>();

function credentials(ctx: RunContext, host: string): RegistryCredentials {
  if (!ctx.dockerConfig) return undefined;
  if (!configs.has(ctx)) configs.set(ctx, loadDockerConfig(ctx.dockerConfig));
  const config = configs.get(ctx);
  return config && credentialsFor(config, host);
}

/** `Bearer realm="…",service="…",scope="…"` → its parameters (quoted values may hold commas). */
export function parseChallenge(header: string): { scheme: string; params: Map<string, string> } {
  const scheme = /^\s*(\S+)/.exec(header)?.[1]?.toLowerCase() ?? '';
  const params = new Map<string, string>();
  const re = /([a-zA-Z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g;
  for (const m of header.slice(scheme.length + 1).matchAll(re)) {
    params.set((m[1] as string).toLowerCase(), (m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1'));
  }
  return { scheme, params };
}

function basicHeader(c: { username: string; password: string }): string {
  return `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
}

export function credentialsHint(target: OciTarget, creds: RegistryCredentials): string {
  if (creds && 'unsupported' in creds) return `k8s-ops cannot use ${creds.unsupported}`;
  if (creds)
    return `the registry refused the credentials for ${target.host} from the Docker config: check them (docker login ${target.host})`;
  return `the registry needs credentials: give k8s-ops a Docker config file with an auths entry for ${target.host} (docker login ${target.host} writes one)`;
}

async function fetchToken(
  target: OciTarget,
  challenge: Map<string, string>,
  creds: RegistryCredentials,
  ctx: RunContext,
): Promise<string> {
  const realm = challenge.get('realm') ?? '';
  let url: URL;
  try {
    url = new URL(realm);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http');
  } catch {
    return fail(
      `${target.host} asked for a token from an invalid realm ${JSON.stringify(realm)}`,
      'the registry is misconfigured',
    );
  }
  const service = challenge.get('service');
  if (service) url.searchParams.set('service', service);
  url.searchParams.set('scope', challenge.get('scope') ?? `repository:${target.name}:pull`);
  const headers: Record<string, string> = {};
  if (creds && 'username' in creds) headers.Authorization = basicHeader(creds);
  const what = `a registry token for ${target.display}`;
  const response = await httpGet(
    { url: url.toString(), headers, maxBytes: ctx.limits.maxSmallBytes, what },
    ctx.http,
  );
  if (response.status !== 200) throw statusFailure(response, what, credentialsHint(target, creds));
  let doc: unknown;
  try {
    doc = JSON.parse(Buffer.from(response.body).toString('utf8'));
  } catch {
    doc = undefined;
  }
  const body = doc as { token?: unknown; access_token?: unknown } | undefined;
  const token = typeof body?.token === 'string' && body.token ? body.token : body?.access_token;
  if (typeof token !== 'string' || token === '')
    fail(`${what}: the token endpoint returned no token`, 'the registry is misconfigured');
  return token;
}

async function send(
  target: OciTarget,
  req: RegistryGet,
  auth: string | undefined,
  ctx: RunContext,
): Promise<HttpResponse> {
  const headers: Record<string, string> = {};
  if (req.accept) headers.Accept = req.accept;
  if (auth) headers.Authorization = auth;
  const url = /^https?:\/\//.test(req.path) ? req.path : `${target.base}${req.path}`;
  return httpGet(
    {
      url,
      headers,
      maxBytes: req.maxBytes,
      what: req.what,
      dropAuthOnRedirect: req.blob ? 'always' : 'other-host',
    },
    ctx.http,
  );
}

/** The registry's answer; 401/403 after authenticating is a failure naming what to provide. */
export async function registryGet(
  target: OciTarget,
  req: RegistryGet,
  ctx: RunContext,
): Promise<HttpResponse> {
  const tokenKey = `${target.base} ${target.name}`;
  let response = await send(target, req, ctx.tokens.get(tokenKey), ctx);
  let creds: RegistryCredentials;
  if (response.status === 401) {
    creds = credentials(ctx, target.host);
    const challenge = parseChallenge(response.headers.get('www-authenticate') ?? '');
    let auth: string | undefined;
    if (challenge.scheme === 'bearer') {
      auth = `Bearer ${await fetchToken(target, challenge.params, creds, ctx)}`;
    } else if (challenge.scheme === 'basic' && creds && 'username' in creds) {
      auth = basicHeader(creds);
    }
    if (auth) {
      ctx.tokens.set(tokenKey, auth);
      response = await send(target, req, auth, ctx);
    }
  }
  if (response.status === 401 || response.status === 403) {
    throw statusFailure(response, req.what, credentialsHint(target, creds ?? credentials(ctx, target.host)));
  }
  return response;
}

/** A JSON answer of the registry, or a failure saying what was wrong with it. */
export function jsonBody(response: HttpResponse, what: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = JSON.parse(Buffer.from(response.body).toString('utf8'));
  } catch {
    throw new ChartFailure(
      `${what}: the registry's answer is not JSON`,
      'check that the URL names an OCI registry',
    );
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new ChartFailure(
      `${what}: the registry's answer is not a JSON object`,
      'check that the URL names an OCI registry',
    );
  }
  return doc as Record<string, unknown>;
}
