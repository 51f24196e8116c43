/**
 * Flux would apply a Kustomization that generates a new one on every reconciliation for ever;
 * the render must stop with an error that names it, in bounded time and memory.
 */
import { describe, expect, it } from 'vitest';
import { refKey } from '../../src/render/model.js';
import { renderRepository } from '../../src/render/render-repository.js';
import { memoryTree } from '../fixtures/discover/memory-tree.js';
import { bootstrapFiles, fluxKs, yamlDocs, type Files } from '../fixtures/render/repo.js';

const selfGenerating = (): Files => ({
  ...bootstrapFiles('dev'),
  'clusters/dev/gen.yaml': yamlDocs(fluxKs('gen', './gen', { postBuild: { substitute: { P: 'a' } } })),
  'gen/ks.yaml': yamlDocs(fluxKs('${P}x', './gen', { postBuild: { substitute: { P: '${P}x' } } })),
});

describe('generation limits', () => {
  it('a Kustomization that renders a new copy of itself every round is reported, not followed for ever', async () => {
    const result = await renderRepository(memoryTree(selfGenerating()), { strict: true });
    const model = result.models[0]!;
    const loop = model.diagnostics.filter((d) => d.rule === 'flux-generation-loop');
    expect(loop).toHaveLength(1);
    expect(loop[0]!.file).toBe('gen/ks.yaml');
    expect(loop[0]!.message).toMatch(/flux-system\/axx.*flux-system\/ax.*flux-system\/gen/);
    expect(model.kustomizations.length).toBeLessThan(10);
  });

  it('stops at the per-cluster limit of Kustomizations', async () => {
    const files: Files = { ...bootstrapFiles('dev') };
    const many = Array.from({ length: 30 }, (_, i) => fluxKs(`k${i}`, './empty'));
    files['clusters/dev/many.yaml'] = yamlDocs(...many);
    files['empty/cm.yaml'] = yamlDocs({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } });
    const result = await renderRepository(memoryTree(files), {
      strict: true,
      limits: { kustomizationsPerCluster: 10 },
    });
    const model = result.models[0]!;
    expect(model.kustomizations.length).toBe(10);
    const limit = model.diagnostics.filter((d) => d.rule === 'limit-exceeded');
    expect(limit).toHaveLength(1);
    expect(limit[0]!.message).toContain('10 Kustomizations');
    expect(limit[0]!.hint).toContain('--max-kustomizations');
    expect(model.kustomizations.map((k) => refKey(k.ref))).toContain('flux-system/flux-system');
  });
});
