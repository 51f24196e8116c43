import type { JsonObject } from '../core/json.js';
import { crdVersions, customResourceSchema, type CrdVersion } from './crd.js';
import { formatGvk, gvkKey, toGvk } from './gvk.js';
import {
  convertKubernetesOpenApi,
  definitionRef,
  kubernetesKindSchema,
  OBJECT_META_DEFINITION,
  type KubernetesSchemas,
} from './kubernetes-openapi.js';
import { SchemaInterpreter, type InterpretedSchema } from './interpret.js';
import { slimForValidation } from './slim.js';
import { cachePath, isSafeGvk, schemaAddress, type SchemaLocation } from './location.js';
import { parseSchemaText } from './pull.js';
import type {
  Gvk,
  JsonSchema,
  OpenApiDoc,
  SchemaLookup,
  SchemaReadIo,
  SchemaSource,
  Validator,
} from './types.js';
import { toViolations } from './violations.js';

export interface SchemaRegistryOptions {
  /** The Kubernetes OpenAPI v2 document of the chosen version (see loadKubernetesOpenApi). */
  kubernetes?: OpenApiDoc;
  /** Objects of the rendered cluster; its CustomResourceDefinitions are used first. */
  crdObjects?: readonly JsonObject[];
  /** Where to look for CRD schemas the cluster does not define. */
  location?: SchemaLocation;
  /** Cache of a remote location, filled by pullSchemas; required to read a remote location. */
  cacheDir?: string;
  /** Synchronous file reads (location files and the cache). */
  io?: SchemaReadIo;
  /** Kinds another stage validates (e.g. `isFluxGroup`): answered with `skipped`. */
  skip?: (gvk: Gvk) => boolean;
}

export interface SchemaRegistry {
  /** Which schema validates `apiVersion`/`kind`, compiling it on first use. */
  lookup(apiVersion: string, kind: string): SchemaLookup;
  /** The validator, or undefined when lookup says skipped, missing or invalid. */
  validatorFor(apiVersion: string, kind: string): Validator | undefined;
}

const LOOSE_META: JsonSchema = { type: 'object' };

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

export function createSchemaRegistry(options: SchemaRegistryOptions = {}): SchemaRegistry {
  let interpreter: SchemaInterpreter | undefined;
  let kubernetes: KubernetesSchemas | undefined;
  let crds: Map<string, CrdVersion> | undefined;
  const lookups = new Map<string, SchemaLookup>();

  // Everything is built on first use: a run that validates nothing pays nothing. Kubernetes
  // definitions are interpreted once and shared by every kind that refers to them.
  function engine(): SchemaInterpreter {
    if (interpreter) return interpreter;
    if (options.kubernetes) kubernetes = convertKubernetesOpenApi(options.kubernetes);
    interpreter = new SchemaInterpreter(kubernetes && slimForValidation(kubernetes.document));
    return interpreter;
  }
  function objectMeta(): JsonSchema {
    engine();
    return kubernetes?.document && options.kubernetes?.definitions[OBJECT_META_DEFINITION]
      ? { $ref: definitionRef(OBJECT_META_DEFINITION) }
      : LOOSE_META;
  }

  function compile(gvk: Gvk, source: SchemaSource, schema: JsonSchema, where: string): SchemaLookup {
    try {
      return {
        status: 'found',
        validator: makeValidator(gvk, source, engine().compile(slimForValidation(schema))),
      };
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return {
        status: 'invalid',
        reason: `the schema of ${formatGvk(gvk)} from ${where} cannot be compiled: ${why}`,
      };
    }
  }

  function fromKubernetes(gvk: Gvk, apiVersion: string): SchemaLookup | undefined {
    engine();
    const definition = kubernetes?.kinds.get(gvkKey(gvk));
    if (!definition) return undefined;
    return compile(
      gvk,
      'kubernetes',
      kubernetesKindSchema(definition, apiVersion, gvk.kind),
      'the Kubernetes OpenAPI',
    );
  }

  function fromCrd(gvk: Gvk): SchemaLookup | undefined {
    crds ??= crdVersions(options.crdObjects ?? []);
    const crd = crds.get(gvkKey(gvk));
    if (!crd) return undefined;
    const where = `CustomResourceDefinition ${crd.crdName}`;
    if (!crd.served) return { status: 'invalid', reason: `${where} does not serve version ${gvk.version}` };
    return compile(
      gvk,
      'crd',
      customResourceSchema(gvk, crd.schema, objectMeta(), crd.preserveUnknownFields),
      where,
    );
  }

  function fromLocation(gvk: Gvk): SchemaLookup | string {
    const { location, io } = options;
    if (!location || !io) return 'no schema location given';
    if (gvk.group === '') return 'core kinds come only from the Kubernetes OpenAPI';
    if (!isSafeGvk(gvk)) return `${formatGvk(gvk)} is not a valid kind name`;
    const address = schemaAddress(location, gvk);
    let path = address;
    if (location.remote) {
      if (!options.cacheDir) return `${address} is remote and no cache directory is set`;
      path = cachePath(options.cacheDir, location, gvk);
    }
    const text = io.readFile(path);
    if (text === undefined)
      return location.remote ? `${address} is not in the cache (pull schemas first)` : `no file ${path}`;
    const parsed = parseSchemaText(text);
    if (typeof parsed === 'string') return { status: 'invalid', reason: `${path} is ${parsed}` };
    return compile(gvk, 'location', customResourceSchema(gvk, parsed as JsonObject, objectMeta()), path);
  }

  function resolve(apiVersion: string, kind: string): SchemaLookup {
    const gvk = toGvk(apiVersion, kind);
    if (apiVersion === '' || kind === '')
      return { status: 'missing', reason: 'the object has no apiVersion or kind' };
    if (options.skip?.(gvk)) return { status: 'skipped', reason: `${formatGvk(gvk)} is validated elsewhere` };
    const found = fromKubernetes(gvk, apiVersion) ?? fromCrd(gvk);
    if (found) return found;
    const fromLoc = fromLocation(gvk);
    if (typeof fromLoc !== 'string') return fromLoc;
    const k8s = options.kubernetes
      ? 'not a built-in kind of this Kubernetes version'
      : 'no Kubernetes OpenAPI loaded';
    return {
      status: 'missing',
      reason: `no schema for ${formatGvk(gvk)}: ${k8s}, no CustomResourceDefinition in the cluster, ${fromLoc}`,
    };
  }

  function lookup(apiVersion: string, kind: string): SchemaLookup {
    const key = `${apiVersion}\u0000${kind}`;
    let hit = lookups.get(key);
    if (!hit) {
      hit = resolve(apiVersion, kind);
      lookups.set(key, hit);
    }
    return hit;
  }

  return {
    lookup,
    validatorFor(apiVersion, kind) {
      const hit = lookup(apiVersion, kind);
      return hit.status === 'found' ? hit.validator : undefined;
    },
  };
}
