import type { JsonObject } from '../core/json.js';
import { convertsBuildable } from './buildable.js';
import { customResourceSchema } from './crd.js';
import { formatGvk } from './gvk.js';
import { SchemaInterpreter, type InterpretedSchema } from './interpret.js';
import { kubernetesBuildable } from './kubernetes-buildable.js';
import {
  convertKubernetesOpenApi,
  definitionRef,
  kubernetesKindSchema,
  OBJECT_META_DEFINITION,
  type KubernetesSchemas,
} from './kubernetes-openapi.js';
import { slimForValidation, slimLazy, stripDocumentation } from './slim.js';
import type { Gvk, JsonSchema, OpenApiDoc, SchemaLookup, SchemaSource, Validator } from './types.js';
import { toViolations } from './violations.js';

/**
 * Compiles schemas against one Kubernetes OpenAPI document. Nothing in it depends on a
 * cluster, so one engine serves every cluster of a run: a Kubernetes definition is converted
 * and interpreted at most once, and only when an object reaches it.
 *
 * A schema certain to build (see buildable.ts) is converted and built lazily, as objects use
 * it; any other is compiled eagerly, as before, so a schema the interpreter refuses is still
 * reported `invalid` with the same reason.
 */
export interface SchemaEngine {
  /** The converted Kubernetes document and its GVK index; undefined without a document. */
  readonly kubernetes: KubernetesSchemas | undefined;
  /** A built-in kind, from its definition in the Kubernetes document. */
  compileKind(gvk: Gvk, definition: string, apiVersion: string): SchemaLookup;
  /** A custom resource from its raw OpenAPI v3 schema (a CRD's, or the schema location's). */
  compileCustomResource(
    gvk: Gvk,
    source: SchemaSource,
    raw: JsonObject | undefined,
    where: string,
    preserveUnknownFields?: boolean,
  ): SchemaLookup;
}

const LOOSE_META: JsonSchema = { type: 'object' };
/** Raw CRD schemas never keep a `$ref`: the converter drops them. */
const dropped = () => true;

function makeValidator(gvk: Gvk, source: SchemaSource, fn: InterpretedSchema): Validator {
  return {
    gvk,
    source,
    validate(obj) {
      const result = fn(obj);
      return result.valid ? [] : toViolations(result.errors);
    },
  };
}

export function createSchemaEngine(doc: OpenApiDoc | undefined): SchemaEngine {
  // Definitions are slimmed one by one as they are converted: the same result as slimming
  // the whole document, whose top level holds no `properties` for the status rule to touch.
  const kubernetes = doc && convertKubernetesOpenApi(doc, stripDocumentation);
  const buildable = doc ? kubernetesBuildable(doc) : () => false;
  const interpreter = new SchemaInterpreter(kubernetes?.document);
  const hasMeta = !!doc?.definitions[OBJECT_META_DEFINITION];
  const objectMeta = hasMeta ? { $ref: definitionRef(OBJECT_META_DEFINITION) } : LOOSE_META;
  const metaBuildable = () => !hasMeta || buildable(OBJECT_META_DEFINITION);

  function compile(gvk: Gvk, source: SchemaSource, schema: JsonSchema, where: string, lazy: boolean) {
    try {
      return {
        status: 'found' as const,
        validator: makeValidator(gvk, source, interpreter.compile(schema, { lazy })),
      };
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return {
        status: 'invalid' as const,
        reason: `the schema of ${formatGvk(gvk)} from ${where} cannot be compiled: ${why}`,
      };
    }
  }

  return {
    kubernetes,
    compileKind(gvk, definition, apiVersion) {
      const schema = slimForValidation(kubernetesKindSchema(definition, apiVersion, gvk.kind));
      return compile(gvk, 'kubernetes', schema, 'the Kubernetes OpenAPI', buildable(definition));
    },
    compileCustomResource(gvk, source, raw, where, preserveUnknownFields = false) {
      const lazy = metaBuildable() && convertsBuildable(raw, { ref: dropped, objectMeta: metaBuildable });
      const schema = customResourceSchema(gvk, raw, objectMeta, preserveUnknownFields, lazy);
      return compile(gvk, source, lazy ? slimLazy(schema) : slimForValidation(schema), where, lazy);
    },
  };
}
