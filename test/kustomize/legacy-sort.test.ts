import { describe, expect, it } from 'vitest';
import { legacySort } from '../../src/kustomize/legacy-sort.js';
import type { KResource } from '../../src/kustomize/resource.js';

const res = (apiVersion: string, kind: string, name: string, namespace?: string): KResource => ({
  obj: { apiVersion, kind, metadata: { name, ...(namespace ? { namespace } : {}) } },
  file: 'x.yaml',
});

const label = (r: KResource) => {
  const m = r.obj.metadata as { name: string; namespace?: string };
  return `${r.obj.kind as string}/${m.namespace ? `${m.namespace}/` : ''}${m.name}`;
};

describe('legacySort', () => {
  it('puts known kinds first in kustomize order, webhooks last, others by group/version/kind', () => {
    const input = [
      res('admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration', 'v'),
      res('example.com/v1', 'Widget', 'w'),
      res('apps/v1', 'Deployment', 'd'),
      res('v1', 'Service', 's'),
      res('admissionregistration.k8s.io/v1', 'MutatingWebhookConfiguration', 'm'),
      res('v1', 'Namespace', 'n'),
      res('apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'c'),
      res('batch/v1', 'Job', 'j'),
      res('v1', 'ConfigMap', 'b', 'ns2'),
      res('v1', 'ConfigMap', 'a', 'ns2'),
      res('v1', 'ConfigMap', 'z'),
    ];
    expect(legacySort(input).map(label)).toEqual([
      'Namespace/n',
      'CustomResourceDefinition/c',
      'ConfigMap/ns2/a',
      'ConfigMap/ns2/b',
      'ConfigMap/z',
      'Service/s',
      'Deployment/d',
      'Job/j',
      'Widget/w',
      'MutatingWebhookConfiguration/m',
      'ValidatingWebhookConfiguration/v',
    ]);
  });

  it('honours custom orderFirst/orderLast', () => {
    const input = [res('v1', 'Service', 's'), res('v1', 'ConfigMap', 'c'), res('apps/v1', 'Deployment', 'd')];
    expect(legacySort(input, ['Deployment'], ['ConfigMap']).map(label)).toEqual([
      'Deployment/d',
      'Service/s',
      'ConfigMap/c',
    ]);
  });
});
