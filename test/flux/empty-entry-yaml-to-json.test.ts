/**
 * Flux reads substituted text with sigs.k8s.io/yaml (go-yaml v2). kustomize reads JSON 6902
 * patch files the same way, so a patch that replaces a spec with a body shows go-yaml v2's
 * reading of that body: yamlToJson must give the same value, or fail where kustomize fails.
 */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/core/json.js';
import { yamlToJson, YamlToJsonError } from '../../src/flux/envsubst/yaml-to-json.js';
import { substituteResource, substituteResourceViaText } from '../../src/flux/substitute.js';
import { parseYamlDocuments } from '../../src/yaml/parse.js';
import { kubectlAvailable, realKustomize, withFixture } from '../helpers/kustomize-oracle.js';
import { EMPTY_ENTRY_ERRORS, EMPTY_ENTRY_SHAPES, indent } from '../yaml/empty-entry-shapes.js';

const thing = 'apiVersion: example.com/v1\nkind: Thing\nmetadata:\n  name: t\nspec: {}\n';

function patchText(body: string): string {
  return `- op: replace\n  path: /spec\n  value:\n${indent(body, 4)}`;
}

/** go-yaml v2's reading of `body`, seen through kustomize: the spec, or undefined on failure. */
function goYamlV2(body: string): unknown {
  const files = {
    'kustomization.yaml': 'resources:\n- thing.yaml\npatches:\n- path: patch.yaml\n  target: {kind: Thing}\n',
    'thing.yaml': thing,
    'patch.yaml': patchText(body),
  };
  const real = withFixture(files, (root) => realKustomize(root));
  if (!real.ok) return undefined;
  const doc = parseYamlDocuments(real.stdout, 'kubectl', { kustomizeFoldedScalars: false })[0];
  return (doc?.value as JsonObject).spec;
}

describe.skipIf(!kubectlAvailable())('yamlToJson reads empty sequence entries as go-yaml v2 does', () => {
  it.each(EMPTY_ENTRY_SHAPES)('%s', (_name, body) => {
    const expected = goYamlV2(body);
    expect(expected).toBeDefined();
    expect(yamlToJson(patchText(body))).toEqual([{ op: 'replace', path: '/spec', value: expected }]);
  });

  it.each(EMPTY_ENTRY_ERRORS)('%s fails in both', (_name, body) => {
    expect(goYamlV2(body)).toBeUndefined();
    expect(() => yamlToJson(patchText(body))).toThrow(YamlToJsonError);
  });
});

describe('substitution that empties a nested sequence entry', () => {
  const obj: JsonObject = {
    apiVersion: 'example.com/v1',
    kind: 'Thing',
    metadata: { name: 't' },
    spec: { a: [['${X}'], 'x'], b: [{ k: ['${X}'] }, 'y'] },
  };
  // go-yaml v2 reads `- - \n- x` as [[null], x] (see the cases above).
  const expected = { a: [[null], 'x'], b: [{ k: [null] }, 'y'] };

  it.each([
    ['text round trip', substituteResourceViaText],
    ['default path', substituteResource],
  ])('%s', (_name, run) => {
    const out = run(obj, { vars: new Map([['X', '']]) }, { strict: false });
    expect(out?.spec).toEqual(expected);
  });
});
