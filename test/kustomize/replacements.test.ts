import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../../src/core/json.js';
import { splitFieldPath } from '../../src/kustomize/fieldpath.js';
import { applyReplacements, parseReplacementFile } from '../../src/kustomize/replacements.js';
import { setName, storePreviousId } from '../../src/kustomize/resource.js';
import { kubectlAvailable } from '../helpers/kustomize-oracle.js';
import { runOracle, runOurs, toResources } from './oracle-fixture.js';

const RESOURCES = `apiVersion: v1
kind: ConfigMap
metadata:
  name: src
data:
  num: "5"
  str: hello
  list: a,b,c
  empty: ""
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
  labels:
    version: v1
spec:
  replicas: 1
  template:
    spec:
      containers:
      - name: app
        image: nginx:1.0
        args: [x, -jar, "y"]
        env:
        - name: A
          value: old
        - {name: B, value: "2"}
      - name: myapp-side
        image: busybox:2.0
        nullfield: null
        boolfield: true
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: other
  namespace: ns1
spec:
  replicas: 2
`;

const r = (source: string, targets: string): string => `- source: ${source}\n  targets:\n${targets}`;
const t = (select: string, paths: string[], extra = ''): string =>
  `  - select: ${select}\n    fieldPaths:\n${paths.map((p) => `    - ${JSON.stringify(p)}`).join('\n')}\n${extra}`;

const CASES: { name: string; yaml: string }[] = [
  {
    name: 'int from string keeps int type',
    yaml: r('{kind: ConfigMap, fieldPath: data.num}', t('{kind: Deployment, name: app}', ['spec.replicas'])),
  },
  {
    name: 'string target keeps string',
    yaml: r(
      '{kind: ConfigMap, fieldPath: data.num}',
      t('{kind: Deployment}', ['spec.template.spec.containers.[name=app].image']),
    ),
  },
  {
    name: 'string into int field fails',
    yaml: r('{kind: ConfigMap, fieldPath: data.str}', t('{kind: Deployment}', ['spec.replicas'])),
  },
  {
    name: 'into null field fails',
    yaml: r(
      '{kind: ConfigMap, fieldPath: data.str}',
      t('{kind: Deployment, name: app}', ['spec.template.spec.containers.1.nullfield']),
    ),
  },
  {
    name: 'list entry regex is unanchored',
    yaml: r(
      '{kind: ConfigMap, fieldPath: data.str}',
      t('{kind: Deployment}', ['spec.template.spec.containers.[name=side].image']),
    ),
  },
  {
    name: 'list entry anchored regex',
    yaml: r(
      '{kind: ConfigMap, fieldPath: data.str}',
      t('{kind: Deployment}', ['spec.template.spec.containers.[name=^app$].image']),
    ),
  },
  {
    name: 'scalar list entry',
    yaml: r(
      '{kind: ConfigMap, fieldPath: data.num}',
      t('{kind: Deployment}', ['spec.template.spec.containers.0.args.[=-jar]']),
    ),
  },
  {
    name: 'wildcard',
    yaml: r(
      '{kind: ConfigMap, fieldPath: data.str}',
      t('{kind: Deployment}', ['spec.template.spec.containers.*.image']),
    ),
  },
  {
    name: 'wildcard then entry',
    yaml: r(
      '{kind: ConfigMap, fieldPath: data.num}',
      t('{kind: Deployment, name: app}', ['spec.template.spec.containers.*.env.[name=B].value']),
    ),
  },
  {
    name: 'index',
    yaml: r(
      '{kind: ConfigMap, fieldPath: data.str}',
      t('{kind: Deployment}', ['spec.template.spec.containers.0.args.1']),
    ),
  },
  {
    name: 'index out of range errors',
    yaml: r(
      '{kind: ConfigMap, fieldPath: data.str}',
      t('{kind: Deployment}', ['spec.template.spec.containers.5.image']),
    ),
  },
  {
    name: 'missing field errors',
    yaml: r(
      '{kind: ConfigMap, fieldPath: data.str}',
      t('{kind: Deployment, name: app}', ['metadata.labels.nope']),
    ),
  },
  {
    name: 'path through scalar errors',
    yaml: r(
      '{kind: ConfigMap, fieldPath: data.str}',
      t('{kind: Deployment, name: app}', ['spec.template.spec.containers.0.image.x']),
    ),
  },
  {
    name: 'bracket needs =',
    yaml: r('{kind: ConfigMap, fieldPath: data.str}', t('{kind: Deployment}', ['metadata.[labels].version'])),
  },
  {
    name: 'create',
    yaml: r(
      '{kind: ConfigMap, fieldPath: data.num}',
      t(
        '{kind: Deployment, name: app}',
        [
          'metadata.labels.created',
          'spec.template.spec.containers.[name=new].image',
          'spec.template.spec.containers.[name=app].env.[name=C].value',
          'spec.newlist.[=zz]',
          'spec.template.spec.containers.0.args.3',
        ],
        '    options: {create: true}\n',
      ),
    ),
  },
  {
    name: 'create with wildcard',
    yaml: r(
      '{kind: ConfigMap, fieldPath: data.num}',
      t(
        '{kind: Deployment, name: app}',
        ['spec.template.spec.containers.*.image'],
        '    options: {create: true}\n',
      ),
    ),
  },
  {
    name: 'map value into map and list',
    yaml: r(
      '{kind: ConfigMap, fieldPath: data}',
      t('{kind: Deployment, name: app}', ['spec.template.spec.containers.0.env', 'metadata.labels']),
    ),
  },
  {
    name: 'list into scalar gives empty text',
    yaml: r(
      '{kind: Deployment, name: app, fieldPath: spec.template.spec.containers}',
      t('{kind: Deployment, name: app}', ['spec.template.spec.containers.0.args.0']),
    ),
  },
  {
    name: 'delimiter and index',
    yaml: r(
      '{kind: ConfigMap, fieldPath: data.list, options: {delimiter: ",", index: 1}}',
      t(
        '{kind: Deployment, name: app}',
        ['metadata.labels.version'],
        '    options: {delimiter: "-", index: 5}\n',
      ) +
        t(
          '{kind: Deployment, name: app}',
          ['spec.template.spec.containers.0.image'],
          '    options: {delimiter: ":", index: -1}\n',
        ) +
        t(
          '{kind: Deployment, name: app}',
          ['spec.template.spec.containers.1.image'],
          '    options: {delimiter: ":", index: 0}\n',
        ),
    ),
  },
  {
    name: 'source index out of bounds',
    yaml: r(
      '{kind: ConfigMap, fieldPath: data.list, options: {delimiter: ",", index: 3}}',
      t('{kind: Deployment}', ['metadata.name']),
    ),
  },
  {
    name: 'source negative index',
    yaml: r(
      '{kind: ConfigMap, fieldPath: data.list, options: {delimiter: ",", index: -1}}',
      t('{kind: Deployment}', ['metadata.name']),
    ),
  },
  {
    name: 'delimiter on non-scalar target',
    yaml: r(
      '{kind: ConfigMap, fieldPath: data.num}',
      t(
        '{kind: Deployment, name: app}',
        ['spec.template.spec.containers.0.env'],
        '    options: {delimiter: ","}\n',
      ),
    ),
  },
  {
    name: 'source missing',
    yaml: r('{kind: ConfigMap, fieldPath: data.nope}', t('{kind: Deployment}', ['metadata.name'])),
  },
  {
    name: 'source empty string is fine',
    yaml: r(
      '{kind: ConfigMap, fieldPath: data.empty}',
      t('{kind: Deployment, name: app}', ['metadata.labels.version']),
    ),
  },
  {
    name: 'source null is missing',
    yaml: r(
      '{kind: Deployment, name: app, fieldPath: spec.template.spec.containers.1.nullfield}',
      t('{kind: Deployment}', ['metadata.name']),
    ),
  },
  {
    name: 'source exact entry',
    yaml: r(
      '{kind: Deployment, name: app, fieldPath: "spec.template.spec.containers.[name=myapp-side].image"}',
      t('{kind: Deployment, name: app}', ['metadata.labels.version']),
    ),
  },
  {
    name: 'source entry is not a regex',
    yaml: r(
      '{kind: Deployment, name: app, fieldPath: "spec.template.spec.containers.[name=side].image"}',
      t('{kind: Deployment}', ['metadata.name']),
    ),
  },
  {
    name: 'source last element',
    yaml: r(
      '{kind: Deployment, name: app, fieldPath: spec.template.spec.containers.-.image}',
      t('{kind: Deployment, name: app}', ['metadata.labels.version']),
    ),
  },
  {
    name: 'source negative index',
    yaml: r(
      '{kind: Deployment, name: app, fieldPath: spec.template.spec.containers.-1.image}',
      t('{kind: Deployment}', ['metadata.name']),
    ),
  },
  {
    name: 'source multiple matches',
    yaml: r('{kind: Deployment, fieldPath: spec.replicas}', t('{kind: ConfigMap}', ['data.num'])),
  },
  {
    name: 'source nothing selected',
    yaml: r(
      '{kind: Nope, name: x, namespace: yy, fieldPath: data.num, options: {delimiter: ",", index: 1}}',
      t('{kind: Deployment}', ['metadata.name']),
    ),
  },
  {
    name: 'default field path',
    yaml: r('{kind: ConfigMap}', t('{kind: Deployment, name: app}', ['metadata.labels.version'])),
  },
  {
    name: 'target default field path renames',
    yaml: r('{kind: ConfigMap}', t('{kind: Deployment, name: other}', [])),
  },
  {
    name: 'select by namespace',
    yaml: r(
      '{kind: ConfigMap, fieldPath: data.num}',
      t('{kind: Deployment, namespace: default}', ['spec.replicas']),
    ),
  },
  {
    name: 'select name is not a regex',
    yaml: r(
      '{kind: ConfigMap, fieldPath: data.num}',
      t('{kind: Deployment, name: "ap.*"}', ['spec.replicas']),
    ),
  },
  {
    name: 'reject by id',
    yaml: r(
      '{kind: ConfigMap, fieldPath: data.num}',
      t('{kind: Deployment}', ['spec.replicas'], '    reject: [{name: app}]\n'),
    ),
  },
  {
    name: 'reject by label',
    yaml: r(
      '{kind: ConfigMap, fieldPath: data.num}',
      t('{kind: Deployment}', ['spec.replicas'], '    reject: [{labelSelector: "version=v1"}]\n'),
    ),
  },
  {
    name: 'select by label',
    yaml: r(
      '{kind: ConfigMap, fieldPath: data.num}',
      t('{labelSelector: "version in (v1,v2)"}', ['spec.replicas']),
    ),
  },
  {
    name: 'multiple replacements in order',
    yaml:
      r(
        '{kind: ConfigMap, fieldPath: data.str}',
        t('{kind: Deployment, name: app}', ['metadata.labels.version']),
      ) +
      '\n' +
      r(
        '{kind: Deployment, name: app, fieldPath: metadata.labels.version}',
        t('{kind: ConfigMap}', ['data.list']),
      ),
  },
];

function ourRun(yaml: string): JsonObject[] {
  const resources = toResources(RESOURCES);
  applyReplacements(resources, parseReplacementFile(load(yaml) as JsonValue, 'kustomization.yaml'));
  return resources.map((res) => res.obj);
}

describe.skipIf(!kubectlAvailable())('applyReplacements against kubectl kustomize', () => {
  it.each(CASES)('$name', ({ yaml }) => {
    const kustomization = `resources:\n- res.yaml\nreplacements:\n${yaml.replace(/^/gm, '  ')}\n`;
    const oracle = runOracle({ 'kustomization.yaml': kustomization, 'res.yaml': RESOURCES });
    const ours = runOurs(() => ourRun(yaml));
    if (oracle.ok) {
      expect(ours).toEqual(oracle);
    } else {
      expect(ours.ok, `kustomize failed: ${oracle.error}`).toBe(false);
      if (!ours.ok) expect(oracle.error).toContain(ours.error.split('\n')[0]);
    }
  });

  it('selects sources and targets by previous names', () => {
    const base = 'resources:\n- res.yaml\nnamePrefix: p-\n';
    const yaml =
      r(
        '{kind: ConfigMap, name: src, fieldPath: data.num}',
        t('{kind: Deployment, name: app}', ['spec.replicas']),
      ) +
      '\n' +
      r(
        '{kind: ConfigMap, name: p-src, fieldPath: data.str}',
        t('{kind: Deployment, name: p-app}', ['metadata.labels.version']),
      );
    const oracle = runOracle({
      'kustomization.yaml': `resources:\n- base\nreplacements:\n${yaml.replace(/^/gm, '  ')}\n`,
      'base/kustomization.yaml': base,
      'base/res.yaml': RESOURCES,
    });
    const ours = runOurs(() => {
      const resources = toResources(RESOURCES);
      for (const res of resources) {
        storePreviousId(res.obj);
        setName(res.obj, `p-${String((res.obj.metadata as JsonObject).name)}`);
      }
      applyReplacements(resources, parseReplacementFile(load(yaml) as JsonValue, 'k.yaml'));
      for (const res of resources) {
        const meta = res.obj.metadata as JsonObject;
        delete meta.annotations;
      }
      return resources.map((res) => res.obj);
    });
    expect(ours).toEqual(oracle);
  });
});

describe('replacement files', () => {
  it('accepts one replacement or a list', () => {
    const one = { source: { kind: 'A' }, targets: [{ select: { kind: 'B' }, fieldPaths: ['x'] }] };
    expect(parseReplacementFile(one, 'r.yaml')).toHaveLength(1);
    expect(parseReplacementFile([one, one], 'r.yaml')).toHaveLength(2);
  });

  it.each([
    [{ targets: [] }, /must specify a source and at least one target/],
    [{ source: { kind: 'A' }, targets: [{ fieldPaths: ['x'] }] }, /target must specify resources to select/],
    [{ source: { kind: 'A', options: { index: 'x' } }, targets: [] }, /index must be an integer/],
    [{ source: { kind: 3 }, targets: [] }, /kind must be a string/],
    [
      { source: { kind: 'A' }, targets: [{ select: { kind: 'B' }, fieldPaths: 'x' }] },
      /fieldPaths must be a list/,
    ],
    ['text', /unsupported replacement type/],
  ])('rejects %o', (value, re) => {
    expect(() => parseReplacementFile(value as JsonValue, 'r.yaml')).toThrow(re);
  });
});

describe('splitFieldPath', () => {
  it.each([
    ['a.b.c', ['a', 'b', 'c']],
    ['spec.containers.[name=a.b].image', ['spec', 'containers', '[name=a.b]', 'image']],
    ['metadata.annotations.[a.b/c]', ['metadata', 'annotations', 'a.b/c']],
    ['metadata.[labels].x', ['metadata', '[labels]', 'x']],
    ['a\\.b.c', ['a.b', 'c']],
    ['', ['']],
  ])('%s', (path, want) => {
    expect(splitFieldPath(path)).toEqual(want);
  });
});
