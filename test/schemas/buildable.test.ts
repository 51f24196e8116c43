/**
 * The scan that lets a schema be built lazily must never clear a schema the interpreter
 * refuses: a refusal found only while validating would change the finding. Each case is
 * checked against the eager pipeline, which the registry must match exactly.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isJsonObject, type JsonObject, type JsonValue } from '../../src/core/json.js';
import { convertsBuildable } from '../../src/schemas/buildable.js';
import { customResourceSchema } from '../../src/schemas/crd.js';
import {
  createSchemaRegistry,
  type Gvk,
  type OpenApiDoc,
  type SchemaLookup,
} from '../../src/schemas/index.js';
import { SchemaInterpreter } from '../../src/schemas/interpret.js';
import { kubernetesBuildable } from '../../src/schemas/kubernetes-buildable.js';
import {
  convertKubernetesOpenApi,
  definitionRef,
  kubernetesKindSchema,
  OBJECT_META_DEFINITION,
} from '../../src/schemas/kubernetes-openapi.js';
import { slimForValidation } from '../../src/schemas/slim.js';
import { toViolations } from '../../src/schemas/violations.js';
import { SHARED_DIR, sharedAvailable } from '../helpers/shared.js';
import { widgetCrd } from './helpers.js';
import { SAMPLE_MODES, sample } from './samples.js';

const META: OpenApiDoc = {
  definitions: {
    [OBJECT_META_DEFINITION]: { type: 'object', properties: { name: { type: 'string' } } },
  },
};
const GVK: Gvk = { group: 'example.io', version: 'v1', kind: 'Widget' };

/** What the registry answered before laziness: the schema built whole, or the reason it cannot be. */
function eagerLookup(doc: OpenApiDoc, schema: JsonObject, where: string, kind?: string) {
  const interpreter = new SchemaInterpreter(slimForValidation(convertKubernetesOpenApi(doc).document));
  const meta: JsonObject = doc.definitions[OBJECT_META_DEFINITION]
    ? { $ref: definitionRef(OBJECT_META_DEFINITION) }
    : { type: 'object' };
  const full = kind
    ? kubernetesKindSchema(kind, 'example.io/v1', 'Widget')
    : customResourceSchema(GVK, schema, meta);
  try {
    return { status: 'found' as const, validate: interpreter.compile(slimForValidation(full)) };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      status: 'invalid' as const,
      reason: `the schema of example.io/v1 Widget from ${where} cannot be compiled: ${why}`,
    };
  }
}

/** The registry's answer equals the eager one: same refusal, or same violations on samples. */
function expectSameAsEager(hit: SchemaLookup, eager: ReturnType<typeof eagerLookup>, raw: JsonValue) {
  if (eager.status === 'invalid') {
    expect(hit).toEqual({ status: 'invalid', reason: eager.reason });
    return;
  }
  expect(hit.status).toBe('found');
  if (hit.status !== 'found') return;
  for (const mode of SAMPLE_MODES) {
    const obj = { ...(sample(raw, mode) as JsonObject), apiVersion: 'example.io/v1', kind: 'Widget' };
    expect(hit.validator.validate(obj), mode).toEqual(toViolations(eager.validate(obj).errors));
  }
}

const spec = (field: JsonObject): JsonObject => ({
  type: 'object',
  properties: { spec: { type: 'object', properties: { a: { type: 'string' }, field } } },
});

/** Schemas the interpreter refuses, each at some depth and behind some keyword. */
const REFUSED: [string, JsonObject][] = [
  ['an unknown type', spec({ type: 'text' })],
  ['a type that is a number', spec({ type: 5 })],
  ['a null type', spec({ type: null })],
  ['a type list with an unknown type', spec({ type: ['string', 'text'] })],
  [
    'an empty enum on a required field',
    { type: 'object', required: ['spec'], properties: { spec: { type: 'string', enum: [] } } },
  ],
  ['an enum that is not a list', spec({ type: 'string', enum: 'a' })],
  ['a minimum that is a string', spec({ type: 'integer', minimum: '1' })],
  ['a maxLength that is null', spec({ type: 'string', maxLength: null })],
  ['a pattern that is a number', spec({ type: 'string', pattern: 5 })],
  ['uniqueItems that is a string', spec({ type: 'array', uniqueItems: 'yes', items: { type: 'string' } })],
  [
    'a bad node in items',
    spec({ type: 'array', items: { type: 'object', properties: { x: { enum: [] } } } }),
  ],
  ['a bad node in additionalProperties', spec({ type: 'object', additionalProperties: { type: 'text' } })],
  ['a bad node in anyOf', spec({ anyOf: [{ type: 'string' }, { type: 'integer', minimum: 'x' }] })],
  ['a bad node in not', spec({ not: { type: 'nothing' } })],
  [
    'a property name with a lone surrogate',
    spec({ type: 'object', properties: { '\ud800x': { type: 'string' } } }),
  ],
  [
    'two bad nodes (the first one met is reported)',
    spec({ type: 'object', properties: { b: { enum: [] }, c: { type: 'x' } } }),
  ],
];

/** Schemas the scan leaves to the eager path though they build: the answer must still match. */
const EAGER_ONLY: [string, JsonObject][] = [
  [
    'a `__proto__` property',
    JSON.parse('{"type":"object","properties":{"__proto__":{"type":"string"},"a":{"type":"integer"}}}'),
  ],
  ['an empty type string', spec({ type: '' })],
  // An optional field accepts null, which the converter adds to the enum.
  ['an empty enum on an optional field', spec({ type: 'string', enum: [] })],
];

describe('which custom resource schemas build lazily', () => {
  it.each(REFUSED)('%s: refused eagerly, with the same reason', (_name, schema) => {
    expect(convertsBuildable(schema, { ref: () => true, objectMeta: () => true })).toBe(false);
    const eager = eagerLookup(META, schema, 'CustomResourceDefinition widgets.example.io');
    expect(eager.status).toBe('invalid');
    const hit = createSchemaRegistry({ kubernetes: META, crdObjects: [widgetCrd(schema)] }).lookup(
      'example.io/v1',
      'Widget',
    );
    expectSameAsEager(hit, eager, schema);
  });

  it.each(EAGER_ONLY)('%s: left to the eager path, same answer', (_name, schema) => {
    expect(convertsBuildable(schema, { ref: () => true, objectMeta: () => true })).toBe(false);
    const eager = eagerLookup(META, schema, 'CustomResourceDefinition widgets.example.io');
    const hit = createSchemaRegistry({ kubernetes: META, crdObjects: [widgetCrd(schema)] }).lookup(
      'example.io/v1',
      'Widget',
    );
    expectSameAsEager(hit, eager, schema);
  });

  it('clears what the converter makes harmless: refs, tuple items, odd exclusive bounds, x-kubernetes markers', () => {
    const schema = spec({
      type: 'object',
      properties: {
        r: { $ref: '#/definitions/Nowhere' },
        t: { type: 'array', items: [{ type: 'string' }] },
        e: { type: 'integer', minimum: 1, exclusiveMinimum: 'yes' },
        i: { 'x-kubernetes-int-or-string': true, type: 'not-a-type' },
        d: { type: 'string', description: { not: 'text' } },
      },
    });
    expect(convertsBuildable(schema, { ref: () => true, objectMeta: () => true })).toBe(true);
    const eager = eagerLookup(META, schema, 'CustomResourceDefinition widgets.example.io');
    const hit = createSchemaRegistry({ kubernetes: META, crdObjects: [widgetCrd(schema)] }).lookup(
      'example.io/v1',
      'Widget',
    );
    expectSameAsEager(hit, eager, schema);
  });

  it('asks about ObjectMeta for embedded resources', () => {
    const schema = spec({ type: 'object', 'x-kubernetes-embedded-resource': true });
    expect(convertsBuildable(schema, { ref: () => true, objectMeta: () => false })).toBe(false);
    expect(convertsBuildable(schema, { ref: () => true, objectMeta: () => true })).toBe(true);
  });
});

describe('which Kubernetes definitions build lazily', () => {
  const widget = (spec: string): JsonObject => ({
    type: 'object',
    properties: {
      apiVersion: { type: 'string' },
      metadata: { $ref: `#/definitions/${OBJECT_META_DEFINITION}` },
      spec: { $ref: `#/definitions/${spec}` },
    },
    'x-kubernetes-group-version-kind': [{ group: 'example.io', version: 'v1', kind: 'Widget' }],
  });
  const doc: OpenApiDoc = {
    definitions: {
      ...META.definitions,
      Good: widget('GoodSpec'),
      GoodSpec: {
        type: 'object',
        properties: { size: { type: 'integer' }, self: { $ref: '#/definitions/GoodSpec' } },
      },
      Bad: widget('BadSpec'),
      BadSpec: { type: 'object', properties: { mode: { type: 'string', enum: [] } } },
      Alias: { $ref: '#/definitions/Good' },
      LoopA: { $ref: '#/definitions/LoopB' },
      LoopB: { $ref: '#/definitions/LoopA' },
      Loop: widget('LoopA'),
      Slash: widget('io.example/v1.Spec'),
      'io.example/v1.Spec': { type: 'object' },
      Embeds: {
        type: 'object',
        properties: { t: { type: 'object', 'x-kubernetes-embedded-resource': true } },
      },
    },
  };
  const buildable = kubernetesBuildable(doc);

  it.each([
    ['Good', true],
    ['GoodSpec', true],
    ['Bad', false],
    ['Alias', false],
    ['Loop', false],
    ['Slash', false],
    ['Embeds', true],
    ['Nowhere', false],
  ])('%s: %s', (name, expected) => expect(buildable(name)).toBe(expected));

  it('without ObjectMeta, an embedded resource does not build', () => {
    const bare: OpenApiDoc = { definitions: { Embeds: doc.definitions.Embeds as JsonObject } };
    expect(kubernetesBuildable(bare)('Embeds')).toBe(false);
  });

  it.each(['Good', 'Bad', 'Alias', 'Loop', 'Slash', 'Embeds'])(
    'a kind defined by %s answers as eagerly built',
    (name) => {
      const single: OpenApiDoc = {
        definitions: {
          ...doc.definitions,
          [name]: {
            ...(doc.definitions[name] as JsonObject),
            'x-kubernetes-group-version-kind': [{ group: 'example.io', version: 'v1', kind: 'Widget' }],
          },
        },
      };
      // Only one definition may claim the kind.
      for (const other of ['Good', 'Bad', 'Loop', 'Slash'])
        if (other !== name)
          single.definitions[other] = {
            ...(doc.definitions[other] as JsonObject),
            'x-kubernetes-group-version-kind': [],
          };
      const eager = eagerLookup(single, {}, 'the Kubernetes OpenAPI', name);
      const hit = createSchemaRegistry({ kubernetes: single }).lookup('example.io/v1', 'Widget');
      const resolve = (ref: string) => single.definitions[ref.replace('#/definitions/', '')];
      const target = single.definitions[name] as JsonObject;
      expectSameAsEager(hit, eager, typeof target.$ref === 'string' ? (resolve(target.$ref) ?? {}) : target);
    },
  );
});

/** Seeded, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

function schemaNodes(raw: JsonValue, out: JsonObject[] = []): JsonObject[] {
  if (!isJsonObject(raw)) return out;
  out.push(raw);
  if (isJsonObject(raw.properties))
    for (const child of Object.values(raw.properties)) schemaNodes(child, out);
  for (const key of ['items', 'additionalProperties', 'not']) schemaNodes(raw[key] as JsonValue, out);
  for (const key of ['allOf', 'anyOf', 'oneOf'])
    if (Array.isArray(raw[key])) for (const b of raw[key]) schemaNodes(b, out);
  return out;
}

const MUTATIONS: ((node: JsonObject) => void)[] = [
  (n) => (n.type = 'text'),
  (n) => (n.enum = []),
  (n) => (n.minimum = '0'),
  (n) => (n.pattern = 1),
  (n) => (n.uniqueItems = 1),
  (n) => (n.maxItems = null),
  (n) => (n.description = 'harmless'),
  (n) => (n.example = { type: 'text' }),
  (n) => (n.enum = [{ description: 'an object value' }, 'b']),
  (n) => (n.exclusiveMaximum = true),
  (n) =>
    (n.properties = { ...(isJsonObject(n.properties) ? n.properties : {}), ['\udc00']: { type: 'string' } }),
];

const CERTIFICATE = join(SHARED_DIR, 'schemas/crds/cert-manager.io/certificate_v1.json');

describe.skipIf(!sharedAvailable() || !existsSync(CERTIFICATE))('random mistakes in a real schema', () => {
  it('the registry answers as the eager pipeline, refusal or violations', () => {
    const text = readFileSync(CERTIFICATE, 'utf8');
    const next = random(7);
    let refused = 0;
    for (let round = 0; round < 150; round++) {
      const raw = JSON.parse(text) as JsonObject;
      const nodes = schemaNodes(raw);
      for (let i = 0; i < 1 + Math.floor(next() * 3); i++) {
        const node = nodes[Math.floor(next() * nodes.length)] as JsonObject;
        MUTATIONS[Math.floor(next() * MUTATIONS.length)]?.(node);
      }
      const eager = eagerLookup(META, raw, 'CustomResourceDefinition widgets.example.io');
      if (eager.status === 'invalid') {
        refused++;
        expect(convertsBuildable(raw, { ref: () => true, objectMeta: () => true }), `round ${round}`).toBe(
          false,
        );
      }
      const hit = createSchemaRegistry({ kubernetes: META, crdObjects: [widgetCrd(raw)] }).lookup(
        'example.io/v1',
        'Widget',
      );
      expectSameAsEager(hit, eager, raw);
    }
    expect(refused).toBeGreaterThan(30);
  });
});
