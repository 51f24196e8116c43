/**
 * A tiny two-cluster Flux repository in a real git repository: a shared base, one
 * `cluster-vars` ConfigMap per cluster, and a tag per change the diff tests look at.
 */
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonObject } from '../../src/core/json.js';
import {
  bootstrapFiles,
  configMap,
  fluxKs,
  writeRepo,
  yamlDocs,
  type Files,
} from '../fixtures/render/repo.js';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
};

export function git(root: string, ...args: string[]): string {
  return execFileSync('git', ['-C', root, ...args], { env: GIT_ENV, encoding: 'utf8' });
}

function appsKs(path = './base'): JsonObject {
  return fluxKs('apps', path, {
    dependsOn: [{ name: 'vars' }],
    postBuild: { substituteFrom: [{ kind: 'ConfigMap', name: 'cluster-vars' }] },
  });
}

function clusterFiles(cluster: string, replicas: string): Files {
  return {
    ...bootstrapFiles(cluster),
    [`clusters/${cluster}/apps.yaml`]: yamlDocs(fluxKs('vars', `./vars/${cluster}`), appsKs()),
    [`vars/${cluster}/cluster-vars.yaml`]: yamlDocs(
      configMap('cluster-vars', { CLUSTER: cluster, REPLICAS: replicas }, 'flux-system'),
    ),
  };
}

function base(extra: Record<string, string> = {}, token = 'first'): Files {
  return {
    'base/kustomization.yaml': yamlDocs({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['app.yaml', 'secret.yaml', 'release.yaml'],
    }),
    'base/app.yaml': yamlDocs(configMap('app', { cluster: '${CLUSTER}', ...extra }, 'web')),
    'base/secret.yaml': yamlDocs({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'creds', namespace: 'web' },
      stringData: { token, user: 'admin' },
    }),
    // `replicas: ${REPLICAS}` is substituted as text, so it becomes a number.
    'base/release.yaml': `---
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: podinfo
  namespace: web
spec:
  interval: 1h
  chart:
    spec:
      chart: podinfo
      version: 6.5.0
      sourceRef:
        kind: HelmRepository
        name: podinfo
  values:
    replicas: \${REPLICAS}
`,
  };
}

export interface DiffRepo {
  root: string;
  cleanup: () => void;
  /** Writes files into the working tree (without committing). */
  write(files: Files): void;
  commit(message: string, files: Files, remove?: string[]): string;
}

/**
 * Tags: `start`, `shared` (shared base changed), `vars` (infra's REPLICAS 1 → 3),
 * `broken` (apps cluster's `apps` Kustomization points at a missing path), `secret`
 * (a Secret value changed). Branch `main` ends at `start`; HEAD is `feature` at `secret`.
 */
export function diffRepo(): DiffRepo {
  const { root, cleanup } = writeRepo({
    ...clusterFiles('infra', '1'),
    ...clusterFiles('apps', '1'),
    ...base(),
  });
  const write = (files: Files) => {
    for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text);
  };
  const commit = (message: string, files: Files, remove: string[] = []) => {
    write(files);
    for (const path of remove) rmSync(join(root, path));
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', message);
    return git(root, 'rev-parse', 'HEAD').trim();
  };
  git(root, 'init', '-q', '-b', 'main');
  commit('start', {});
  git(root, 'tag', 'start');
  git(root, 'checkout', '-q', '-b', 'feature');
  commit('shared base', base({ color: 'blue' }));
  git(root, 'tag', 'shared');
  commit('infra vars', clusterFiles('infra', '3'));
  git(root, 'tag', 'vars');
  commit('break apps', {
    'clusters/apps/apps.yaml': yamlDocs(fluxKs('vars', './vars/apps'), appsKs('./missing')),
  });
  git(root, 'tag', 'broken');
  commit('secret', base({ color: 'blue' }, 'second'));
  git(root, 'tag', 'secret');
  return { root, cleanup, write, commit };
}
