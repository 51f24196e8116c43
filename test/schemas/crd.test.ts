import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/core/json.js';
import { createSchemaRegistry, crdVersions, type OpenApiDoc } from '../../src/schemas/index.js';

const OBJECT_META: OpenApiDoc = {
  definitions: {
    'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta': {
      type: 'object',
      properties: { name: { type: 'string' }, namespace: { type: 'string' } },
    },
  },
};

/** A CRD as controller-gen writes it, with each structural-schema rule used once. */
const CRD: JsonObject = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'backups.example.io' },
  spec: {
    group: 'example.io',
    names: { kind: 'Backup', plural: 'backups' },
    scope: 'Namespaced',
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              apiVersion: { type: 'string' },
              kind: { type: 'string' },
              metadata: { type: 'object' },
              spec: {
                type: 'object',
                required: ['schedule'],
                properties: {
                  schedule: { type: 'string', minLength: 1 },
                  retries: { type: 'integer', format: 'int32', minimum: 0, exclusiveMinimum: true },
                  port: {
                    anyOf: [{ type: 'integer' }, { type: 'string' }],
                    'x-kubernetes-int-or-string': true,
                  },
                  size: {
                    anyOf: [{ type: 'integer' }, { type: 'string' }],
                    pattern:
                      '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$',
                    'x-kubernetes-int-or-string': true,
                  },
                  values: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
                  template: {
                    type: 'object',
                    'x-kubernetes-embedded-resource': true,
                    'x-kubernetes-preserve-unknown-fields': true,
                  },
                  comment: { type: 'string', nullable: true },
                  target: {
                    type: 'object',
                    properties: { name: { type: 'string' }, uid: { type: 'string' } },
                    // A value-only branch: it must not make `uid` unknown.
                    anyOf: [{ required: ['name'] }, { required: ['uid'] }],
                  },
                  mode: { type: 'string', enum: ['full', 'incremental'], pattern: '(?i)^[a-z]+$' },
                },
                'x-kubernetes-validations': [{ rule: 'self.retries < 10' }],
              },
            },
          },
        },
      },
      { name: 'v1alpha1', served: false, storage: false, schema: { openAPIV3Schema: { type: 'object' } } },
    ],
  },
};

/** apiextensions v1beta1 with pruning off: nothing is unknown anywhere. */
const LEGACY: JsonObject = {
  apiVersion: 'apiextensions.k8s.io/v1beta1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'olds.example.io' },
  spec: {
    group: 'example.io',
    version: 'v1',
    names: { kind: 'Old' },
    preserveUnknownFields: true,
    validation: {
      openAPIV3Schema: {
        type: 'object',
        properties: { spec: { type: 'object', properties: { a: { type: 'string' } } } },
      },
    },
  },
};

const backup = (spec: JsonObject, extra: JsonObject = {}): JsonObject => ({
  apiVersion: 'example.io/v1',
  kind: 'Backup',
  metadata: { name: 'b', namespace: 'default' },
  spec: { schedule: '@daily', ...spec },
  ...extra,
});

describe('schemas from CustomResourceDefinition objects', () => {
  const registry = createSchemaRegistry({ kubernetes: OBJECT_META, crdObjects: [CRD, LEGACY] });
  const v = registry.validatorFor('example.io/v1', 'Backup');

  const cases: [string, JsonObject, string[]][] = [
    ['valid', backup({ retries: 3, target: { name: 'db' } }), []],
    [
      'unknown field with a hint',
      backup({ retires: 3 }),
      ['unknown field `spec.retires` (did you mean `retries`?)'],
    ],
    ['unknown field at the root', backup({}, { spce: {} }), ['unknown field `spce` (did you mean `spec`?)']],
    [
      'metadata is ObjectMeta, not any object',
      backup({}, { metadata: { name: 'b', labls: {} } }),
      ['unknown field `metadata.labls`'],
    ],
    ['missing required', { ...backup({}), spec: {} }, ['missing required field `spec.schedule`']],
    ['wrong type', backup({ schedule: 5 }), ['`spec.schedule` must be string, not number 5']],
    ['exclusiveMinimum as a boolean', backup({ retries: 0 }), ['`spec.retries` must be > 0']],
    ['int-or-string both forms', backup({ port: 80, size: '1Gi' }), []],
    ['int-or-string string form', backup({ port: 'http', size: 2 }), []],
    [
      'int-or-string object',
      backup({ port: { a: 1 } }),
      ['`spec.port` must be integer or string, not an object'],
    ],
    ['quantity pattern', backup({ size: '500m' }), []],
    [
      'bad quantity',
      backup({ size: '5 GB' }),
      ['`spec.size` must be a quantity such as 500m, 1Gi or 2, not string "5 GB"'],
    ],
    ['preserved unknown fields', backup({ values: { deep: { anything: [1, 'x'] } } }), []],
    [
      'embedded resource',
      backup({
        template: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' } },
      }),
      [],
    ],
    [
      'embedded resource without apiVersion',
      backup({ template: { kind: 'ConfigMap' } }),
      ['missing required field `spec.template.apiVersion`'],
    ],
    ['nullable', backup({ comment: null }), []],
    ['value-only anyOf branches do not close the object', backup({ target: { uid: 'x' } }), []],
    [
      'anyOf folded into one message',
      backup({ target: {} }),
      [
        '`spec.target` must satisfy at least one of: missing required field `spec.target.name`; or missing required field `spec.target.uid`',
      ],
    ],
    ['Go inline flag (?i) in a pattern', backup({ mode: 'full' }), []],
    [
      'enum',
      backup({ mode: 'partial' }),
      ['`spec.mode` must be one of "full", "incremental", not string "partial"'],
    ],
    [
      'apiVersion pinned',
      backup({}, { apiVersion: 'example.io/v2' }),
      ['`apiVersion` must be one of "example.io/v1", not string "example.io/v2"'],
    ],
  ];
  it.each(cases)('%s', (_name, obj, expected) => {
    expect(v?.validate(obj).map((x) => x.message + (x.hint ? ` (${x.hint})` : ''))).toEqual(expected);
  });

  it('reads versions, served flags and v1beta1 layouts', () => {
    const versions = crdVersions([CRD, LEGACY, { apiVersion: 'v1', kind: 'ConfigMap' }]);
    expect([...versions.keys()]).toEqual([
      'example.io/v1/Backup',
      'example.io/v1alpha1/Backup',
      'example.io/v1/Old',
    ]);
    expect(versions.get('example.io/v1alpha1/Backup')?.served).toBe(false);
    expect(versions.get('example.io/v1/Old')?.preserveUnknownFields).toBe(true);
  });

  it('a version the CRD does not serve is reported, not validated', () => {
    expect(registry.lookup('example.io/v1alpha1', 'Backup')).toEqual({
      status: 'invalid',
      reason: 'CustomResourceDefinition backups.example.io does not serve version v1alpha1',
    });
  });

  it('preserveUnknownFields: true allows unknown fields but still checks known ones', () => {
    const old = registry.validatorFor('example.io/v1', 'Old');
    expect(old?.source).toBe('crd');
    expect(
      old?.validate({ apiVersion: 'example.io/v1', kind: 'Old', spec: { a: 'x', b: 1 }, extra: true }),
    ).toEqual([]);
    expect(
      old?.validate({ apiVersion: 'example.io/v1', kind: 'Old', spec: { a: 1 } }).map((x) => x.message),
    ).toEqual(['`spec.a` must be string, not number 1']);
  });

  it('works without a Kubernetes document (metadata is then any object)', () => {
    const bare = createSchemaRegistry({ crdObjects: [CRD] }).validatorFor('example.io/v1', 'Backup');
    expect(bare?.validate(backup({}, { metadata: { whatever: 1 } }))).toEqual([]);
  });
});
