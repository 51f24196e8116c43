/** Images of every workload kind, in each container list; objects that are not workloads give none. */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/core/json.js';
import { imagesOf } from '../../src/render/images.js';

const pod = {
  containers: [{ name: 'app', image: 'app:1' }],
  initContainers: [{ name: 'init', image: 'init:1' }],
};
const tpl = { template: { spec: pod } };

describe('imagesOf', () => {
  it.each<[string, JsonObject]>([
    ['Pod', { apiVersion: 'v1', kind: 'Pod', spec: pod }],
    ['Deployment', { apiVersion: 'apps/v1', kind: 'Deployment', spec: tpl }],
    ['StatefulSet', { apiVersion: 'apps/v1', kind: 'StatefulSet', spec: tpl }],
    ['DaemonSet', { apiVersion: 'apps/v1', kind: 'DaemonSet', spec: tpl }],
    ['Job', { apiVersion: 'batch/v1', kind: 'Job', spec: tpl }],
    ['CronJob', { apiVersion: 'batch/v1', kind: 'CronJob', spec: { jobTemplate: { spec: tpl } } }],
  ])('%s', (_kind, obj) => {
    expect(imagesOf({ obj, file: 'a.yaml' })).toEqual([
      { image: 'init:1', container: 'init', list: 'initContainers' },
      { image: 'app:1', container: 'app', list: 'containers' },
    ]);
  });

  it('ephemeral containers count too', () => {
    const obj = {
      apiVersion: 'v1',
      kind: 'Pod',
      spec: { ephemeralContainers: [{ name: 'dbg', image: 'busybox' }] },
    };
    expect(imagesOf({ obj, file: '' })).toEqual([
      { image: 'busybox', container: 'dbg', list: 'ephemeralContainers' },
    ]);
  });

  it.each<[string, JsonObject]>([
    ['a ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', data: {} }],
    ['a custom kind named Deployment', { apiVersion: 'example.com/v1', kind: 'Deployment', spec: tpl }],
  ])('none from %s', (_what, obj) => {
    expect(imagesOf({ obj, file: '' })).toEqual([]);
  });
});
