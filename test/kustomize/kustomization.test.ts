import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import type { JsonValue } from '../../src/core/json.js';
import { isEmptyKustomization, parseKustomization } from '../../src/kustomize/kustomization.js';

function errorOf(value: JsonValue): string {
  try {
    parseKustomization(value, 'k.yaml');
  } catch (e) {
    if (e instanceof DiagnosticError) return e.diagnostic.message;
    throw e;
  }
  return '';
}

describe('parseKustomization', () => {
  it('fills apiVersion and kind, and folds deprecated fields like FixKustomization', () => {
    const k = parseKustomization(
      {
        resources: ['a.yaml'],
        bases: ['../base'],
        images: [{ name: 'a' }],
        imageTags: [{ name: 'b', newTag: '1' }],
      },
      'k.yaml',
    );
    expect(k.apiVersion).toBe('kustomize.config.k8s.io/v1beta1');
    expect(k.kind).toBe('Kustomization');
    expect(k.resources).toEqual(['a.yaml', '../base']);
    expect(k.images).toEqual([{ name: 'a' }, { name: 'b', newTag: '1' }]);
  });

  it('defaults a Component to the v1alpha1 apiVersion', () => {
    expect(parseKustomization({ kind: 'Component' }, 'k.yaml').apiVersion).toBe(
      'kustomize.config.k8s.io/v1alpha1',
    );
  });

  it.each<[string, JsonValue, RegExp]>([
    ['unknown field', { resourcess: [] }, /unknown field "resourcess"/],
    ['bad kind', { kind: 'Deployment' }, /kind should be Kustomization or Component/],
    ['bad apiVersion', { apiVersion: 'v1', kind: 'Kustomization' }, /apiVersion for Kustomization should be/],
    [
      'component apiVersion',
      { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Component' },
      /v1alpha1/,
    ],
    [
      'non-string label value',
      { commonLabels: { enabled: true } },
      /commonLabels.enabled: expected a string/,
    ],
    ['numeric newTag', { images: [{ name: 'a', newTag: 1.2 }] }, /images\[0\].newTag: expected a string/],
    ['resources not a list', { resources: 'a.yaml' }, /resources: expected a list of strings/],
    [
      'unknown patch field',
      { patches: [{ path: 'p.yaml', targets: {} }] },
      /patches\[0\]: unknown field "targets"/,
    ],
    ['unknown buildMetadata', { buildMetadata: ['everything'] }, /invalid buildMetadata option/],
    ['replica count not an integer', { replicas: [{ name: 'a', count: '2' }] }, /count: expected an integer/],
    ['not a map', ['resources'], /must be a YAML map/],
  ])('rejects %s', (_name, value, message) => {
    expect(errorOf(value)).toMatch(message);
  });
});

describe('isEmptyKustomization', () => {
  it.each<[JsonValue, boolean]>([
    [null, true],
    [{ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization' }, true],
    [{ namespace: '' }, true],
    [{ resources: null }, true],
    [{ resources: [] }, false],
    [{ namespace: 'a' }, false],
    [{ commonLabels: {} }, false],
    [{ metadata: {} }, false],
  ])('%j is empty: %s', (value, empty) => {
    expect(isEmptyKustomization(value)).toBe(empty);
  });
});
