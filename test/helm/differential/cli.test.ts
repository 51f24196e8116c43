/**
 * Differential test of the command line: `k8s-ops helm template …` (the built CLI, `npm run
 * build` first) against the real `helm template …` with the same arguments, on real charts as
 * archives and as unpacked folders, with values files, the `--set` family, `--include-crds`,
 * `--show-only`, `-a` and `--kube-version`, and on failures (`required`, `fail`, a bad
 * `--show-only`, a kubeVersion constraint, helm's include depth limit). Output must be the same
 * bytes; a failure must exit 1 like helm's, with helm's reason in our diagnostic.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readChartArchive } from '../../../src/helm/chart/archive.js';
import { CLI, requireBuiltCli } from '../../hostile/harness.js';
import { helmAvailable, helmUnavailableReason, runHelm } from '../../helpers/helm-oracle.js';
import { SHARED_DIR, sharedAvailable } from '../../helpers/shared.js';

const CHARTS = join(SHARED_DIR, 'helm/charts');
const VALUES = join(SHARED_DIR, 'helm/values');
const ready = sharedAvailable() && helmAvailable();

const LOCAL_CHARTS: Record<string, string> = {
  'checks/Chart.yaml': 'apiVersion: v2\nname: checks\nversion: 1.0.0\nkubeVersion: ">=1.30.0-0"\n',
  'checks/values.yaml': 'image: {repository: nginx}\nstop: false\n',
  'checks/templates/deploy.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: {{ .Release.Name }}',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - image: {{ .Values.image.repository }}:{{ required "image.tag is required" .Values.image.tag }}',
    '',
  ].join('\n'),
  'checks/templates/stop.yaml':
    '{{- if .Values.stop }}\n{{- fail (printf "stopped: %v" .Values.stop) }}\n{{- end }}\n',
  'checks/templates/caps.yaml': [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: caps',
    'data:',
    '  kube: {{ .Capabilities.KubeVersion.Version }} {{ .Capabilities.KubeVersion.Major }} {{ .Capabilities.KubeVersion.Minor }}',
    '  monitoring: {{ .Capabilities.APIVersions.Has "monitoring.coreos.com/v1" | quote }}',
    '  widget: {{ .Capabilities.APIVersions.Has "example.com/v1/Widget" | quote }}',
    '  x: {{ .Capabilities.APIVersions.Has "x.io/v2" | quote }}',
    '',
  ].join('\n'),
  'deep/Chart.yaml': 'apiVersion: v2\nname: deep\nversion: 1.0.0\n',
  'deep/templates/_r.tpl': '{{- define "r" }}{{ include "r" . }}{{- end }}\n',
  'deep/templates/cm.yaml': 'x: {{ include "r" . }}\n',
  'tag.yaml': 'image:\n  tag: "1.2"\n',
  'multi.yaml': 'replicaCount: 2\n---\nimage:\n  tag: 6.0.0\n',
  'note.txt': 'a note\nover two lines\n',
};

interface Case {
  name: string;
  args: string[];
}

const podinfo = join(CHARTS, 'podinfo-6.14.1.tgz');
const nginx = join(CHARTS, 'ingress-nginx-4.15.1.tgz');
const nginxValues = join(
  VALUES,
  'ingress-nginx/angelnu__k8s-gitops__apps_ingress-nginx_app_helmrelease.yaml__ingress-nginx.yaml',
);
const metricsValues = join(
  VALUES,
  'metrics-server/onedr0p__home-ops__kubernetes_apps_kube-system_metrics-server_app_helmrelease.yaml__metrics-server.yaml',
);

// `podinfo-dir` is podinfo unpacked into the working folder.
const CASES: Case[] = [
  { name: 'archive, default values', args: ['rel', podinfo, '-n', 'apps'] },
  { name: 'folder, default values, one argument', args: ['podinfo-dir'] },
  {
    name: 'folder, values files (two documents) and the --set family',
    args: [
      'rel',
      'podinfo-dir',
      '-f',
      'multi.yaml',
      '--set',
      'ui.message=hi,ui.color=#000',
      '--set-string',
      'replicaCount=3',
      '--set-json',
      'podAnnotations={"a":"b"}',
      '--set-literal',
      'ui.logo=a,b',
      '--set-file',
      'podLabels.note=note.txt',
    ],
  },
  {
    name: 'capabilities: --kube-version and -a',
    args: [
      'rel',
      podinfo,
      '--kube-version',
      '1.31.2',
      '-a',
      'monitoring.coreos.com/v1,policy/v1beta1',
      '--set',
      'serviceMonitor.enabled=true',
    ],
  },
  {
    name: '--show-only with a glob, twice',
    args: ['rel', podinfo, '-s', 'templates/service.yaml', '-s', 'templates/d*.yaml'],
  },
  { name: 'a real values file', args: ['ingress', nginx, '-f', nginxValues, '-n', 'network'] },
  {
    name: 'a real values file, --include-crds on a chart with none',
    args: ['metrics', join(CHARTS, 'metrics-server-3.13.1.tgz'), '-f', metricsValues, '--include-crds'],
  },
  {
    name: '--include-crds',
    args: ['velero', join(CHARTS, 'velero-12.1.0.tgz'), '--include-crds', '-n', 'backup'],
  },
  {
    name: '--include-crds with --show-only on a CRD',
    args: ['velero', join(CHARTS, 'velero-12.1.0.tgz'), '--include-crds', '-s', 'crds/*'],
  },
  {
    name: 'subchart templates by --show-only',
    args: ['pg', join(CHARTS, 'cloudnative-pg-0.29.0.tgz'), '-s', 'charts/*/templates/*'],
  },
  { name: 'local chart with its values', args: ['rel', 'checks', '-f', 'tag.yaml'] },
  {
    name: 'local chart: -a (comma-separated and repeated) and --kube-version',
    args: [
      'rel',
      'checks',
      '-f',
      'tag.yaml',
      '-a',
      'monitoring.coreos.com/v1,example.com/v1/Widget',
      '--api-versions',
      'x.io/v2',
      '--kube-version',
      '1.31.2',
      '-s',
      'templates/caps.yaml',
    ],
  },
  // Failures.
  { name: 'required', args: ['rel', 'checks'] },
  { name: 'fail', args: ['rel', 'checks', '-f', 'tag.yaml', '--set', 'stop=now'] },
  { name: 'fail in a real chart', args: ['rel', join(CHARTS, 'gha-runner-scale-set-0.14.2.tgz')] },
  { name: 'a --show-only that matches nothing', args: ['rel', podinfo, '-s', 'templates/nope.yaml'] },
  { name: 'a kubeVersion constraint', args: ['rel', podinfo, '--kube-version', '1.22.0'] },
  {
    name: 'a kubeVersion constraint of a folder',
    args: ['rel', 'checks', '-f', 'tag.yaml', '--kube-version', 'v1.29.9'],
  },
  { name: 'include nested past helm’s limit', args: ['rel', 'deep'] },
  { name: 'a --set that does not parse', args: ['rel', podinfo, '--set', 'replicaCount'] },
];

function write(root: string, files: ReadonlyMap<string, Uint8Array> | Record<string, string>): void {
  const entries = files instanceof Map ? [...files] : Object.entries(files);
  for (const [path, data] of entries) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), data);
  }
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function ours(args: readonly string[], cwd: string): Run {
  const r = spawnSync(process.execPath, [CLI, 'helm', 'template', ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * `actual` with the lines helm itself varies from run to run (random names, generated
 * certificates) taken from `expected`: such a line must still be there, but may differ.
 */
function maskVolatile(actual: string, expected: string, again: string): string {
  const [a, e, g] = [actual, expected, again].map((t) => t.split('\n'));
  if (a!.length !== e!.length || e!.length !== g!.length) return actual;
  return a!.map((line, i) => (e![i] !== g![i] ? e![i] : line)).join('\n');
}

/** helm's reason: the first line of its error, without `Error: `. */
function reason(stderr: string): string {
  const line = stderr.split('\n').find((l) => l.startsWith('Error: ')) ?? stderr;
  return line.replace(/^Error: /, '');
}

describe.skipIf(!ready)(
  `k8s-ops helm template against helm template ${ready ? '' : helmUnavailableReason()}`,
  () => {
    const work = mkdtempSync(join(tmpdir(), 'k8s-ops-helm-cli-'));
    afterAll(() => rmSync(work, { recursive: true, force: true }));
    if (ready) {
      requireBuiltCli();
      write(work, LOCAL_CHARTS);
      write(join(work, 'podinfo-dir'), readChartArchive(readFileSync(podinfo), 'podinfo-6.14.1.tgz').files);
    }

    it.each(CASES)('$name', ({ args }) => {
      const expected = runHelm(['template', ...args], { cwd: work });
      const actual = ours(args, work);
      expect(actual.code, actual.stderr).toBe(expected.status);
      if (expected.ok) {
        let stdout = actual.stdout;
        if (stdout !== expected.stdout) {
          const again = runHelm(['template', ...args], { cwd: work }).stdout;
          stdout = maskVolatile(stdout, expected.stdout, again);
        }
        expect(stdout).toBe(expected.stdout);
        expect(actual.stderr).toBe('');
      } else {
        expect(actual.stdout).toBe('');
        expect(actual.stderr).toContain(reason(expected.stderr));
        expect(actual.stderr).toMatch(/error: .*\[[a-z-]+\]/);
      }
    });

    it('names the place of a template failure as file:line:col', () => {
      const actual = ours(['rel', 'checks'], work);
      expect(actual.stderr).toMatch(/^checks\/templates\/deploy\.yaml:9:\d+: error: execution error at/);
    });
  },
);
