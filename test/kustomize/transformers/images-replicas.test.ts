import { describe, expect, it } from 'vitest';
import { kubectlAvailable } from '../../helpers/kustomize-oracle.js';
import { splitImage } from '../../../src/kustomize/transformers/image-ref.js';
import { docs, expectSameAsKustomize, type Files } from './harness.js';

const images = [
  'nginx',
  'nginx:1.25',
  'nginx@sha256:abc123',
  'nginx:1.25@sha256:abc123',
  'docker.io/library/nginx:1.25',
  'localhost:5000/team/app:v1',
  'localhost:5000/team/app',
  'ghcr.io/org/tool:latest',
  'myxapp:3',
  'postgres:16-alpine',
];

const pods = docs(
  `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers: [{name: init, image: nginx}]
      containers:
${images.map((img, i) => `      - {name: c${i}, image: "${img}"}`).join('\n')}
      ephemeralContainers: [{name: e, image: nginx}]`,
  `apiVersion: v1
kind: Pod
metadata: {name: pod}
spec:
  containers: [{name: c, image: "nginx:1.25"}, {name: d}]`,
  `apiVersion: example.com/v1
kind: Runner
metadata: {name: r}
spec:
  deep: {containers: [{name: c, image: nginx}], initContainers: [{image: "postgres:16-alpine"}]}
  runner: {image: nginx}
  template: {spec: {containers: [{name: x, image: nginx}]}}`,
  `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: runners.example.com}
spec:
  example: {containers: [{image: nginx}]}
  template: {spec: {containers: [{image: nginx}]}}`,
);

const cases: { name: string; files: Files }[] = [
  {
    name: 'newTag on a bare name matches tags and digests but not other registries',
    files: {
      'kustomization.yaml': 'resources: [p.yaml]\nimages: [{name: nginx, newTag: "1.27"}]\n',
      'p.yaml': pods,
    },
  },
  {
    name: 'newName keeps the tag; digest replaces the tag',
    files: {
      'kustomization.yaml': `resources: [p.yaml]
images:
- {name: nginx, newName: registry.example.com/mirror/nginx}
- {name: postgres, digest: "sha256:deadbeef"}
- {name: "localhost:5000/team/app", newName: "mirror:5000/app", newTag: v2}
`,
      'p.yaml': pods,
    },
  },
  {
    name: 'newTag and digest together; the name is a regular expression',
    files: {
      'kustomization.yaml': `resources: [p.yaml]
images:
- {name: my.app, newTag: "4", digest: "sha256:0123"}
- {name: ghcr.io/org/tool, newTag: stable}
`,
      'p.yaml': pods,
    },
  },
  {
    name: 'images field specs from configurations',
    files: {
      'kustomization.yaml':
        'resources: [p.yaml]\nimages: [{name: nginx, newTag: custom}]\nconfigurations: [c.yaml]\n',
      'c.yaml': 'images:\n- {kind: Runner, path: spec/runner/image}\n',
      'p.yaml': pods,
    },
  },
  {
    name: 'images at two levels: the overlay sees the base result',
    files: {
      'base/kustomization.yaml':
        'resources: [p.yaml]\nimages: [{name: nginx, newName: nginx-base, newTag: "1"}]\n',
      'base/p.yaml': pods,
      'kustomization.yaml':
        'resources: [base]\nimages: [{name: nginx-base, newTag: "2"}, {name: nginx, newTag: "3"}]\n',
    },
  },
];

const scalable = docs(
  `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: nginx}]}`,
  `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: c, image: postgres}]}`,
  'apiVersion: example.com/v1\nkind: Scaler\nmetadata: {name: web}\nspec: {size: 1}',
);

const replicaCases: { name: string; files: Files }[] = [
  {
    name: 'replicas set an existing count and create a missing one',
    files: {
      'kustomization.yaml': 'resources: [s.yaml]\nreplicas: [{name: web, count: 3}, {name: db, count: 0}]\n',
      's.yaml': scalable,
    },
  },
  {
    name: 'replicas find a resource by its name before an overlay prefix',
    files: {
      'base/kustomization.yaml': 'namePrefix: base-\nresources: [s.yaml]\n',
      'base/s.yaml': scalable,
      'kustomization.yaml':
        'namePrefix: o-\nresources: [base]\nreplicas: [{name: web, count: 5}, {name: base-db, count: 2}]\n',
    },
  },
  {
    name: 'replicas with a custom field spec',
    files: {
      'kustomization.yaml':
        'resources: [s.yaml]\nreplicas: [{name: web, count: 4}]\nconfigurations: [c.yaml]\n',
      'c.yaml': 'replicas:\n- {kind: Scaler, path: spec/size, create: true}\n',
      's.yaml': scalable,
    },
  },
  {
    name: 'replicas naming nothing is an error',
    files: {
      'kustomization.yaml': 'resources: [s.yaml]\nreplicas: [{name: nope, count: 1}]\n',
      's.yaml': scalable,
    },
  },
];

describe.skipIf(!kubectlAvailable())('images transformer matches kustomize', () => {
  it.each(cases)('$name', ({ files }) => expectSameAsKustomize(files));
});

describe.skipIf(!kubectlAvailable())('replicas transformer matches kustomize', () => {
  it.each(replicaCases)('$name', ({ files }) => expectSameAsKustomize(files));
});

describe('splitImage', () => {
  it.each([
    ['nginx', { name: 'nginx', tag: '', digest: '' }],
    ['nginx:1', { name: 'nginx', tag: '1', digest: '' }],
    ['nginx@sha256:ab', { name: 'nginx', tag: '', digest: 'sha256:ab' }],
    ['nginx:1@sha256:ab', { name: 'nginx', tag: '1', digest: 'sha256:ab' }],
    ['host:5000/a/b', { name: 'host:5000/a/b', tag: '', digest: '' }],
    ['host:5000/a/b:2', { name: 'host:5000/a/b', tag: '2', digest: '' }],
    ['host:5000/a/b@sha256:ff', { name: 'host:5000/a/b', tag: '', digest: 'sha256:ff' }],
  ])('%s', (image, want) => expect(splitImage(image)).toEqual(want));
});
