/**
 * The render stage records the values keys a HelmRelease's chart does not know, and
 * helm-values-unknown-key reports them at their line in the HelmRelease.
 */
import { describe, expect, it } from 'vitest';
import { helmValuesUnknownKey } from '../../src/checks/cluster/helm-values-unknown-key.js';
import type { JsonObject } from '../../src/core/json.js';
import { renderRepository } from '../../src/render/render-repository.js';
import { memoryTree } from '../fixtures/discover/memory-tree.js';
import { bootstrapFiles, yamlDocs, type Files } from '../fixtures/render/repo.js';
import {
  chartArchive,
  DEMO_CHART,
  demoChart,
  helmRelease,
  helmRepository,
  memoryService,
  resolved,
} from './helm-release-fixtures.js';

const REPO = 'https://charts.example.com';
const cached = { [`${REPO} demo@1.0.0`]: resolved('demo', '1.0.0', chartArchive('demo', DEMO_CHART)) };

async function render(values: JsonObject) {
  const files: Files = {
    ...bootstrapFiles('dev'),
    'clusters/dev/apps.yaml': yamlDocs(
      helmRepository('charts', REPO),
      helmRelease('web', 'apps', { chart: demoChart(), values }),
    ),
  };
  const tree = memoryTree(files);
  const result = await renderRepository(tree, {
    strict: true,
    secrets: new Set(),
    helm: memoryService(cached),
  });
  return { tree, model: result.models[0]! };
}

describe('unknown values keys in the render', () => {
  it('records a misspelt key and the rule reports it with the known one', async () => {
    const { tree, model } = await render({ greeting: 'hi', imagee: 'nginx:2' });
    const r = model.helmReleases.find((h) => h.ref.name === 'web');
    expect(r?.state).toBe('rendered');
    expect(r?.unknownValuePaths).toEqual([{ path: ['imagee'], closest: 'image' }]);
    const out = helmValuesUnknownKey.check({
      tree,
      yamlFiles: [],
      models: [model],
      config: undefined,
      kubernetesVersion: '1.35',
    });
    expect(out.map((d) => [d.file, d.hint])).toEqual([['clusters/dev/apps.yaml', 'did you mean `image`?']]);
    expect(out[0]?.line).toBeGreaterThan(r?.line ?? 0);
  });

  it('records nothing when every key is known', async () => {
    const { model } = await render({ greeting: 'hi', image: 'nginx:2' });
    expect(model.helmReleases.find((h) => h.ref.name === 'web')?.unknownValuePaths).toBeUndefined();
  });
});
