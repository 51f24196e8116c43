import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cachePath,
  createSchemaRegistry,
  parseSchemaLocation,
  pullSchemas,
  type Gvk,
  type SchemaLocation,
} from '../../src/schemas/index.js';
import { nodeSchemaIo } from '../../src/schemas/node-io.js';
import { SHARED_DIR, sharedAvailable } from '../helpers/shared.js';

const CRD_DIR = join(SHARED_DIR, 'schemas/crds');
const enabled = sharedAvailable() && existsSync(CRD_DIR);

const CERT: Gvk = { group: 'cert-manager.io', version: 'v1', kind: 'Certificate' };
const BROKEN: Gvk = { group: 'broken.example.io', version: 'v1', kind: 'Thing' };
const CORRUPT: Gvk = { group: 'corrupt.example.io', version: 'v1', kind: 'Thing' };
const ABSENT: Gvk = { group: 'cert-manager.io', version: 'v9', kind: 'Certificate' };

/**
 * Serves the reference catalog like a schema host would, plus two bad groups: one answers
 * 500, one answers truncated JSON (the first `corruptFor` times).
 */
function startServer(state: { corruptFor: number; hits: string[] }): Promise<Server> {
  const server = createServer((req, res) => {
    const url = req.url ?? '';
    state.hits.push(url);
    if (url.startsWith('/crds/broken.example.io/')) {
      res.writeHead(500).end('internal error');
      return;
    }
    if (url.startsWith('/crds/corrupt.example.io/')) {
      const good = JSON.stringify({ type: 'object', properties: { spec: { type: 'object' } } });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(state.corruptFor-- > 0 ? good.slice(0, 20) : good);
      return;
    }
    const file = join(CRD_DIR, decodeURIComponent(url.replace(/^\/crds\//, '')));
    if (!url.startsWith('/crds/') || url.includes('..') || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe.skipIf(!enabled)('pulling schemas from an HTTP location into the cache', () => {
  const state = { corruptFor: 1, hits: [] as string[] };
  let server: Server;
  let location: SchemaLocation;
  let cacheDir: string;

  beforeAll(async () => {
    server = await startServer(state);
    const { port } = server.address() as AddressInfo;
    location = parseSchemaLocation(
      `http://127.0.0.1:${port}/crds/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json`,
    );
    cacheDir = mkdtempSync(join(tmpdir(), 'k8s-ops-schemas-'));
  });
  afterAll(() => {
    server.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('fetches, reports 404/500/corrupt clearly, and caches only good files', async () => {
    const results = await pullSchemas(location, [CERT, ABSENT, BROKEN, CORRUPT], {
      cacheDir,
      io: nodeSchemaIo,
    });
    const base = location.template.slice(0, location.template.indexOf('/crds/'));
    expect(results.map((r) => [r.status, r.message?.replace(base, '<host>')])).toEqual([
      ['fetched', undefined],
      [
        'not-found',
        'no schema for cert-manager.io/v9 Certificate at <host>/crds/cert-manager.io/certificate_v9.json (404)',
      ],
      ['error', '<host>/crds/broken.example.io/thing_v1.json answered HTTP 500; schema not cached'],
      [
        'error',
        expect.stringMatching(
          /^<host>\/crds\/corrupt\.example\.io\/thing_v1\.json is not valid JSON \(.+\); schema not cached$/,
        ),
      ],
    ]);
    expect(readFileSync(cachePath(cacheDir, location, CERT), 'utf8')).toBe(
      readFileSync(join(CRD_DIR, 'cert-manager.io/certificate_v1.json'), 'utf8'),
    );
    for (const bad of [BROKEN, CORRUPT, ABSENT])
      expect(existsSync(cachePath(cacheDir, location, bad))).toBe(false);
    // No temporary file is left behind.
    const certDir = join(cachePath(cacheDir, location, CERT), '..');
    expect(readdirSync(certDir)).toEqual(['certificate_v1.json']);
  });

  it('the registry reads the cache; a kind whose pull failed is missing, not poisoned', () => {
    const registry = createSchemaRegistry({ location, cacheDir, io: nodeSchemaIo });
    const cert = registry.lookup('cert-manager.io/v1', 'Certificate');
    expect(cert.status).toBe('found');
    if (cert.status !== 'found') return;
    expect(cert.validator.source).toBe('location');
    const certificate = {
      apiVersion: 'cert-manager.io/v1',
      kind: 'Certificate',
      metadata: { name: 'c' },
      spec: { secretName: 's', issuerRef: { name: 'i', kind: 'ClusterIssuer' }, dnsNames: ['a.example'] },
    };
    expect(cert.validator.validate(certificate)).toEqual([]);
    expect(
      cert.validator.validate({ ...certificate, spec: { ...certificate.spec, dnsName: ['x'] } })[0],
    ).toMatchObject({
      message: 'unknown field `spec.dnsName`',
      hint: 'did you mean `dnsNames`?',
    });
    const corrupt = registry.lookup('corrupt.example.io/v1', 'Thing');
    expect(corrupt.status).toBe('missing');
    expect(corrupt.status === 'missing' && corrupt.reason).toMatch(
      /is not in the cache \(pull schemas first\)$/,
    );
  });

  it('a second pull uses the cache and retries only what failed', async () => {
    state.hits.length = 0;
    const results = await pullSchemas(location, [CERT, CORRUPT], { cacheDir, io: nodeSchemaIo });
    expect(results.map((r) => r.status)).toEqual(['cached', 'fetched']);
    expect(state.hits).toEqual(['/crds/corrupt.example.io/thing_v1.json']);
  });

  it('a failed refresh keeps the good cached copy', async () => {
    const target = cachePath(cacheDir, location, CERT);
    const before = readFileSync(target, 'utf8');
    const failing = { ...nodeSchemaIo, fetch: () => Promise.resolve({ status: 503, text: '' }) };
    const [result] = await pullSchemas(location, [CERT], { cacheDir, io: failing, refresh: true });
    expect(result?.status).toBe('error');
    expect(readFileSync(target, 'utf8')).toBe(before);
  });

  it('a network error is a result, not an exception', async () => {
    const down = { ...nodeSchemaIo, fetch: () => Promise.reject(new Error('connect ECONNREFUSED')) };
    const [result] = await pullSchemas(location, [ABSENT], { cacheDir, io: down });
    expect(result?.status).toBe('error');
    expect(result?.message).toMatch(/^cannot fetch .*: connect ECONNREFUSED$/);
  });

  it('a corrupt file already in the cache is reported as invalid', () => {
    const gvk: Gvk = { group: 'hand.example.io', version: 'v1', kind: 'Edit' };
    const target = cachePath(cacheDir, location, gvk);
    nodeSchemaIo.mkdirp(join(target, '..'));
    writeFileSync(target, '{"type": "obj');
    const hit = createSchemaRegistry({ location, cacheDir, io: nodeSchemaIo }).lookup(
      'hand.example.io/v1',
      'Edit',
    );
    expect(hit.status).toBe('invalid');
    expect(hit.status === 'invalid' && hit.reason).toMatch(/edit_v1\.json is not valid JSON/);
  });
});
