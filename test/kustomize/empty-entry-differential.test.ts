/**
 * Empty block sequence entries that a less indented `- ` entry follows, in the files kustomize
 * reads with sigs.k8s.io/yaml (go-yaml v2): JSON 6902 patches and kustomization files.
 */
import { describe, expect, it } from 'vitest';
import { expectSameAsKubectl, type Files } from '../helpers/differential.js';
import { kubectlAvailable } from '../helpers/kustomize-oracle.js';
import { EMPTY_ENTRY_ERRORS, EMPTY_ENTRY_SHAPES, indent } from '../yaml/empty-entry-shapes.js';

const thing = 'apiVersion: example.com/v1\nkind: Thing\nmetadata:\n  name: t\nspec: {}\n';

/** `body` as the new spec of a Thing, through a JSON 6902 patch file. */
function patchFile(body: string): Files {
  return {
    'kustomization.yaml': 'resources:\n- thing.yaml\npatches:\n- path: patch.yaml\n  target: {kind: Thing}\n',
    'thing.yaml': thing,
    'patch.yaml': `- op: replace\n  path: /spec\n  value:\n${indent(body, 4)}`,
  };
}

/** `rule` and `says`: the native failure, where kubectl fails too (what it read shows in `says`). */
const cases: { name: string; files: Files; rule?: string; says?: string }[] = [
  ...[...EMPTY_ENTRY_SHAPES, ...EMPTY_ENTRY_ERRORS].map(([name, body]) => ({
    name: `JSON 6902 patch file: ${name}`,
    files: patchFile(body),
  })),
  {
    name: 'JSON 6902 patch file: an empty value entry, then the next operation',
    files: {
      ...patchFile('{}\n'),
      'patch.yaml': '- op: add\n  path: /spec/a\n  value:\n  - \n- op: add\n  path: /spec/b\n  value: 1\n',
    },
  },
  {
    name: 'inline JSON 6902 patch: the block scalar is kept, the patch text read as go-yaml reads it',
    files: {
      'kustomization.yaml': `resources:
- thing.yaml
patches:
- target: {kind: Thing}
  patch: |
    - op: add
      path: /spec/a
      value:
      - - 
      - x
    - op: add
      path: /spec/b
      value:
      - 
    - op: add
      path: /spec/c
      value: yes
`,
      'thing.yaml': thing,
    },
  },
  {
    name: 'kustomization: an outer entry after an empty entry of an indented list',
    files: { 'kustomization.yaml': 'resources:\n  - thing.yaml\n  - \n- other.yaml\n', 'thing.yaml': thing },
    rule: 'yaml-syntax',
  },
  {
    name: 'kustomization: an entry between the columns of a nested list',
    files: { 'kustomization.yaml': 'resources:\n- - \n - thing.yaml\n', 'thing.yaml': thing },
    rule: 'yaml-syntax',
  },
  {
    name: 'kustomization: a nested list is not a resource path',
    files: { 'kustomization.yaml': 'resources:\n- - \n- thing.yaml\n', 'thing.yaml': thing },
    rule: 'kustomization-invalid',
    says: 'got [null]',
  },
];

describe.skipIf(!kubectlAvailable())('empty sequence entries read as sigs.k8s.io/yaml reads them', () => {
  it.each(cases)('$name', ({ files, rule, says }) => {
    const native = expectSameAsKubectl(files);
    if (rule !== undefined) expect(native.error?.diagnostic.rule).toBe(rule);
    if (says !== undefined) expect(native.error?.diagnostic.message).toContain(says);
  });
});
