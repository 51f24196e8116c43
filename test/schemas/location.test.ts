import { describe, expect, it } from 'vitest';
import {
  cachePath,
  createSchemaRegistry,
  parseSchemaLocation,
  schemaAddress,
  type Gvk,
} from '../../src/schemas/index.js';
import { editDistance } from '../../src/core/edit-distance.js';
import { closestName } from '../../src/schemas/suggest.js';
import { displayPath, pathToPointer, pointerToPath } from '../../src/schemas/violations.js';

const CERT: Gvk = { group: 'cert-manager.io', version: 'v1', kind: 'Certificate' };

describe('schema locations', () => {
  it.each([
    ['/schemas/crds', '/schemas/crds/cert-manager.io/certificate_v1.json', false],
    ['/schemas/crds/', '/schemas/crds/cert-manager.io/certificate_v1.json', false],
    ['file:///schemas/crds', '/schemas/crds/cert-manager.io/certificate_v1.json', false],
    ['/s/{group}/{kind}_{version}.json', '/s/cert-manager.io/certificate_v1.json', false],
    [
      'https://raw.example/catalog/main/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json',
      'https://raw.example/catalog/main/cert-manager.io/certificate_v1.json',
      true,
    ],
    ['https://raw.example/catalog', 'https://raw.example/catalog/cert-manager.io/certificate_v1.json', true],
    [
      'https://h/{{ .ResourceKind }}{{ .KindSuffix }}.json',
      'https://h/certificate-cert-manager-v1.json',
      true,
    ],
  ])('%s', (text, address, remote) => {
    const location = parseSchemaLocation(text);
    expect(location.remote).toBe(remote);
    expect(schemaAddress(location, CERT)).toBe(address);
  });

  it('rejects placeholders kubeconform has but we cannot fill', () => {
    expect(() =>
      parseSchemaLocation('https://h/{{.NormalizedKubernetesVersion}}/{{.ResourceKind}}.json'),
    ).toThrow(/unsupported placeholder\(s\): NormalizedKubernetesVersion/);
  });

  it('keeps one cache folder per location, in the catalog layout', () => {
    const a = cachePath('/cache', parseSchemaLocation('https://a/x'), CERT);
    const b = cachePath('/cache', parseSchemaLocation('https://b/x'), CERT);
    expect(a).toMatch(/^\/cache\/[0-9a-f]{16}\/cert-manager\.io\/certificate_v1\.json$/);
    expect(a).not.toBe(b);
  });

  it('never builds a path from a crafted apiVersion', () => {
    const reads: string[] = [];
    const registry = createSchemaRegistry({
      location: parseSchemaLocation('/schemas'),
      io: { readFile: (p) => (reads.push(p), undefined) },
    });
    expect(registry.lookup('../../etc/v1', 'Passwd')).toMatchObject({ status: 'missing' });
    expect(registry.lookup('v1', 'ConfigMap')).toMatchObject({ status: 'missing' });
    expect(reads).toEqual([]);
  });
});

describe('messages', () => {
  it.each([
    [[], '(root)'],
    [['spec', 'replicas'], 'spec.replicas'],
    [['spec', 'containers', 0, 'name'], 'spec.containers[0].name'],
    [['metadata', 'labels', 'app.kubernetes.io/name'], 'metadata.labels["app.kubernetes.io/name"]'],
  ] as [(string | number)[], string][])('%j → %s', (path, text) => {
    expect(displayPath(path)).toBe(text);
    expect(pointerToPath(pathToPointer(path))).toEqual(path);
  });

  it.each([
    ['replicass', ['replicas', 'selector'], 'replicas'],
    ['nmae', ['name', 'namespace'], 'name'],
    ['ImagePullPolicy', ['imagePullPolicy'], 'imagePullPolicy'],
    ['color', ['replicas', 'selector'], undefined],
  ])('did you mean: %s', (word, candidates, best) => {
    expect(closestName(word, candidates)).toBe(best);
  });

  it('counts a swap as one edit', () => expect(editDistance('nmae', 'name')).toBe(1));
});
