/**
 * Render to diff: two versions of a repository whose HelmRelease renders an in-memory chart,
 * diffed — the chart's objects, the release's state and the image summary come through.
 */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/core/json.js';
import { diffClusters, type RepositoryDiff } from '../../src/diff/index.js';
import { renderRepository } from '../../src/render/render-repository.js';
import { memoryTree } from '../fixtures/discover/memory-tree.js';
import { bootstrapFiles, yamlDocs } from '../fixtures/render/repo.js';
import {
  chartArchive,
  DEMO_CHART,
  demoChart,
  helmRelease,
  helmRepository,
  memoryService,
  resolved,
} from '../render/helm-release-fixtures.js';

const REPO = 'https://charts.example.com';
const cached = { [`${REPO} demo@1.0.0`]: resolved('demo', '1.0.0', chartArchive('demo', DEMO_CHART)) };

function tree(values: JsonObject) {
  return memoryTree({
    ...bootstrapFiles('dev'),
    'clusters/dev/apps.yaml': yamlDocs(
      helmRepository('charts', REPO),
      helmRelease('web', 'apps', { chart: demoChart(), values }),
    ),
  });
}

/** Each side rendered on its own (the two memory trees cannot share a parse cache). */
async function diff(before: JsonObject, after: JsonObject): Promise<RepositoryDiff> {
  const render = async (values: JsonObject) =>
    (await renderRepository(tree(values), { strict: true, helm: memoryService(cached) })).models;
  return diffClusters(await render(before), await render(after));
}

describe('diff of rendered charts', () => {
  it('a values change drifts the chart objects and changes the image', async () => {
    const d = await diff({ image: 'nginx:1.0' }, { image: 'nginx:1.1', greeting: 'hi' });
    const h = d.clusters[0]?.kustomizations[0]?.helmReleases[0];
    expect(h?.ref).toBe('apps/web');
    expect(h?.objects?.map((o) => `${o.display} ${o.action}`)).toEqual([
      'ConfigMap/apps/web-cm drifted',
      'Deployment/apps/web drifted',
    ]);
    expect(d.clusters[0]?.images).toEqual([
      { action: 'changed', before: 'nginx:1.0', after: 'nginx:1.1', objects: ['Deployment/apps/web (app)'] },
    ]);
  });

  it('a release that starts failing reports why and keeps its objects', async () => {
    const d = await diff({}, { boom: true });
    const h = d.clusters[0]?.kustomizations[0]?.helmReleases[0];
    expect(h?.stateChange).toBe('newly-failing');
    expect(h?.after?.reason).toContain('boom was set');
    expect(h?.objects).toBeUndefined();
    expect(d.clusters[0]?.images).toBeUndefined();
  });
});
