import { describe, it } from 'vitest';
import { kubectlAvailable } from '../../helpers/kustomize-oracle.js';
import { docs, expectSameAsKustomize, type Files } from './harness.js';

const workloads = docs(
  `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {keep: me}}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
          - labelSelector: {matchLabels: {app: web}}
            topologyKey: kubernetes.io/hostname
      topologySpreadConstraints:
      - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web}}}
      containers: [{name: web, image: nginx}]`,
  `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    spec:
      containers: [{name: db, image: postgres}]
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {resources: {requests: {storage: 1Gi}}}`,
  `apiVersion: batch/v1
kind: CronJob
metadata: {name: cj}
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers: [{name: c, image: busybox}]`,
  `apiVersion: batch/v1
kind: Job
metadata: {name: job}
spec:
  template:
    spec:
      containers: [{name: c, image: busybox}]`,
  'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}',
  'apiVersion: v1\nkind: Service\nmetadata: {name: ext}\nspec: {type: ExternalName, externalName: example.com, selector: null}',
  `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: pdb}
spec: {minAvailable: 1, selector: {matchLabels: {app: web}}}`,
  `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: np}
spec:
  podSelector: {}
  ingress: [{from: [{podSelector: {matchLabels: {app: web}}}, {namespaceSelector: {}}]}]`,
  `apiVersion: v1
kind: ReplicationController
metadata: {name: rc}
spec:
  template:
    metadata: {labels: {a: b}}
    spec: {containers: [{name: c, image: busybox}]}`,
  'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {template: {metadata: {}}}',
  'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm, labels: null, annotations: {old: "1"}}',
);

const cases: { name: string; files: Files }[] = [
  {
    name: 'commonLabels reach metadata, selectors, pod templates and claim templates',
    files: {
      'kustomization.yaml':
        'commonLabels: {team: blue, app.kubernetes.io/part-of: shop}\nresources: [w.yaml]\n',
      'w.yaml': workloads,
    },
  },
  {
    name: 'commonLabels override existing values and quote-looking values stay strings',
    files: {
      'kustomization.yaml': 'commonLabels: {app: "true", keep: "123"}\nresources: [w.yaml]\n',
      'w.yaml': workloads,
    },
  },
  {
    name: 'labels entries: plain, includeSelectors, includeTemplates, custom fields',
    files: {
      'kustomization.yaml': `resources: [w.yaml]
labels:
- pairs: {plain: "1"}
- pairs: {sel: "2"}
  includeSelectors: true
- pairs: {tmpl: "3"}
  includeTemplates: true
- pairs: {custom: "4"}
  fields:
  - {kind: Widget, path: spec/template/metadata/labels, create: true}
  - {kind: Widget, path: spec/selector/matchLabels, create: false}
`,
      'w.yaml': workloads,
    },
  },
  {
    name: 'labels entries run before commonLabels at the same level',
    files: {
      'kustomization.yaml':
        'resources: [w.yaml]\ncommonLabels: {same: common}\nlabels:\n- pairs: {same: entry}\n  includeSelectors: true\n',
      'w.yaml': workloads,
    },
  },
  {
    name: 'commonLabels field specs extended by configurations',
    files: {
      'kustomization.yaml': 'commonLabels: {team: blue}\nresources: [w.yaml]\nconfigurations: [c.yaml]\n',
      'c.yaml': 'commonLabels:\n- {kind: Widget, path: spec/selector/matchLabels, create: true}\n',
      'w.yaml': workloads,
    },
  },
  {
    name: 'labels at two levels',
    files: {
      'base/kustomization.yaml': 'commonLabels: {base: "yes"}\nresources: [w.yaml]\n',
      'base/w.yaml': workloads,
      'kustomization.yaml':
        'commonLabels: {overlay: "yes"}\nlabels: [{pairs: {env: prod}, includeTemplates: true}]\nresources: [base]\n',
    },
  },
  {
    name: 'commonAnnotations on metadata and pod templates',
    files: {
      'kustomization.yaml':
        'commonAnnotations: {note: "hello: world", "on": "yes", num: "1.0"}\nresources: [w.yaml]\n',
      'w.yaml': workloads,
    },
  },
  {
    name: 'commonAnnotations with configurations and two levels',
    files: {
      'base/kustomization.yaml':
        'commonAnnotations: {a: base}\nresources: [w.yaml]\nconfigurations: [c.yaml]\n',
      'base/c.yaml':
        'commonAnnotations:\n- {kind: Widget, path: spec/template/metadata/annotations, create: true}\n',
      'base/w.yaml': workloads,
      'kustomization.yaml': 'commonAnnotations: {a: overlay, b: overlay}\nresources: [base]\n',
    },
  },
  {
    name: 'a label map that is not a map is an error',
    files: {
      'kustomization.yaml': 'commonLabels: {a: b}\nresources: [cm.yaml]\n',
      'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm, labels: [x]}\n',
    },
  },
];

describe.skipIf(!kubectlAvailable())('label and annotation transformers match kustomize', () => {
  it.each(cases)('$name', ({ files }) => expectSameAsKustomize(files));
});
