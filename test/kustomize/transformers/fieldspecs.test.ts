import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/core/json.js';
import {
  defaultTransformerConfig,
  makeTransformerConfig,
  mergeFieldSpecs,
  type FieldSpec,
} from '../../../src/kustomize/fieldspecs/transformer-config.js';
import {
  compilePath,
  FieldSpecPathError,
  walkFieldSpec,
} from '../../../src/kustomize/fieldspecs/walk-fieldspec.js';
import { DiagnosticError } from '../../../src/core/diagnostic.js';

describe('compilePath', () => {
  it.each([
    [
      'metadata/name',
      [
        { key: 'metadata', seq: false },
        { key: 'name', seq: false },
      ],
    ],
    [
      'spec/containers[]/image',
      [
        { key: 'spec', seq: false },
        { key: 'containers', seq: true },
        { key: 'image', seq: false },
      ],
    ],
    [
      'metadata/annotations/nginx.ingress.kubernetes.io\\/auth-secret',
      [
        { key: 'metadata', seq: false },
        { key: 'annotations', seq: false },
        { key: 'nginx.ingress.kubernetes.io/auth-secret', seq: false },
      ],
    ],
  ])('%s', (path, want) => expect(compilePath(path)).toEqual(want));
});

function collect(obj: JsonObject, spec: FieldSpec, create?: 'map' | 'scalar'): string[] {
  const seen: string[] = [];
  walkFieldSpec(
    obj,
    spec,
    (holder, key) => seen.push(`${key}=${JSON.stringify((holder as never)[key])}`),
    create,
  );
  return seen;
}

describe('walkFieldSpec', () => {
  const obj = (): JsonObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'a' },
    spec: {
      template: { spec: { containers: [{ image: 'x' }, { name: 'no-image' }, { image: 'y' }] } },
      nil: null,
    },
  });
  it.each<{
    name: string;
    spec: FieldSpec;
    create?: 'map' | 'scalar';
    want: string[];
    after?: (o: JsonObject) => void;
  }>([
    {
      name: 'visits every list element',
      spec: { path: 'spec/template/spec/containers/image' },
      want: ['image="x"', 'image="y"'],
    },
    {
      name: '[] marks a list',
      spec: { path: 'spec/template/spec/containers[]/image' },
      want: ['image="x"', 'image="y"'],
    },
    { name: 'kind filter', spec: { path: 'metadata/name', kind: 'Service' }, want: [] },
    { name: 'group filter', spec: { path: 'metadata/name', group: 'apps' }, want: ['name="a"'] },
    { name: 'missing without create', spec: { path: 'metadata/labels' }, create: 'map', want: [] },
    {
      name: 'missing with create',
      spec: { path: 'metadata/labels', create: true },
      create: 'map',
      want: ['labels={}'],
    },
    { name: 'null parent is missing', spec: { path: 'spec/nil/x' }, want: [] },
    {
      name: 'null parent is created',
      spec: { path: 'spec/nil/x', create: true },
      create: 'scalar',
      want: ['x=""'],
    },
    { name: 'create needs a create kind', spec: { path: 'metadata/labels', create: true }, want: [] },
  ])('$name', ({ spec, create, want }) => expect(collect(obj(), spec, create)).toEqual(want));

  it('a scalar on the way is an error', () => {
    expect(() => collect(obj(), { path: 'metadata/name/x' })).toThrow(FieldSpecPathError);
  });
});

describe('transformer configurations', () => {
  it('appends specs with a new path or a narrower GVK, keeps duplicates once', () => {
    const merged = mergeFieldSpecs(
      [{ path: 'metadata/labels', create: true }],
      [
        { path: 'metadata/labels', create: true, kind: 'Widget' },
        { path: 'spec/labels', kind: 'Widget' },
      ],
    );
    expect(merged).toEqual([
      { path: 'metadata/labels', create: true },
      { path: 'metadata/labels', create: true, kind: 'Widget' },
      { path: 'spec/labels', kind: 'Widget' },
    ]);
  });

  it('user specs come first, so a kind-specific spec replaces the default', () => {
    const config = makeTransformerConfig([
      { value: { namePrefix: [{ kind: 'ConfigMap', path: 'metadata/name' }] }, file: 'c.yaml' },
    ]);
    expect(config.namePrefix).toEqual([{ kind: 'ConfigMap', path: 'metadata/name' }]);
    expect(config.commonLabels).toEqual(defaultTransformerConfig().commonLabels);
  });

  it('merges nameReference entries by GVK', () => {
    const config = makeTransformerConfig([
      {
        value: {
          nameReference: [{ kind: 'Secret', version: 'v1', fieldSpecs: [{ kind: 'X', path: 'spec/s' }] }],
        },
        file: 'c.yaml',
      },
    ]);
    const secret = config.nameReference.find((r) => r.kind === 'Secret')!;
    expect(secret.fieldSpecs[0]).toEqual({ kind: 'X', path: 'spec/s' });
    // The defaults follow; their one duplicate (Ingress spec/tls/secretName) is merged away.
    const defaults = defaultTransformerConfig().nameReference.find((r) => r.kind === 'Secret')!.fieldSpecs;
    const key = (fs: object): string => JSON.stringify(fs);
    expect(secret.fieldSpecs.slice(1).map(key)).toEqual([...new Set(defaults.map(key))]);
  });

  it('rejects conflicting create flags and malformed files', () => {
    expect(() =>
      makeTransformerConfig([{ value: { commonLabels: [{ path: 'metadata/labels' }] }, file: 'c.yaml' }]),
    ).toThrow(DiagnosticError);
    expect(() => makeTransformerConfig([{ value: { images: 'nope' }, file: 'c.yaml' }])).toThrow(
      DiagnosticError,
    );
  });
});
