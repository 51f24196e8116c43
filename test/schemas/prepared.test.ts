/**
 * Prepared schema copies: what they keep, when a kept copy is used, and that validating with
 * them is validating with the original files.
 */
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  chmodSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isJsonObject, type JsonObject } from '../../src/core/json.js';
import { apiVersionOf } from '../../src/schemas/gvk.js';
import {
  createSchemaRegistry,
  loadKubernetesOpenApi,
  parseSchemaLocation,
  type Gvk,
  type SchemaReadIo,
} from '../../src/schemas/index.js';
import { nodePreparedStore } from '../../src/schemas/node-prepared-store.js';
import { prepareOpenApi, prepareSchema, readPreparedJson } from '../../src/schemas/prepared.js';
import type { PreparedStore } from '../../src/schemas/types.js';
import { SHARED_DIR, sharedAvailable } from '../helpers/shared.js';
import { readIo, swagger } from './helpers.js';
import { SAMPLE_MODES, sample } from './samples.js';

/** An in-memory file system and store that count what is read. */
function memory(files: Record<string, string>) {
  const copies = new Map<string, string>();
  const stamps = new Map<string, string>(Object.keys(files).map((f) => [f, 'v1']));
  const reads: string[] = [];
  const io: SchemaReadIo & { prepared: PreparedStore } = {
    readFile(path) {
      reads.push(path);
      return files[path];
    },
    prepared: {
      stamp: (path) => stamps.get(path),
      get: (path, stamp) => copies.get(`${path}@${stamp}`),
      put: (path, stamp, text) => void copies.set(`${path}@${stamp}`, text),
    },
  };
  return { io, reads, copies, stamps };
}

const crd = JSON.stringify({
  type: 'object',
  description: 'A widget.',
  properties: {
    description: { type: 'string', description: 'a field named description is kept' },
    size: { type: 'integer', example: 3 },
  },
});

describe('readPreparedJson', () => {
  it('reads the source once, then serves the prepared copy while the stamp holds', () => {
    const m = memory({ 'w.json': crd });
    const first = readPreparedJson(m.io, 'w.json', prepareSchema);
    expect(first).toEqual({
      type: 'object',
      properties: { description: { type: 'string' }, size: { type: 'integer' } },
    });
    expect(readPreparedJson(m.io, 'w.json', prepareSchema)).toEqual(first);
    expect(m.reads).toEqual(['w.json']);
    m.stamps.set('w.json', 'v2');
    expect(readPreparedJson(m.io, 'w.json', prepareSchema)).toEqual(first);
    expect(m.reads).toEqual(['w.json', 'w.json']);
  });

  it('ignores and replaces a damaged copy', () => {
    const m = memory({ 'w.json': crd });
    m.copies.set('w.json@v1', '{"type": "obj');
    const got = readPreparedJson(m.io, 'w.json', prepareSchema);
    expect(isJsonObject(got) && got.type).toBe('object');
    expect(JSON.parse(m.copies.get('w.json@v1') ?? '')).toEqual(got);
  });

  it('words a broken source as before and keeps no copy of it', () => {
    const m = memory({ 'bad.json': '{"type": ', 'list.json': '[1]' });
    expect(readPreparedJson(m.io, 'bad.json', prepareSchema)).toMatch(/^not valid JSON \(/);
    expect(readPreparedJson(m.io, 'list.json', prepareSchema)).toBe('not a JSON object');
    expect(readPreparedJson(m.io, 'none.json', prepareSchema)).toBeUndefined();
    expect(m.copies.size).toBe(0);
  });

  it('keeps only the definitions of a swagger document', () => {
    const doc = {
      swagger: '2.0',
      paths: { '/api': {} },
      definitions: { A: { description: 'x', type: 'object' } },
    };
    expect(prepareOpenApi(doc)).toEqual({ definitions: { A: { type: 'object' } } });
    expect(prepareOpenApi({ swagger: '2.0' })).toEqual({ swagger: '2.0' });
  });

  it('still says when a swagger document has no definitions', async () => {
    const m = memory({ 'k/swagger-v1.35.json': '{"swagger": "2.0"}' });
    await expect(loadKubernetesOpenApi('1.35', 'k', m.io)).rejects.toThrow(
      'k/swagger-v1.35.json is not an OpenAPI v2 document (no definitions)',
    );
  });
});

describe('nodePreparedStore', () => {
  it('keeps a copy per source and stamp, and survives a cache it cannot write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'k8s-ops-prepared-'));
    try {
      const source = join(dir, 'schema.json');
      writeFileSync(source, crd);
      const store = nodePreparedStore(join(dir, 'cache'));
      const stamp = store.stamp(source) as string;
      expect(stamp).toMatch(/^\d+:/);
      expect(store.stamp(join(dir, 'missing.json'))).toBeUndefined();
      expect(store.get(source, stamp)).toBeUndefined();
      store.put(source, stamp, '{"a":1}');
      expect(store.get(source, stamp)).toBe('{"a":1}');
      expect(store.get(source, `${stamp}x`)).toBeUndefined();
      expect(readdirSync(join(dir, 'cache'))).toHaveLength(1); // no temporary file left

      const readOnly = join(dir, 'ro');
      writeFileSync(readOnly, 'a file where the directory should be');
      chmodSync(readOnly, 0o444);
      const blocked = nodePreparedStore(join(readOnly, 'cache'));
      expect(() => blocked.put(source, stamp, '{}')).not.toThrow();
      expect(blocked.get(source, stamp)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const SWAGGER = join(SHARED_DIR, 'schemas/kubernetes/swagger-v1.35.json');
const CRD_DIR = join(SHARED_DIR, 'schemas/crds');
const real = sharedAvailable() && existsSync(SWAGGER) && existsSync(CRD_DIR);

describe.skipIf(!real)('validating with prepared copies', () => {
  it('gives the same findings as the original files, for every kind and location schema', async () => {
    const m = memory({});
    m.io.prepared.stamp = () => 'fixed';
    const location = parseSchemaLocation(CRD_DIR);
    const kinds: { gvk: Gvk; schema: JsonObject }[] = [
      ...Object.values(swagger(SWAGGER).definitions).flatMap((d) => {
        const gvks = d['x-kubernetes-group-version-kind'];
        return Array.isArray(gvks) && gvks.length === 1
          ? [{ gvk: gvks[0] as unknown as Gvk, schema: d }]
          : [];
      }),
      ...readdirSync(CRD_DIR).flatMap((group) =>
        readdirSync(join(CRD_DIR, group)).map((file) => {
          const [kind = '', version = ''] = file.replace(/\.json$/, '').split('_');
          const schema = JSON.parse(readFileSync(join(CRD_DIR, group, file), 'utf8')) as JsonObject;
          return { gvk: { group, version, kind }, schema };
        }),
      ),
    ];
    // A first run reads the files and leaves prepared copies behind.
    const filling: SchemaReadIo = { ...readIo, prepared: m.io.prepared };
    const filled = createSchemaRegistry({
      kubernetes: await loadKubernetesOpenApi('1.35', join(SHARED_DIR, 'schemas/kubernetes'), filling),
      location,
      io: filling,
    });
    for (const { gvk } of kinds) filled.lookup(apiVersionOf(gvk), gvk.kind);
    // A second run must take everything from the copies.
    const copiesOnly: SchemaReadIo = {
      readFile: (path) => {
        throw new Error(`read ${path}`);
      },
      prepared: m.io.prepared,
    };
    const prepared = createSchemaRegistry({
      kubernetes: await loadKubernetesOpenApi('1.35', join(SHARED_DIR, 'schemas/kubernetes'), copiesOnly),
      location,
      io: copiesOnly,
    });
    const raw = createSchemaRegistry({ kubernetes: swagger(SWAGGER), location, io: readIo });
    const resolve = (ref: string) => swagger(SWAGGER).definitions[ref.replace('#/definitions/', '')];
    let compared = 0;
    for (const { gvk, schema } of kinds) {
      const apiVersion = apiVersionOf(gvk);
      const a = raw.lookup(apiVersion, gvk.kind);
      const b = prepared.lookup(apiVersion, gvk.kind);
      expect(b.status, apiVersion).toBe(a.status);
      if (a.status !== 'found' || b.status !== 'found') continue;
      for (const mode of SAMPLE_MODES) {
        const obj = { ...(sample(schema, mode, resolve) as JsonObject), apiVersion, kind: gvk.kind };
        expect(b.validator.validate(obj), `${apiVersion} ${gvk.kind} ${mode}`).toEqual(
          a.validator.validate(obj),
        );
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1500);
  });
});
