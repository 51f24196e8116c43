/**
 * GET over an injectable `fetch` with what a network edge needs: a timeout per attempt that
 * covers the body, retries with backoff on network errors, 5xx and 429, a byte limit enforced
 * while reading, and redirects followed by hand so credentials never leave for another host
 * (or, for OCI blobs, for any redirect at all).
 */
import { fail, ChartFailure } from './failure.js';
import { withoutCredentials } from './types.js';

export interface HttpOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  retries: number;
  retryDelayMs: number;
  maxRedirects: number;
}

export interface HttpRequest {
  url: string;
  headers?: Record<string, string>;
  /** Bytes the body may have; more is a failure. */
  maxBytes: number;
  /** What is fetched, for messages: "the index of …", "chart podinfo 6.14.1". */
  what: string;
  /** `always`: redirects lose the Authorization header even on the same host (OCI blobs). */
  dropAuthOnRedirect?: 'always' | 'other-host';
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: Uint8Array;
  /** The URL that answered, after redirects. */
  url: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_RETRY_AFTER_MS = 10_000;

class Retryable extends Error {}

function causeText(e: unknown): string {
  const cause = e instanceof Error && e.cause instanceof Error ? e.cause : e;
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const message = cause instanceof Error ? cause.message : String(cause);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

/** A URL's `user:password@` becomes a Basic Authorization header: fetch refuses such URLs. */
function splitCredentials(url: string, headers: Record<string, string>): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    fail(`${withoutCredentials(url)} is not a valid URL`, 'fix the URL in the source');
  }
  if (parsed.username === '' && parsed.password === '') return url;
  if (headers.Authorization === undefined) {
    const user = decodeURIComponent(parsed.username);
    const pass = decodeURIComponent(parsed.password);
    headers.Authorization = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
  }
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}

async function readLimited(response: Response, request: HttpRequest, url: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? '');
  const tooLarge = () =>
    new ChartFailure(
      `${request.what} at ${withoutCredentials(url)} is larger than the ${request.maxBytes}-byte limit`,
      'check that the URL names what it should; the limits are documented in docs/charts.md',
    );
  if (Number.isFinite(declared) && declared > request.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > request.maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/** One attempt: the redirect chain, each hop under the timeout. */
async function attempt(request: HttpRequest, options: HttpOptions): Promise<HttpResponse> {
  const headers = { ...request.headers };
  let url = splitCredentials(request.url, headers);
  const origin = new URL(url).origin;
  for (let hop = 0; ; hop++) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    try {
      let response: Response;
      try {
        response = await options.fetch(url, { headers, redirect: 'manual', signal: controller.signal });
      } catch (e) {
        if (controller.signal.aborted) throw new Retryable(`no answer within ${options.timeoutMs} ms`);
        throw new Retryable(causeText(e));
      }
      const location = response.headers.get('location');
      if (REDIRECTS.has(response.status) && location) {
        await response.body?.cancel().catch(() => undefined);
        if (hop >= options.maxRedirects) {
          fail(
            `${request.what}: more than ${options.maxRedirects} redirects from ${withoutCredentials(request.url)}`,
            'check the URL; the server redirects in a loop',
          );
        }
        url = new URL(location, url).toString();
        if (request.dropAuthOnRedirect === 'always' || new URL(url).origin !== origin)
          delete headers.Authorization;
        continue;
      }
      let body: Uint8Array;
      try {
        body = await readLimited(response, request, url);
      } catch (e) {
        if (e instanceof ChartFailure) throw e;
        if (controller.signal.aborted)
          throw new Retryable(`the answer did not finish within ${options.timeoutMs} ms`);
        throw new Retryable(causeText(e));
      }
      return { status: response.status, headers: response.headers, body, url };
    } finally {
      clearTimeout(timer);
    }
  }
}

function retryDelay(response: HttpResponse | undefined, attemptNo: number, options: HttpOptions): number {
  const after = Number(response?.headers.get('retry-after') ?? '');
  if (Number.isFinite(after) && after > 0) return Math.min(after * 1000, MAX_RETRY_AFTER_MS);
  return options.retryDelayMs * 2 ** attemptNo;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * GETs `request.url`. Network failures and 5xx/429 answers are retried; a final network failure
 * is a ChartFailure, a final HTTP error status is returned for the caller to explain.
 */
export async function httpGet(request: HttpRequest, options: HttpOptions): Promise<HttpResponse> {
  let lastError = '';
  for (let n = 0; n <= options.retries; n++) {
    let response: HttpResponse | undefined;
    try {
      response = await attempt(request, options);
    } catch (e) {
      if (!(e instanceof Retryable)) throw e;
      lastError = e.message;
    }
    if (response && response.status !== 429 && response.status < 500) return response;
    if (n === options.retries && response) return response;
    if (n < options.retries) await sleep(retryDelay(response, n, options));
  }
  const host = new URL(splitCredentials(request.url, {})).host;
  return fail(
    `cannot reach ${host} for ${request.what} (${withoutCredentials(request.url)}): ${lastError}` +
      (options.retries > 0 ? ` (after ${options.retries + 1} attempts)` : ''),
    'check the URL and the network connection (proxy, DNS, firewall), or run offline with charts already in the cache',
  );
}

/** The message for an HTTP error status, with what to do about it. */
export function statusFailure(response: HttpResponse, what: string, credentialsHint: string): ChartFailure {
  const url = withoutCredentials(response.url);
  const { status } = response;
  if (status === 401 || status === 403) {
    return new ChartFailure(
      `${what}: ${url} answered HTTP ${status} (${status === 401 ? 'authentication required' : 'access denied'})`,
      credentialsHint,
    );
  }
  if (status === 404) {
    return new ChartFailure(
      `${what}: ${url} was not found (HTTP 404)`,
      'check the URL, the chart name and the version',
    );
  }
  return new ChartFailure(
    `${what}: ${url} answered HTTP ${status}`,
    status >= 500 || status === 429 ? 'the server is failing or busy; try again later' : 'check the URL',
  );
}
