import { describe, it } from 'vitest';
import { kubectlAvailable } from '../helpers/kustomize-oracle.js';
import { expectSameAsKubectl, type Files } from '../helpers/differential.js';

const deployment = (name: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      serviceAccountName: runner
      containers:
      - name: app
        image: nginx:1.25
        envFrom:
        - configMapRef:
            name: settings
        volumeMounts:
        - name: data
          mountPath: /data
      volumes:
      - name: data
        persistentVolumeClaim:
          claimName: data
      - name: cfg
        configMap:
          name: settings
      - name: creds
        secret:
          secretName: creds
${extra}`;

const cases: { name: string; files: Files; dir?: string }[] = [
  {
    name: 'patch on a generated ConfigMap',
    files: {
      'kustomization.yaml': `configMapGenerator:
- name: settings
  literals: [A=1, B=2]
patches:
- target: {kind: ConfigMap, name: settings}
  patch: |
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: settings
    data:
      B: patched
resources: [deploy.yaml]
`,
      'deploy.yaml': deployment('web'),
    },
  },
  {
    name: 'prefix plus name references across workloads, RBAC and services',
    files: {
      'kustomization.yaml': `namePrefix: pre-
nameSuffix: -suf
resources: [deploy.yaml, rbac.yaml, svc.yaml]
configMapGenerator:
- name: settings
  literals: [A=1]
secretGenerator:
- name: creds
  literals: [password=x]
`,
      'deploy.yaml': deployment('web'),
      'rbac.yaml': `apiVersion: v1
kind: ServiceAccount
metadata:
  name: runner
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: reader
rules:
- apiGroups: [""]
  resources: [configmaps]
  verbs: [get]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: reader
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: reader
subjects:
- kind: ServiceAccount
  name: runner
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
`,
      'svc.yaml': `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  rules:
  - host: example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: 80
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 1
  maxReplicas: 3
`,
    },
  },
  {
    name: 'component order: resources, generators, components, then transformers',
    files: {
      'overlay/kustomization.yaml': `resources: [../base]
namePrefix: o-
components: [../comp-a, ../comp-b]
configMapGenerator:
- name: extra
  literals: [X=1]
`,
      'base/kustomization.yaml': 'resources: [deploy.yaml]\n',
      'base/deploy.yaml': deployment('web'),
      'comp-a/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1alpha1
kind: Component
resources: [cm.yaml]
patches:
- target: {kind: ConfigMap, name: extra}
  patch: |
    - op: add
      path: /data/FROM_A
      value: a
`,
      'comp-a/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-a\ndata:\n  k: v\n',
      'comp-b/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1alpha1
kind: Component
patches:
- target: {kind: ConfigMap, name: from-a}
  patch: |
    - op: replace
      path: /data/k
      value: from-b
`,
    },
    dir: 'overlay',
  },
  {
    name: 'merge vs replace generators over a base',
    files: {
      'overlay/kustomization.yaml': `resources: [../base]
configMapGenerator:
- name: merged
  behavior: merge
  literals: [B=overlay, C=new]
- name: replaced
  behavior: replace
  literals: [ONLY=this]
`,
      'base/kustomization.yaml': `namePrefix: base-
configMapGenerator:
- name: merged
  literals: [A=base, B=base]
- name: replaced
  literals: [OLD=gone]
`,
    },
    dir: 'overlay',
  },
  {
    name: 'JSON patch paths with ~1 and ~0',
    files: {
      'kustomization.yaml': `resources: [ns.yaml]
patches:
- target: {kind: Namespace}
  patch: |
    - op: add
      path: /metadata/annotations/example.com~1tilde~0key
      value: "true"
    - op: add
      path: /metadata/labels
      value:
        team: a
`,
      'ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n  annotations: {}\n',
    },
  },
  {
    name: 'namespace change on RoleBinding subjects and ClusterRoleBinding',
    files: {
      'kustomization.yaml': `namespace: team
resources: [rbac.yaml]
`,
      'rbac.yaml': `apiVersion: v1
kind: ServiceAccount
metadata:
  name: runner
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: rb
  namespace: old
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
- kind: ServiceAccount
  name: runner
  namespace: default
- kind: ServiceAccount
  name: other
  namespace: elsewhere
- kind: User
  name: jane
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: crb
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
- kind: ServiceAccount
  name: runner
  namespace: default
---
apiVersion: v1
kind: Namespace
metadata:
  name: something
---
apiVersion: cert-manager.io/v1
kind: ClusterIssuer
metadata:
  name: le
spec:
  acme: {}
`,
    },
  },
  {
    name: 'kind: List expansion and legacy order',
    files: {
      'kustomization.yaml': 'resources: [list.yaml, more.yaml]\n',
      'list.yaml': `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Service
  metadata:
    name: b
  spec:
    ports: [{port: 1}]
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: a
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata:
  name: hook
---
apiVersion: example.com/v1
kind: Widget
metadata:
  name: w
`,
      'more.yaml': `apiVersion: v1
kind: Namespace
metadata:
  name: zz
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names: {kind: Widget, plural: widgets}
  scope: Namespaced
  versions: []
`,
    },
  },
  {
    name: 'commonLabels, labels with and without selectors, commonAnnotations',
    files: {
      'kustomization.yaml': `resources: [deploy.yaml]
commonLabels:
  team: a
labels:
- pairs: {tier: web}
- pairs: {sel: yes-please}
  includeSelectors: true
- pairs: {tmpl: t}
  includeTemplates: true
commonAnnotations:
  owner: "someone"
  note: "0755"
`,
      'deploy.yaml': deployment('web'),
    },
  },
  {
    name: 'images, replicas and a CronJob',
    files: {
      'kustomization.yaml': `resources: [deploy.yaml, cron.yaml]
images:
- name: nginx
  newName: registry.example.com/nginx
  newTag: "1.27"
- name: busybox
  digest: sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
replicas:
- name: web
  count: 4
`,
      'deploy.yaml': deployment('web'),
      'cron.yaml': `apiVersion: batch/v1
kind: CronJob
metadata:
  name: tick
spec:
  schedule: "*/5 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          initContainers:
          - name: init
            image: busybox:1.36
          containers:
          - name: main
            image: nginx
`,
    },
  },
  {
    name: 'replacements inline and from a file',
    files: {
      'kustomization.yaml': `resources: [deploy.yaml, cm.yaml]
replacements:
- source: {kind: ConfigMap, name: source, fieldPath: data.image}
  targets:
  - select: {kind: Deployment}
    fieldPaths: [spec.template.spec.containers.[name=app].image]
- path: repl.yaml
`,
      'repl.yaml': `source: {kind: ConfigMap, name: source, fieldPath: data.host}
targets:
- select: {kind: Deployment}
  fieldPaths: [metadata.annotations.host]
  options: {create: true}
`,
      'cm.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: source\ndata:\n  image: busybox:2\n  host: a.example.com\n',
      'deploy.yaml': deployment('web'),
    },
  },
  {
    name: 'deprecated patchesStrategicMerge, patchesJson6902, bases and imageTags',
    files: {
      'kustomization.yaml': `bases: [base]
patchesStrategicMerge:
- smp.yaml
patchesJson6902:
- target: {group: apps, version: v1, kind: Deployment, name: web}
  path: json.yaml
imageTags:
- name: nginx
  newTag: "2"
`,
      'base/kustomization.yaml': 'resources: [deploy.yaml]\n',
      'base/deploy.yaml': deployment('web'),
      'smp.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: app
        env:
        - name: MODE
          value: prod
      - name: sidecar
        image: busybox
`,
      'json.yaml': '- op: replace\n  path: /spec/template/spec/serviceAccountName\n  value: other\n',
    },
  },
  {
    name: 'buildMetadata originAnnotations across a base and a generator',
    files: {
      'overlay/kustomization.yaml': `resources: [../base, ./cm.yaml]
buildMetadata: [originAnnotations]
configMapGenerator:
- name: gen
  literals: [A=1]
`,
      'overlay/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n',
      'base/kustomization.yaml': 'resources: [deploy.yaml]\n',
      'base/deploy.yaml': deployment('web'),
    },
    dir: 'overlay',
  },
  {
    name: 'sortOptions fifo keeps input order',
    files: {
      'kustomization.yaml': `resources: [a.yaml]
sortOptions:
  order: fifo
`,
      'a.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: z
spec: {}
---
apiVersion: v1
kind: Namespace
metadata:
  name: a
`,
    },
  },
  {
    name: 'a strategic merge patch that deletes a resource and a container',
    files: {
      'kustomization.yaml': `resources: [deploy.yaml, extra.yaml]
patches:
- patch: |
    $patch: delete
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: doomed
- patch: |
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      template:
        spec:
          containers:
          - name: app
            $patch: delete
`,
      'deploy.yaml': deployment('web'),
      'extra.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: doomed\n',
    },
  },
  {
    name: 'kustomization files use YAML 1.1 scalars: `namespace: on` is a boolean and fails',
    files: {
      'kustomization.yaml': 'namespace: on\nresources: [cm.yaml]\n',
      'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n',
    },
  },
  {
    name: 'a quoted YAML 1.1 word in a kustomization is a string',
    files: {
      'kustomization.yaml': 'namespace: "on"\ncommonLabels:\n  flag: "yes"\nresources: [cm.yaml]\n',
      'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n',
    },
  },
];

describe.skipIf(!kubectlAvailable())('native build equals kubectl kustomize', () => {
  it.each(cases)('$name', ({ files, dir }) => {
    expectSameAsKubectl(files, dir);
  });
});
