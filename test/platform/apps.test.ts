import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, SHARED_DIR } from '../helpers/shared.js';
import { CONTRACT_VARIABLES, clusterVars } from './cluster-vars.js';

/**
 * The platform apps (kubernetes/apps, kubernetes/components, clusters/{infra,apps}/apps):
 * every kustomize dir builds, every Flux Kustomization is rendered for both clusters with the
 * cluster variables, and every custom resource validates against ../shared/schemas/crds.
 */

type Doc = Record<string, unknown> & { apiVersion?: string; kind?: string; metadata?: { name?: string } };

const SCHEMAS = join(SHARED_DIR, 'schemas', 'crds');
const OWNED = ['kubernetes/apps', 'kubernetes/components', 'clusters/infra/apps', 'clusters/apps/apps'];

/** The cluster-vars contract (PLATFORM.md) with each cluster's values. */
const CLUSTERS: Record<string, Record<string, string>> = {
  infra: clusterVars('infra'),
  apps: clusterVars('apps'),
};
const CONTRACT = CONTRACT_VARIABLES;

const VAR = /(\$?)\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?=([^}]*))?\}/g;

/** A tiny Flux-like postBuild substitution: `${NAME}`, `${NAME:=default}`, `$${...}` escapes. */
function substitute(text: string, vars: Record<string, string>, where: string): string {
  return text.replace(VAR, (whole, escape: string, name: string, def: string | undefined) => {
    if (escape) return whole.slice(1);
    if (!CONTRACT.has(name)) throw new Error(`${where}: \${${name}} is not a cluster-vars variable`);
    const value = vars[name] ?? def;
    if (value === undefined) throw new Error(`${where}: \${${name}} has no value (strict mode)`);
    return value;
  });
}

function kustomize(dir: string): string {
  const r = spawnSync('kubectl', ['kustomize', '--load-restrictor', 'LoadRestrictionsNone', dir], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`kubectl kustomize ${dir} failed: ${r.stderr}`);
  return r.stdout;
}

function parse(text: string): Doc[] {
  return parseAllDocuments(text)
    .map((d) => d.toJS() as Doc | null)
    .filter((d): d is Doc => d !== null && typeof d === 'object');
}

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** Build a Flux Kustomization's path with its spec.components, the way Flux adds them. */
function buildFluxPath(ks: Doc): string {
  const spec = ks.spec as { path: string; components?: string[] };
  const path = resolve(PROJECT_ROOT, spec.path);
  if (!spec.components?.length) return kustomize(path);
  const tmp = mkdtempSync(join(tmpdir(), 'platform-apps-'));
  try {
    const comps = spec.components.map((c) => relative(tmp, resolve(path, c)));
    writeFileSync(
      join(tmp, 'kustomization.yaml'),
      [
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
        'resources:',
        `  - ${relative(tmp, path)}`,
        'components:',
        ...comps.map((c) => `  - ${c}`),
        '',
      ].join('\n'),
    );
    return kustomize(tmp);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

interface Rendered {
  ks: Doc[];
  /** every object with the Kustomization that applies it */
  objects: { doc: Doc; owner: string }[];
}

function renderCluster(cluster: string): Rendered {
  const vars = CLUSTERS[cluster] ?? {};
  const ks: Doc[] = [];
  const objects: { doc: Doc; owner: string }[] = [];
  for (const root of ['kubernetes/apps', `clusters/${cluster}/apps`]) {
    // cluster-apps / cluster-local substitute the ks.yaml files themselves.
    const docs = parse(substitute(kustomize(join(PROJECT_ROOT, root)), vars, root));
    for (const d of docs) {
      objects.push({ doc: d, owner: root });
      if (d.kind === 'Kustomization' && d.apiVersion?.startsWith('kustomize.toolkit.fluxcd.io/')) ks.push(d);
    }
  }
  for (const k of ks) {
    const spec = k.spec as { sourceRef: { name: string } };
    if (spec.sourceRef.name !== 'flux-system') continue; // external source (keycloak-operator)
    const name = k.metadata?.name ?? '';
    for (const d of parse(substitute(buildFluxPath(k), vars, name))) objects.push({ doc: d, owner: name });
  }
  return { ks, objects };
}

const ajv = new Ajv({ strict: false, allErrors: true });
(addFormatsModule as unknown as (a: Ajv) => void)(ajv);
const validators = new Map<string, ValidateFunction>();
function schemaFor(doc: Doc): ValidateFunction | 'core' | undefined {
  const [group, version] = (doc.apiVersion ?? '').includes('/')
    ? (doc.apiVersion ?? '').split('/')
    : ['', doc.apiVersion];
  if (!group || !group.includes('.') || (group.endsWith('.k8s.io') && !existsSync(join(SCHEMAS, group))))
    return 'core';
  const file = join(SCHEMAS, group, `${(doc.kind ?? '').toLowerCase()}_${version}.json`);
  if (!existsSync(file)) return undefined;
  let v = validators.get(file);
  if (!v) {
    v = ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object);
    validators.set(file, v);
  }
  return v;
}

function haveShared(): boolean {
  const ok = existsSync(SCHEMAS);
  if (!ok && process.env.CI) throw new Error(`shared schemas not found at ${SCHEMAS}`);
  return ok;
}
function haveKubectl(): boolean {
  const ok = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
  if (!ok && process.env.CI) throw new Error('kubectl is required for the platform tests in CI');
  return ok;
}
const ready = haveShared() && haveKubectl() && OWNED.every((d) => existsSync(join(PROJECT_ROOT, d)));

function kustomizationDirs(): string[] {
  return OWNED.flatMap((d) => walk(join(PROJECT_ROOT, d)))
    .filter((f) => f.endsWith('/kustomization.yaml'))
    .map((f) => dirname(f))
    .sort();
}

describe.skipIf(!ready)('platform apps', () => {
  it('every kustomize dir builds with kubectl kustomize (Components through a wrapper)', () => {
    for (const dir of kustomizationDirs()) {
      const text = readFileSync(join(dir, 'kustomization.yaml'), 'utf8');
      if (!/kind:\s*Component/.test(text)) {
        expect(() => kustomize(dir), dir).not.toThrow();
        continue;
      }
      const tmp = mkdtempSync(join(tmpdir(), 'platform-component-'));
      try {
        // The volsync Component takes its PVC from the including kustomization.
        writeFileSync(
          join(tmp, 'pvc.yaml'),
          'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n',
        );
        writeFileSync(
          join(tmp, 'vmagent.yaml'),
          'apiVersion: operator.victoriametrics.com/v1beta1\nkind: VMAgent\nmetadata:\n  name: vmagent\nspec:\n  remoteWrite:\n    - url: http://x\n',
        );
        writeFileSync(
          join(tmp, 'kustomization.yaml'),
          `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - pvc.yaml\n  - vmagent.yaml\ncomponents:\n  - ${relative(tmp, dir)}\n`,
        );
        expect(() => kustomize(tmp), dir).not.toThrow();
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    }
  });

  it('the volsync Component gives every ReplicationSource and repository Secret of the app its settings', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'platform-volsync-'));
    try {
      writeFileSync(
        join(tmp, 'volsync.yaml'),
        [
          'apiVersion: volsync.backube/v1alpha1\nkind: ReplicationSource\nmetadata:\n  name: wiki\nspec:\n  sourcePVC: wiki-data\n  restic:\n    repository: volsync-wiki\n',
          'apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n  name: volsync-wiki\n  labels:\n    app.kubernetes.io/component: volsync-repository\nspec:\n  target:\n    template:\n      data:\n        RESTIC_REPOSITORY: s3:${BACKUP_S3_ENDPOINT}/volsync/${CLUSTER_NAME}/wiki\n',
          'apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n  name: other\nspec: {}\n',
        ].join('---\n'),
      );
      writeFileSync(
        join(tmp, 'kustomization.yaml'),
        `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - volsync.yaml\ncomponents:\n  - ${relative(tmp, join(PROJECT_ROOT, 'kubernetes/components/volsync'))}\n`,
      );
      const docs = parse(substitute(kustomize(tmp), CLUSTERS.apps ?? {}, 'volsync'));
      const rs = docs.find((d) => d.kind === 'ReplicationSource') as Doc & {
        spec: {
          sourcePVC: string;
          trigger: { schedule: string };
          restic: { repository: string; retain: Record<string, number> };
        };
      };
      expect(rs.spec.sourcePVC).toBe('wiki-data');
      expect(rs.spec.restic.repository).toBe('volsync-wiki');
      expect(rs.spec.trigger.schedule).toBe(CLUSTERS.apps?.VOLSYNC_SCHEDULE);
      expect(rs.spec.restic.retain).toEqual({ hourly: 6, daily: 7, weekly: 4, monthly: 6 });
      type Es = Doc & {
        metadata: { name: string };
        spec: { dataFrom?: unknown; target?: { template?: { data?: Record<string, string> } } };
      };
      const secrets = docs.filter((d) => d.kind === 'ExternalSecret') as Es[];
      const repo = secrets.find((d) => d.metadata.name === 'volsync-wiki');
      expect(repo?.spec.target?.template?.data?.RESTIC_REPOSITORY).toBe(
        's3:http://10.25.11.3:9000/volsync/apps/wiki',
      );
      expect(Object.keys(repo?.spec.target?.template?.data ?? {}).sort()).toEqual([
        'AWS_ACCESS_KEY_ID',
        'AWS_SECRET_ACCESS_KEY',
        'RESTIC_PASSWORD',
        'RESTIC_REPOSITORY',
      ]);
      // Only the labelled repository Secrets are touched.
      expect(secrets.find((d) => d.metadata.name === 'other')?.spec.dataFrom).toBeUndefined();
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  for (const cluster of Object.keys(CLUSTERS)) {
    describe(`cluster ${cluster}`, () => {
      let rendered: Rendered | undefined;
      const get = (): Rendered => (rendered ??= renderCluster(cluster));

      it('renders every Flux Kustomization with strict substitution of contract variables only', () => {
        expect(get().ks.length).toBeGreaterThan(5);
      });

      it('every custom resource validates against the CRD schemas', () => {
        const problems: string[] = [];
        let checked = 0;
        for (const { doc, owner } of get().objects) {
          const v = schemaFor(doc);
          const id = `${owner}: ${doc.apiVersion} ${doc.kind} ${doc.metadata?.name}`;
          if (v === 'core') continue;
          if (v === undefined) {
            problems.push(`${id}: no schema in shared/schemas/crds`);
            continue;
          }
          checked++;
          if (!v(doc)) problems.push(`${id}: ${ajv.errorsText(v.errors)}`);
        }
        expect(problems).toEqual([]);
        expect(checked).toBeGreaterThan(15);
      });

      it('Flux Kustomizations follow the layout contract', () => {
        const names = new Set<string>();
        for (const k of get().ks) {
          const name = k.metadata?.name ?? '';
          const md = k.metadata as { namespace?: string };
          const spec = k.spec as Record<string, unknown> & {
            sourceRef: { kind: string; name: string };
            postBuild?: { substituteFrom?: { kind: string; name: string }[] };
          };
          expect(names.has(name), `duplicate Kustomization ${name}`).toBe(false);
          names.add(name);
          expect(md.namespace, name).toBe('flux-system');
          expect(spec.interval, name).toBe('1h');
          expect(spec.retryInterval, name).toBe('2m');
          expect(spec.timeout, name).toBe('10m');
          expect(spec.prune, name).toBe(true);
          expect(spec.wait === true || Array.isArray(spec.healthChecks), name).toBe(true);
          expect(typeof spec.targetNamespace, name).toBe('string');
          expect(spec.postBuild?.substituteFrom, name).toEqual([{ kind: 'ConfigMap', name: 'cluster-vars' }]);
          if (spec.sourceRef.name === 'flux-system') {
            expect(spec.sourceRef.kind).toBe('GitRepository');
            expect(String(spec.path)).toMatch(new RegExp(`/${name}/app$`));
          } else {
            expect(spec.sourceRef).toEqual({ kind: 'GitRepository', name: 'keycloak-operator' });
          }
        }
      });

      it('every HelmRelease pins an exact chart (or an OCIRepository) and has remediation', () => {
        const helm = get().objects.filter((o) => o.doc.kind === 'HelmRelease');
        expect(helm.length).toBeGreaterThan(2);
        for (const { doc } of helm) {
          const spec = doc.spec as {
            interval?: string;
            chart?: { spec: { version: string; sourceRef: { kind: string; namespace: string } } };
            chartRef?: { kind: string; namespace: string };
            install?: { remediation?: { retries?: number } };
            upgrade?: { cleanupOnFail?: boolean; remediation?: { retries?: number; strategy?: string } };
          };
          const name = doc.metadata?.name;
          expect(spec.interval, name).toBeTruthy();
          if (spec.chart) {
            expect(spec.chart.spec.version, name).toMatch(/^v?\d+\.\d+\.\d+$/);
            expect(spec.chart.spec.sourceRef.kind).toBe('HelmRepository');
            expect(spec.chart.spec.sourceRef.namespace).toBe('flux-system');
          } else {
            expect(spec.chartRef?.kind, name).toBe('OCIRepository');
            expect(spec.chartRef?.namespace, name).toBe('flux-system');
          }
          expect(spec.install?.remediation?.retries, name).toBe(3);
          expect(spec.upgrade?.cleanupOnFail, name).toBe(true);
          expect(spec.upgrade?.remediation, name).toEqual({ retries: 3, strategy: 'rollback' });
        }
      });

      it('secrets come only from ExternalSecrets of the onepassword-connect store', () => {
        for (const { doc } of get().objects) {
          expect(doc.kind, `${doc.metadata?.name}`).not.toBe('Secret');
          if (doc.kind === 'ExternalSecret') {
            expect(doc.apiVersion).toBe('external-secrets.io/v1');
            expect((doc.spec as { secretStoreRef: unknown }).secretStoreRef).toEqual({
              kind: 'ClusterSecretStore',
              name: 'onepassword-connect',
            });
          }
        }
      });
    });
  }

  it('dashboards and embedded JSON carry no unescaped ${', () => {
    const files = OWNED.flatMap((d) => walk(join(PROJECT_ROOT, d))).filter(
      (f) => f.endsWith('.json') || f.endsWith('.sh'),
    );
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      expect(/(^|[^$])\$\{/.test(readFileSync(f, 'utf8')), f).toBe(false);
      if (f.endsWith('.json')) expect(() => JSON.parse(readFileSync(f, 'utf8')), f).not.toThrow();
    }
  });

  it('only .yaml files, kebab-case names', () => {
    for (const f of OWNED.flatMap((d) => walk(join(PROJECT_ROOT, d)))) {
      const rel = relative(PROJECT_ROOT, f);
      expect(rel.endsWith('.yml'), rel).toBe(false);
      for (const part of rel.split('/')) expect(part, rel).toMatch(/^[a-z0-9][a-z0-9.-]*$/);
      expect(statSync(f).size, rel).toBeGreaterThan(0);
    }
  });
});
