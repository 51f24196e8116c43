/** The order `build` prints Kustomizations and HelmReleases in, selections, and --out-dir names. */
import { describe, expect, it } from 'vitest';
import type { ClusterModel, HelmReleaseRecord, KustomizationRecord } from '../../src/render/model.js';
import { buildUnits, writtenUnits } from '../../src/report/build-units.js';
import { planOutputFiles } from '../../src/report/output-paths.js';

const ks = (name: string): KustomizationRecord => ({
  ref: { namespace: 'flux-system', name },
  file: `${name}.yaml`,
  state: 'rendered',
  source: 'GitRepository/flux-system/flux-system',
  dependsOn: [],
  objects: [],
  variables: [],
  spec: {},
});
const hr = (name: string, owner: string, dependsOn: string[] = []): HelmReleaseRecord => ({
  ref: { namespace: 'apps', name },
  file: 'apps.yaml',
  line: 3,
  state: name === 'off' ? 'suspended' : 'rendered',
  owner: { namespace: 'flux-system', name: owner },
  chart: 'demo',
  source: 'HelmRepository/flux-system/charts',
  dependsOn: dependsOn.map((d) => ({ namespace: 'apps', name: d })),
  suspended: name === 'off',
  obj: {},
  objects: [],
});
const model: ClusterModel = {
  name: 'dev',
  entryPath: 'clusters/dev',
  kustomizations: [ks('flux-system'), ks('infra'), ks('apps')],
  helmReleases: [hr('web', 'apps', ['db']), hr('db', 'apps'), hr('cni', 'infra'), hr('off', 'apps')],
  sources: [],
  edges: [],
  diagnostics: [],
};
const names = (units: ReturnType<typeof buildUnits>) => units.map((u) => `${u.kind}/${u.ref.name}`);

describe('buildUnits', () => {
  it.each([
    [
      {},
      [
        'Kustomization/flux-system',
        'Kustomization/infra',
        'HelmRelease/cni',
        'Kustomization/apps',
        'HelmRelease/db',
        'HelmRelease/web',
        'HelmRelease/off',
      ],
    ],
    [{ ks: 'apps' }, ['Kustomization/apps', 'HelmRelease/db', 'HelmRelease/web', 'HelmRelease/off']],
    [{ hr: 'apps/web' }, ['HelmRelease/web']],
    [{ hr: 'cni' }, ['HelmRelease/cni']],
  ])('%j', (selection, expected) => {
    expect(names(buildUnits([model], selection))).toEqual(expected);
  });

  it('--out-dir leaves out releases that were not rendered', () => {
    expect(names(writtenUnits(buildUnits([model], { ks: 'apps' })))).not.toContain('HelmRelease/off');
  });
});

describe('planOutputFiles with HelmReleases', () => {
  const entry = (kind: 'Kustomization' | 'HelmRelease', name: string) => ({
    kind,
    cluster: 'dev',
    namespace: 'apps',
    name,
    file: 'a.yaml',
    content: '',
  });
  it('names release files <name>.helmrelease.<ext>', () => {
    const { files } = planOutputFiles([entry('Kustomization', 'web'), entry('HelmRelease', 'web')], 'yaml');
    expect(files.map((f) => f.segments.join('/'))).toEqual([
      'dev/apps/web.yaml',
      'dev/apps/web.helmrelease.yaml',
    ]);
  });
  it('refuses a Kustomization whose file would be a release file', () => {
    const { files, diagnostics } = planOutputFiles(
      [entry('HelmRelease', 'web'), entry('Kustomization', 'web.helmrelease')],
      'yaml',
    );
    expect(files).toEqual([]);
    expect(diagnostics[0]?.message).toContain("would be written to 'dev/apps/web.helmrelease.yaml'");
  });
  it('says HelmRelease in the diagnostic of a bad release name', () => {
    const { diagnostics } = planOutputFiles([entry('HelmRelease', 'Bad_Name')], 'yaml');
    expect(diagnostics[0]?.message).toMatch(/^HelmRelease name 'Bad_Name' is/);
  });
});
