import { describe, it } from 'vitest';
import { kubectlAvailable } from '../../helpers/kustomize-oracle.js';
import { docs, expectSameAsKustomize, type Files } from './harness.js';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      serviceAccountName: runner
      containers: [{name: web, image: nginx}]`;

const rbac = docs(
  `apiVersion: v1
kind: ServiceAccount
metadata: {name: runner, namespace: old}`,
  `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: rb}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
subjects:
- {kind: ServiceAccount, name: default}
- {kind: ServiceAccount, name: default, namespace: elsewhere}
- {kind: ServiceAccount, name: runner, namespace: old}
- {kind: ServiceAccount, name: outsider, namespace: other}
- {kind: User, name: jane, apiGroup: rbac.authorization.k8s.io}`,
  `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: crb}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: viewer}
subjects:
- {kind: ServiceAccount, name: runner, namespace: old}
- {kind: ServiceAccount, name: runner}
- {kind: ServiceAccount, name: default, namespace: kube-system}
- {kind: Group, name: devs}`,
  `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: reader}
rules: []`,
  `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: viewer}
rules: []`,
);

const webhooks = docs(
  `apiVersion: v1
kind: Service
metadata: {name: hook, namespace: system}
spec: {ports: [{port: 443}]}`,
  `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata: {name: vwc}
webhooks:
- name: a.example.com
  clientConfig: {service: {name: hook, namespace: system, path: /validate}}
- name: b.example.com
  clientConfig: {service: {name: other, namespace: system}}`,
  `apiVersion: admissionregistration.k8s.io/v1
kind: MutatingWebhookConfiguration
metadata: {name: mwc}
webhooks:
- name: a.example.com
  clientConfig: {service: {name: hook, namespace: system}}`,
  `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  names: {kind: Widget, plural: widgets}
  scope: Namespaced
  conversion:
    strategy: Webhook
    webhook:
      clientConfig: {service: {name: hook, namespace: system}}
      conversionReviewVersions: [v1]`,
  `apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata: {name: v1.metrics.example.com}
spec:
  group: metrics.example.com
  version: v1
  service: {name: hook, namespace: system}`,
  `apiVersion: example.com/v1
kind: Widget
metadata: {name: w}`,
);

/** One object of each kind whose scope kustomize decides from its built-in OpenAPI data. */
const scopeProbe = [
  ['v1', 'Namespace'],
  ['v1', 'Node'],
  ['v1', 'PersistentVolume'],
  ['v1', 'PersistentVolumeClaim'],
  ['v1', 'ComponentStatus'],
  ['v1', 'Binding'],
  ['v1', 'Event'],
  ['admissionregistration.k8s.io/v1', 'ValidatingAdmissionPolicy'],
  ['admissionregistration.k8s.io/v1beta1', 'MutatingWebhookConfiguration'],
  ['apiextensions.k8s.io/v1beta1', 'CustomResourceDefinition'],
  ['apiregistration.k8s.io/v1beta1', 'APIService'],
  ['authentication.k8s.io/v1', 'TokenReview'],
  ['authorization.k8s.io/v1', 'SubjectAccessReview'],
  ['authorization.k8s.io/v1', 'LocalSubjectAccessReview'],
  ['certificates.k8s.io/v1', 'CertificateSigningRequest'],
  ['flowcontrol.apiserver.k8s.io/v1beta1', 'FlowSchema'],
  ['flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema'],
  ['flowcontrol.apiserver.k8s.io/v1alpha1', 'PriorityLevelConfiguration'],
  ['internal.apiserver.k8s.io/v1alpha1', 'StorageVersion'],
  ['networking.k8s.io/v1', 'IngressClass'],
  ['networking.k8s.io/v1', 'NetworkPolicy'],
  ['node.k8s.io/v1', 'RuntimeClass'],
  ['node.k8s.io/v1alpha1', 'RuntimeClass'],
  ['policy/v1beta1', 'PodSecurityPolicy'],
  ['extensions/v1beta1', 'PodSecurityPolicy'],
  ['rbac.authorization.k8s.io/v1alpha1', 'ClusterRole'],
  ['rbac.authorization.k8s.io/v1beta1', 'ClusterRoleBinding'],
  ['scheduling.k8s.io/v1', 'PriorityClass'],
  ['scheduling.k8s.io/v1alpha1', 'PriorityClass'],
  ['storage.k8s.io/v1', 'StorageClass'],
  ['storage.k8s.io/v1', 'CSIDriver'],
  ['storage.k8s.io/v1', 'CSINode'],
  ['storage.k8s.io/v1', 'CSIStorageCapacity'],
  ['storage.k8s.io/v1alpha1', 'VolumeAttachment'],
  ['storage.k8s.io/v1beta1', 'CSIStorageCapacity'],
  ['cert-manager.io/v1', 'ClusterIssuer'],
  ['apps/v1', 'Deployment'],
];

const cases: { name: string; files: Files }[] = [
  {
    name: 'namespaced kinds get the namespace, cluster-scoped kinds and existing ids are recorded',
    files: {
      'kustomization.yaml': 'namespace: ns1\nresources: [res.yaml]\n',
      'res.yaml': docs(
        deployment,
        `apiVersion: v1
kind: ConfigMap
metadata: {name: cfg, namespace: was-here}`,
        `apiVersion: v1
kind: Namespace
metadata: {name: anything}`,
        `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: cr}`,
      ),
    },
  },
  {
    name: 'RoleBinding and ClusterRoleBinding subjects: default subjects and service accounts in the build',
    files: { 'kustomization.yaml': 'namespace: ns1\nresources: [rbac.yaml]\n', 'rbac.yaml': rbac },
  },
  {
    name: 'webhook, CRD conversion and APIService service namespaces',
    files: { 'kustomization.yaml': 'namespace: ns1\nresources: [hooks.yaml]\n', 'hooks.yaml': webhooks },
  },
  {
    name: 'scope of built-in and unknown kinds',
    files: {
      'kustomization.yaml': 'namespace: ns1\nresources: [probe.yaml]\n',
      'probe.yaml': docs(
        ...scopeProbe.map(
          ([apiVersion, kind], i) => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: p${i}}`,
        ),
      ),
    },
  },
  {
    name: 'two Namespace objects collide once renamed',
    files: {
      'kustomization.yaml': 'namespace: ns1\nresources: [ns.yaml]\n',
      'ns.yaml': docs(
        'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}',
        'apiVersion: v1\nkind: Namespace\nmetadata: {name: b}',
      ),
    },
  },
  {
    name: 'same name in two namespaces collides',
    files: {
      'kustomization.yaml': 'namespace: ns1\nresources: [cm.yaml]\n',
      'cm.yaml': docs(
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: x}',
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: y}',
      ),
    },
  },
  {
    name: 'nested levels: the overlay namespace wins and references follow',
    files: {
      'base/kustomization.yaml': 'namespace: base-ns\nresources: [rbac.yaml, deploy.yaml]\n',
      'base/rbac.yaml': rbac,
      'base/deploy.yaml': deployment,
      'kustomization.yaml': 'namespace: prod\nresources: [base]\n',
    },
  },
  {
    name: 'custom namespace field specs from configurations',
    files: {
      'kustomization.yaml': 'namespace: ns1\nresources: [w.yaml]\nconfigurations: [conf.yaml]\n',
      'conf.yaml':
        'namespace:\n- {kind: Widget, path: spec/targetNamespace, create: true}\n- {kind: Widget, path: spec/other}\n',
      'w.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: 1}\n',
    },
  },
  {
    name: 'NamespaceTransformer plugin with unsetOnly and allServiceAccounts',
    files: {
      'kustomization.yaml': 'resources: [rbac.yaml, deploy.yaml, cm.yaml]\ntransformers: [ns.yaml]\n',
      'rbac.yaml': rbac,
      'deploy.yaml': deployment,
      'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg, namespace: keep}\n',
      'ns.yaml': `apiVersion: builtin
kind: NamespaceTransformer
metadata: {name: ns, namespace: plugin-ns}
unsetOnly: true
setRoleBindingSubjects: allServiceAccounts
fieldSpecs:
- {path: metadata/namespace, create: true}
`,
    },
  },
  {
    name: 'NamespaceTransformer plugin with setRoleBindingSubjects none',
    files: {
      'kustomization.yaml': 'resources: [rbac.yaml]\ntransformers: [ns.yaml]\n',
      'rbac.yaml': rbac,
      'ns.yaml': `apiVersion: builtin
kind: NamespaceTransformer
metadata: {name: ns, namespace: plugin-ns}
setRoleBindingSubjects: none
fieldSpecs:
- {path: metadata/namespace, create: true}
`,
    },
  },
];

describe.skipIf(!kubectlAvailable())('namespace transformer matches kustomize', () => {
  it.each(cases)('$name', ({ files }) => expectSameAsKustomize(files));
});
