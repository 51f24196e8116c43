import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../../src/core/diagnostic.js';
import {
  DEFAULT_API_VERSIONS,
  makeCapabilities,
  parseKubeVersion,
} from '../../../src/gotemplate/helm/capabilities.js';
import { makeChart } from '../../../src/gotemplate/helm/chart.js';
import { makeFiles } from '../../../src/gotemplate/helm/files.js';
import { makeRelease, makeTemplateObject } from '../../../src/gotemplate/helm/release.js';
import {
  GoCallError,
  GoInt,
  GoStruct,
  methodOf,
  typeOf,
  type GoMap,
  type GoSlice,
  type GoValue,
} from '../../../src/gotemplate/value.js';

function call(receiver: GoValue, name: string, ...args: GoValue[]): GoValue {
  const m = methodOf(receiver, name);
  if (!m) throw new Error(`no method ${name}`);
  return m.fn(...args);
}

const enc = new TextEncoder();

describe('makeRelease / makeTemplateObject', () => {
  it('builds the maps helm passes', () => {
    const r = makeRelease({ name: 'rel', namespace: 'ns' });
    expect(Object.keys(r).sort()).toEqual([
      'IsInstall',
      'IsUpgrade',
      'Name',
      'Namespace',
      'Revision',
      'Service',
    ]);
    expect(r).toMatchObject({
      Name: 'rel',
      Namespace: 'ns',
      IsInstall: true,
      IsUpgrade: false,
      Service: 'Helm',
    });
    expect(r.Revision).toEqual(new GoInt('int', 1n));
    expect(typeOf(r)).toBe('map[string]interface {}');
    expect(makeRelease({ name: 'r', namespace: 'n', isUpgrade: true, revision: 3 })).toMatchObject({
      IsInstall: false,
      IsUpgrade: true,
    });
    const t = makeTemplateObject('battery/templates/out.yaml', 'battery/templates');
    expect(t).toEqual({ Name: 'battery/templates/out.yaml', BasePath: 'battery/templates' });
    expect(typeOf(t)).toBe('common.Values');
  });
});

describe('makeChart', () => {
  it('has every metadata field under its Go name, with the Go types helm gives them', () => {
    const c = makeChart(
      {
        name: 'battery',
        version: '0.1.0',
        apiVersion: 'v2',
        keywords: ['k1'],
        annotations: { a: 'b' },
        maintainers: [{ name: 'm', email: 'e@x', url: 'https://u' }],
        dependencies: [
          { name: 'sub', version: '0.2.0', condition: 'sub.enabled', tags: ['t'], enabled: true },
        ],
      },
      true,
    );
    expect(Object.keys(c).sort()).toEqual(
      'APIVersion Annotations AppVersion Condition Dependencies Deprecated Description Home Icon IsRoot Keywords KubeVersion Maintainers Name Sources Tags Type Version'.split(
        ' ',
      ),
    );
    expect(typeOf(c.Annotations)).toBe('map[string]string');
    expect(typeOf(c.Keywords)).toBe('[]interface {}');
    expect(c.Maintainers).toEqual([{ Email: 'e@x', Name: 'm', URL: 'https://u' }]);
    expect(c.Dependencies).toEqual([
      {
        Alias: '',
        Condition: 'sub.enabled',
        Enabled: true,
        ImportValues: [],
        Name: 'sub',
        Repository: '',
        Tags: ['t'],
        Version: '0.2.0',
      },
    ]);
    expect(c).toMatchObject({ IsRoot: true, Name: 'battery', Version: '0.1.0', AppVersion: '', Sources: [] });
  });
});

describe('parseKubeVersion', () => {
  // Recorded from helm v4.1.4 `--kube-version`.
  const ok: [string, string, string, string, string][] = [
    ['1.31.0', 'v1.31.0', 'v1.31.0', '1', '31'],
    ['1.30.2-eks-123', 'v1.30.2-eks-123', 'v1.30.2', '1', '30'],
    ['v1.29', 'v1.29', 'v1.29', '1', '29'],
    ['1.31.0+k3s1', 'v1.31.0+k3s1', 'v1.31.0', '1', '31'],
    ['1.30.02', 'v1.30.02', 'v1.30.2', '1', '30'],
    ['1.2.3.4', 'v1.2.3.4', 'v1.2.3.4', '1', '2'],
  ];
  it.each(ok)('%s', (input, version, normalized, major, minor) => {
    const kv = parseKubeVersion(input);
    expect(kv.fields).toEqual({
      Version: version,
      normalizedVersion: normalized,
      Major: major,
      Minor: minor,
    });
    expect(call(kv, 'String')).toBe(normalized);
    expect(call(kv, 'GitVersion')).toBe(version);
  });

  const bad: [string, string][] = [
    ['v1', `invalid kube version 'v1': illegal version string "v1"`],
    ['V1.2.3', `invalid kube version 'V1.2.3': could not parse "V1.2.3" as version`],
    ['x', `invalid kube version 'x': could not parse "x" as version`],
    ['01.2.3', `invalid kube version '01.2.3': illegal zero-prefixed version component "01" in "01.2.3"`],
  ];
  it.each(bad)('rejects %s', (input, message) => {
    expect(() => parseKubeVersion(input)).toThrow(DiagnosticError);
    expect(() => parseKubeVersion(input)).toThrow(message);
  });
});

describe('makeCapabilities', () => {
  it('defaults to what helm template reports', () => {
    const caps = makeCapabilities();
    expect(caps.typeName).toBe('*common.Capabilities');
    const kv = caps.fields.KubeVersion as GoStruct;
    expect(kv.fields.Version).toBe('v1.35.0');
    const versions = caps.fields.APIVersions as GoSlice;
    expect(versions).toHaveLength(57);
    expect(typeOf(versions)).toBe('common.VersionSet');
    expect(versions[0]).toBe('v1');
    expect(versions[56]).toBe('apiextensions.k8s.io/v1');
    expect(call(versions, 'Has', 'apps/v1')).toBe(true);
    expect(call(versions, 'Has', 'apps/v1/Deployment')).toBe(false);
    expect(call(versions, 'Has', 'monitoring.coreos.com/v1')).toBe(false);
    const helm = caps.fields.HelmVersion as GoStruct;
    expect(helm.fields.Version).toBe('v4.1.4');
    expect(typeOf(helm)).toBe('version.BuildInfo');
  });

  it('appends extra API versions as --api-versions does', () => {
    const caps = makeCapabilities({ kubeVersion: '1.31.0', apiVersions: ['x.io/v1/K', 'y.io/v2'] });
    const versions = caps.fields.APIVersions as GoSlice;
    expect(versions).toHaveLength(DEFAULT_API_VERSIONS.length + 2);
    expect(versions.at(-1)).toBe('y.io/v2');
    expect(call(versions, 'Has', 'x.io/v1/K')).toBe(true);
    expect(call(versions, 'Has', 'x.io/v1')).toBe(false);
  });
});

describe('makeFiles', () => {
  const files = makeFiles({
    'files/a.txt': enc.encode('alpha\nbeta\n'),
    'files/b.txt': enc.encode('b-content'),
    'files/empty.txt': new Uint8Array(),
    'files/sub/c.txt': enc.encode('x\r\ny\n\n'),
  });

  it('answers Get, GetBytes and Lines as helm does', () => {
    expect(call(files, 'Get', 'files/a.txt')).toBe('alpha\nbeta\n');
    expect(call(files, 'Get', 'nope')).toBe('');
    const bytes = call(files, 'GetBytes', 'files/b.txt') as GoSlice;
    expect(typeOf(bytes)).toBe('[]uint8');
    expect(bytes.map((b) => (b as GoInt).toNumber())).toEqual([98, 45, 99, 111, 110, 116, 101, 110, 116]);
    expect(call(files, 'Lines', 'files/a.txt')).toEqual(['alpha', 'beta']);
    expect(call(files, 'Lines', 'files/sub/c.txt')).toEqual(['x\r', 'y', '']);
    expect(call(files, 'Lines', 'nope')).toEqual([]);
    expect(typeOf(call(files, 'Lines', 'nope'))).toBe('[]string');
    expect(() => call(files, 'Lines', 'files/empty.txt')).toThrow(GoCallError);
    expect(() => call(files, 'Lines', 'files/empty.txt')).toThrow('runtime error: index out of range [-1]');
  });

  it('ranges as a map of byte slices', () => {
    expect(typeOf(files)).toBe('engine.files');
    expect(Object.keys(files)).toEqual(['files/a.txt', 'files/b.txt', 'files/empty.txt', 'files/sub/c.txt']);
    expect(typeOf(files['files/b.txt'])).toBe('[]uint8');
  });

  it('globs and prints ConfigMap and Secret data like the battery', () => {
    const glob = call(files, 'Glob', 'files/*') as GoMap;
    expect(Object.keys(glob)).toEqual(['files/a.txt', 'files/b.txt', 'files/empty.txt']);
    const two = call(files, 'Glob', 'files/[ab].txt') as GoMap;
    expect(call(two, 'AsConfig')).toBe('a.txt: |\n  alpha\n  beta\nb.txt: b-content');
    expect(call(call(files, 'Glob', 'files/**'), 'AsSecrets')).toBe(
      'a.txt: YWxwaGEKYmV0YQo=\nb.txt: Yi1jb250ZW50\nc.txt: eA0KeQoK\nempty.txt: ""',
    );
    expect(call(call(files, 'Glob', 'nothing/*'), 'AsConfig')).toBe('{}');
  });
});
