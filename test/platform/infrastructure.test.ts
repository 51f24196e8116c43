import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { PROJECT_ROOT, SHARED_DIR } from '../helpers/shared.js';
import { CONTRACT_VARIABLES, clusterVars } from './cluster-vars.js';

/**
 * The shared platform controllers under infrastructure/base (everything but repositories/,
 * which the skeleton owns): every kustomize directory builds with the real kubectl, every
 * custom resource validates against the vendored CRD schemas after the infra and apps
 * cluster variables are substituted, HelmReleases are pinned and remediated, Flux
 * Kustomizations follow the platform contract and only contract variables are used.
 */

const BASE = join(PROJECT_ROOT, 'infrastructure/base');
const CRD_SCHEMAS = join(SHARED_DIR, 'schemas/crds');
const CATEGORIES = ['network', 'security', 'storage', 'databases', 'observability'];

/** The cluster-vars contract: the only variables a shared manifest may use. */
const CLUSTER_VARS: Record<string, Record<string, string>> = {
  infra: clusterVars('infra'),
  apps: clusterVars('apps'),
};
const CONTRACT_VARS = CONTRACT_VARIABLES;

/** HelmRepository / OCIRepository names bootstrap and the repositories base provide in flux-system. */
const HELM_REPOSITORIES = new Set([
  'cilium',
  'jetstack',
  'external-secrets',
  'onepassword-connect',
  'external-dns',
  'rook-release',
  'openebs',
  'backube',
  'piraeus',
  'vmware-tanzu',
  'cloudnative-pg',
  'prometheus-community',
  'victoria-metrics',
  'grafana',
  'fluent',
]);
const OCI_REPOSITORIES = new Set(['coredns', 'spegel', 'envoy-gateway', 'dragonfly-operator']);

/** Built-in API groups: validated by Kubernetes itself, not by a CRD schema. */
const BUILTIN_GROUPS = new Set([
  '',
  'apps',
  'batch',
  'policy',
  'autoscaling',
  'storage.k8s.io',
  'rbac.authorization.k8s.io',
  'networking.k8s.io',
  'scheduling.k8s.io',
  'coordination.k8s.io',
  'discovery.k8s.io',
  'node.k8s.io',
  'admissionregistration.k8s.io',
  'apiextensions.k8s.io',
  'kustomize.config.k8s.io',
]);

/** `$${X}` is Flux's escape for a literal `${X}`; the lookbehind leaves it alone. */
const VAR_RE = /(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?=([^}]*))?\}/g;

function schemasAvailable(): boolean {
  const ok = existsSync(CRD_SCHEMAS);
  if (!ok && process.env.CI) throw new Error(`shared CRD schemas not found at ${CRD_SCHEMAS}`);
  return ok;
}

function kubectlAvailable(): boolean {
  const ok = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
  if (!ok && process.env.CI) throw new Error('kubectl is required in CI but was not found on PATH');
  return ok;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** Files under infrastructure/base that this suite owns (repositories/ belongs to the skeleton). */
function ownedFiles(): string[] {
  if (!existsSync(BASE)) return [];
  return walk(BASE)
    .filter((f) => !relative(BASE, f).startsWith('repositories/'))
    .sort();
}

function kustomizeDirs(): string[] {
  return ownedFiles()
    .filter((f) => f.endsWith('/kustomization.yaml'))
    .map((f) => f.slice(0, -'/kustomization.yaml'.length))
    .sort();
}

/** The tiny stand-in for Flux's postBuild substitution: `${NAME}` and `${NAME:=default}`. */
function substitute(text: string, vars: Record<string, string>): string {
  return text.replace(VAR_RE, (whole, name: string, dflt: string | undefined) => vars[name] ?? dflt ?? whole);
}

type Obj = Record<string, unknown>;
interface Rendered {
  dir: string;
  docs: Obj[];
}

function kubectlKustomize(dir: string): { ok: boolean; stdout: string; stderr: string } {
  const r = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { ok: r.status === 0, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Splits kustomize output into documents and substitutes each one unless it opts out. */
function renderFor(stdout: string, vars: Record<string, string>): Obj[] {
  const docs: Obj[] = [];
  for (const chunk of stdout.split(/^---$/m)) {
    if (chunk.trim() === '') continue;
    const disabled = /kustomize\.toolkit\.fluxcd\.io\/substitute: disabled/.test(chunk);
    const text = disabled ? chunk : substitute(chunk, vars);
    for (const d of parseAllDocuments(text)) {
      if (d.errors.length > 0) throw new Error(d.errors.map((e) => e.message).join('\n'));
      const js = d.toJS() as Obj | null;
      if (js) docs.push(js);
    }
  }
  return docs;
}

const get = (o: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((acc, k) => (acc && typeof acc === 'object' ? (acc as Obj)[k] : undefined), o);

const groupVersion = (doc: Obj): [string, string] => {
  const av = String(doc.apiVersion ?? '');
  const i = av.lastIndexOf('/');
  return i < 0 ? ['', av] : [av.slice(0, i), av.slice(i + 1)];
};

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
addFormats(ajv);
const validators = new Map<string, ValidateFunction | null>();

function validatorFor(group: string, kind: string, version: string): ValidateFunction | null {
  const file = join(CRD_SCHEMAS, group, `${kind.toLowerCase()}_${version}.json`);
  if (!validators.has(file)) {
    validators.set(
      file,
      existsSync(file) ? ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object) : null,
    );
  }
  return validators.get(file) ?? null;
}

const runnable = schemasAvailable() && kubectlAvailable() && existsSync(BASE);
const dirs = runnable ? kustomizeDirs() : [];
const builds = new Map<string, string>();
for (const dir of dirs) {
  const r = kubectlKustomize(dir);
  builds.set(dir, r.ok ? r.stdout : `ERROR: ${r.stderr}`);
}

function renderAll(cluster: string): Rendered[] {
  const vars = CLUSTER_VARS[cluster] ?? {};
  return dirs
    .filter((dir) => !(builds.get(dir) ?? '').startsWith('ERROR: '))
    .map((dir) => ({ dir, docs: renderFor(builds.get(dir) ?? '', vars) }));
}

const rel = (p: string): string => relative(PROJECT_ROOT, p) || '.';

describe.skipIf(!runnable)('infrastructure/base: shared platform controllers', () => {
  it('has the category tree and the root kustomization lists every category but not repositories', () => {
    const root = parseAllDocuments(readFileSync(join(BASE, 'kustomization.yaml'), 'utf8'))[0]?.toJS() as Obj;
    const resources = ((root.resources as string[] | undefined) ?? []).map((r) =>
      r.replace(/^\.\//, '').replace(/\/$/, ''),
    );
    for (const c of CATEGORIES) {
      expect(resources, 'infrastructure/base/kustomization.yaml').toContain(c);
      expect(existsSync(join(BASE, c, 'namespace.yaml')), `${c}/namespace.yaml`).toBe(true);
    }
    expect(resources).not.toContain('repositories');
  });

  it.each(dirs.map((d) => [rel(d), d]))('kubectl kustomize %s builds', (_name, dir) => {
    const out = builds.get(dir) ?? '';
    expect(out.startsWith('ERROR: ') ? out : '').toBe('');
  });

  it('uses .yaml only, kebab-case file names, and no clear-text Secret', () => {
    for (const f of ownedFiles()) {
      const name = f.slice(f.lastIndexOf('/') + 1);
      expect(name, rel(f)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.yaml$/);
    }
    for (const r of renderAll('infra')) {
      for (const d of r.docs) expect(`${String(d.kind)} in ${rel(r.dir)}`).not.toMatch(/^Secret in/);
    }
  });

  it('uses only contract variables', () => {
    const bad: string[] = [];
    for (const f of ownedFiles()) {
      for (const m of readFileSync(f, 'utf8').matchAll(VAR_RE)) {
        if (!CONTRACT_VARS.has(m[1] ?? '')) bad.push(`${rel(f)}: ${m[0]}`);
      }
    }
    expect(bad).toEqual([]);
  });

  for (const cluster of Object.keys(CLUSTER_VARS)) {
    it(`every custom resource validates against its CRD schema (${cluster} variables)`, () => {
      const errors: string[] = [];
      let checked = 0;
      for (const r of renderAll(cluster)) {
        for (const doc of r.docs) {
          const [group, version] = groupVersion(doc);
          const kind = String(doc.kind);
          const where = `${rel(r.dir)}: ${kind}/${String(get(doc, 'metadata.name'))}`;
          if (JSON.stringify(doc).match(VAR_RE)) errors.push(`${where}: unsubstituted variable`);
          if (BUILTIN_GROUPS.has(group)) continue;
          const validate = validatorFor(group, kind, version);
          if (!validate) {
            errors.push(`${where}: no schema for ${group}/${version} ${kind}`);
            continue;
          }
          checked++;
          if (!validate(doc)) {
            errors.push(`${where}: ${ajv.errorsText(validate.errors, { separator: '; ' })}`);
          }
        }
      }
      expect(errors).toEqual([]);
      expect(checked).toBeGreaterThan(20);
    });
  }

  it('pins every HelmRelease to an exact chart version with install/upgrade remediation', () => {
    const problems: string[] = [];
    let count = 0;
    for (const r of renderAll('infra')) {
      for (const doc of r.docs) {
        if (doc.kind !== 'HelmRelease') continue;
        count++;
        const where = `${rel(r.dir)}: HelmRelease/${String(get(doc, 'metadata.name'))}`;
        const check = (ok: boolean, what: string): void => {
          if (!ok) problems.push(`${where}: ${what}`);
        };
        check(doc.apiVersion === 'helm.toolkit.fluxcd.io/v2', 'apiVersion helm.toolkit.fluxcd.io/v2');
        check(typeof get(doc, 'spec.interval') === 'string', 'interval');
        const chartRef = get(doc, 'spec.chartRef') as Obj | undefined;
        const chart = get(doc, 'spec.chart.spec') as Obj | undefined;
        check(Boolean(chartRef) !== Boolean(chart), 'exactly one of chart / chartRef');
        if (chart) {
          check(
            /^v?\d+\.\d+\.\d+$/.test(String(chart.version)),
            `exact version (got ${String(chart.version)})`,
          );
          check(get(chart, 'sourceRef.kind') === 'HelmRepository', 'sourceRef kind HelmRepository');
          check(HELM_REPOSITORIES.has(String(get(chart, 'sourceRef.name'))), 'known HelmRepository name');
          check(get(chart, 'sourceRef.namespace') === 'flux-system', 'sourceRef in flux-system');
        }
        if (chartRef) {
          check(chartRef.kind === 'OCIRepository', 'chartRef kind OCIRepository');
          check(OCI_REPOSITORIES.has(String(chartRef.name)), 'known OCIRepository name');
          check(chartRef.namespace === 'flux-system', 'chartRef in flux-system');
        }
        check(get(doc, 'spec.install.remediation.retries') === 3, 'install.remediation.retries 3');
        check(get(doc, 'spec.install.crds') === 'CreateReplace', 'install.crds CreateReplace');
        check(get(doc, 'spec.upgrade.cleanupOnFail') === true, 'upgrade.cleanupOnFail');
        check(get(doc, 'spec.upgrade.remediation.retries') === 3, 'upgrade.remediation.retries 3');
        check(
          get(doc, 'spec.upgrade.remediation.strategy') === 'rollback',
          'upgrade.remediation.strategy rollback',
        );
        check(get(doc, 'spec.upgrade.crds') === 'CreateReplace', 'upgrade.crds CreateReplace');
      }
    }
    expect(problems).toEqual([]);
    expect(count).toBeGreaterThan(15);
  });

  it('Flux Kustomizations follow the contract and dependsOn resolves', () => {
    const problems: string[] = [];
    const names = new Map<string, string>();
    const depends: [string, string][] = [];
    const topLevel = builds.get(BASE) ?? '';
    const kss = renderFor(topLevel, CLUSTER_VARS.infra ?? {}).filter((d) => d.kind === 'Kustomization');
    for (const doc of kss) {
      const name = String(get(doc, 'metadata.name'));
      const check = (ok: boolean, what: string): void => {
        if (!ok) problems.push(`Kustomization/${name}: ${what}`);
      };
      check(!names.has(name), 'unique name');
      names.set(name, name);
      check(doc.apiVersion === 'kustomize.toolkit.fluxcd.io/v1', 'apiVersion v1');
      check(get(doc, 'metadata.namespace') === 'flux-system', 'namespace flux-system');
      check(get(doc, 'spec.sourceRef.kind') === 'GitRepository', 'GitRepository source');
      check(get(doc, 'spec.sourceRef.name') === 'flux-system', 'source flux-system');
      check(get(doc, 'spec.prune') === true, 'prune');
      check(get(doc, 'spec.interval') === '1h', 'interval 1h');
      check(get(doc, 'spec.retryInterval') === '2m', 'retryInterval 2m');
      check(get(doc, 'spec.timeout') === '10m', 'timeout 10m');
      check(
        get(doc, 'spec.wait') === true || Array.isArray(get(doc, 'spec.healthChecks')),
        'wait or healthChecks',
      );
      check(typeof get(doc, 'spec.targetNamespace') === 'string', 'targetNamespace');
      const from = get(doc, 'spec.postBuild.substituteFrom') as Obj[] | undefined;
      check(
        Array.isArray(from) && from.some((s) => s.kind === 'ConfigMap' && s.name === 'cluster-vars'),
        'substituteFrom cluster-vars',
      );
      const path = String(get(doc, 'spec.path'));
      check(path.startsWith('./infrastructure/base/'), `path under infrastructure/base (${path})`);
      const abs = join(PROJECT_ROOT, path);
      check(
        existsSync(join(abs, 'kustomization.yaml')) && statSync(abs).isDirectory(),
        `path exists (${path})`,
      );
      for (const d of (get(doc, 'spec.dependsOn') as Obj[] | undefined) ?? [])
        depends.push([name, String(d.name)]);
    }
    for (const [from, to] of depends) {
      if (!names.has(to))
        problems.push(`Kustomization/${from}: dependsOn ${to} is not defined in infrastructure/base`);
    }
    // No cycles: repeatedly peel off Kustomizations whose dependencies are all done.
    const done = new Set<string>();
    let progress = true;
    while (progress) {
      progress = false;
      for (const n of names.keys()) {
        if (done.has(n)) continue;
        if (depends.filter(([f]) => f === n).every(([, t]) => done.has(t) || !names.has(t))) {
          done.add(n);
          progress = true;
        }
      }
    }
    expect(
      [...names.keys()].filter((n) => !done.has(n)),
      'dependsOn cycle',
    ).toEqual([]);
    expect(problems).toEqual([]);
    expect(names.size).toBeGreaterThan(15);
  });

  it('takes every secret from 1Password through the onepassword-connect ClusterSecretStore', () => {
    const problems: string[] = [];
    for (const r of renderAll('infra')) {
      for (const doc of r.docs) {
        if (doc.kind !== 'ExternalSecret') continue;
        const where = `${rel(r.dir)}: ExternalSecret/${String(get(doc, 'metadata.name'))}`;
        if (doc.apiVersion !== 'external-secrets.io/v1') problems.push(`${where}: apiVersion`);
        if (get(doc, 'spec.secretStoreRef.kind') !== 'ClusterSecretStore')
          problems.push(`${where}: store kind`);
        if (get(doc, 'spec.secretStoreRef.name') !== 'onepassword-connect')
          problems.push(`${where}: store name`);
      }
    }
    expect(problems).toEqual([]);
  });
});
