/**
 * Lazy conversion and lazy building must validate exactly as the eager pipeline they replace:
 * every Kubernetes definition converted and slimmed up front, every schema built whole. Both
 * are run on objects made to reach deep into each schema (see samples.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isJsonObject, type JsonObject } from '../../src/core/json.js';
import { convertsBuildable } from '../../src/schemas/buildable.js';
import { customResourceSchema } from '../../src/schemas/crd.js';
import { apiVersionOf } from '../../src/schemas/gvk.js';
import {
  createSchemaRegistry,
  parseSchemaLocation,
  type Gvk,
  type OpenApiDoc,
} from '../../src/schemas/index.js';
import { SchemaInterpreter, type InterpretResult } from '../../src/schemas/interpret.js';
import { kubernetesBuildable } from '../../src/schemas/kubernetes-buildable.js';
import {
  convertKubernetesOpenApi,
  definitionRef,
  kubernetesKindSchema,
  OBJECT_META_DEFINITION,
} from '../../src/schemas/kubernetes-openapi.js';
import { slimForValidation, slimLazy, stripDocumentation } from '../../src/schemas/slim.js';
import { toViolations } from '../../src/schemas/violations.js';
import { SHARED_DIR, sharedAvailable } from '../helpers/shared.js';
import { readIo, swagger } from './helpers.js';
import { SAMPLE_MODES, sample, type RefResolver } from './samples.js';

const SWAGGER = join(SHARED_DIR, 'schemas/kubernetes/swagger-v1.35.json');
const CRD_DIR = join(SHARED_DIR, 'schemas/crds');
const real = sharedAvailable() && existsSync(SWAGGER);

/** The pipeline before laziness: the whole document converted and slimmed, schemas built whole. */
function eagerPipeline(doc: OpenApiDoc) {
  const interpreter = new SchemaInterpreter(slimForValidation(convertKubernetesOpenApi(doc).document));
  return (schema: JsonObject) => interpreter.compile(slimForValidation(schema));
}

/** What the engine does for a schema the scan clears: definitions and properties converted on use. */
function lazyPipeline(doc: OpenApiDoc) {
  return new SchemaInterpreter(convertKubernetesOpenApi(doc, stripDocumentation).document);
}

/** The comparable part of an error (parentSchema is compared through the violations' hints). */
function errorsOf(result: InterpretResult) {
  return result.errors.map(({ instancePath, schemaPath, keyword, params, message, data }) => ({
    instancePath,
    schemaPath,
    keyword,
    params,
    message,
    data,
  }));
}

function resolverFor(doc: OpenApiDoc): RefResolver {
  return (ref) => doc.definitions[ref.replace('#/definitions/', '')];
}

describe.skipIf(!real)('lazy Kubernetes definitions', () => {
  const doc = real ? swagger(SWAGGER) : { definitions: {} };
  const kinds = Object.entries(doc.definitions).flatMap(([name, definition]) => {
    const gvks = definition['x-kubernetes-group-version-kind'];
    return Array.isArray(gvks) && gvks.length === 1 && isJsonObject(gvks[0])
      ? [{ name, definition, gvk: gvks[0] as unknown as Gvk }]
      : [];
  });

  it('covers every kind of the 1.35 swagger', () => {
    expect(kinds.length).toBeGreaterThan(100);
    const buildable = kubernetesBuildable(doc);
    // The reference swagger is clean: every kind takes the lazy path.
    expect(kinds.filter((k) => !buildable(k.name)).map((k) => k.name)).toEqual([]);
  });

  it('validates every kind as eager conversion does', () => {
    const eager = eagerPipeline(doc);
    const lazy = lazyPipeline(doc);
    const registry = createSchemaRegistry({ kubernetes: doc });
    let errors = 0;
    for (const { name, definition, gvk } of kinds) {
      const apiVersion = apiVersionOf(gvk);
      const schema = kubernetesKindSchema(name, apiVersion, gvk.kind);
      const before = eager(schema);
      const after = lazy.compile(slimForValidation(schema), { lazy: true });
      const validator = registry.validatorFor(apiVersion, gvk.kind);
      expect(validator?.source, name).toBe('kubernetes');
      for (const mode of SAMPLE_MODES) {
        const obj = {
          ...(sample(definition, mode, resolverFor(doc)) as JsonObject),
          apiVersion,
          kind: gvk.kind,
        };
        const expected = before(obj);
        errors += expected.errors.length;
        expect(errorsOf(after(obj)), `${name} ${mode}`).toEqual(errorsOf(expected));
        expect(validator?.validate(obj), `${name} ${mode}`).toEqual(toViolations(expected.errors));
      }
    }
    // The samples do reach into the schemas.
    expect(errors).toBeGreaterThan(5000);
  });
});

describe.skipIf(!real || !existsSync(CRD_DIR))('lazy custom resource schemas', () => {
  const files = existsSync(CRD_DIR)
    ? readdirSync(CRD_DIR).flatMap((group) =>
        readdirSync(join(CRD_DIR, group)).map((file) => {
          const [kind = '', version = ''] = file.replace(/\.json$/, '').split('_');
          return { path: join(CRD_DIR, group, file), gvk: { group, version, kind } };
        }),
      )
    : [];

  it('validates every schema of the location as eager building does', () => {
    const doc = swagger(SWAGGER);
    const eager = eagerPipeline(doc);
    const lazy = lazyPipeline(doc);
    const meta = { $ref: definitionRef(OBJECT_META_DEFINITION) };
    const registry = createSchemaRegistry({
      kubernetes: doc,
      location: parseSchemaLocation(CRD_DIR),
      io: readIo,
    });
    let errors = 0;
    expect(files.length).toBeGreaterThan(200);
    for (const { path, gvk } of files) {
      const raw = JSON.parse(readFileSync(path, 'utf8')) as JsonObject;
      expect(convertsBuildable(raw, { ref: () => true, objectMeta: () => true }), path).toBe(true);
      const before = eager(customResourceSchema(gvk, raw, meta));
      const after = lazy.compile(slimLazy(customResourceSchema(gvk, raw, meta, false, true)), { lazy: true });
      const hit = registry.lookup(apiVersionOf(gvk), gvk.kind);
      expect(hit.status === 'found' && hit.validator.source, path).toBe('location');
      for (const mode of SAMPLE_MODES) {
        const obj = { ...(sample(raw, mode) as JsonObject), apiVersion: apiVersionOf(gvk), kind: gvk.kind };
        const expected = before(obj);
        errors += expected.errors.length;
        expect(errorsOf(after(obj)), `${path} ${mode}`).toEqual(errorsOf(expected));
        if (hit.status === 'found') {
          expect(hit.validator.validate(obj), `${path} ${mode}`).toEqual(toViolations(expected.errors));
        }
      }
    }
    expect(errors).toBeGreaterThan(5000);
  });
});
