import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/core/json.js';
import { generateConfigMap } from '../../src/kustomize/generators.js';
import { applyNameHashes } from '../../src/kustomize/hash.js';
import {
  BUILD_ANNOTATIONS,
  removeAnnotation,
  setNamespace,
  storePreviousId,
} from '../../src/kustomize/resource.js';
import { openWorktree } from '../../src/tree/worktree.js';
import { kubectlAvailable, realKustomize } from '../helpers/kustomize-oracle.js';
import { CORPUS_DIR, sharedAvailable } from '../helpers/shared.js';

const repo = join(CORPUS_DIR, 'fluxcd__flux2-monitoring-example');
const hasKubectl = kubectlAvailable();

describe.skipIf(!hasKubectl || !sharedAvailable())('Grafana dashboards generator from the corpus', () => {
  it('matches kubectl kustomize: name hash, labels and data', () => {
    const dir = 'monitoring/configs';
    const res = realKustomize(`${repo}/${dir}`);
    expect(res.ok, res.stderr).toBe(true);
    const real = (loadAll(res.stdout) as JsonObject[]).filter((o) => o.kind === 'ConfigMap');

    const cm = generateConfigMap(openWorktree(repo), dir, {
      name: 'flux-grafana-dashboards',
      files: ['dashboards/control-plane.json', 'dashboards/cluster.json', 'dashboards/logs.json'],
      options: {
        labels: {
          grafana_dashboard: '1',
          'app.kubernetes.io/part-of': 'flux',
          'app.kubernetes.io/component': 'monitoring',
          'kustomize.toolkit.fluxcd.io/substitute': 'disabled',
        },
      },
    });
    // The kustomization's `namespace: monitoring`.
    storePreviousId(cm.obj);
    setNamespace(cm.obj, 'monitoring');
    applyNameHashes([cm]);
    for (const a of BUILD_ANNOTATIONS) removeAnnotation(cm.obj, a);
    expect([cm.obj]).toEqual(real);
  });
});
