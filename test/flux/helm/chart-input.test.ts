/** The chart as helm-controller hands it to helm: digest versions and valuesFiles. */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/core/json.js';
import { adjustChartFiles, chartFilesMetadata, digestVersion } from '../../../src/flux/helm/chart-input.js';
import { crdApiVersions } from '../../../src/flux/helm/capabilities.js';
import { helmReleaseName } from '../../../src/flux/models/release-name.js';

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;
const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

describe('digestVersion', () => {
  it.each<[string, string, string | undefined]>([
    ['1.2.3', DIGEST, '1.2.3+0123456789ab'],
    ['v1.2.3', DIGEST, '1.2.3+0123456789ab'], // Masterminds' String() drops the v
    ['1.2', DIGEST, '1.2.0+0123456789ab'],
    ['1.2.3-rc.1+old', DIGEST, '1.2.3-rc.1+0123456789ab'],
    ['1.2.3', 'sha256:abc', undefined],
    ['not-a-version', DIGEST, undefined],
  ])('%s with %s', (version, digest, expected) => {
    expect(digestVersion(version, digest)).toBe(expected);
  });
});

describe('adjustChartFiles', () => {
  const files = [
    { name: 'Chart.yaml', data: enc('apiVersion: v2\nname: web\nversion: 1.2.3 # pinned\ndescription: x\n') },
    { name: 'values.yaml', data: enc('a: 1\n') },
    { name: 'values-prod.yaml', data: enc('b: {c: 2}\n') },
    { name: 'values-more.yaml', data: enc('b: {d: 3}\n') },
  ];
  const read = (p: string) => {
    const f = files.find((x) => x.name === p);
    return f ? dec(f.data) : undefined;
  };

  it('sets .Chart.Version and leaves the rest of Chart.yaml', () => {
    const out = adjustChartFiles(files, { version: '1.2.3+0123456789ab' }, 'web');
    expect(chartFilesMetadata(out, 'web')).toEqual({ name: 'web', version: '1.2.3+0123456789ab' });
    expect(dec(out[0]!.data)).toContain('description: x');
  });

  it('valuesFiles replace values.yaml, merged in order (values.yaml only when listed)', () => {
    const out = adjustChartFiles(
      files,
      { valuesFiles: ['values-prod.yaml', 'values-more.yaml'], readValuesFile: read },
      'web',
    );
    expect(JSON.parse(dec(out.find((f) => f.name === 'values.yaml')!.data))).toEqual({ b: { c: 2, d: 3 } });
  });

  it('a missing values file fails unless ignored', () => {
    expect(() =>
      adjustChartFiles(files, { valuesFiles: ['nope.yaml'], readValuesFile: read }, 'web'),
    ).toThrow(/nope.yaml/);
    const out = adjustChartFiles(
      files,
      { valuesFiles: ['nope.yaml'], ignoreMissingValuesFiles: true, readValuesFile: read },
      'web',
    );
    expect(dec(out.find((f) => f.name === 'values.yaml')!.data)).toBe('{}');
  });
});

describe('capabilities from CRDs', () => {
  it('lists each served version as group/version and group/version/Kind', () => {
    const crd: JsonObject = {
      kind: 'CustomResourceDefinition',
      spec: {
        group: 'example.com',
        names: { kind: 'Widget' },
        versions: [{ name: 'v1', served: true }, { name: 'v1beta1', served: false }, { name: 'v2' }],
      },
    };
    expect(crdApiVersions(crd)).toEqual([
      'example.com/v1',
      'example.com/v1/Widget',
      'example.com/v2',
      'example.com/v2/Widget',
    ]);
    expect(crdApiVersions({ kind: 'ConfigMap' })).toEqual([]);
  });
});

describe('release name', () => {
  it.each<[string, string | undefined, string | undefined, string]>([
    ['web', undefined, undefined, 'web'],
    ['web', undefined, 'prod', 'prod-web'],
    ['web', 'custom', 'prod', 'custom'],
    ['a'.repeat(60), undefined, undefined, `${'a'.repeat(40)}-`],
  ])('%s (releaseName %s, targetNamespace %s)', (name, releaseName, target, expected) => {
    expect(helmReleaseName(name, releaseName, target).startsWith(expected)).toBe(true);
  });
});
