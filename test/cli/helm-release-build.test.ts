/**
 * `build` with rendered charts: each HelmRelease's objects after its Kustomization's, `--hr`,
 * and `--out-dir` files per release.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoRepoFiles, workspace, type Workspace } from './helm-release-setup.js';

vi.mock('../../src/cli/chart-worker.js', () => import('./in-thread-worker.js'));

let ws: Workspace;
let root: string;
beforeAll(async () => {
  ws = await workspace();
  root = ws.repo('demo', demoRepoFiles());
});
afterAll(() => ws.cleanup());

const kinds = (yaml: string) =>
  [...yaml.matchAll(/^kind: (\S+)\n(?:.*\n)*?metadata:\n(?: .*\n)*? {2}name: (\S+)/gm)].map(
    (m) => `${m[1]}/${m[2]}`,
  );

describe('build with --charts', () => {
  it('prints the chart objects after the Kustomization that applies the HelmRelease', async () => {
    const r = await ws.charted(root, ['build', 'dev']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const order = kinds(r.stdout);
    const hrAt = order.indexOf('HelmRelease/web');
    const deployAt = order.indexOf('Deployment/web');
    expect(hrAt).toBeGreaterThanOrEqual(0);
    expect(deployAt).toBeGreaterThan(hrAt);
    expect(order).toContain('CustomResourceDefinition/widgets.example.com');
    expect(r.stdout).toContain('image: nginx:1.25');
    expect(r.stdout).toContain('helm.toolkit.fluxcd.io/name: web');
  });

  it('without --charts prints only what Kustomizations apply', async () => {
    const r = await ws.cli(['build', 'dev', '--root', root]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('Deployment');
  });

  it.each([['web'], ['apps/web']])('--hr %s prints only that release', async (name) => {
    const r = await ws.charted(root, ['build', 'dev', '--hr', name]);
    expect(r.code).toBe(0);
    const order = kinds(r.stdout);
    expect(order).toContain('Deployment/web');
    expect(order).not.toContain('HelmRelease/web');
    expect(order.every((o) => !o.startsWith('Kustomization/'))).toBe(true);
  });

  it('--hr of a release that is not rendered says why', async () => {
    const r = await ws.charted(root, ['build', 'dev', '--hr', 'off']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /apps\/releases\.yaml:\d+: warning: HelmRelease apps\/off is suspended.*\[helm-not-rendered\]/,
    );
  });

  it('--hr of an unknown release and --ks with --hr are usage errors', async () => {
    expect((await ws.charted(root, ['build', 'dev', '--hr', 'nope'])).code).toBe(2);
    expect((await ws.charted(root, ['build', 'dev', '--hr', 'web', '--ks', 'apps'])).code).toBe(2);
  });

  it('--ks includes the releases that Kustomization applies', async () => {
    const r = await ws.charted(root, ['build', 'dev', '--ks', 'apps', '-o', 'json']);
    const objs = JSON.parse(r.stdout) as { kind: string }[];
    expect(objs.map((o) => o.kind)).toEqual(
      expect.arrayContaining(['HelmRelease', 'Deployment', 'ConfigMap']),
    );
  });

  it('--out-dir writes one file per rendered release beside the Kustomizations', async () => {
    const out = join(ws.work, 'out');
    const r = await ws.charted(root, ['build', 'dev', '--out-dir', out]);
    expect(r.code).toBe(0);
    expect(readdirSync(join(out, 'dev', 'apps')).sort()).toEqual(['web.helmrelease.yaml']);
    expect(readdirSync(join(out, 'dev', 'flux-system')).sort()).toEqual(['apps.yaml', 'flux-system.yaml']);
    const text = readFileSync(join(out, 'dev', 'apps', 'web.helmrelease.yaml'), 'utf8');
    expect(kinds(text)).toContain('Deployment/web');
  });

  it('the output limit names the HelmRelease it stopped in', async () => {
    const r = await ws.charted(root, ['build', 'dev', '--hr', 'web', '--max-output-size', '300']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/in HelmRelease apps\/web; .*\[limit-exceeded\]/);
  });
});

describe('get hr with --charts', () => {
  it('shows each release state, the rendered version and its object count', async () => {
    const r = await ws.charted(root, ['get', 'hr']);
    expect(r.code).toBe(0);
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => l.trim().split(/\s*\t\s*|\s{2,}/));
    expect(rows[0]).toEqual([
      'CLUSTER',
      'NAME',
      'CHART',
      'VERSION',
      'SOURCE',
      'STATE',
      'OBJECTS',
      'KUSTOMIZATION',
      'MESSAGE',
    ]);
    const web = rows.find((row) => row[1] === 'apps/web');
    expect(web).toEqual([
      'dev',
      'apps/web',
      'demo',
      '1.0.0',
      'HelmRepository/flux-system/charts',
      'rendered',
      '4',
      'flux-system/apps',
    ]);
    expect(rows.find((row) => row[1] === 'apps/off')?.[5]).toBe('suspended');
  });
});

describe('tree with --charts', () => {
  it('nests each release’s chart objects under it, and marks a release not rendered', async () => {
    const r = await ws.charted(root, ['tree', 'dev']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      [
        '│   ├── HelmRelease/apps/web',
        '│   │   ├── CustomResourceDefinition/widgets.example.com',
        '│   │   ├── ConfigMap/web-cm',
        '│   │   ├── Deployment/web',
        '│   │   └── Job/web-migrate',
        '│   └── HelmRelease/apps/off (suspended)',
      ].join('\n'),
    );
  });

  it('without --charts releases are listed without objects or marks', async () => {
    const r = await ws.cli(['tree', 'dev', '--root', root]);
    expect(r.stdout).toContain('│   ├── HelmRelease/apps/web\n│   └── HelmRelease/apps/off\n');
  });
});

describe('get images', () => {
  it('lists chart images with the HelmRelease they come from', async () => {
    const r = await ws.charted(root, ['get', 'images', 'dev']);
    expect(r.code).toBe(0);
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => l.trim().split(/\s*\t\s*|\s{2,}/));
    expect(rows[0]).toEqual(['CLUSTER', 'IMAGE', 'OBJECT', 'CONTAINER', 'FROM', 'FILE']);
    expect(rows.slice(1)).toEqual([
      [
        'dev',
        'nginx:1.25',
        'Deployment/web',
        'app',
        'HelmRelease apps/web',
        expect.stringMatching(/^apps\/releases\.yaml:\d+$/),
      ],
    ]);
  });

  it('an unknown cluster is a usage error', async () => {
    expect((await ws.charted(root, ['get', 'images', 'nope'])).code).toBe(2);
  });
});
