import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/core/json.js';
import { diffClusters, type RepositoryDiff } from '../../src/diff/index.js';
import { VOLATILE } from '../../src/diff/volatile.js';
import type { HelmReleaseRecord, HelmReleaseState } from '../../src/render/model.js';
import { formatDiffJson } from '../../src/report/diff-json.js';
import { formatDiffMarkdown } from '../../src/report/diff-markdown.js';
import { formatDiffText } from '../../src/report/diff-text.js';
import { cluster, hr, hrObj, ks } from '../diff/models.js';

function deployment(name: string, image: string, checksum: string): JsonObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'web' },
    spec: {
      template: {
        metadata: { annotations: { 'checksum/config': checksum } },
        spec: { containers: [{ name: 'app', image }] },
      },
    },
  };
}

function release(
  name: string,
  version: string,
  objects: JsonObject[],
  state: HelmReleaseState = 'rendered',
  reason?: string,
): HelmReleaseRecord {
  return {
    ...hr(hrObj(name, version, {}), 'apps'),
    state,
    ...(reason ? { reason } : {}),
    chartName: name,
    chartVersion: version,
    objects: objects.map((obj) => ({ obj, file: 'hr.yaml' })),
  };
}

/** A chart bump (image and checksum change) and a release that starts failing. */
function helmDiff(): RepositoryDiff {
  const before = [
    release('podinfo', '6.5.0', [deployment('podinfo', 'podinfo:6.5.0', 'aaa')]),
    release('redis', '1.0.0', []),
  ];
  const after = [
    release('podinfo', '6.6.0', [deployment('podinfo', 'podinfo:6.6.0', 'bbb')]),
    release('redis', '1.0.0', [], 'failed', "values don't meet the specifications of the schema"),
  ];
  const side = (hrs: HelmReleaseRecord[]) => [
    cluster(
      'prod',
      [
        ks(
          'apps',
          hrs.map((h) => h.obj),
        ),
      ],
      hrs,
    ),
  ];
  return diffClusters(side(before), side(after));
}

describe('chart changes in the diff reports', () => {
  it('text: the release, its objects under it, masked values and the images', () => {
    const text = formatDiffText(helmDiff());
    expect(text).toContain(
      '⎈ HelmRelease/web/podinfo changed\n  version: 6.5.0 → 6.6.0\n  rendered chart: podinfo-6.5.0 → podinfo-6.6.0\n',
    );
    expect(text).toContain(
      '  ► Deployment/web/podinfo drifted\n    volatile values masked: spec.template.metadata.annotations.checksum/config\n',
    );
    expect(text).toContain(`checksum/config: ${VOLATILE}`);
    expect(text).not.toContain('bbb');
    expect(text).toContain(
      "⎈ HelmRelease/web/redis changed\n  ✗ now failing: values don't meet the specifications of the schema\n",
    );
    expect(text).toContain('Images\n  ~ podinfo:6.5.0 → podinfo:6.6.0 (Deployment/web/podinfo (app))\n');
  });

  it('markdown: release objects are counted and shown, images as a table', () => {
    const md = formatDiffMarkdown(helmDiff());
    expect(md).toContain('📁 <code>flux-system/apps</code> changed: 2 drifted</summary>');
    expect(md).toContain(
      '► `Deployment/web/podinfo drifted` (⎈ `web/podinfo`)\n\n_volatile values masked: spec.template.metadata.annotations.checksum/config_\n',
    );
    expect(md).toContain("  - `✗ now failing: values don't meet the specifications of the schema`\n");
    expect(md).toContain('| 🔄 | `podinfo:6.5.0` | `podinfo:6.6.0` | Deployment/web/podinfo (app) |\n');
  });

  it('json: the new fields are present and the format version stays', () => {
    const doc = JSON.parse(formatDiffJson(helmDiff()));
    expect(doc.version).toBe(1);
    const [podinfo, redis] = doc.clusters[0].kustomizations[0].helmReleases;
    expect(podinfo).toMatchObject({
      ref: 'web/podinfo',
      renderedChart: { before: 'podinfo-6.5.0', after: 'podinfo-6.6.0' },
      objects: [
        {
          display: 'Deployment/web/podinfo',
          action: 'drifted',
          volatile: ['spec.template.metadata.annotations.checksum/config'],
        },
      ],
    });
    expect(redis).toMatchObject({
      ref: 'web/redis',
      stateChange: 'newly-failing',
      before: { state: 'rendered' },
      after: { state: 'failed' },
    });
    expect(redis.objects).toBeUndefined();
    expect(doc.clusters[0].images).toEqual([
      {
        action: 'changed',
        before: 'podinfo:6.5.0',
        after: 'podinfo:6.6.0',
        objects: ['Deployment/web/podinfo (app)'],
      },
    ]);
  });
});
