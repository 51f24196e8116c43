import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/core/json.js';
import {
  createSchemaCatalog,
  parseSchemaLocation,
  type OpenApiDoc,
  type SchemaReadIo,
} from '../../src/schemas/index.js';
import { widgetCrd } from './helpers.js';

const KUBERNETES: OpenApiDoc = {
  definitions: {
    'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta': {
      type: 'object',
      properties: { name: { type: 'string' } },
    },
    'io.k8s.api.core.v1.ConfigMap': {
      type: 'object',
      properties: {
        apiVersion: { type: 'string' },
        kind: { type: 'string' },
        metadata: { $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' },
        data: { type: 'object', additionalProperties: { type: 'string' } },
      },
      'x-kubernetes-group-version-kind': [{ group: '', version: 'v1', kind: 'ConfigMap' }],
    },
  },
};

/** The schema location's Widget: `size` is a number. */
const LOCATION_WIDGET = JSON.stringify({
  type: 'object',
  properties: { spec: { type: 'object', properties: { size: { type: 'integer' } } } },
});

/** A cluster's own Widget CRD: `size` is a string there. */
const CRD: JsonObject = widgetCrd({
  type: 'object',
  properties: { spec: { type: 'object', properties: { size: { type: 'string' } } } },
});

const widget = (size: unknown): JsonObject =>
  ({ apiVersion: 'example.io/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { size } }) as JsonObject;

function countingIo(files: Record<string, string>): SchemaReadIo & { reads: string[] } {
  const reads: string[] = [];
  return { reads, readFile: (path) => (reads.push(path), files[path]) };
}

describe('schemas shared by the clusters of a run', () => {
  const location = parseSchemaLocation('/schemas');
  const files = { '/schemas/example.io/widget_v1.json': LOCATION_WIDGET };

  it('reads and compiles a location schema once for every cluster', () => {
    const io = countingIo(files);
    const catalog = createSchemaCatalog({ kubernetes: KUBERNETES, location, io });
    const a = catalog.forCluster([]).validatorFor('example.io/v1', 'Widget');
    const b = catalog.forCluster([]).validatorFor('example.io/v1', 'Widget');
    expect(io.reads).toEqual(['/schemas/example.io/widget_v1.json']);
    expect(a?.source).toBe('location');
    expect(b).toBe(a);
  });

  it('remembers a missing location file once too', () => {
    const io = countingIo({});
    const catalog = createSchemaCatalog({ kubernetes: KUBERNETES, location, io });
    const first = catalog.forCluster([]).lookup('example.io/v1', 'Gadget');
    const second = catalog.forCluster([]).lookup('example.io/v1', 'Gadget');
    expect(io.reads).toHaveLength(1);
    expect(second).toEqual(first);
    expect(first).toEqual({
      status: 'missing',
      reason:
        'no schema for example.io/v1 Gadget: not a built-in kind of this Kubernetes version, no CustomResourceDefinition in the cluster, no file /schemas/example.io/gadget_v1.json',
    });
  });

  it('compiles a built-in kind once for every cluster', () => {
    const catalog = createSchemaCatalog({ kubernetes: KUBERNETES });
    const a = catalog.forCluster([]).validatorFor('v1', 'ConfigMap');
    const b = catalog.forCluster([CRD]).validatorFor('v1', 'ConfigMap');
    expect(a?.source).toBe('kubernetes');
    expect(b).toBe(a);
  });

  it("a cluster's own CRD wins over the location, for that cluster only", () => {
    const io = countingIo(files);
    const catalog = createSchemaCatalog({ kubernetes: KUBERNETES, location, io });
    const withCrd = catalog.forCluster([CRD]);
    const without = catalog.forCluster([]);
    // Asked in an order that would leak a shared answer either way.
    const own = withCrd.validatorFor('example.io/v1', 'Widget');
    const fromLocation = without.validatorFor('example.io/v1', 'Widget');
    const ownAgain = catalog.forCluster([CRD]).validatorFor('example.io/v1', 'Widget');
    expect([own?.source, fromLocation?.source, ownAgain?.source]).toEqual(['crd', 'location', 'crd']);
    expect(own?.validate(widget('big'))).toEqual([]);
    expect(own?.validate(widget(3)).map((v) => v.message)).toEqual([
      '`spec.size` must be string, not number 3',
    ]);
    expect(fromLocation?.validate(widget(3))).toEqual([]);
    expect(fromLocation?.validate(widget('big')).map((v) => v.message)).toEqual([
      '`spec.size` must be integer, not string "big"',
    ]);
    // The CRD's cluster never needed the location file.
    expect(io.reads).toEqual(['/schemas/example.io/widget_v1.json']);
  });

  it('built-in kinds still come before a CRD of the same kind', () => {
    const builtIn: OpenApiDoc = {
      definitions: {
        ...KUBERNETES.definitions,
        'io.example.v1.Widget': {
          type: 'object',
          properties: { spec: { type: 'object' } },
          'x-kubernetes-group-version-kind': [{ group: 'example.io', version: 'v1', kind: 'Widget' }],
        },
      },
    };
    const catalog = createSchemaCatalog({ kubernetes: builtIn });
    expect(catalog.forCluster([CRD]).validatorFor('example.io/v1', 'Widget')?.source).toBe('kubernetes');
  });

  it('skips for every cluster', () => {
    const catalog = createSchemaCatalog({ kubernetes: KUBERNETES, skip: (g) => g.group === 'example.io' });
    expect(catalog.forCluster([CRD]).lookup('example.io/v1', 'Widget').status).toBe('skipped');
  });
});
