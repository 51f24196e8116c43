import { describe, expect, it } from 'vitest';
import { isRemoteReference } from '../../src/kustomize/remote.js';

describe('isRemoteReference', () => {
  it.each([
    ['https://github.com/fluxcd/flux2/manifests/install?ref=v2.4.0', true],
    ['github.com/kubernetes-sigs/kustomize/examples/multibases?ref=v1.0.6', true],
    ['git@github.com:org/repo.git//deploy', true],
    ['ssh://git@example.com/org/repo.git', true],
    ['gitlab.com/org/repo//base?ref=main', true],
    ['http://example.com/manifest.yaml', true],
    ['../base', false],
    ['deployment.yaml', false],
    ['./apps/github.com-mirror', false],
    ['v1.2/deploy.yaml', false],
  ])('%s -> %s', (entry, remote) => {
    expect(isRemoteReference(entry)).toBe(remote);
  });
});
