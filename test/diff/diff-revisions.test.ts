/**
 * End to end: a real git repository with two clusters, rendered at two revisions (read from
 * git objects, no checkout) and diffed. Each commit of the fixture changes one thing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffRevisions, type RepositoryDiff } from '../../src/diff/index.js';
import { formatDiffText } from '../../src/report/diff-text.js';
import { diffRepo, git, type DiffRepo } from './git-repo.js';

let repo: DiffRepo;
beforeAll(() => {
  repo = diffRepo();
});
afterAll(() => repo.cleanup());

/** Per cluster: `ks: ► object action` lines, state lines and HelmRelease summaries. */
function outline(d: RepositoryDiff): Record<string, string[]> {
  return Object.fromEntries(
    d.clusters.map((c) => [
      c.name,
      c.kustomizations.flatMap((k) => [
        ...(k.stateChange ? [`${k.ref}: ${k.stateChange}: ${k.after?.reason}`] : []),
        ...k.helmReleases.flatMap((h) =>
          h.values.map((v) => `${k.ref}: ${h.ref} ${v.path} ${v.before} → ${v.after}`),
        ),
        ...k.objects.map((o) => `${k.ref}: ${o.display} ${o.action}`),
      ]),
    ]),
  );
}

describe('diffRevisions', () => {
  it.each<[string, string, string, Record<string, string[]>]>([
    [
      'a shared base changes both clusters',
      'start',
      'shared',
      {
        apps: ['flux-system/apps: ConfigMap/web/app drifted'],
        infra: ['flux-system/apps: ConfigMap/web/app drifted'],
      },
    ],
    [
      "one cluster's variables change only that cluster",
      'shared',
      'vars',
      {
        apps: [],
        infra: [
          'flux-system/apps: web/podinfo values.replicas 1 → 3',
          'flux-system/apps: HelmRelease/web/podinfo drifted',
          'flux-system/vars: ConfigMap/flux-system/cluster-vars drifted',
        ],
      },
    ],
    [
      'a broken Kustomization is newly failing; its objects stay',
      'vars',
      'broken',
      {
        apps: [
          'flux-system/apps: newly-failing: kustomization path not found: missing',
          'flux-system/flux-system: Kustomization/flux-system/apps drifted',
        ],
        infra: [],
      },
    ],
    [
      'a Secret change',
      'broken',
      'secret',
      { apps: [], infra: ['flux-system/apps: Secret/web/creds drifted'] },
    ],
  ])('%s', async (_name, base, head, expected) => {
    const d = await diffRevisions(repo.root, { base, head, strict: true });
    expect(outline(d)).toEqual(expected);
    expect(d.changed).toBe(true);
  });

  it('the exact text of a shared-base change, per cluster', async () => {
    const d = await diffRevisions(repo.root, { base: 'start', head: 'shared', strict: true });
    const hunk = (cluster: string) =>
      [
        '@@ -1,6 +1,7 @@',
        ' apiVersion: v1',
        ' data:',
        `   cluster: ${cluster}`,
        '+  color: blue',
        ' kind: ConfigMap',
        ' metadata:',
        '   labels:',
        '',
      ].join('\n');
    expect(d.clusters.map((c) => [c.name, c.kustomizations[0]?.objects[0]?.diff])).toEqual([
      ['apps', `--- a/ConfigMap/web/app\n+++ b/ConfigMap/web/app\n${hunk('apps')}`],
      ['infra', `--- a/ConfigMap/web/app\n+++ b/ConfigMap/web/app\n${hunk('infra')}`],
    ]);
  });

  it('masks the Secret: the key set shows, the values never', async () => {
    const d = await diffRevisions(repo.root, {
      base: 'broken',
      head: 'secret',
      strict: true,
      clusters: ['infra'],
    });
    const text = formatDiffText(d);
    expect(text).toContain(
      [
        '► Secret/web/creds drifted',
        '--- a/Secret/web/creds',
        '+++ b/Secret/web/creds',
        '@@ -7,5 +7,5 @@',
        '   name: creds',
        '   namespace: web',
        ' stringData:',
        "-  token: '*** (before)'",
        "+  token: '*** (after)'",
        "   user: '***'",
      ].join('\n'),
    );
    expect(text).not.toMatch(/first|second|admin/);
    expect(d.clusters.map((c) => c.name)).toEqual(['infra']);
  });

  it('no change between equal revisions', async () => {
    const d = await diffRevisions(repo.root, { base: 'secret', head: 'secret', strict: true });
    expect(d.changed).toBe(false);
    expect(d.clusters.map((c) => c.action)).toEqual(['unchanged', 'unchanged']);
  });

  it('defaults: the merge-base with the default branch against the working tree', async () => {
    repo.write({
      'vars/apps/cluster-vars.yaml': git(repo.root, 'show', 'HEAD:vars/infra/cluster-vars.yaml').replace(
        'infra',
        'apps',
      ),
    });
    try {
      const d = await diffRevisions(repo.root, { strict: true, ks: ['vars'] });
      expect(d.base).toMatch(/^merge-base of HEAD and main \([0-9a-f]{7}\)$/);
      expect(d.base).toContain(git(repo.root, 'rev-parse', '--short=7', 'start').trim());
      expect(d.head).toBe('working tree');
      expect(outline(d)).toEqual({
        apps: ['flux-system/vars: ConfigMap/flux-system/cluster-vars drifted'],
        infra: ['flux-system/vars: ConfigMap/flux-system/cluster-vars drifted'],
      });
    } finally {
      git(repo.root, 'checkout', '-q', '--', '.');
    }
  });

  it.each([
    [{ clusters: ['nope'] }, "unknown cluster 'nope' (clusters: apps, infra)"],
    [{ ks: ['nope'] }, "no Kustomization named 'nope'"],
    [{ base: 'no-such-rev' }, 'no-such-rev'],
  ])('bad input %j', async (opts, message) => {
    await expect(
      diffRevisions(repo.root, { strict: true, head: 'secret', base: 'start', ...opts }),
    ).rejects.toThrow(message);
  });
});
