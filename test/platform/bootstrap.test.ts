import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  CLUSTERS,
  PROJECT_ROOT,
  SCHEMAS_DIR,
  field,
  readJson,
  readYaml,
  readYamlDocs,
  schemasAvailable,
} from './platform-files.js';

type Release = { name: string; namespace: string; chart: string; version: string; needs?: string[] };

describe.each(CLUSTERS)('cluster %s: helmfile bootstrap', (cluster) => {
  const dir = `bootstrap/${cluster}/helmfile.d`;

  it.skipIf(!schemasAvailable())('helmfiles validate against the helmfile schema', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(readJson(join(SCHEMAS_DIR, 'other', 'helmfile.json')));
    for (const file of ['00-crds.yaml', '01-apps.yaml']) {
      validate(readYaml(`${dir}/${file}`));
      expect(validate.errors ?? [], file).toStrictEqual([]);
    }
  });

  it('installs Cilium -> CoreDNS -> Spegel -> cert-manager -> Flux, each needing the one before', () => {
    const releases = readYaml(`${dir}/01-apps.yaml`).releases as Release[];
    expect(releases.map((r) => r.name)).toStrictEqual([
      'cilium',
      'coredns',
      'spegel',
      'cert-manager',
      'flux-operator',
      'flux-instance',
    ]);
    releases.forEach((release, i) => {
      const previous = releases[i - 1];
      expect(release.needs).toStrictEqual(previous ? [`${previous.namespace}/${previous.name}`] : undefined);
      expect(release.version).toMatch(/^v?\d+\.\d+\.\d+$/);
    });
  });

  it('pins the chart versions Flux runs (OCIRepository tags, Cilium 1.18.5, cert-manager v1.19.2)', () => {
    const releases = readYaml(`${dir}/01-apps.yaml`).releases as Release[];
    const version = (name: string) => releases.find((r) => r.name === name)?.version;
    expect(version('cilium')).toBe('1.18.5');
    expect(version('cert-manager')).toBe('v1.19.2');
    for (const name of ['coredns', 'spegel', 'flux-operator', 'flux-instance']) {
      const [source] = readYamlDocs(
        join(PROJECT_ROOT, 'infrastructure/base/repositories/oci', `${name}.yaml`),
      );
      expect(version(name), name).toBe(field(source, 'spec', 'ref', 'tag'));
      expect(releases.find((r) => r.name === name)?.chart).toBe(field(source, 'spec', 'url'));
    }
  });

  it('installs the prometheus-operator, Cilium and Gateway API CRDs first (cert-manager owns its own)', () => {
    const names = (readYaml(`${dir}/00-crds.yaml`).releases as Release[]).map((r) => r.name).join(' ');
    for (const crds of ['prometheus-operator', 'cilium', 'gateway-api']) expect(names).toContain(crds);
    expect(names).not.toContain('cert-manager');
  });
});
