import { describe, it } from 'vitest';
import { kubectlAvailable } from '../../helpers/kustomize-oracle.js';
import { docs, expectSameAsKustomize, type Files } from './harness.js';

const workload = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      serviceAccountName: runner
      priorityClassName: high
      imagePullSecrets: [{name: pull}]
      initContainers:
      - name: init
        image: busybox
        envFrom: [{configMapRef: {name: cfg}}, {secretRef: {name: creds}}]
      containers:
      - name: web
        image: nginx
        env:
        - name: A
          valueFrom: {configMapKeyRef: {name: cfg, key: a}}
        - name: B
          valueFrom: {secretKeyRef: {name: creds, key: b}}
        - name: C
          valueFrom: {configMapKeyRef: {name: not-in-build, key: c}}
      volumes:
      - name: v1
        configMap: {name: cfg}
      - name: v2
        secret: {secretName: creds}
      - name: v3
        persistentVolumeClaim: {claimName: data}
      - name: v4
        projected:
          sources:
          - configMap: {name: cfg}
          - secret: {name: creds}`;

const targets = docs(
  'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {a: "1"}',
  'apiVersion: v1\nkind: Secret\nmetadata: {name: creds}\ntype: Opaque',
  'apiVersion: v1\nkind: Secret\nmetadata: {name: pull}\ntype: kubernetes.io/dockerconfigjson',
  'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: runner}',
  'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec: {resources: {requests: {storage: 1Gi}}}',
  'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: high}\nvalue: 1000',
);

const service = docs(
  'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}',
  `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  annotations:
    nginx.ingress.kubernetes.io/auth-secret: creds
    nginx.ingress.kubernetes.io/auth-tls-secret: creds
spec:
  ingressClassName: nginx
  defaultBackend: {service: {name: web, port: {number: 80}}}
  tls: [{hosts: [a.example.com], secretName: creds}]
  rules:
  - http:
      paths:
      - path: /
        pathType: Prefix
        backend: {service: {name: web, port: {number: 80}}}
      - path: /other
        pathType: Prefix
        backend: {service: {name: elsewhere, port: {number: 80}}}`,
  'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: nginx}\nspec: {controller: k8s.io/ingress-nginx}',
  `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: web
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: db, image: postgres}]
  volumeClaimTemplates:
  - metadata: {name: pgdata}
    spec: {storageClassName: fast, resources: {requests: {storage: 1Gi}}}`,
  'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast}\nprovisioner: x',
  `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 1
  maxReplicas: 3`,
);

const rbac = docs(
  'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: reader}\nrules: [{apiGroups: [""], resources: [configmaps, secrets], resourceNames: [cfg, creds, unknown], verbs: [get]}]',
  'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: viewer}\nrules: []',
  `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: rb}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
subjects: [{kind: ServiceAccount, name: runner}]`,
  `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: rb-cluster}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: viewer}
subjects: [{kind: ServiceAccount, name: runner, namespace: default}]`,
  `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: crb}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: viewer}
subjects: [{kind: ServiceAccount, name: runner, namespace: default}]`,
);

const customResource = `apiVersion: example.com/v1
kind: Database
metadata: {name: db}
spec:
  passwordSecret: creds
  configMapRef: {name: cfg}`;

const cases: { name: string; files: Files; dir?: string }[] = [
  {
    name: 'workload references to ConfigMap, Secret, ServiceAccount, PVC and PriorityClass follow a prefix and suffix',
    files: {
      'kustomization.yaml': 'namePrefix: p-\nnameSuffix: -s\nresources: [w.yaml, t.yaml]\n',
      'w.yaml': workload,
      't.yaml': targets,
    },
  },
  {
    name: 'Service referenced by Ingress and StatefulSet serviceName; HPA, StorageClass, IngressClass',
    files: { 'kustomization.yaml': 'namePrefix: p-\nresources: [s.yaml]\n', 's.yaml': service },
  },
  {
    name: 'RBAC: roleRef by kind, resourceNames, subjects',
    files: {
      'kustomization.yaml': 'namePrefix: p-\nresources: [r.yaml, t.yaml]\n',
      'r.yaml': rbac,
      't.yaml': targets,
    },
  },
  {
    name: 'RBAC with a namespace change updates service account subjects',
    files: {
      'kustomization.yaml': 'namespace: apps\nnamePrefix: p-\nresources: [r.yaml, t.yaml]\n',
      'r.yaml': rbac,
      't.yaml': targets,
    },
  },
  {
    name: 'a Deployment in one base refers to a ConfigMap in another base, two prefixes deep',
    files: {
      'config/kustomization.yaml': 'namePrefix: a-\nresources: [t.yaml]\n',
      'config/t.yaml': targets,
      'app/kustomization.yaml': 'resources: [w.yaml]\n',
      'app/w.yaml': workload,
      'kustomization.yaml': 'namePrefix: b-\nresources: [config, app]\n',
    },
  },
  {
    name: 'nested prefixes in the referrer and the target',
    files: {
      'config/kustomization.yaml': 'namePrefix: a-\nnameSuffix: -x\nresources: [t.yaml]\n',
      'config/t.yaml': targets,
      'app/kustomization.yaml': 'namePrefix: c-\nresources: [w.yaml]\n',
      'app/w.yaml': workload,
      'mid/kustomization.yaml': 'namePrefix: m-\nnamespace: mid\nresources: [../config, ../app]\n',
      'kustomization.yaml': 'namePrefix: b-\nnamespace: top\nresources: [mid]\n',
    },
  },
  {
    name: 'same original name in two bases: the referrer picks the one with its own prefixes',
    files: {
      'one/kustomization.yaml': 'namePrefix: one-\nresources: [t.yaml, w.yaml]\n',
      'one/t.yaml': targets,
      'one/w.yaml': workload,
      'two/kustomization.yaml': 'namePrefix: two-\nresources: [t.yaml]\n',
      'two/t.yaml': targets.replace('name: high', 'name: high2'),
      'kustomization.yaml': 'resources: [one, two]\n',
    },
  },
  {
    name: 'same original name in two namespaces: the referrer picks its own namespace',
    files: {
      'one/kustomization.yaml': 'namespace: one\nnamePrefix: x-\nresources: [t.yaml, w.yaml]\n',
      'one/t.yaml': targets,
      'one/w.yaml': workload,
      'two/kustomization.yaml': 'namespace: two\nnamePrefix: x-\nresources: [t.yaml]\n',
      'two/t.yaml': targets.replace('name: high', 'name: high2'),
      'kustomization.yaml': 'resources: [one, two]\n',
    },
  },
  {
    name: 'a cluster-scoped referrer that cannot tell two renamed targets apart is an error',
    files: {
      'one/kustomization.yaml': 'namespace: one\nnamePrefix: x-\nresources: [cm.yaml]\n',
      'one/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\n',
      'two/kustomization.yaml': 'namespace: two\nnamePrefix: y-\nresources: [cm.yaml]\n',
      'two/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\n',
      'kustomization.yaml': 'namePrefix: z-\nresources: [one, two, cr.yaml]\n',
      'cr.yaml':
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: viewer}\nrules: [{resourceNames: [cfg], verbs: [get]}]\n',
    },
  },
  {
    name: 'a Secret named in a custom resource is left alone without configurations',
    files: {
      'kustomization.yaml': 'namePrefix: p-\nresources: [cr.yaml, t.yaml]\n',
      'cr.yaml': customResource,
      't.yaml': targets,
    },
  },
  {
    name: 'custom nameReference configurations teach kustomize the custom resource',
    files: {
      'kustomization.yaml': 'namePrefix: p-\nresources: [cr.yaml, t.yaml]\nconfigurations: [refs.yaml]\n',
      'cr.yaml': customResource,
      't.yaml': targets,
      'refs.yaml': `nameReference:
- kind: Secret
  version: v1
  fieldSpecs:
  - {kind: Database, path: spec/passwordSecret}
- kind: ConfigMap
  fieldSpecs:
  - {kind: Database, path: spec/configMapRef/name}
`,
    },
  },
  {
    name: 'configurations in a base apply to the overlay rename too',
    files: {
      'base/kustomization.yaml': 'resources: [cr.yaml, t.yaml]\nconfigurations: [refs.yaml]\n',
      'base/cr.yaml': customResource,
      'base/t.yaml': targets,
      'base/refs.yaml':
        'nameReference:\n- kind: Secret\n  fieldSpecs:\n  - {kind: Database, path: spec/passwordSecret}\n',
      'kustomization.yaml': 'namePrefix: o-\nresources: [base]\n',
    },
  },
  {
    name: 'a ConfigMap and a Secret with the same name are told apart by kind',
    files: {
      'kustomization.yaml': 'nameSuffix: -v2\nresources: [w.yaml, t.yaml]\n',
      'w.yaml': workload,
      't.yaml': targets.replace('name: creds', 'name: cfg').replace('name: creds', 'name: cfg'),
    },
  },
  {
    name: 'webhook configurations follow a renamed and re-namespaced Service',
    files: {
      'kustomization.yaml': 'namespace: hooks\nnamePrefix: p-\nresources: [h.yaml]\n',
      'h.yaml': docs(
        'apiVersion: v1\nkind: Service\nmetadata: {name: hook, namespace: system}\nspec: {ports: [{port: 443}]}',
        `apiVersion: admissionregistration.k8s.io/v1
kind: MutatingWebhookConfiguration
metadata: {name: mwc}
webhooks:
- name: a.example.com
  clientConfig: {service: {name: hook, namespace: system}}
- name: b.example.com
  clientConfig: {service: {name: hook}}
- name: c.example.com
  clientConfig: {url: https://example.com}`,
        `apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata: {name: v1.metrics.example.com}
spec: {group: metrics.example.com, version: v1, service: {name: hook, namespace: system}}`,
      ),
    },
  },
  {
    name: 'CronJob, Job, DaemonSet and Pod referrers',
    files: {
      'kustomization.yaml': 'namePrefix: p-\nresources: [t.yaml, j.yaml]\n',
      't.yaml': targets,
      'j.yaml': docs(
        `apiVersion: batch/v1
kind: CronJob
metadata: {name: cj}
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          serviceAccountName: runner
          containers: [{name: c, image: busybox, envFrom: [{configMapRef: {name: cfg}}]}]
          volumes: [{name: d, persistentVolumeClaim: {claimName: data}}]`,
        `apiVersion: batch/v1
kind: Job
metadata: {name: job}
spec:
  template:
    spec:
      containers: [{name: c, image: busybox, env: [{name: X, valueFrom: {secretKeyRef: {name: creds, key: x}}}]}]`,
        `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: ds}
spec:
  selector: {matchLabels: {a: b}}
  template:
    metadata: {labels: {a: b}}
    spec:
      containers: [{name: c, image: busybox}]
      volumes: [{name: s, secret: {secretName: creds}}]`,
        `apiVersion: v1
kind: Pod
metadata: {name: pod}
spec:
  serviceAccountName: runner
  containers: [{name: c, image: busybox, envFrom: [{secretRef: {name: creds}}]}]`,
      ),
    },
  },
];

describe.skipIf(!kubectlAvailable())('name reference fixing matches kustomize', () => {
  it.each(cases)('$name', ({ files, dir }) => expectSameAsKustomize(files, dir));
});
