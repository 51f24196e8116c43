import { describe, expect, it } from 'vitest';
import { formatDiffJson } from '../../src/report/diff-json.js';
import { sampleDiff } from '../diff/sample-diff.js';

describe('formatDiffJson', () => {
  it('has a stable, documented shape', () => {
    const doc = JSON.parse(formatDiffJson(sampleDiff()));
    expect(Object.keys(doc)).toEqual(['version', 'base', 'head', 'changed', 'clusters']);
    expect(doc.version).toBe(1);
    expect(doc.clusters[0].counts).toEqual({ added: 1, changed: 4, removed: 0, failing: 1, newlyFailing: 1 });
    const apps = doc.clusters[0].kustomizations[0];
    expect(Object.keys(apps)).toEqual(['ref', 'action', 'before', 'after', 'objects', 'helmReleases']);
    expect(apps.objects.map((o: { display: string; action: string }) => `${o.display} ${o.action}`)).toEqual([
      'ConfigMap/web/app drifted',
      'ConfigMap/web/moving moved',
      'ConfigMap/web/new created',
      'HelmRelease/web/podinfo drifted',
      'Secret/web/creds drifted',
    ]);
    expect(apps.objects[1]).toEqual({
      id: { group: '', kind: 'ConfigMap', namespace: 'web', name: 'moving' },
      display: 'ConfigMap/web/moving',
      action: 'moved',
      from: 'flux-system/infra',
      diff: '',
    });
    expect(doc.clusters[0].kustomizations[1]).toMatchObject({
      ref: 'flux-system/db',
      stateChange: 'newly-failing',
      after: { state: 'failed' },
    });
  });

  it('never holds a Secret value', () => {
    const text = formatDiffJson(sampleDiff());
    expect(text).not.toMatch(/token: (old|new)|"token": "(old|new)"/);
    expect(text).toContain('*** (after)');
  });

  it('is byte-identical for the same input', () => {
    expect(formatDiffJson(sampleDiff())).toBe(formatDiffJson(sampleDiff()));
  });
});
