import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../src/core/json.js';
import { applyJsonPatch, parseJsonPatchText } from '../../src/kustomize/json-patch.js';
import { resolveYaml11Scalar } from '../../src/yaml/parse-yaml11.js';
import { selectResources } from '../../src/kustomize/selector.js';
import { kubectlAvailable } from '../helpers/kustomize-oracle.js';
import { runOracle, runOurs, toResources } from './oracle-fixture.js';

const RESOURCES = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
  annotations:
    keep: "1"
    other: "2"
spec:
  replicas: 2
  template:
    spec:
      containers:
      - name: app
        image: nginx
        args: [a, b]
        env:
        - {name: A, value: x}
      - name: side
        image: busybox
---
apiVersion: v1
kind: Service
metadata:
  name: app
spec:
  ports:
  - port: 80
`;

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((l) => by + l)
    .join('\n');
}

interface Case {
  name: string;
  patch: string;
  target?: string;
}

const CASES: Case[] = [
  {
    name: 'add map to missing labels',
    patch: '- op: add\n  path: /metadata/labels\n  value: {a: "1", b: "true"}',
  },
  {
    name: 'append with -',
    patch: '- op: add\n  path: /spec/template/spec/containers/0/args/-\n  value: --flag',
  },
  {
    name: 'insert at index',
    patch: '- op: add\n  path: /spec/template/spec/containers/0/args/1\n  value: mid',
  },
  {
    name: 'insert at length',
    patch: '- op: add\n  path: /spec/template/spec/containers/0/args/2\n  value: end',
  },
  {
    name: 'negative index add',
    patch: '- op: add\n  path: /spec/template/spec/containers/0/args/-1\n  value: z',
  },
  {
    name: 'negative index add -3',
    patch: '- op: add\n  path: /spec/template/spec/containers/0/args/-3\n  value: z',
  },
  { name: 'index past end', patch: '- op: add\n  path: /spec/template/spec/containers/0/args/5\n  value: z' },
  {
    name: 'index not a number',
    patch: '- op: add\n  path: /spec/template/spec/containers/0/args/x\n  value: z',
  },
  {
    name: '~1 escape',
    patch:
      '- op: add\n  path: /metadata/annotations/kopiur.home-operations.com~1privileged-movers\n  value: "true"',
  },
  { name: '~0 escape', patch: '- op: add\n  path: /metadata/annotations/a~0b\n  value: x' },
  { name: 'add under missing parent', patch: '- op: add\n  path: /metadata/labels/x\n  value: y' },
  { name: 'add through a scalar', patch: '- op: add\n  path: /metadata/name/x\n  value: 1' },
  { name: 'add without value', patch: '- op: add\n  path: /metadata/x' },
  { name: 'add root', patch: '- op: add\n  path: ""\n  value: {a: 1}' },
  { name: 'remove key', patch: '- op: remove\n  path: /metadata/annotations/keep' },
  { name: 'remove missing key', patch: '- op: remove\n  path: /metadata/labels' },
  { name: 'remove under missing parent', patch: '- op: remove\n  path: /metadata/labels/x' },
  { name: 'remove array element', patch: '- op: remove\n  path: /spec/template/spec/containers/1' },
  { name: 'remove last by -1', patch: '- op: remove\n  path: /spec/template/spec/containers/0/args/-1' },
  { name: 'replace existing', patch: '- op: replace\n  path: /spec/replicas\n  value: 5' },
  { name: 'replace missing key adds it', patch: '- op: replace\n  path: /metadata/foo\n  value: 1' },
  {
    name: 'replace out of range',
    patch: '- op: replace\n  path: /spec/template/spec/containers/0/args/2\n  value: 1',
  },
  {
    name: 'replace -1',
    patch: '- op: replace\n  path: /spec/template/spec/containers/0/args/-1\n  value: c',
  },
  { name: 'replace under missing', patch: '- op: replace\n  path: /metadata/x/y\n  value: 1' },
  {
    name: 'move',
    patch:
      '- op: move\n  from: /spec/template/spec/containers/0/args\n  path: /spec/template/spec/containers/1/args',
  },
  { name: 'move missing from', patch: '- op: move\n  path: /metadata/x' },
  {
    name: 'copy',
    patch:
      '- op: copy\n  from: /spec/template/spec/containers/0/env\n  path: /spec/template/spec/containers/1/env',
  },
  { name: 'copy to missing parent', patch: '- op: copy\n  from: /metadata/name\n  path: /metadata/labels/x' },
  {
    name: 'test passes',
    patch:
      '- op: test\n  path: /spec/replicas\n  value: 2\n- op: replace\n  path: /spec/replicas\n  value: 3',
  },
  {
    name: 'test structure',
    patch: '- op: test\n  path: /spec/template/spec/containers/0/env\n  value: [{name: A, value: x}]',
  },
  { name: 'test fails', patch: '- op: test\n  path: /metadata/name\n  value: nope' },
  { name: 'test missing against null', patch: '- op: test\n  path: /metadata/nonexist\n  value: null' },
  { name: 'test missing against value', patch: '- op: test\n  path: /metadata/nonexist\n  value: 1' },
  { name: 'unknown op', patch: '- op: bogus\n  path: /x' },
  { name: 'missing op', patch: '- path: /x\n  value: 1' },
  { name: 'missing path', patch: '- op: add\n  value: 1' },
  { name: 'JSON form', patch: '[{"op": "add", "path": "/metadata/labels", "value": {"x": "y"}}]' },
  {
    name: 'YAML 1.1 scalars',
    patch:
      '- op: add\n  path: /metadata/x\n  value: {a: on, b: yes, c: y, d: 0777, e: 1_000, f: ~, g: 0x1F, h: 2001-12-14, i: 1e3, j: "true", k: Off, l: 12:30, m: 0o17}',
  },
  {
    name: 'many targets',
    patch: '- op: add\n  path: /metadata/labels\n  value: {all: "yes"}',
    target: 'name: app',
  },
];

describe.skipIf(!kubectlAvailable())('applyJsonPatch against kubectl kustomize', () => {
  it.each(CASES)('$name', ({ patch, target }) => {
    const tgt = target ?? 'kind: Deployment';
    const kustomization = `resources:\n- res.yaml\npatches:\n- target:\n    ${tgt}\n  patch: |\n${indent(patch, '    ')}\n`;
    const oracle = runOracle({ 'kustomization.yaml': kustomization, 'res.yaml': RESOURCES });
    const ours = runOurs(() => {
      const resources = toResources(RESOURCES);
      const ops = parseJsonPatchText(patch, 'kustomization.yaml');
      const sel = Object.fromEntries([tgt.split(': ') as [string, string]]);
      for (const r of selectResources(resources, sel)) r.obj = applyJsonPatch(r.obj, ops);
      return resources.map((r) => r.obj);
    });
    if (oracle.ok) {
      expect(ours).toEqual(oracle);
    } else {
      expect(ours.ok, `kustomize failed: ${oracle.error}`).toBe(false);
      if (!ours.ok) expect(oracle.error).toContain(ours.error);
    }
  });
});

describe('applyJsonPatch', () => {
  it('does not mutate its input and clones inserted values per target', () => {
    const target = { a: { b: [1] } };
    const ops = parseJsonPatchText('- op: add\n  path: /a/c\n  value: {d: 1}', 'p.yaml');
    const one = applyJsonPatch(target, ops);
    const two = applyJsonPatch(target, ops);
    expect(target).toEqual({ a: { b: [1] } });
    ((one.a as { c: { d: number } }).c as { d: number }).d = 9;
    expect(two).toEqual({ a: { b: [1], c: { d: 1 } } });
  });

  it('rejects a non-list patch', () => {
    expect(() => applyJsonPatch({}, { op: 'add' } as JsonValue)).toThrow(/cannot unmarshal object/);
  });

  it.each([
    ['on', true],
    ['No', false],
    ['0777', 511],
    ['0x1F', 31],
    ['-0b101', -5],
    ['1_000', 1000],
    ['09', 9],
    ['1.5e-7', 1.5e-7],
    ['2001-12-14', '2001-12-14'],
    ['12:30', '12:30'],
    ['~', null],
    ['hello', 'hello'],
  ])('resolves the YAML 1.1 scalar %s', (text, want) => {
    expect(resolveYaml11Scalar(text)).toEqual(want);
  });
});
