import { describe, expect, it } from 'vitest';
import { diffClusters } from '../../src/diff/index.js';
import type { KustomizationDiff, ObjectDiff } from '../../src/diff/index.js';
import { cluster, cm, hr, hrObj, ks, secret } from './models.js';

const short = (o: ObjectDiff) => `${o.display} ${o.action}${o.from ? ` from ${o.from}` : ''}`;
const summary = (k: KustomizationDiff) => ({
  ref: k.ref,
  action: k.action,
  state: k.stateChange,
  objects: k.objects.map(short),
});

describe('diffClusters', () => {
  it.each([
    [
      'nothing changes',
      [cluster('a', [ks('apps', [cm('x', { a: '1' })])])],
      [cluster('a', [ks('apps', [cm('x', { a: '1' })])])],
      [],
    ],
    [
      'created, deleted, drifted',
      [cluster('a', [ks('apps', [cm('x', { a: '1' }), cm('gone', {})])])],
      [cluster('a', [ks('apps', [cm('x', { a: '2' }), cm('new', {})])])],
      [
        {
          ref: 'flux-system/apps',
          action: 'changed',
          state: undefined,
          objects: ['ConfigMap/web/gone deleted', 'ConfigMap/web/new created', 'ConfigMap/web/x drifted'],
        },
      ],
    ],
    [
      'an object moved to another Kustomization',
      [cluster('a', [ks('one', [cm('x', { a: '1' })]), ks('two', [])])],
      [cluster('a', [ks('one', []), ks('two', [cm('x', { a: '1' })])])],
      [
        {
          ref: 'flux-system/two',
          action: 'changed',
          state: undefined,
          objects: ['ConfigMap/web/x moved from flux-system/one'],
        },
      ],
    ],
    [
      'a Kustomization added and one removed',
      [cluster('a', [ks('old', [cm('o', {})])])],
      [cluster('a', [ks('new', [cm('n', {})])])],
      [
        { ref: 'flux-system/new', action: 'added', state: undefined, objects: ['ConfigMap/web/n created'] },
        { ref: 'flux-system/old', action: 'removed', state: undefined, objects: ['ConfigMap/web/o deleted'] },
      ],
    ],
    [
      'newly failing: the objects stay as they were',
      [cluster('a', [ks('apps', [cm('x', {})])])],
      [cluster('a', [ks('apps', [], 'failed', { reason: 'var substitution failed for A' })])],
      [{ ref: 'flux-system/apps', action: 'changed', state: 'newly-failing', objects: [] }],
    ],
    [
      'stopped failing: its objects are created',
      [cluster('a', [ks('apps', [], 'failed', { reason: 'boom' })])],
      [cluster('a', [ks('apps', [cm('x', {})])])],
      [
        {
          ref: 'flux-system/apps',
          action: 'changed',
          state: 'stopped-failing',
          objects: ['ConfigMap/web/x created'],
        },
      ],
    ],
    [
      'still failing for another reason',
      [cluster('a', [ks('apps', [], 'failed', { reason: 'one' })])],
      [cluster('a', [ks('apps', [], 'failed', { reason: 'two' })])],
      [{ ref: 'flux-system/apps', action: 'changed', state: 'still-failing', objects: [] }],
    ],
    [
      'suspended: nothing is applied',
      [cluster('a', [ks('apps', [cm('x', {})])])],
      [cluster('a', [ks('apps', [], 'suspended')])],
      [{ ref: 'flux-system/apps', action: 'changed', state: 'state', objects: [] }],
    ],
    [
      'a child missing because its parent fails is untouched',
      [
        cluster('a', [
          ks('root', [cm('r', {})]),
          ks('child', [cm('c', {})], 'rendered', { parent: { namespace: 'flux-system', name: 'root' } }),
        ]),
      ],
      [cluster('a', [ks('root', [], 'failed', { reason: 'broken' })])],
      [{ ref: 'flux-system/root', action: 'changed', state: 'newly-failing', objects: [] }],
    ],
  ])('%s', (_name, base, head, expected) => {
    const d = diffClusters(base, head);
    expect(d.clusters[0]?.kustomizations.map(summary)).toEqual(expected);
    expect(d.changed).toBe(expected.length > 0);
  });

  it('counts per cluster, added and removed clusters', () => {
    const d = diffClusters(
      [
        cluster('gone', [ks('apps', [cm('x', {})])]),
        cluster('same', [ks('apps', [cm('x', {}), cm('y', {})])]),
      ],
      [
        cluster('new', [
          ks('apps', [cm('x', {}), cm('y', {})], 'rendered'),
          ks('bad', [], 'failed', { reason: 'r' }),
        ]),
        cluster('same', [ks('apps', [cm('x', { a: '1' })])]),
      ],
    );
    expect(d.clusters.map((c) => [c.name, c.action, c.counts])).toEqual([
      ['gone', 'removed', { added: 0, changed: 0, removed: 1, failing: 0, newlyFailing: 0 }],
      ['new', 'added', { added: 2, changed: 0, removed: 0, failing: 1, newlyFailing: 1 }],
      ['same', 'changed', { added: 0, changed: 1, removed: 1, failing: 0, newlyFailing: 0 }],
    ]);
  });

  it('prints a unified diff with 3 lines of context and a/ b/ names', () => {
    const data = Object.fromEntries([...'abcdefgh'].map((k) => [k, k]));
    const d = diffClusters(
      [cluster('a', [ks('apps', [cm('x', data)])])],
      [cluster('a', [ks('apps', [cm('x', { ...data, e: 'E' })])])],
    );
    expect(d.clusters[0]?.kustomizations[0]?.objects[0]?.diff).toBe(
      [
        '--- a/ConfigMap/web/x',
        '+++ b/ConfigMap/web/x',
        '@@ -4,7 +4,7 @@',
        '   b: b',
        '   c: c',
        '   d: d',
        '-  e: e',
        '+  e: E',
        '   f: f',
        '   g: g',
        '   h: h',
        '',
      ].join('\n'),
    );
  });

  it('a moved object shows only what changed besides its owner labels', () => {
    const owned = (name: string, owner: string, data: Record<string, string>) => {
      const o = cm(name, data);
      (o.metadata as Record<string, unknown>).labels = {
        'kustomize.toolkit.fluxcd.io/name': owner,
        'kustomize.toolkit.fluxcd.io/namespace': 'flux-system',
      };
      return o;
    };
    const same = diffClusters(
      [cluster('a', [ks('one', [owned('x', 'one', { a: '1' })]), ks('two', [])])],
      [cluster('a', [ks('one', []), ks('two', [owned('x', 'two', { a: '1' })])])],
    );
    expect(same.clusters[0]?.kustomizations[0]?.objects[0]).toMatchObject({ action: 'moved', diff: '' });
    const edited = diffClusters(
      [cluster('a', [ks('one', [owned('x', 'one', { a: '1' })]), ks('two', [])])],
      [cluster('a', [ks('one', []), ks('two', [owned('x', 'two', { a: '2' })])])],
    );
    const diff = edited.clusters[0]?.kustomizations[0]?.objects[0]?.diff ?? '';
    expect(diff).toContain('-  a: "1"\n+  a: "2"\n');
    expect(diff).not.toContain('toolkit.fluxcd.io/name: one');
  });

  it('summarises HelmRelease chart, version and values changes', () => {
    const before = hrObj('podinfo', '6.5.0', { replicas: 1, image: { tag: 'a' }, gone: true });
    const after = hrObj('podinfo', '6.6.0', { replicas: 3, image: { tag: 'b' }, 'my.key': ['x'] });
    const d = diffClusters(
      [cluster('a', [ks('apps', [before])], [hr(before, 'apps')])],
      [cluster('a', [ks('apps', [after])], [hr(after, 'apps')])],
    );
    expect(d.clusters[0]?.kustomizations[0]?.helmReleases).toEqual([
      {
        ref: 'web/podinfo',
        action: 'changed',
        version: { before: '6.5.0', after: '6.6.0' },
        values: [
          { path: 'values.gone', before: 'true' },
          { path: 'values.image.tag', before: '"a"', after: '"b"' },
          { path: 'values.replicas', before: '1', after: '3' },
          { path: 'values["my.key"][0]', after: '"x"' },
        ],
      },
    ]);
  });
});

describe('masking', () => {
  const objectDiff = (a: Record<string, string>, b: Record<string, string>, flags = {}) =>
    diffClusters(
      [cluster('a', [ks('apps', [{ obj: secret('s', a), file: 's.yaml', ...flags }])])],
      [cluster('a', [ks('apps', [{ obj: secret('s', b), file: 's.yaml', ...flags }])])],
    ).clusters[0]?.kustomizations[0]?.objects[0];

  it('shows the key set, never the values', () => {
    const d = objectDiff(
      { same: 'v1', changed: 'old', gone: 'g' },
      { same: 'v1', changed: 'new', added: 'n' },
    );
    expect(d?.diff).toBe(
      [
        '--- a/Secret/web/s',
        '+++ b/Secret/web/s',
        '@@ -4,7 +4,7 @@',
        '   name: s',
        '   namespace: web',
        ' stringData:',
        "-  changed: '*** (before)'",
        "-  gone: '***'",
        "+  added: '***'",
        "+  changed: '*** (after)'",
        "   same: '***'",
        ' type: Opaque',
        '',
      ].join('\n'),
    );
    expect(d?.diff).not.toMatch(/old|new|v1/);
  });

  it('equal values are no change', () => {
    expect(objectDiff({ a: 'x' }, { a: 'x' })).toBeUndefined();
  });

  it('SOPS Secrets that were not decrypted compare by key set only', () => {
    expect(objectDiff({ a: 'ENC[1]' }, { a: 'ENC[2]' }, { masked: true })).toBeUndefined();
    expect(objectDiff({ a: 'ENC[1]' }, { b: 'ENC[2]' }, { masked: true })?.action).toBe('drifted');
  });

  it('masks every value of a decrypted object that is not a Secret', () => {
    const d = diffClusters(
      [cluster('a', [ks('apps', [{ obj: cm('c', { token: 'one' }), file: 'c.yaml', decrypted: true }])])],
      [cluster('a', [ks('apps', [{ obj: cm('c', { token: 'two' }), file: 'c.yaml', decrypted: true }])])],
    ).clusters[0]?.kustomizations[0]?.objects[0];
    expect(d?.diff).toContain("-  token: '*** (before)'\n+  token: '*** (after)'\n");
    expect(d?.diff).not.toMatch(/one|two/);
  });

  it('masks HelmRelease values of a decrypted HelmRelease', () => {
    const a = hrObj('p', '1', { password: 'one' });
    const b = hrObj('p', '1', { password: 'two' });
    const d = diffClusters(
      [cluster('a', [ks('apps', [{ obj: a, file: 'h.yaml', decrypted: true }])], [hr(a, 'apps')])],
      [cluster('a', [ks('apps', [{ obj: b, file: 'h.yaml', decrypted: true }])], [hr(b, 'apps')])],
    );
    expect(d.clusters[0]?.kustomizations[0]?.helmReleases[0]?.values).toEqual([
      { path: 'values.password', before: '*** (before)', after: '*** (after)' },
    ]);
  });
});
