/**
 * `helm template` flags → request → output, in-process on tiny charts. The chart worker is
 * replaced by the same renderer run in this thread, behind a structured clone so that requests
 * and responses must still be plain data. (The real worker runs in the CLI's differential test.)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ChartRenderRequest } from '../../src/cli/chart-render.js';
import { csvFields } from '../../src/cli/helm-command.js';
import type { Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';

vi.mock('../../src/cli/chart-worker.js', async () => {
  const { createChartRenderer } = await import('../../src/cli/chart-render.js');
  const renderer = createChartRenderer();
  return {
    startChartWorker: () => ({
      render: (request: ChartRenderRequest) =>
        Promise.resolve(structuredClone(renderer.render(structuredClone(request)))),
      close: () => Promise.resolve(),
    }),
  };
});

const CHART: Record<string, string> = {
  'Chart.yaml': 'apiVersion: v2\nname: demo\nversion: 0.1.0\n',
  'values.yaml': 'replicas: 1\nimage: {repo: nginx, tag: "1.0"}\nfailNow: false\n',
  'templates/cm.yaml': [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: {{ .Release.Name }}',
    '  namespace: {{ .Release.Namespace }}',
    'data:',
    '  values: {{ toJson .Values | quote }}',
    '  kube: {{ .Capabilities.KubeVersion.Version }}',
    '  hasFoo: {{ .Capabilities.APIVersions.Has "foo.example.com/v1" | quote }}',
    '  hasBar: {{ .Capabilities.APIVersions.Has "bar.example.com/v1" | quote }}',
    '',
  ].join('\n'),
  'templates/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n',
  'templates/fail.yaml': '{{- if .Values.failNow }}\n{{- fail "stop here" }}\n{{- end }}\n',
  'crds/foo.yaml':
    'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: foos.example.com\n',
};

const FILES: Record<string, string> = {
  'one.yaml': 'replicas: 2\nimage: {tag: "2.0"}\n',
  'two.yaml': 'image: {repo: busybox}\n---\nextra: yes\n',
  'list.yaml': '- a\n',
};

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'helm-command-'));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  for (const [path, text] of Object.entries(CHART)) write(`demo/${path}`, text);
  for (const [path, text] of Object.entries(FILES)) write(path, text);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function template(args: string[], stdin?: string): Promise<Result> {
  const result = { stdout: '', stderr: '' };
  const io: Io = {
    cwd: root,
    stdout: (t) => (result.stdout += t),
    stderr: (t) => (result.stderr += t),
    ...(stdin !== undefined ? { readStdin: () => Promise.resolve(stdin) } : {}),
  };
  const code = await run(['helm', 'template', ...args], io);
  return { code, ...result };
}

/** The ConfigMap's data of a successful render. */
async function data(args: string[], stdin?: string): Promise<Record<string, string>> {
  const r = await template([...args, '-s', 'templates/cm.yaml', '-o', 'json'], stdin);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const [cm] = JSON.parse(r.stdout) as { data: Record<string, string>; metadata: Record<string, string> }[];
  return { ...cm!.data, name: cm!.metadata.name!, namespace: cm!.metadata.namespace! };
}

const values = async (args: string[], stdin?: string): Promise<unknown> =>
  JSON.parse((await data(args, stdin)).values!);

describe('helm template arguments', () => {
  it.each([
    [['demo'], 'release-name', 'default'],
    [['web', 'demo'], 'web', 'default'],
    [['web', 'demo', '-n', 'apps'], 'web', 'apps'],
    [['web', 'demo', '--namespace', ''], 'web', 'default'],
  ])('%j names release %s in namespace %s', async (args, name, namespace) => {
    const d = await data(args);
    expect([d.name, d.namespace]).toEqual([name, namespace]);
  });

  it.each([
    [['Bad_Name', 'demo'], /release name "Bad_Name": invalid release name/],
    [[`${'a'.repeat(54)}`, 'demo'], /the length must not be longer than 53/],
    [['web', 'demo', 'extra'], /too many arguments/],
    [[], /missing required argument/],
    [['web', 'demo', '-o', 'xml'], /argument 'xml' is invalid/],
    [
      ['web', 'demo', '--kube-version', 'abc'],
      /invalid kube version 'abc': could not parse "abc" as version/,
    ],
    [['web', 'demo', '--kube-version', '1'], /invalid kube version '1': illegal version string "1"/],
  ])('%j is a usage error', async (args, message) => {
    const r = await template(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});

describe('helm template values', () => {
  it('merges values files in order, maps deeply, every document of a file', async () => {
    expect(await values(['r', 'demo', '-f', 'one.yaml', '-f', 'two.yaml'])).toEqual({
      replicas: 2,
      image: { repo: 'busybox', tag: '2.0' },
      failNow: false,
      extra: true,
    });
  });

  it('takes comma-separated values files, as helm does', async () => {
    expect(await values(['r', 'demo', '-f', 'two.yaml,one.yaml'])).toMatchObject({
      image: { repo: 'busybox', tag: '2.0' },
    });
  });

  it('reads - from the standard input', async () => {
    expect(await values(['r', 'demo', '-f', 'one.yaml', '-f', '-'], 'replicas: 7\n')).toMatchObject({
      replicas: 7,
      image: { tag: '2.0' },
    });
  });

  it.each([
    [['--set', 'replicas=3', '--set-json', 'replicas=4'], { replicas: 3 }],
    [
      ['--set-json', '{"replicas": 4, "image": {"tag": "x"}}'],
      { replicas: 4, image: { repo: 'nginx', tag: 'x' } },
    ],
    [['--set-string', 'replicas=5', '--set', 'replicas=6'], { replicas: '5' }],
    [
      ['--set-literal', 'image.tag=a,b', '--set-string', 'image.tag=c'],
      { image: { repo: 'nginx', tag: 'a,b' } },
    ],
    [['--set-file', 'note=one.yaml'], { note: 'replicas: 2\nimage: {tag: "2.0"}\n' }],
    [['-f', 'one.yaml', '--set', 'image.repo=x'], { replicas: 2, image: { repo: 'x', tag: '2.0' } }],
  ])('applies %j in helm order', async (flags, expected) => {
    expect(await values(['r', 'demo', ...flags])).toMatchObject(expected);
  });

  it('reads --set-file - from the standard input', async () => {
    expect(await values(['r', 'demo', '--set-file', 'note=-'], 'hello')).toMatchObject({ note: 'hello' });
  });

  it.each([
    [['--set', 'replicas'], /failed parsing --set data: key "replicas" has no value/],
    [
      ['--set-file', 'note=nope.txt'],
      /failed parsing --set-file data: open nope\.txt: no such file or directory/,
    ],
    [['--set-json', '{"a":'], /failed parsing --set-json data JSON: \{"a":/],
    [
      ['-f', 'missing.yaml'],
      /^missing\.yaml: error: cannot read the file 'missing\.yaml': it does not exist/,
    ],
    [['-f', 'list.yaml'], /^list\.yaml: error: a values file must hold a YAML map/],
  ])('%j fails with the file named', async (flags, message) => {
    const r = await template(['r', 'demo', ...flags]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});

describe('helm template capabilities', () => {
  it('passes --kube-version as helm does (no normalisation)', async () => {
    expect((await data(['r', 'demo'])).kube).toBe('v1.35.0');
    expect((await data(['r', 'demo', '--kube-version', '1.31'])).kube).toBe('v1.31');
  });

  it.each([
    [['-a', 'foo.example.com/v1'], 'true', 'false'],
    [['-a', 'foo.example.com/v1,bar.example.com/v1'], 'true', 'true'],
    [['-a', 'foo.example.com/v1', '--api-versions', 'bar.example.com/v1'], 'true', 'true'],
    [[], 'false', 'false'],
  ])('%j adds API versions', async (flags, foo, bar) => {
    const d = await data(['r', 'demo', ...flags]);
    expect([d.hasFoo, d.hasBar]).toEqual([foo, bar]);
  });
});

describe('helm template output', () => {
  it('prints CRDs first with --include-crds, not without', async () => {
    const plain = await template(['r', 'demo']);
    expect(plain.stdout).not.toContain('CustomResourceDefinition');
    const crds = await template(['r', 'demo', '--include-crds', '--skip-crds']);
    expect(crds.stdout.startsWith('---\n# Source: demo/crds/foo.yaml\n')).toBe(true);
  });

  it('keeps the documents --show-only selects, pattern by pattern', async () => {
    const r = await template(['r', 'demo', '-s', 'templates/svc.yaml', '-s', 'templates/*.yaml']);
    expect(r.code).toBe(0);
    const sources = [...r.stdout.matchAll(/^# Source: (.*)$/gm)].map((m) => m[1]);
    // Each pattern's matches in output order (ConfigMaps before Services).
    expect(sources).toEqual(['demo/templates/svc.yaml', 'demo/templates/cm.yaml', 'demo/templates/svc.yaml']);
  });

  it.each(['templates/nope.yaml', 'templates', 'templates/['])(
    'fails for --show-only %s as helm does',
    async (pattern) => {
      const r = await template(['r', 'demo', '-s', pattern]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`could not find template ${pattern} in chart`);
    },
  );

  it('prints -o json as an array of the objects in output order', async () => {
    const r = await template(['r', 'demo', '-o', 'json']);
    const kinds = (JSON.parse(r.stdout) as { kind: string }[]).map((o) => o.kind);
    expect(kinds).toEqual(['ConfigMap', 'Service']);
  });
});

describe('helm template failures', () => {
  it("reports a template's fail with its file, line and column", async () => {
    const r = await template(['r', 'demo', '-f', '-'], 'failNow: true\n');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^demo\/templates\/fail\.yaml:2:4: error: execution error at \(demo\/templates\/fail\.yaml:2:4\): stop here/,
    );
  });

  it.each([
    ['repo/chart', /'repo\/chart' is a chart repository reference: chart retrieval is not supported/],
    ['oci://ghcr.io/org/chart', /chart retrieval is not supported by this command yet/],
    ['https://example.com/chart-1.0.0.tgz', /chart retrieval is not supported by this command yet/],
    ['./nothere', /path "\.\/nothere" not found/],
    ['one.yaml', /one\.yaml/],
  ])('CHART %s is a diagnostic', async (chart, message) => {
    const r = await template(['r', chart]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/hint: /);
  });
});

describe('csvFields', () => {
  it.each([
    ['', []],
    ['a', ['a']],
    ['a,b', ['a', 'b']],
    ['a,,b', ['a', '', 'b']],
    ['"a,b",c', ['a,b', 'c']],
    ['"say ""hi"""', ['say "hi"']],
  ])('%j → %j', (value, fields) => {
    expect(csvFields(value)).toEqual(fields);
  });
});
