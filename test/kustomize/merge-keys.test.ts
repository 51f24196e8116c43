import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';

import { isJsonObject, type JsonObject } from '../../src/core/json.js';
import {
  listMergeKeys,
  METADATA_ONLY_KINDS,
  ROOT_TYPES,
  SCHEMA_TYPES,
  schemaForType,
  type PatchStrategy,
} from '../../src/kustomize/merge-keys.js';
import { kubectlAvailable, realKustomize, withFixture } from '../helpers/kustomize-oracle.js';
import { SHARED_DIR, sharedAvailable } from '../helpers/shared.js';

/** The Kubernetes OpenAPI v2 spec from the reference data (override with KUBERNETES_OPENAPI_SPEC). */
const SPEC_FILE =
  process.env.KUBERNETES_OPENAPI_SPEC ?? join(SHARED_DIR, 'schemas/kubernetes/swagger-v1.35.json');

interface SpecProperty {
  $ref?: string;
  items?: SpecProperty;
  additionalProperties?: SpecProperty;
  'x-kubernetes-patch-strategy'?: string;
  'x-kubernetes-patch-merge-key'?: string;
  'x-kubernetes-list-map-keys'?: string[];
}

interface SpecDefinition {
  properties?: Record<string, SpecProperty>;
  'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[];
}

/**
 * Strategies the newer spec has but kustomize's Kubernetes v1.21.2 schema does not: these fields
 * (or their strategy) were added after 1.21, so kustomize replaces their lists.
 */
const ADDED_AFTER_1_21 = new Set([
  'admissionregistration.v1.MutatingWebhook.matchConditions',
  'admissionregistration.v1.ValidatingWebhook.matchConditions',
  'core.v1.ContainerStatus.allocatedResourcesStatus',
  'core.v1.ContainerStatus.volumeMounts',
  'core.v1.PodSpec.resourceClaims',
  'core.v1.PodSpec.schedulingGates',
  'core.v1.PodStatus.hostIPs',
  'core.v1.PodStatus.resourceClaimStatuses',
]);

const PREFIXES = ['io.k8s.api.', 'io.k8s.apimachinery.pkg.apis.'];
const shortName = (full: string): string => {
  const p = PREFIXES.find((x) => full.startsWith(x));
  return p ? full.slice(p.length) : full;
};

function loadSpec(): { defs: Record<string, SpecDefinition>; byShort: Map<string, string> } | undefined {
  // In CI the reference data must be present: sharedAvailable() throws rather than skip.
  if (!sharedAvailable()) return undefined;
  const text = readFileSync(SPEC_FILE, 'utf8');
  const defs = (JSON.parse(text) as { definitions: Record<string, SpecDefinition> }).definitions;
  const byShort = new Map(Object.keys(defs).map((full) => [shortName(full), full]));
  return { defs, byShort };
}

const spec = loadSpec();

const refOf = (p: SpecProperty): string | undefined =>
  (p.$ref ?? p.items?.$ref ?? p.additionalProperties?.$ref)?.replace('#/definitions/', '');

/** Every `Type.field` with a patch strategy reachable from a definition. */
function reachableStrategies(defs: Record<string, SpecDefinition>, root: string): Map<string, SpecProperty> {
  const out = new Map<string, SpecProperty>();
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const [field, prop] of Object.entries(defs[name]?.properties ?? {})) {
      if (prop['x-kubernetes-patch-strategy']) out.set(`${shortName(name)}.${field}`, prop);
      const ref = refOf(prop);
      if (ref) visit(ref);
    }
  };
  visit(root);
  return out;
}

function tableStrategy(path: string): PatchStrategy | undefined {
  const dot = path.lastIndexOf('.');
  const spec = SCHEMA_TYPES[path.slice(0, dot)]?.[path.slice(dot + 1)];
  return typeof spec === 'object' ? spec : undefined;
}

const gvkDefinition = (defs: Record<string, SpecDefinition>, gvk: string): string | undefined => {
  const parts = gvk.split('/');
  const kind = parts.pop();
  const version = parts.pop();
  const group = parts.pop() ?? '';
  return Object.keys(defs).find((name) =>
    defs[name]?.['x-kubernetes-group-version-kind']?.some(
      (g) => g.kind === kind && g.version === version && g.group === group,
    ),
  );
};

describe.runIf(spec)('merge-key table against the Kubernetes OpenAPI spec', () => {
  // The suite is collected even when skipped: without the spec it holds no definitions.
  const { defs, byShort } = spec ?? { defs: {}, byShort: new Map<string, string>() };

  it.each(Object.entries(ROOT_TYPES))('%s: every reachable strategy is in the table', (gvk, root) => {
    expect(gvkDefinition(defs, gvk), gvk).toBe(byShort.get(root));
    for (const [path, prop] of reachableStrategies(defs, byShort.get(root) as string)) {
      if (ADDED_AFTER_1_21.has(path)) {
        expect(tableStrategy(path), `${path} is newer than kustomize's schema`).toBeUndefined();
        continue;
      }
      const entry = tableStrategy(path);
      expect(entry, `${path} missing from the table`).toBeDefined();
      expect(entry?.strategy, path).toBe(prop['x-kubernetes-patch-strategy']);
      expect(entry?.mergeKey, path).toBe(prop['x-kubernetes-patch-merge-key']);
      const specKeys = prop['x-kubernetes-list-map-keys'];
      // kustomize uses list-map-keys only when they add a key beyond the merge key.
      if (specKeys && specKeys.length > 1) expect(entry?.listMapKeys, path).toEqual(specKeys);
      else expect(entry?.listMapKeys, path).toBeUndefined();
    }
  });

  it.each(METADATA_ONLY_KINDS.filter((gvk) => spec && gvkDefinition(spec.defs, gvk)))(
    '%s: only ObjectMeta strategies',
    (gvk) => {
      const paths = [...reachableStrategies(defs, gvkDefinition(defs, gvk) as string).keys()];
      const unexpected = paths.filter(
        (p) => !p.startsWith('meta.v1.ObjectMeta.') && !ADDED_AFTER_1_21_EXTRA.has(p),
      );
      expect(unexpected).toEqual([]);
    },
  );

  it('every table entry exists in the spec', () => {
    for (const [type, fields] of Object.entries(SCHEMA_TYPES)) {
      const full = byShort.get(type);
      expect(full, type).toBeDefined();
      for (const [field, fieldSpec] of Object.entries(fields)) {
        const prop = defs[full as string]?.properties?.[field];
        expect(prop, `${type}.${field}`).toBeDefined();
        const child = typeof fieldSpec === 'string' ? fieldSpec : fieldSpec.type;
        if (child !== undefined)
          expect(refOf(prop as SpecProperty), `${type}.${field}`).toBe(byShort.get(child));
      }
    }
  });
});

/** Strategies of metadata-only kinds that kustomize's 1.21 schema does not have. */
const ADDED_AFTER_1_21_EXTRA = new Set([
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps.x-kubernetes-validations',
]);

describe('schema lookups', () => {
  it('resolves nested strategies', () => {
    const dep = schemaForType('apps/v1', 'Deployment');
    const containers = dep?.field('spec').field('template').field('spec').field('containers');
    expect(containers?.strategy?.mergeKey).toBe('name');
    const ports = containers?.elements.field('ports');
    expect(ports?.strategy && listMergeKeys(ports.strategy)).toEqual(['containerPort', 'protocol']);
    expect(dep?.field('spec').field('replicas').strategy).toBeUndefined();
  });

  it('has no schema for custom resources or API versions newer than 1.21', () => {
    expect(schemaForType('helm.toolkit.fluxcd.io/v2', 'HelmRelease')).toBeUndefined();
    expect(schemaForType('autoscaling/v2', 'HorizontalPodAutoscaler')).toBeUndefined();
    expect(schemaForType('v1', 'ConfigMap')?.field('metadata').field('finalizers').strategy?.strategy).toBe(
      'merge',
    );
  });
});

/**
 * The real kustomize merges metadata.finalizers as a set exactly for the kinds it has a schema
 * for: proves the kind lists against kustomize's embedded schema.
 */
describe.runIf(kubectlAvailable())('kinds known to kustomize', () => {
  it('merges finalizers for every listed kind and replaces them for unknown kinds', () => {
    const gvks = [
      ...Object.keys(ROOT_TYPES),
      ...METADATA_ONLY_KINDS,
      'autoscaling/v2/HorizontalPodAutoscaler',
    ];
    const unknown = ['example.com/v1/Widget', 'autoscaling/v2/HorizontalPodAutoscaler'];
    const all = [...new Set([...gvks, ...unknown])];
    const doc = (gvk: string, i: number, finalizer: string): string => {
      const kind = gvk.slice(gvk.lastIndexOf('/') + 1);
      const apiVersion = gvk.slice(0, gvk.lastIndexOf('/'));
      return `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: r${i}\n  finalizers: [${finalizer}]\n`;
    };
    const resources = all.map((g, i) => doc(g, i, 'a')).join('---\n');
    const patches = all.map((g, i) => doc(g, i, 'b')).join('---\n');
    const out = withFixture(
      {
        'kustomization.yaml': 'resources:\n- resources.yaml\npatches:\n- path: patch.yaml\n',
        'resources.yaml': resources,
        'patch.yaml': patches,
      },
      (dir) => realKustomize(dir),
    );
    expect(out.ok, out.stderr).toBe(true);
    const merged: Record<string, boolean> = {};
    for (const o of loadAll(out.stdout) as unknown[]) {
      if (!isJsonObject(o)) continue;
      const meta = o.metadata as JsonObject;
      const gvk = all[Number(String(meta.name).slice(1))] as string;
      merged[gvk] = (meta.finalizers as string[]).length === 2;
    }
    for (const gvk of all) {
      const [apiVersion, kind] = [gvk.slice(0, gvk.lastIndexOf('/')), gvk.slice(gvk.lastIndexOf('/') + 1)];
      expect(merged[gvk], gvk).toBe(schemaForType(apiVersion, kind) !== undefined);
    }
  });
});
