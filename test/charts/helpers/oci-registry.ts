/**
 * An in-test OCI registry with fixed bytes: manifests by tag and digest, blobs served through a
 * 307 redirect to a second port (which refuses any Authorization header), a paginated tags
 * list, the anonymous Bearer token flow or Basic auth, and switches for broken answers.
 */
import { createHash } from 'node:crypto';
import { send, startServer, type TestServer } from './server.js';

export const HELM_CONFIG = 'application/vnd.cncf.helm.config.v1+json';
export const HELM_LAYER = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

export function digestOf(bytes: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

interface Repo {
  tags: Map<string, string>;
  manifests: Map<string, { body: string; mediaType: string }>;
  blobs: Map<string, Uint8Array>;
}

export interface RegistryOptions {
  /** `bearer`: 401 + Bearer challenge, token from /token; `basic`: 401 + Basic challenge. */
  auth?: 'none' | 'bearer' | 'basic';
  /** `user:password` the token endpoint (bearer) or the registry (basic) demands. */
  credentials?: string;
  /** Tags per page of tags/list. */
  pageSize?: number;
  /** The token endpoint answers `access_token` instead of `token`. */
  accessToken?: boolean;
}

export interface MockRegistry {
  url: string;
  host: string;
  server: TestServer;
  blobServer: TestServer;
  /** Blob digests served with other bytes. */
  corruptBlobs: Set<string>;
  /** `name:tag`s whose manifest is announced with a wrong Docker-Content-Digest. */
  lyingTags: Set<string>;
  push(name: string, tag: string, archive: Uint8Array, options?: PushOptions): string;
  pushIndex(name: string, tag: string, manifests: { digest: string; artifactType?: string }[]): string;
  tag(name: string, tag: string, digest: string): void;
  close(): Promise<void>;
}

export interface PushOptions {
  layerMediaType?: string;
  /** Layers put before the chart's. */
  before?: { mediaType: string; bytes: Uint8Array }[];
  /** Push the manifest only, not its blobs. */
  noBlobs?: boolean;
}

const TOKEN = 'test-token-1234';

export async function startRegistry(options: RegistryOptions = {}): Promise<MockRegistry> {
  const repos = new Map<string, Repo>();
  const corruptBlobs = new Set<string>();
  const lyingTags = new Set<string>();
  const repoOf = (name: string): Repo => {
    let r = repos.get(name);
    if (!r) repos.set(name, (r = { tags: new Map(), manifests: new Map(), blobs: new Map() }));
    return r;
  };
  const blobServer = await startServer((req, res) => {
    if (req.headers.authorization) return send(res, 400, 'the blob store got credentials');
    const m = /^\/store\/(.+?)\/(sha256:[0-9a-f]{64})$/.exec(req.url ?? '');
    const bytes = m && repos.get(m[1] as string)?.blobs.get(m[2] as string);
    if (!m || !bytes) return send(res, 404, 'no blob');
    send(res, 200, corruptBlobs.has(m[2] as string) ? Buffer.concat([bytes, Buffer.from('x')]) : bytes);
  });
  const basic = `Basic ${Buffer.from(options.credentials ?? '').toString('base64')}`;
  const server = await startServer((req, res, base) => {
    const url = new URL(req.url ?? '', base);
    if (url.pathname === '/token') {
      if (options.credentials && req.headers.authorization !== basic)
        return send(res, 401, 'bad credentials');
      const body = options.accessToken ? { access_token: TOKEN } : { token: TOKEN };
      return send(res, 200, JSON.stringify(body), { 'Content-Type': 'application/json' });
    }
    if (options.auth === 'bearer' && req.headers.authorization !== `Bearer ${TOKEN}`) {
      const name = /^\/v2\/(.+?)\/(?:manifests|blobs|tags)\//.exec(url.pathname)?.[1] ?? '';
      const challenge = `Bearer realm="${base}/token",service="mock",scope="repository:${name}:pull"`;
      return send(res, 401, '{"errors":[{"code":"UNAUTHORIZED"}]}', { 'WWW-Authenticate': challenge });
    }
    if (options.auth === 'basic' && req.headers.authorization !== basic) {
      return send(res, 401, 'unauthorized', { 'WWW-Authenticate': 'Basic realm="mock"' });
    }
    let m = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(url.pathname);
    if (m) {
      const repo = repos.get(m[1] as string);
      const ref = m[2] as string;
      const digest = ref.startsWith('sha256:') ? ref : repo?.tags.get(ref);
      const manifest = digest && repo?.manifests.get(digest);
      if (!manifest || !digest) return send(res, 404, '{"errors":[{"code":"MANIFEST_UNKNOWN"}]}');
      const announced = lyingTags.has(`${m[1]}:${ref}`) ? digestOf('lie') : digest;
      return send(res, 200, manifest.body, {
        'Content-Type': manifest.mediaType,
        'Docker-Content-Digest': announced,
      });
    }
    m = /^\/v2\/(.+)\/blobs\/(sha256:[0-9a-f]{64})$/.exec(url.pathname);
    if (m) {
      if (!repos.get(m[1] as string)?.blobs.has(m[2] as string)) return send(res, 404, 'no blob');
      return send(res, 307, '', { Location: `${blobServer.url}/store/${m[1]}/${m[2]}` });
    }
    m = /^\/v2\/(.+)\/tags\/list$/.exec(url.pathname);
    if (m) {
      const tags = [...(repos.get(m[1] as string)?.tags.keys() ?? [])].sort();
      if (tags.length === 0) return send(res, 404, '{"errors":[{"code":"NAME_UNKNOWN"}]}');
      const size = options.pageSize ?? 1000;
      const last = url.searchParams.get('last');
      const start = last ? tags.indexOf(last) + 1 : 0;
      const page = tags.slice(start, start + size);
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (start + size < tags.length) {
        headers.Link = `</v2/${m[1]}/tags/list?n=${size}&last=${encodeURIComponent(page[page.length - 1] as string)}>; rel="next"`;
      }
      return send(res, 200, JSON.stringify({ name: m[1], tags: page }), headers);
    }
    send(res, 404, 'unknown path');
  });

  const putManifest = (name: string, body: string, mediaType: string): string => {
    const digest = digestOf(body);
    repoOf(name).manifests.set(digest, { body, mediaType });
    return digest;
  };

  return {
    url: server.url,
    host: `127.0.0.1:${server.port}`,
    server,
    blobServer,
    corruptBlobs,
    lyingTags,
    push(name, tag, archive, push = {}) {
      const repo = repoOf(name);
      const config = Buffer.from('{}');
      const layers = [
        ...(push.before ?? []),
        { mediaType: push.layerMediaType ?? HELM_LAYER, bytes: archive },
      ];
      if (!push.noBlobs) {
        repo.blobs.set(digestOf(config), config);
        for (const l of layers) repo.blobs.set(digestOf(l.bytes), l.bytes);
      }
      const manifest = {
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        config: { mediaType: HELM_CONFIG, digest: digestOf(config), size: config.length },
        layers: layers.map((l) => ({
          mediaType: l.mediaType,
          digest: digestOf(l.bytes),
          size: l.bytes.length,
        })),
        annotations: { 'org.opencontainers.image.created': '2024-01-01T00:00:00Z' },
      };
      const digest = putManifest(name, JSON.stringify(manifest), OCI_MANIFEST);
      repo.tags.set(tag, digest);
      return digest;
    },
    pushIndex(name, tag, manifests) {
      const index = {
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests: manifests.map((m) => ({ mediaType: OCI_MANIFEST, size: 1, ...m })),
      };
      const digest = putManifest(name, JSON.stringify(index), OCI_INDEX);
      repoOf(name).tags.set(tag, digest);
      return digest;
    },
    tag(name, tag, digest) {
      repoOf(name).tags.set(tag, digest);
    },
    async close() {
      await server.close();
      await blobServer.close();
    },
  };
}
