/**
 * The values paths a chart knows (values.yaml, template reads, subcharts, free-form maps) and
 * the unknown keys of user values, on tiny charts.
 */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/core/json.js';
import { loadChartFiles } from '../../../src/helm/chart/load.js';
import { closestKey, knownValuePaths, unknownValuePaths } from '../../../src/helm/values/known-paths.js';

const enc = new TextEncoder();

function chart(values: string, templates: Record<string, string>, extra: Record<string, string> = {}) {
  const files: Record<string, string> = {
    'Chart.yaml': 'apiVersion: v2\nname: demo\nversion: 1.0.0\n',
    'values.yaml': values,
    ...Object.fromEntries(Object.entries(templates).map(([k, v]) => [`templates/${k}`, v])),
    ...extra,
  };
  return loadChartFiles(
    Object.entries(files).map(([name, text]) => ({ name, data: enc.encode(text) })),
    'demo',
  );
}

const unknown = (c: ReturnType<typeof chart>, values: JsonObject) =>
  unknownValuePaths(knownValuePaths(c), values).map(
    (u) => u.path.join('.') + (u.closest ? ` ~${u.closest}` : ''),
  );

const VALUES = `
cgroup:
  autoMount:
    enabled: true
  hostRoot: /run
podAnnotations: {}
image:
  repository: nginx
  tag: ""
services:
  main:
    port: 80
`;

describe('unknown values keys', () => {
  it.each<[string, Record<string, string>, JsonObject, string[]]>([
    [
      'a typo in a nested key',
      {},
      { cgroup: { automount: { enabled: false } } },
      ['cgroup.automount ~autoMount'],
    ],
    ['a typo at the top', {}, { imagee: { tag: 'x' } }, ['imagee ~image']],
    ['a key with nothing close', {}, { zzzqqq: 1 }, ['zzzqqq']],
    ['known keys', {}, { image: { tag: '1' }, cgroup: { hostRoot: '/x' } }, []],
    ['below an empty map default', {}, { podAnnotations: { a: 'b', c: { d: 1 } } }, []],
    ['below a scalar default', {}, { image: { tag: { nested: 1 } } }, []],
    ['global', {}, { global: { anything: { at: 'all' } } }, []],
    ['a key only a template reads', { 'a.yaml': '{{ .Values.extra.port }}' }, { extra: { port: 1 } }, []],
    [
      'a sibling of a template-read key',
      { 'a.yaml': '{{ .Values.extra.port }}' },
      { extra: { prot: 1 } },
      ['extra.prot ~port'],
    ],
    [
      'a ranged map',
      { 'a.yaml': '{{ range $k, $v := .Values.services }}{{ $v.port }}{{ end }}' },
      { services: { other: { x: 1 } } },
      [],
    ],
    [
      'a toYaml subtree',
      { 'a.yaml': '{{ toYaml .Values.cgroup | nindent 2 }}' },
      { cgroup: { automount: 1 } },
      [],
    ],
    [
      'a piped toYaml of a with dot',
      { 'a.yaml': '{{ with .Values.cgroup }}{{ . | toYaml }}{{ end }}' },
      { cgroup: { x: 1 } },
      [],
    ],
    [
      'a with dot field',
      { 'a.yaml': '{{ with .Values.extra }}{{ .port }}{{ end }}' },
      { extra: { port: 1, portt: 2 } },
      ['extra.portt ~port'],
    ],
    ['a variable', { 'a.yaml': '{{ $e := .Values.extra }}{{ $e.port }}' }, { extra: { port: 1 } }, []],
    [
      'a root variable in a define',
      { '_h.tpl': '{{ define "x" }}{{ $r := .root }}{{ $r.Values.deep.key }}{{ end }}' },
      { deep: { key: 1 } },
      [],
    ],
    [
      'index with constant keys',
      { 'a.yaml': '{{ index .Values "my-key" "sub" }}' },
      { 'my-key': { sub: 1, sbu: 2 } },
      ['my-key.sbu ~sub'],
    ],
    [
      'index with a variable key',
      { 'a.yaml': '{{ range $n := list "a" }}{{ index $.Values.byName $n }}{{ end }}' },
      { byName: { any: 1 } },
      [],
    ],
    ['include of a subtree', { 'a.yaml': '{{ include "x" .Values.extra }}' }, { extra: { a: 1 } }, []],
    ['tpl of a value', { 'a.yaml': '{{ tpl .Values.extra . }}' }, { extra: { a: 1 } }, []],
    [
      'default passes the path on',
      { 'a.yaml': '{{ default dict .Values.extra | toYaml }}' },
      { extra: { a: 1 } },
      [],
    ],
    [
      'coalesce passes each path on',
      { 'a.yaml': '{{ $s := coalesce .Values.socketLB .Values.hostServices }}{{ $s.hostNamespaceOnly }}' },
      { socketLB: { hostNamespaceOnly: true }, hostServices: { hostNamespaceOnly: true } },
      [],
    ],
    [
      'a test does not free a map',
      { 'a.yaml': '{{ if .Values.cgroup }}{{ end }}' },
      { cgroup: { x: 1 } },
      ['cgroup.x'],
    ],
  ])('%s', (_name, templates, values, expected) => {
    expect(unknown(chart(VALUES, templates), values)).toEqual(expected);
  });

  it('knows a subchart under its name and alias, and a library at the root', () => {
    const sub = (name: string, type = 'application') => ({
      [`charts/${name}/Chart.yaml`]: `apiVersion: v2\nname: ${name}\nversion: 1.0.0\ntype: ${type}\n`,
      [`charts/${name}/values.yaml`]: 'port: 80\n',
      [`charts/${name}/templates/a.yaml`]: '{{ .Values.only.here }}',
    });
    const c = chart(
      'image: {}\n',
      {},
      {
        'Chart.yaml':
          'apiVersion: v2\nname: demo\nversion: 1.0.0\ndependencies:\n- name: redis\n  version: 1.0.0\n  alias: cache\n  condition: cache.enabled\n- name: lib\n  version: 1.0.0\n',
        ...sub('redis'),
        ...sub('lib', 'library'),
      },
    );
    expect(
      unknown(c, {
        cache: { enabled: true, port: 1, only: { here: 1 }, prot: 2 },
        lib: { port: 1 },
        port: 1,
        only: { here: 2 },
        redis: { port: 1 },
      }),
    ).toEqual(['cache.prot ~port', 'redis']);
  });

  it('a template that does not parse reads nothing', () => {
    expect(unknown(chart('a: 1\n', { 'a.yaml': '{{ .Values.b ' }), { b: 1 })).toEqual(['b']);
  });
});

describe('closestKey', () => {
  it.each<[string, string[], string | undefined]>([
    ['automount', ['autoMount', 'hostRoot'], 'autoMount'],
    ['replicas', ['replicaCount', 'image'], undefined],
    ['imgae', ['image', 'imagePullSecrets'], 'image'],
    ['x', [], undefined],
    ['b', ['a'], undefined],
    ['B', ['b'], 'b'],
  ])('%s among %j', (key, known, expected) => {
    expect(closestKey(key, known)).toBe(expected);
  });
});
