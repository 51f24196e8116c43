import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/core/json.js';
import {
  createSchemaRegistry,
  loadKubernetesOpenApi,
  normalizeKubernetesVersion,
  type OpenApiDoc,
} from '../../src/schemas/index.js';
import { SHARED_DIR, sharedAvailable } from '../helpers/shared.js';
import { readIo, swagger } from './helpers.js';

/** A swagger document small enough to read: one kind exercising every conversion rule. */
const MINI: OpenApiDoc = {
  swagger: '2.0',
  definitions: {
    'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { type: 'string', format: 'int-or-string' },
    'io.k8s.apimachinery.pkg.api.resource.Quantity': { type: 'string' },
    'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta': {
      type: 'object',
      properties: {
        name: { type: 'string' },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
    'io.example.v1.Widget': {
      type: 'object',
      required: ['spec'],
      properties: {
        apiVersion: { type: 'string' },
        kind: { type: 'string' },
        metadata: { $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' },
        spec: { $ref: '#/definitions/io.example.v1.WidgetSpec' },
      },
      'x-kubernetes-group-version-kind': [{ group: 'example.io', version: 'v1', kind: 'Widget' }],
    },
    'io.example.v1.WidgetSpec': {
      type: 'object',
      required: ['size'],
      properties: {
        size: { type: 'integer', format: 'int32' },
        port: { $ref: '#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString' },
        memory: { $ref: '#/definitions/io.k8s.apimachinery.pkg.api.resource.Quantity' },
        note: { type: 'string', 'x-nullable': true },
        free: {
          type: 'object',
          'x-kubernetes-preserve-unknown-fields': true,
          properties: { known: { type: 'string' } },
        },
        template: {
          type: 'object',
          'x-kubernetes-embedded-resource': true,
          'x-kubernetes-preserve-unknown-fields': true,
        },
        hash: { type: 'string', format: 'byte' },
        at: { type: 'string', format: 'date-time' },
        window: { type: 'string', format: 'duration' },
      },
    },
  },
};

const widget = (spec: JsonObject): JsonObject => ({
  apiVersion: 'example.io/v1',
  kind: 'Widget',
  metadata: { name: 'w' },
  spec: { size: 1, ...spec },
});

describe('Kubernetes OpenAPI conversion rules', () => {
  const registry = createSchemaRegistry({ kubernetes: MINI });
  const validator = registry.validatorFor('example.io/v1', 'Widget');
  const cases: [string, JsonObject, string[]][] = [
    ['a valid object', widget({}), []],
    ['typo: unknown field', widget({ sise: 2 }), ['unknown field `spec.sise` (did you mean `size`?)']],
    [
      'typo in metadata',
      { ...widget({}), metadata: { nmae: 'w' } },
      ['unknown field `metadata.nmae` (did you mean `name`?)'],
    ],
    ['wrong type', widget({ size: 'two' }), ['`spec.size` must be integer, not string "two"']],
    [
      'int32 range',
      widget({ size: 2 ** 40 }),
      ['`spec.size` must be a valid int32, not number 1099511627776'],
    ],
    ['missing required', { ...widget({}), spec: {} }, ['missing required field `spec.size`']],
    ['int-or-string: integer', widget({ port: 8080 }), []],
    ['int-or-string: string', widget({ port: 'http' }), []],
    [
      'int-or-string: object',
      widget({ port: { a: 1 } }),
      ['`spec.port` must be integer or string, not an object'],
    ],
    ['quantity 500m', widget({ memory: '500m' }), []],
    ['quantity 1Gi', widget({ memory: '1Gi' }), []],
    ['quantity "2"', widget({ memory: '2' }), []],
    ['quantity 2 (number)', widget({ memory: 2 }), []],
    ['quantity 1.5', widget({ memory: 1.5 }), []],
    [
      'quantity 1GB',
      widget({ memory: '1GB' }),
      ['`spec.memory` must be a quantity such as 500m, 1Gi or 2, not string "1GB"'],
    ],
    ['quantity true', widget({ memory: true }), ['`spec.memory` must be string or number, not boolean true']],
    ['x-nullable', widget({ note: null }), []],
    ['null in an optional field', widget({ port: null, memory: null, hash: null }), []],
    ['null in a required field', widget({ size: null }), ['`spec.size` must be integer, not null']],
    [
      'preserve-unknown-fields keeps checking known fields',
      widget({ free: { anything: [1], known: 'x' } }),
      [],
    ],
    [
      'preserve-unknown-fields: known field wrong type',
      widget({ free: { known: 1 } }),
      ['`spec.free.known` must be string, not number 1'],
    ],
    [
      'embedded resource',
      widget({ template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { x: 1 } } }),
      [],
    ],
    [
      'embedded resource without kind',
      widget({ template: { apiVersion: 'v1' } }),
      ['missing required field `spec.template.kind`'],
    ],
    [
      'embedded resource metadata is ObjectMeta',
      widget({ template: { apiVersion: 'v1', kind: 'Pod', metadata: { nam: 'p' } } }),
      ['unknown field `spec.template.metadata.nam` (did you mean `name`?)'],
    ],
    [
      'byte is base64',
      widget({ hash: 'not base64!' }),
      ['`spec.hash` must be a valid byte, not string "not base64!"'],
    ],
    ['date-time with offset', widget({ at: '2024-01-02T03:04:05+01:00' }), []],
    ['date-time without offset (kube-openapi accepts it)', widget({ at: '2024-01-02T03:04:05' }), []],
    [
      'date-time garbage',
      widget({ at: 'yesterday' }),
      ['`spec.at` must be a valid date-time, not string "yesterday"'],
    ],
    ['unknown format ignored', widget({ window: '1h30m' }), []],
    [
      'kind pinned',
      { ...widget({}), kind: 'Gadget' },
      ['`kind` must be one of "Widget", not string "Gadget"'],
    ],
  ];
  it.each(cases)('%s', (_name, obj, expected) => {
    const got = validator?.validate(obj).map((v) => v.message + (v.hint ? ` (${v.hint})` : ''));
    expect(got).toEqual(expected);
  });

  it('paths point at the offending field, or at the parent of a missing one', () => {
    const [unknown] = validator?.validate(widget({ sise: 2 })) ?? [];
    expect(unknown).toMatchObject({
      path: ['spec', 'sise'],
      pointer: '/spec/sise',
      keyword: 'additionalProperties',
    });
    const [missing] = validator?.validate({ ...widget({}), spec: {} }) ?? [];
    expect(missing).toMatchObject({ path: ['spec'], pointer: '/spec', keyword: 'required' });
  });

  it('answers missing for a kind no schema covers, and caches the validator', () => {
    expect(registry.lookup('example.io/v2', 'Widget')).toEqual({
      status: 'missing',
      reason:
        'no schema for example.io/v2 Widget: not a built-in kind of this Kubernetes version, no CustomResourceDefinition in the cluster, no schema location given',
    });
    expect(registry.validatorFor('example.io/v1', 'Widget')).toBe(validator);
  });

  it('skips the kinds the caller leaves to another stage', () => {
    const r = createSchemaRegistry({ kubernetes: MINI, skip: (g) => g.group === 'example.io' });
    expect(r.lookup('example.io/v1', 'Widget').status).toBe('skipped');
    expect(r.validatorFor('example.io/v1', 'Widget')).toBeUndefined();
  });
});

describe('Kubernetes versions', () => {
  it.each([
    ['1.35', '1.35'],
    ['v1.36', '1.36'],
    ['1.35.2', '1.35'],
    ['v1.36.0', '1.36'],
  ])('%s → %s', (input, out) => expect(normalizeKubernetesVersion(input)).toBe(out));
  it('rejects a non-version', () =>
    expect(() => normalizeKubernetesVersion('latest')).toThrow(/not a Kubernetes version/));
});

const kubernetesDir = join(SHARED_DIR, 'schemas/kubernetes');
const real = sharedAvailable() && existsSync(kubernetesDir);

describe.skipIf(!real)('the real Kubernetes OpenAPI', () => {
  const deployment = (spec: JsonObject): JsonObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', creationTimestamp: null, labels: { 'app.kubernetes.io/name': 'web' } },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            {
              name: 'web',
              image: 'nginx',
              ports: [{ containerPort: 80, name: 'http' }],
              resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: 2 } },
              livenessProbe: { httpGet: { port: 'http', path: '/' } },
            },
          ],
        },
      },
      ...spec,
    },
  });

  it('loads a version from the schema location and rejects an absent one', async () => {
    const doc = await loadKubernetesOpenApi('v1.35.4', kubernetesDir, readIo);
    expect(Object.keys(doc.definitions)).toHaveLength(735);
    await expect(loadKubernetesOpenApi('1.20', kubernetesDir, readIo)).rejects.toThrow(
      /no Kubernetes 1.20 OpenAPI/,
    );
  });

  for (const version of ['1.35', '1.36']) {
    const registry = () =>
      createSchemaRegistry({ kubernetes: swagger(join(kubernetesDir, `swagger-v${version}.json`)) });
    it(`${version}: validates a Deployment, its typos and wrong types`, () => {
      const v = registry().validatorFor('apps/v1', 'Deployment');
      expect(v?.source).toBe('kubernetes');
      expect(v?.validate(deployment({ replicas: 2 }))).toEqual([]);
      const messages = v
        ?.validate(deployment({ replicass: 2, revisionHistoryLimit: 'ten' }))
        .map((x) => [x.message, x.hint]);
      expect(messages).toEqual([
        ['unknown field `spec.replicass`', 'did you mean `replicas`?'],
        ['`spec.revisionHistoryLimit` must be integer, not string "ten"', undefined],
      ]);
    });
  }

  it('1.36 knows resource.k8s.io/v1, and no version knows a made-up kind', () => {
    const r = createSchemaRegistry({ kubernetes: swagger(join(kubernetesDir, 'swagger-v1.36.json')) });
    expect(r.lookup('resource.k8s.io/v1', 'ResourceClaim').status).toBe('found');
    expect(r.lookup('apps/v1', 'Deploymnt').status).toBe('missing');
    expect(r.lookup('v1', 'WatchEvent').status).toBe('missing');
  });
});
