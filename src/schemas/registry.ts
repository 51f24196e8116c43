import type { JsonObject } from '../core/json.js';
import { crdVersions, type CrdVersion } from './crd.js';
import { formatGvk, gvkKey, toGvk } from './gvk.js';
import { createSharedLookups, type SharedLookups, type SharedSchemaOptions } from './shared-lookups.js';
import type { Gvk, SchemaLookup, Validator } from './types.js';

export interface SchemaCatalogOptions extends SharedSchemaOptions {
  /** Kinds another stage validates (e.g. `isFluxGroup`): answered with `skipped`. */
  skip?: (gvk: Gvk) => boolean;
}

export interface SchemaRegistryOptions extends SchemaCatalogOptions {
  /** Objects of the rendered cluster; its CustomResourceDefinitions are used first. */
  crdObjects?: readonly JsonObject[];
}

export interface SchemaRegistry {
  /** Which schema validates `apiVersion`/`kind`, compiling it on first use. */
  lookup(apiVersion: string, kind: string): SchemaLookup;
  /** The validator, or undefined when lookup says skipped, missing or invalid. */
  validatorFor(apiVersion: string, kind: string): Validator | undefined;
}

/**
 * The schemas of one run. Built-in kinds and the schema location do not depend on the
 * cluster, so they are read and compiled once and shared; each cluster adds only its CRDs.
 */
export interface SchemaCatalog {
  /** The registry of a cluster: Kubernetes OpenAPI, then these objects' CRDs, then the location. */
  forCluster(crdObjects: readonly JsonObject[]): SchemaRegistry;
}

export function createSchemaCatalog(options: SchemaCatalogOptions = {}): SchemaCatalog {
  const shared = createSharedLookups(options);
  return { forCluster: (crdObjects) => clusterRegistry(shared, options, crdObjects) };
}

/** A registry of its own, for one set of objects. */
export function createSchemaRegistry(options: SchemaRegistryOptions = {}): SchemaRegistry {
  return createSchemaCatalog(options).forCluster(options.crdObjects ?? []);
}

function clusterRegistry(
  shared: SharedLookups,
  options: SchemaCatalogOptions,
  crdObjects: readonly JsonObject[],
): SchemaRegistry {
  let crds: Map<string, CrdVersion> | undefined;
  const lookups = new Map<string, SchemaLookup>();

  function fromCrd(gvk: Gvk): SchemaLookup | undefined {
    crds ??= crdVersions(crdObjects);
    const crd = crds.get(gvkKey(gvk));
    if (!crd) return undefined;
    const where = `CustomResourceDefinition ${crd.crdName}`;
    if (!crd.served) return { status: 'invalid', reason: `${where} does not serve version ${gvk.version}` };
    return shared.engine.compileCustomResource(gvk, 'crd', crd.schema, where, crd.preserveUnknownFields);
  }

  function resolve(apiVersion: string, kind: string): SchemaLookup {
    const gvk = toGvk(apiVersion, kind);
    if (apiVersion === '' || kind === '')
      return { status: 'missing', reason: 'the object has no apiVersion or kind' };
    if (options.skip?.(gvk)) return { status: 'skipped', reason: `${formatGvk(gvk)} is validated elsewhere` };
    const found = shared.kubernetes(gvk, apiVersion) ?? fromCrd(gvk);
    if (found) return found;
    const fromLoc = shared.location(gvk);
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
