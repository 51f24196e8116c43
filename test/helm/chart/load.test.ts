import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../../src/core/diagnostic.js';
import { loadChartArchive, loadChartFiles } from '../../../src/helm/chart/load.js';
import { parseHelmignore } from '../../../src/helm/chart/helmignore.js';
import type { ChartFile } from '../../../src/helm/chart/types.js';
import { tgz } from '../tar-writer.js';

const enc = new TextEncoder();
const files = (o: Record<string, string>): ChartFile[] =>
  Object.entries(o).map(([name, t]) => ({ name, data: enc.encode(t) }));

describe('loadChartFiles', () => {
  it('sorts files into metadata, values, templates, files and subcharts (folders and archives)', () => {
    const sub = tgz([
      { name: 'sub/Chart.yaml', data: 'apiVersion: v2\nname: sub\nversion: 1.0.0\n' },
      { name: 'sub/templates/a.yaml', data: 'a' },
    ]);
    const chart = loadChartFiles(
      [
        ...files({
          'Chart.yaml':
            'apiVersion: v2\nname: top\nversion: 0.1.0\ndependencies:\n- name: lib\n  version: 1.x\n  alias: l\n',
          'values.yaml': 'num: 1000000\nflag: yes\n',
          'templates/x.yaml': 'x',
          'crds/c.yaml': 'c',
          'charts/lib/Chart.yaml': 'apiVersion: v2\nname: lib\nversion: 1.2.0\ntype: library\n',
          'charts/lib/templates/_h.tpl': 'h',
          'charts/_skip/Chart.yaml': 'bad',
          'charts/sub-1.0.0.tgz.prov': 'sig',
        }),
        { name: 'charts/sub-1.0.0.tgz', data: sub },
      ],
      'top',
    );
    expect(chart.metadata).toMatchObject({ name: 'top', version: '0.1.0', apiVersion: 'v2' });
    expect(chart.metadata.dependencies?.[0]).toMatchObject({ name: 'lib', alias: 'l', version: '1.x' });
    expect(chart.values).toEqual({ num: 1000000, flag: true });
    expect(chart.templates.map((t) => t.name)).toEqual(['templates/x.yaml']);
    expect(chart.files.map((f) => f.name)).toEqual(['crds/c.yaml', 'charts/sub-1.0.0.tgz.prov']);
    expect(chart.dependencies.map((d) => [d.metadata.name, d.templates.length])).toEqual([
      ['lib', 1],
      ['sub', 1],
    ]);
  });

  it('reads a v1 chart with requirements.yaml', () => {
    const chart = loadChartFiles(
      files({
        'Chart.yaml': 'name: old\nversion: 1.0.0\n',
        'requirements.yaml': 'dependencies:\n- name: dep\n  condition: dep.on\n',
      }),
      'old',
    );
    expect(chart.metadata.apiVersion).toBe('v1');
    expect(chart.metadata.dependencies).toMatchObject([{ name: 'dep', condition: 'dep.on' }]);
    expect(chart.files.map((f) => f.name)).toEqual(['requirements.yaml']);
  });

  const bad: [string, Record<string, string>, RegExp][] = [
    ['no Chart.yaml', { 'values.yaml': '' }, /Chart\.yaml file is missing/],
    ['no name', { 'Chart.yaml': 'version: 1.0.0\n' }, /name is required/],
    ['no version', { 'Chart.yaml': 'name: a\n' }, /version is required/],
    ['a bad version', { 'Chart.yaml': 'name: a\nversion: one\n' }, /version "one" is invalid/],
    [
      'a bad type',
      { 'Chart.yaml': 'name: a\nversion: 1.0.0\ntype: app\n' },
      /type must be application or library/,
    ],
    [
      'values that are a list',
      { 'Chart.yaml': 'name: a\nversion: 1.0.0\n', 'values.yaml': '- 1\n' },
      /must be a YAML map/,
    ],
  ];
  it.each(bad)('refuses %s', (_what, chartFiles, message) => {
    expect(() => loadChartFiles(files(chartFiles), 'a')).toThrow(message);
    expect(() => loadChartFiles(files(chartFiles), 'a')).toThrow(DiagnosticError);
  });

  it('loads an archive through the guarded reader', () => {
    const chart = loadChartArchive(
      tgz([{ name: 'a/Chart.yaml', data: 'name: a\nversion: 1.0.0\n' }]),
      'a.tgz',
    );
    expect(chart.metadata.name).toBe('a');
    expect(() => loadChartArchive(tgz([{ name: '../a/Chart.yaml', data: '' }]), 'e.tgz')).toThrow(
      /parent directory/,
    );
  });
});

describe('parseHelmignore', () => {
  const rules = parseHelmignore('# comment\n*.md\n/secret.txt\ndocs/\nsub/*.bak\n', '.helmignore');
  const cases: [string, boolean, boolean][] = [
    ['README.md', false, true],
    ['x/NOTES.md', false, true],
    ['secret.txt', false, true],
    ['x/secret.txt', false, false],
    ['docs', true, true],
    ['docs', false, false],
    ['sub/a.bak', false, true],
    ['other/sub/a.bak', false, false],
    ['templates/.hidden', false, true],
    ['templates/x.yaml', false, false],
  ];
  it.each(cases)('%s (dir %s) ignored: %s', (path, isDir, ignored) => {
    expect(rules.ignores(path, isDir)).toBe(ignored);
  });
  it('refuses **', () => {
    expect(() => parseHelmignore('a/**/b\n', '.helmignore')).toThrow(/double-star/);
  });
});
