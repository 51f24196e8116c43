/**
 * A hostile `k8s-ops.yaml`: the repository's own configuration names a schema URL to fetch
 * and schema paths and caches outside the repository. Without --trust-config (or
 * K8S_OPS_TRUST_CONFIG=1) none of it is used — no request is made, nothing is written outside
 * the repository — and each ignored setting is a warning at its line naming the flag.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { configuredSchemaFlags } from '../../src/cli/schema-sources.js';
import type { SchemaSettings } from '../../src/checks/config.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { configTrusted, UNTRUSTED_RULE } from '../../src/render/config-trust.js';
import { openWorktree } from '../../src/tree/worktree.js';

let server: Server;
let base = '';
let requests = 0;
let scratch: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'k8s-ops-trust-'));
  server = createServer((_req, res) => {
    requests++;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ type: 'object', properties: { spec: { type: 'object' } } }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await new Promise<void>((r) => server.close(() => r()));
});

/** A repository under the scratch directory, with `outside` beside it. */
function repository(name: string, config: string): { root: string; outside: string } {
  const root = join(scratch, name, 'repo');
  const outside = join(scratch, name, 'outside');
  mkdirSync(join(root, 'cluster'), { recursive: true });
  mkdirSync(outside, { recursive: true });
  const files: Record<string, string> = {
    'k8s-ops.yaml': `detect: false\nclusters:\n  - name: c\n    path: cluster\n${config}`,
    'cluster/kustomization.yaml': 'resources: [widget.yaml]\n',
    'cluster/widget.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec: {}\n',
  };
  for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text);
  return { root, outside };
}

describe('configTrusted', () => {
  it.each<[boolean | undefined, string | undefined, boolean]>([
    [undefined, undefined, false],
    [true, undefined, true],
    [undefined, '1', true],
    [undefined, 'true', true],
    [undefined, '0', false],
    [undefined, '', false],
  ])('flag %s, K8S_OPS_TRUST_CONFIG=%s → %s', (flag, value, want) => {
    expect(configTrusted(flag, value === undefined ? {} : { K8S_OPS_TRUST_CONFIG: value })).toBe(want);
  });
});

describe('schema settings of an untrusted k8s-ops.yaml', () => {
  let root: string;
  let outside: string;
  beforeAll(() => {
    ({ root, outside } = repository('unit', 'checks:\n  schemas:\n    cache: .cache\n'));
    mkdirSync(join(root, 'schemas'));
    symlinkSync(outside, join(root, 'escape'));
    mkdirSync(join(root, 'linked-cache'));
    symlinkSync(outside, join(root, 'linked-cache', 'prepared'));
  });

  const cases: [string, SchemaSettings, string | undefined][] = [
    [
      'a URL to fetch',
      { location: 'https://example.com/{{.Group}}/{{.ResourceKind}}.json' },
      'network address',
    ],
    ['any scheme', { location: 'ftp://example.com/crds' }, 'network address'],
    ['a directory above the repository', { dir: '../outside' }, 'outside the repository'],
    ['an absolute path elsewhere', { location: '/etc' }, 'outside the repository'],
    ['a symbolic link that leaves', { dir: 'escape/crds' }, 'outside the repository'],
    ['a cache outside', { cache: '../outside/cache' }, 'outside the repository'],
    ['a cache inside .git', { cache: '.git/k8s-ops' }, 'inside .git'],
    ['a cache holding a link out', { cache: 'linked-cache' }, 'symbolic links'],
    ['a directory inside', { dir: 'schemas' }, undefined],
    ['a location inside that does not exist yet', { location: 'crds/{{.Group}}' }, undefined],
    ['a cache inside', { cache: '.cache/schemas' }, undefined],
  ];

  it.each(cases)('%s', (_name, settings, why) => {
    const diagnostics: Diagnostic[] = [];
    const tree = openWorktree(root);
    const out = configuredSchemaFlags(settings, root, tree, false, diagnostics);
    if (why === undefined) {
      expect(diagnostics).toEqual([]);
      expect(Object.values(out)).toHaveLength(1);
      expect(Object.values(out)[0]?.startsWith(root)).toBe(true);
    } else {
      expect(out).toEqual({});
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toMatchObject({
        severity: 'warning',
        rule: UNTRUSTED_RULE,
        file: 'k8s-ops.yaml',
      });
      expect(diagnostics[0]?.message).toContain(why);
      expect(diagnostics[0]?.hint).toContain('--trust-config');
      expect(diagnostics[0]?.hint).toContain('K8S_OPS_TRUST_CONFIG=1');
    }
    // Trusted, every setting applies as written.
    const trusted = configuredSchemaFlags(settings, root, tree, true, []);
    expect(Object.keys(trusted)).toHaveLength(1);
  });
});

describe('check with a hostile k8s-ops.yaml', () => {
  const config = (location: string) =>
    ['checks:', '  schemas:', `    location: ${location}`, '    cache: ../outside/cache', ''].join('\n');

  async function check(root: string, args: string[], env: NodeJS.ProcessEnv = {}) {
    let out = '';
    let err = '';
    const io = { cwd: root, stdout: (t: string) => void (out += t), stderr: (t: string) => void (err += t) };
    // The default cache goes to the scratch directory, never the home of whoever runs the tests.
    const home = { XDG_CACHE_HOME: join(scratch, 'xdg'), ...env };
    const code = await run(['check', '--root', root, '--format', 'json', ...args], io, home);
    return { code, out, err };
  }

  it('fetches nothing and writes nothing outside the repository, and says why at each line', async () => {
    const { root, outside } = repository('hostile', config(`${base}/{{.Group}}/{{.ResourceKind}}.json`));
    const before = requests;
    const r = await check(root, []);
    expect(requests).toBe(before);
    expect(readdirSync(outside)).toEqual([]);
    const report = JSON.parse(r.out) as { diagnostics: Diagnostic[] };
    const untrusted = report.diagnostics.filter((d) => d.rule === UNTRUSTED_RULE);
    expect(untrusted.map((d) => [d.file, d.line])).toEqual([
      ['k8s-ops.yaml', 7],
      ['k8s-ops.yaml', 8],
    ]);
    expect(untrusted.every((d) => d.hint?.includes('--trust-config'))).toBe(true);
  });

  it.each<[string, string[], NodeJS.ProcessEnv]>([
    ['--trust-config', ['--trust-config'], {}],
    ['K8S_OPS_TRUST_CONFIG=1', [], { K8S_OPS_TRUST_CONFIG: '1' }],
  ])('with %s the user trusts it: the location is fetched into that cache', async (name, args, env) => {
    const { root, outside } = repository(
      `trusted-${name.length}`,
      config(`${base}/{{.Group}}/{{.ResourceKind}}.json`),
    );
    const before = requests;
    const r = await check(root, args, env);
    expect(requests).toBeGreaterThan(before);
    expect(existsSync(join(outside, 'cache'))).toBe(true);
    const report = JSON.parse(r.out) as { diagnostics: Diagnostic[] };
    expect(report.diagnostics.filter((d) => d.rule === UNTRUSTED_RULE)).toEqual([]);
  });

  it('settings given on the command line are the user own: no warning, no trust needed', async () => {
    const { root, outside } = repository('flags', config(`${base}/{{.Group}}/{{.ResourceKind}}.json`));
    const location = `${base}/{{.Group}}/{{.ResourceKind}}.json`;
    const cache = join(outside, 'user-cache');
    const before = requests;
    const r = await check(root, ['--schema-location', location, '--schema-cache', cache]);
    expect(requests).toBeGreaterThan(before);
    expect(existsSync(cache)).toBe(true);
    const report = JSON.parse(r.out) as { diagnostics: Diagnostic[] };
    expect(report.diagnostics.filter((d) => d.rule === UNTRUSTED_RULE)).toEqual([]);
  });
});
