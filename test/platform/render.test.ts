import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { renderRepository, type RepositoryRender } from '../../src/render/render-repository.js';
import type { ClusterModel, KustomizationRecord } from '../../src/render/model.js';
import { openWorktree } from '../../src/tree/worktree.js';
import { PROJECT_ROOT, SHARED_DIR, sharedAvailable } from '../helpers/shared.js';
import {
  gvkKey,
  gvkOf,
  loadKubernetesSchemas,
  type KubernetesSchemas,
} from './helpers/kubernetes-openapi.js';

/**
 * The proof of the platform: both clusters rendered in-process by k8s-ops exactly as Flux
 * would reconcile them (strict substitution), then every rendered object validated —
 * custom resources against ../shared/schemas/crds, core objects against the Kubernetes 1.35
 * OpenAPI definitions with unknown fields as errors.
 */

const CRD_SCHEMAS = join(SHARED_DIR, 'schemas', 'crds');
const SWAGGER = join(SHARED_DIR, 'schemas', 'kubernetes', 'swagger-v1.35.json');
const CLUSTERS = ['infra', 'apps'] as const;
const BRANCH: Record<string, string> = { infra: 'main', apps: 'release' };
const CHAIN = ['repositories', 'cluster-infrastructure', 'cluster-apps', 'cluster-local'];
/** Flux Kustomizations whose source is another repository (nothing of theirs renders here). */
const EXTERNAL = new Set(['keycloak-operator']);

type Obj = Record<string, unknown> & {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string };
};

interface Applied {
  obj: Obj;
  owner: string;
  file: string;
}

function schemasReady(): boolean {
  const ok = sharedAvailable() && existsSync(CRD_SCHEMAS) && existsSync(SWAGGER);
  if (!ok && process.env.CI) throw new Error(`shared schemas not found under ${SHARED_DIR}/schemas`);
  return ok;
}

function objectId(o: Obj): string {
  const group = (o.apiVersion ?? '').includes('/') ? (o.apiVersion ?? '').split('/')[0] : '';
  return `${group}/${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;
}

/** Every object a cluster's Kustomizations apply, plus what bootstrap applies (root objects). */
function applied(model: ClusterModel): Applied[] {
  const out: Applied[] = [];
  for (const k of model.kustomizations) {
    for (const r of k.objects) out.push({ obj: r.obj as Obj, owner: k.ref.name, file: r.file });
  }
  return out;
}

/** The objects k8s-ops.yaml declares as applied by bootstrap (GitRepository, root Kustomization). */
function bootstrapFiles(cluster: string): Obj[] {
  const entry = render.clusters.find((c) => c.name === cluster);
  return (entry?.objects ?? []).flatMap((file) =>
    parseAllDocuments(readFileSync(join(PROJECT_ROOT, file), 'utf8'))
      .map((d) => d.toJS() as Obj | null)
      .filter((d): d is Obj => d !== null && typeof d === 'object'),
  );
}

function bootstrapObjects(cluster: string): Applied[] {
  return bootstrapFiles(cluster).map((obj) => ({ obj, owner: 'bootstrap', file: '' }));
}

/**
 * An object as JSON, less the `${NAME}` references a KeycloakRealmImport declares in
 * spec.placeholders: the Keycloak operator fills those (written `$${NAME}` for Flux).
 */
function withoutRealmPlaceholders(o: Obj): string {
  let text = JSON.stringify(o);
  if (o.kind !== 'KeycloakRealmImport') return text;
  const spec = (o as { spec?: { placeholders?: Record<string, unknown> } }).spec;
  for (const name of Object.keys(spec?.placeholders ?? {})) text = text.replaceAll(`\${${name}}`, '');
  return text;
}

let render: RepositoryRender;
const model = (name: string): ClusterModel => {
  const m = render.models.find((c) => c.name === name);
  if (!m) throw new Error(`cluster ${name} was not rendered`);
  return m;
};
const ks = (m: ClusterModel, name: string): KustomizationRecord | undefined =>
  m.kustomizations.find((k) => k.ref.namespace === 'flux-system' && k.ref.name === name);

describe('k8s-ops renders the platform as Flux would (strict)', () => {
  beforeAll(async () => {
    render = await renderRepository(openWorktree(PROJECT_ROOT), { strict: true });
  });

  it('finds both clusters, with no configuration or discovery problem', () => {
    expect(render.clusters.map((c) => c.name).sort()).toEqual([...CLUSTERS].sort());
    expect(render.models.map((m) => m.name).sort()).toEqual([...CLUSTERS].sort());
    expect(render.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  describe.each(CLUSTERS)('cluster %s', (cluster) => {
    it('has zero error diagnostics', () => {
      const errors = model(cluster).diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((d) => `${d.rule}: ${d.file ?? ''} ${d.message}`)).toEqual([]);
    });

    it('renders every Flux Kustomization (only the external keycloak-operator is not)', () => {
      const m = model(cluster);
      expect(m.kustomizations.length).toBeGreaterThan(20);
      const states = m.kustomizations.map(
        (k) => `${k.ref.name}: ${k.state}${k.state === 'failed' ? ` (${k.reason})` : ''}`,
      );
      const expected = m.kustomizations.map(
        (k) => `${k.ref.name}: ${EXTERNAL.has(k.ref.name) ? 'external' : 'rendered'}`,
      );
      expect(states).toEqual(expected);
      for (const k of m.kustomizations) expect(k.ref.namespace, k.ref.name).toBe('flux-system');
    });

    it('leaves no ${...} unresolved in any rendered object (but the realm import placeholders)', () => {
      const left = applied(model(cluster))
        .filter((a) => withoutRealmPlaceholders(a.obj).includes('${'))
        .map(
          (a) =>
            `${a.owner}: ${objectId(a.obj)} (${a.file}): ${JSON.stringify(a.obj).match(/.{0,40}\$\{[^}]*\}/)?.[0]}`,
        );
      expect(left).toEqual([]);
    });

    it('applies every object from exactly one Kustomization', () => {
      const owners = new Map<string, string[]>();
      for (const a of applied(model(cluster))) {
        const id = objectId(a.obj);
        owners.set(id, [...(owners.get(id) ?? []), `${a.owner} (${a.file})`]);
      }
      const twice = [...owners].filter(([, o]) => o.length > 1).map(([id, o]) => `${id}: ${o.join(', ')}`);
      expect(twice).toEqual([]);
    });

    it('chains repositories -> cluster-infrastructure -> cluster-apps -> cluster-local', () => {
      const m = model(cluster);
      const root = m.kustomizations.find((k) => k.parent === undefined);
      expect(root?.ref).toEqual({ namespace: 'flux-system', name: 'repositories' });
      expect(root?.path).toBe(`clusters/${cluster}/flux`);
      CHAIN.forEach((name, i) => {
        const k = ks(m, name);
        expect(k, name).toBeDefined();
        expect(k?.state, name).toBe('rendered');
        expect(k?.source, name).toBe('GitRepository/flux-system/flux-system');
        const postBuild = (
          k?.spec.spec as { postBuild?: { substituteFrom?: { kind: string; name: string }[] } }
        )?.postBuild;
        expect(postBuild?.substituteFrom?.[0], name).toMatchObject({
          kind: 'ConfigMap',
          name: 'cluster-vars',
        });
        if (name !== 'repositories') expect(k?.variables, name).toContain('CLUSTER_NAME');
        const before = CHAIN[i - 1];
        expect(k?.dependsOn, name).toEqual(before ? [{ namespace: 'flux-system', name: before }] : []);
        // reconciliation order follows the chain
        if (before) {
          const at = (n: string) => m.kustomizations.findIndex((x) => x.ref.name === n);
          expect(at(before), `${before} before ${name}`).toBeLessThan(at(name));
        }
      });
      expect(ks(m, 'cluster-infrastructure')?.path).toBe('infrastructure/base');
      expect(ks(m, 'cluster-apps')?.path).toBe('kubernetes/apps');
      expect(ks(m, 'cluster-local')?.path).toBe(`clusters/${cluster}/apps`);
    });

    it(`syncs from the GitRepository flux-system on branch ${BRANCH[cluster]}`, () => {
      const entry = render.clusters.find((c) => c.name === cluster);
      expect(entry?.sources).toContainEqual(
        expect.objectContaining({ kind: 'GitRepository', namespace: 'flux-system', name: 'flux-system' }),
      );
      const git = bootstrapFiles(cluster).find(
        (o) =>
          o.kind === 'GitRepository' &&
          o.metadata?.namespace === 'flux-system' &&
          o.metadata.name === 'flux-system',
      );
      expect((git?.spec as { ref?: unknown } | undefined)?.ref).toEqual({ branch: BRANCH[cluster] });
      expect((git?.spec as { secretRef?: unknown } | undefined)?.secretRef).toEqual({
        name: 'github-deploy-key',
      });
      // Every Kustomization built from this repository uses that one GitRepository.
      for (const k of model(cluster).kustomizations) {
        if (!EXTERNAL.has(k.ref.name))
          expect(k.source, k.ref.name).toBe('GitRepository/flux-system/flux-system');
      }
      // Bootstrap owns the sync: nothing rendered creates a second one (no FluxInstance sync).
      for (const a of applied(model(cluster))) {
        if (a.obj.kind === 'HelmRelease' && a.obj.metadata?.name === 'flux-instance') {
          const values = (a.obj.spec as { values?: { instance?: Record<string, unknown> } }).values;
          expect(values?.instance?.sync, 'flux-instance values.instance.sync').toBeUndefined();
        }
        if (a.obj.kind === 'FluxInstance')
          expect((a.obj.spec as Record<string, unknown>).sync).toBeUndefined();
      }
    });

    it('pins every HelmRelease chart to an exact version', () => {
      const m = model(cluster);
      expect(m.helmReleases.length).toBeGreaterThan(10);
      for (const hr of m.helmReleases) {
        if (hr.source.startsWith('OCIRepository/')) {
          const [, ns, name] = hr.source.split('/');
          const oci = m.sources.find(
            (s) => s.kind === 'OCIRepository' && s.ref.namespace === ns && s.ref.name === name,
          );
          expect((oci?.obj.spec as { ref?: { tag?: string } })?.ref?.tag, hr.ref.name).toMatch(
            /^v?\d+\.\d+\.\d+$/,
          );
        } else {
          expect(hr.version, hr.ref.name).toMatch(/^v?\d+\.\d+\.\d+$/);
        }
      }
    });
  });
});

describe.skipIf(!schemasReady())('every rendered object validates against its schema', () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  (addFormatsModule as unknown as (a: Ajv) => void)(ajv);
  let core: KubernetesSchemas;
  const validators = new Map<string, ValidateFunction>();

  beforeAll(async () => {
    render ??= await renderRepository(openWorktree(PROJECT_ROOT), { strict: true });
    core = loadKubernetesSchemas(SWAGGER);
    ajv.addSchema(core.schema);
  });

  function validatorFor(o: Obj): ValidateFunction | undefined {
    const gvk = gvkOf(o.apiVersion ?? '', o.kind ?? '');
    const definition = core.byGvk.get(gvkKey(gvk));
    const key = definition ?? join(gvk.group, `${gvk.kind.toLowerCase()}_${gvk.version}.json`);
    let v = validators.get(key);
    if (v) return v;
    if (definition) {
      v = ajv.compile({ $ref: `${core.$id}#/definitions/${definition}` });
    } else {
      const file = join(CRD_SCHEMAS, key);
      if (!gvk.group || !existsSync(file)) return undefined;
      v = ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object);
    }
    validators.set(key, v);
    return v;
  }

  it.each(CLUSTERS)(
    'cluster %s: core objects against Kubernetes 1.35, custom resources against their CRD',
    (cluster) => {
      const m = model(cluster);
      const problems: string[] = [];
      const missing = new Set<string>();
      let core = 0;
      let custom = 0;
      for (const a of [...bootstrapObjects(cluster), ...applied(m)]) {
        const v = validatorFor(a.obj);
        const id = `${a.owner}: ${a.obj.apiVersion} ${a.obj.kind} ${a.obj.metadata?.namespace ?? ''}/${a.obj.metadata?.name} (${a.file})`;
        if (!v) {
          missing.add(`${a.obj.apiVersion} ${a.obj.kind} (${id})`);
          continue;
        }
        const isCore = core_(a.obj);
        if (isCore) core++;
        else custom++;
        if (!v(a.obj)) {
          for (const e of v.errors ?? []) {
            const extra =
              e.keyword === 'additionalProperties' ? ` '${String(e.params.additionalProperty)}'` : '';
            problems.push(`${id}: ${e.instancePath || '/'} ${e.message}${extra}`);
          }
        }
      }
      expect([...missing], 'custom resources without a schema in shared/schemas/crds').toEqual([]);
      expect(problems).toEqual([]);
      expect(core).toBeGreaterThan(10);
      expect(custom).toBeGreaterThan(50);
    },
  );

  function core_(o: Obj): boolean {
    const gvk = gvkOf(o.apiVersion ?? '', o.kind ?? '');
    return core.byGvk.has(gvkKey(gvk));
  }

  it('the converter is strict: unknown fields, wrong types and int-or-string', () => {
    const v = validatorFor({ apiVersion: 'apps/v1', kind: 'Deployment' });
    expect(v).toBeDefined();
    const deployment = (extra: Record<string, unknown>, port: unknown): Obj => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'x' },
      spec: {
        selector: { matchLabels: { app: 'x' } },
        template: {
          metadata: { labels: { app: 'x' } },
          spec: {
            containers: [
              {
                name: 'x',
                image: 'x:1',
                resources: { requests: { cpu: 1, memory: '64Mi' } },
                readinessProbe: { httpGet: { port } },
                ...extra,
              },
            ],
          },
        },
      },
    });
    expect(v?.(deployment({}, 'http'))).toBe(true);
    expect(v?.(deployment({}, 8080))).toBe(true);
    expect(v?.(deployment({ imagePullPolicyy: 'Always' }, 8080))).toBe(false);
    expect(v?.(deployment({}, true))).toBe(false);
    expect(v?.(deployment({ ports: [{ containerPort: '80' }] }, 8080))).toBe(false);
  });
});
