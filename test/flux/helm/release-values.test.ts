/** HelmRelease values from the cluster: placeholders for in-cluster Secrets, secret texts recorded. */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/core/json.js';
import { releaseValues } from '../../../src/flux/helm/release-values.js';
import { IN_CLUSTER_PLACEHOLDER, placeholderSecret } from '../../../src/flux/in-cluster-values.js';
import type { HelmReleaseModel } from '../../../src/flux/models/helm-release.js';

const hr = (valuesFrom: HelmReleaseModel['valuesFrom'], values?: JsonObject) =>
  ({ namespace: 'apps', valuesFrom, ...(values ? { values } : {}) }) as HelmReleaseModel;
const OBJECTS: Record<string, JsonObject> = {
  'ConfigMap/apps/base': { kind: 'ConfigMap', data: { 'values.yaml': 'a: 1\nb: {c: 2}\n' } },
  'Secret/apps/real': { kind: 'Secret', stringData: { 'values.yaml': 'password: hunter2-long\n' } },
  'Secret/apps/ext': placeholderSecret(
    'apps',
    'ext',
    ['token'],
    'known',
    'created by ExternalSecret apps/ext',
  ),
};
const lookup = (kind: string, namespace: string, name: string) => OBJECTS[`${kind}/${namespace}/${name}`];
const ref = (kind: 'ConfigMap' | 'Secret', name: string, extra: object = {}) => ({
  kind,
  name,
  valuesKey: 'values.yaml',
  optional: false,
  ...extra,
});

describe('releaseValues', () => {
  it('merges valuesFrom then inline values; no placeholders', () => {
    const out = releaseValues(hr([ref('ConfigMap', 'base')], { b: { d: 3 } }), lookup, { file: 'hr.yaml' });
    expect(out).toEqual({ values: { a: 1, b: { c: 2, d: 3 } }, placeholders: [] });
  });

  it('records values read from a real Secret as secret text', () => {
    const secrets = new Set<string>();
    releaseValues(hr([ref('Secret', 'real')]), lookup, { file: 'hr.yaml' }, secrets);
    expect(secrets.has('hunter2-long')).toBe(true);
  });

  it('reads placeholders from a Secret that exists only in the cluster, and says which', () => {
    const out = releaseValues(
      hr([ref('Secret', 'ext', { valuesKey: 'token', targetPath: 'auth.token' })]),
      lookup,
      { file: 'hr.yaml' },
    );
    expect(out.values).toEqual({ auth: { token: IN_CLUSTER_PLACEHOLDER } });
    expect(out.placeholders).toEqual(['Secret apps/ext (created by ExternalSecret apps/ext)']);
  });

  it('fails on a reference that is not there, unless optional', () => {
    expect(() => releaseValues(hr([ref('ConfigMap', 'nope')]), lookup, { file: 'hr.yaml' })).toThrow(
      /resource not found/,
    );
    expect(
      releaseValues(hr([ref('ConfigMap', 'nope', { optional: true })]), lookup, { file: 'hr.yaml' }).values,
    ).toEqual({});
  });
});
