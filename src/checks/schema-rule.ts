/**
 * The `schema` rule: every object a cluster applies, validated against the schema of its
 * apiVersion/kind (the Kubernetes OpenAPI, the cluster's own CRDs, then a schema location).
 * Flux's kinds are left to the Flux models, which know their defaults and versions. The objects
 * of rendered HelmReleases are validated too, found at the HelmRelease with the chart template
 * named (their text is not in the repository).
 */
import type { Diagnostic } from '../core/diagnostic.js';
import type { JsonObject } from '../core/json.js';
import type { ClusterModel, RenderedObject } from '../render/model.js';
import {
  createSchemaCatalog,
  formatGvk,
  isFluxGroup,
  toGvk,
  type OpenApiDoc,
  type SchemaLocation,
  type SchemaRegistry,
  type SchemaReadIo,
  type SchemaViolation,
} from '../schemas/index.js';
import type { RepoTree } from '../tree/repo-tree.js';
import { textLocator, type TextLocator } from '../yaml/locate.js';
import { parseYamlDocuments } from '../yaml/parse.js';
import type { CheckContext, Rule } from './rule.js';

export const SCHEMA_RULE = 'schema';
export const SCHEMA_MISSING_RULE = 'schema-missing';
export const SCHEMA_MISSING_DESCRIPTION =
  'a kind has no schema (not built in, no CRD in the cluster, none at the schema location), so it is not validated';

export interface SchemaRuleOptions {
  /** The Kubernetes OpenAPI v2 document of the target version. */
  kubernetes?: OpenApiDoc;
  /** Where CRD schemas the cluster does not define are looked up (kubeconform layout). */
  location?: SchemaLocation;
  cacheDir?: string;
  io?: SchemaReadIo;
}

interface Place {
  file?: string;
  line?: number;
  column?: number;
}

/** Finds positions inside source files, parsing each file once per run. */
function sourceLocator(tree: RepoTree): (o: RenderedObject, path: (string | number)[]) => Place {
  const files = new Map<string, { locate: TextLocator; lines: Map<number, number> } | undefined>();
  const load = (file: string) => {
    if (!files.has(file)) {
      try {
        const text = tree.readText(file);
        const lines = new Map(parseYamlDocuments(text, file).map((d) => [d.line, d.index] as const));
        files.set(file, { locate: textLocator(text), lines });
      } catch {
        files.set(file, undefined);
      }
    }
    return files.get(file);
  };
  return (o, path) => {
    const base: Place = { file: o.file, ...(o.line ? { line: o.line } : {}) };
    const src = load(o.file);
    const docIndex = o.line === undefined ? 0 : src?.lines.get(o.line);
    if (!src || docIndex === undefined) return base;
    // A patched or generated field may not exist in the source: point at its nearest parent.
    for (let p = path; ; p = p.slice(0, -1)) {
      const at = src.locate(docIndex, p);
      if (at) return { file: o.file, line: at.line, column: at.column };
      if (p.length === 0) return base;
    }
  };
}

/** Who applies a set of objects: a Kustomization, or a HelmRelease (whose objects have no source text). */
interface Applier {
  file: string;
  line?: number;
  objects: readonly RenderedObject[];
  /** For a HelmRelease: `HelmRelease namespace/name`. */
  release?: string;
}

function appliers(model: ClusterModel): Applier[] {
  return [
    ...model.kustomizations,
    ...model.helmReleases.map((h) => ({
      file: h.file,
      ...(h.line !== undefined ? { line: h.line } : {}),
      objects: h.objects,
      release: `HelmRelease ${h.ref.namespace}/${h.ref.name}`,
    })),
  ];
}

/** CRDs that Kustomizations apply and that charts install. */
function crdObjects(model: ClusterModel): JsonObject[] {
  return appliers(model).flatMap((k) =>
    k.objects.filter((o) => o.obj.kind === 'CustomResourceDefinition').map((o) => o.obj),
  );
}

function checkModel(model: ClusterModel, registry: SchemaRegistry, locate: ReturnType<typeof sourceLocator>) {
  const out: Diagnostic[] = [];
  const reportedKinds = new Set<string>();
  for (const ks of appliers(model)) {
    for (const o of ks.objects) {
      const { apiVersion, kind } = o.obj;
      if (typeof apiVersion !== 'string' || typeof kind !== 'string') continue;
      // Generated objects (configMapGenerator) and chart output have no source text: point at
      // the Kustomization or HelmRelease.
      const at = (path: (string | number)[]): Place =>
        o.file && !ks.release ? locate(o, path) : { file: ks.file, ...(ks.line ? { line: ks.line } : {}) };
      const found = registry.lookup(apiVersion, kind);
      if (found.status === 'found') {
        for (const v of found.validator.validate(o.obj)) {
          out.push(violation(v, kind, o, at(v.path), ks.release));
        }
        continue;
      }
      if (found.status === 'skipped' || reportedKinds.has(`${apiVersion} ${kind}`)) continue;
      reportedKinds.add(`${apiVersion} ${kind}`);
      const gvk = formatGvk(toGvk(apiVersion, kind));
      out.push({
        severity: found.status === 'missing' ? 'warning' : 'error',
        rule: found.status === 'missing' ? SCHEMA_MISSING_RULE : SCHEMA_RULE,
        message:
          found.status === 'missing'
            ? `${gvk} is not validated: no schema found`
            : `${gvk} cannot be validated: ${found.reason}`,
        ...at([]),
        ...(found.status === 'missing' ? { hint: found.reason } : {}),
      });
    }
  }
  return out;
}

function violation(
  v: SchemaViolation,
  kind: string,
  o: RenderedObject,
  place: Place,
  release?: string,
): Diagnostic {
  const meta = o.obj.metadata;
  const name = meta && typeof meta === 'object' && !Array.isArray(meta) ? meta.name : undefined;
  const from = release ? ` (${release}${o.template ? `, template ${o.template}` : ''})` : '';
  return {
    severity: 'error',
    rule: SCHEMA_RULE,
    message: `${kind}${typeof name === 'string' ? ` ${name}` : ''}${from}: ${v.message}`,
    ...place,
    ...(v.hint ? { hint: v.hint } : {}),
  };
}

/** The schema rule over the given schemas; without a Kubernetes document it says so once. */
export function schemaRule(options: SchemaRuleOptions = {}): Rule {
  return {
    id: SCHEMA_RULE,
    severity: 'error',
    description:
      'every applied object (except Flux kinds) matches the schema of its kind: Kubernetes OpenAPI, CRDs, schema location',
    check(ctx: CheckContext) {
      if (!options.kubernetes) {
        return [
          {
            severity: 'info',
            rule: SCHEMA_MISSING_RULE,
            message: `objects were not validated: no Kubernetes ${ctx.kubernetesVersion} OpenAPI document`,
            hint: 'pass --schemas DIR holding kubernetes/swagger-v<version>.json (and crds/ for CRD schemas)',
          },
        ];
      }
      const locate = sourceLocator(ctx.tree);
      // Built-in and location schemas are shared by the clusters; each adds only its CRDs.
      const catalog = createSchemaCatalog({ ...options, skip: isFluxGroup });
      return ctx.models.flatMap((m) => checkModel(m, catalog.forCluster(crdObjects(m)), locate));
    },
  };
}
