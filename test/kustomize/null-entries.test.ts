/**
 * Null list entries (`- ` with no value): kustomize keeps them and prints `- null`, in
 * resources, through patches and transformers (kyaml's HasNilEntryInList never reports one).
 */
import { describe, it } from 'vitest';
import { expectSameAsKubectl, type Files } from '../helpers/differential.js';
import { kubectlAvailable } from '../helpers/kustomize-oracle.js';

const deployment = (containers: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
${containers}`;

const cases: { name: string; files: Files }[] = [
  {
    name: 'a null entry in a custom list',
    files: {
      'kustomization.yaml': 'resources: [cm.yaml]\n',
      'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\nlist:\n  - \n  - x\n',
    },
  },
  {
    name: 'null entries nested in lists of lists and maps',
    files: {
      'kustomization.yaml': 'resources: [thing.yaml]\n',
      'thing.yaml':
        'apiVersion: example.com/v1\nkind: Thing\nmetadata:\n  name: t\nspec:\n  a:\n  - - \n    - 1\n  - k:\n    - \n  b: [~, null]\n',
    },
  },
  {
    name: 'a null container with namespace, prefix and labels applied',
    files: {
      'kustomization.yaml':
        'namespace: apps\nnamePrefix: p-\nlabels:\n- pairs: {app: web}\n  includeSelectors: true\nresources: [d.yaml]\n',
      'd.yaml': deployment('      - \n      - name: app\n        image: nginx\n'),
    },
  },
  {
    name: 'a strategic-merge patch onto a list holding a null entry',
    files: {
      'kustomization.yaml': 'resources: [d.yaml]\npatches:\n- path: p.yaml\n',
      'd.yaml': deployment('      - name: app\n        image: nginx\n      - \n'),
      'p.yaml': deployment('      - name: app\n        image: nginx:2\n'),
    },
  },
  {
    name: 'an image transformer over containers with a null entry',
    files: {
      'kustomization.yaml': 'resources: [d.yaml]\nimages:\n- name: nginx\n  newTag: "2"\n',
      'd.yaml': deployment('      - name: app\n        image: nginx\n      - \n'),
    },
  },
  {
    name: 'a name reference through a volume list holding a null entry',
    files: {
      'kustomization.yaml': 'namePrefix: p-\nresources: [d.yaml, cm.yaml]\n',
      'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n',
      'd.yaml': deployment('      - name: app\n').replace(
        'containers:',
        'volumes:\n      - \n      - name: v\n        configMap:\n          name: c\n      containers:',
      ),
    },
  },
  {
    name: 'a strategic-merge patch that itself holds a null entry',
    files: {
      'kustomization.yaml': 'resources: [d.yaml]\npatches:\n- path: p.yaml\n',
      'd.yaml': deployment('      - name: app\n        image: nginx\n'),
      'p.yaml': deployment('      - name: app\n        args:\n        - \n        - run\n'),
    },
  },
  {
    name: 'a scalar that is not null where a transformer expects a map fails in both',
    files: {
      'kustomization.yaml': 'resources: [d.yaml]\nimages:\n- name: nginx\n  newTag: "2"\n',
      'd.yaml': deployment('      - name: app\n        image: nginx\n      - foo\n'),
    },
  },
];

describe.skipIf(!kubectlAvailable())('null list entries, as kubectl kustomize keeps them', () => {
  it.each(cases)('$name', ({ files }) => {
    expectSameAsKubectl(files);
  });
});
