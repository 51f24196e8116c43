import { load, loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';

import { DiagnosticError } from '../../src/core/diagnostic.js';
import { isJsonObject, type JsonObject } from '../../src/core/json.js';
import { applyStrategicMerge } from '../../src/kustomize/strategic-merge.js';
import { kubectlAvailable, realKustomize, withFixture } from '../helpers/kustomize-oracle.js';

const DEPLOYMENT = `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
  labels: {app: web}
spec:
  replicas: 1
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: main
        image: main:1
        args: [--a, --b]
        ports:
        - {containerPort: 80, protocol: TCP, name: http}
        - {containerPort: 53, protocol: UDP, name: dns}
        env:
        - {name: X, value: "1"}
        - {name: Y, value: "2"}
        volumeMounts:
        - {name: data, mountPath: /data}
      - name: sidecar
        image: side:1
      volumes:
      - name: data
        emptyDir: {}
      - name: conf
        configMap: {name: conf}
      tolerations:
      - {key: a, operator: Exists}
`;

const deploymentPatch = (spec: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n${spec}`;

const podSpecPatch = (podSpec: string): string =>
  deploymentPatch(
    `spec:\n  template:\n    spec:\n${podSpec
      .split('\n')
      .map((l) => `      ${l}`)
      .join('\n')}`,
  );

const HELM_RELEASE = `
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: podinfo
  namespace: apps
  finalizers: [a, b]
spec:
  interval: 5m
  chart:
    spec: {chart: podinfo, version: 6.x}
  values:
    replicaCount: 1
    extraEnvs:
    - {name: A, value: "1"}
    - {name: B, value: "2"}
    ingress:
      hosts:
      - host: a.example.com
        paths: [{path: /, pathType: Prefix}]
    matrix: [[1, 2], [3]]
`;

const hrPatch = (spec: string): string =>
  `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: podinfo\n  namespace: apps\n${spec}`;

interface Case {
  name: string;
  resources: string;
  patch: string;
  /** The real kustomize rejects the patch. */
  fails?: boolean;
}

const CASES: Case[] = [
  {
    name: 'container merged by name, new container prepended',
    resources: DEPLOYMENT,
    patch: podSpecPatch('containers:\n- name: extra\n  image: extra:1\n- name: main\n  image: main:2'),
  },
  {
    name: 'env merge and env deletion with $patch: delete',
    resources: DEPLOYMENT,
    patch: podSpecPatch(
      'containers:\n- name: main\n  env:\n  - {name: Z, value: "3"}\n  - {name: X, $patch: delete}',
    ),
  },
  {
    name: 'volumes merged by name (merge,retainKeys)',
    resources: DEPLOYMENT,
    patch: podSpecPatch(
      'volumes:\n- name: extra\n  secret: {secretName: s}\n- name: conf\n  configMap: {name: conf2}',
    ),
  },
  {
    name: 'ports merged by containerPort+protocol, protocol omitted',
    resources: DEPLOYMENT,
    patch: podSpecPatch(
      'containers:\n- name: main\n  ports:\n  - {containerPort: 53, protocol: TCP}\n  - {containerPort: 8080}\n  - {containerPort: 80, protocol: TCP, name: web}',
    ),
  },
  {
    name: 'port with protocol only in the patch first',
    resources: DEPLOYMENT,
    patch: podSpecPatch('containers:\n- name: main\n  ports:\n  - {containerPort: 9090, protocol: TCP}'),
  },
  {
    name: '$patch: replace on a list',
    resources: DEPLOYMENT,
    patch: podSpecPatch('containers:\n- $patch: replace\n- name: only\n  image: only:1'),
  },
  {
    name: '$patch: replace as last list element',
    resources: DEPLOYMENT,
    patch: podSpecPatch('containers:\n- name: main\n  image: main:3\n- $patch: replace'),
  },
  {
    name: '$patch: delete on a list',
    resources: DEPLOYMENT,
    patch: podSpecPatch('volumes:\n- $patch: delete'),
  },
  {
    name: '$patch: replace on a map',
    resources: DEPLOYMENT,
    patch: deploymentPatch(
      'spec:\n  template:\n    metadata:\n      $patch: replace\n      labels: {other: x}',
    ),
  },
  {
    name: '$patch: replace on a list element is undone by the target element',
    resources: DEPLOYMENT,
    patch: podSpecPatch('volumes:\n- name: data\n  $patch: replace\n  hostPath: {path: /x}'),
  },
  {
    name: '$patch: delete on a map',
    resources: DEPLOYMENT,
    patch: deploymentPatch('spec:\n  template:\n    metadata:\n      $patch: delete'),
  },
  {
    name: '$setElementOrder and $retainKeys are kept literally',
    resources: DEPLOYMENT,
    patch: podSpecPatch(
      '$setElementOrder/containers:\n- name: sidecar\n- name: main\ncontainers:\n- name: main\n  $retainKeys: [name]\n  image: main:4',
    ),
  },
  {
    name: '$deleteFromPrimitiveList is kept literally',
    resources: DEPLOYMENT,
    patch: podSpecPatch('containers:\n- name: main\n  $deleteFromPrimitiveList/args: [--a]'),
  },
  {
    name: 'null deletes fields',
    resources: DEPLOYMENT,
    patch:
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n  labels: null\n  annotations: null\nspec:\n  replicas: null\n  template:\n    spec:\n      tolerations: null\n      containers:\n      - name: main\n        env: null\n        image: null\n',
  },
  {
    name: 'non-keyed lists (args, tolerations) replaced',
    resources: DEPLOYMENT,
    patch: podSpecPatch(
      'tolerations:\n- {key: b, operator: Exists}\ncontainers:\n- name: main\n  args: [--c]',
    ),
  },
  {
    name: 'finalizers merged as a set',
    resources: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  finalizers: [a, b]\ndata: {k: v}\n`,
    patch: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  finalizers: [c, a]\n`,
  },
  {
    name: 'whole resource deleted',
    resources: `${DEPLOYMENT}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: keep\n`,
    patch: deploymentPatch('$patch: delete'),
  },
  {
    name: 'ConfigMap data merged',
    resources: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  a: "1"\n  b: "2"\n`,
    patch: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  b: null\n  c: "3"\n`,
  },
  {
    name: 'custom resource: lists of maps with name are replaced, not merged',
    resources: HELM_RELEASE,
    patch: hrPatch(
      'spec:\n  values:\n    extraEnvs:\n    - {name: B, value: "20"}\n    - {name: C, value: "3"}',
    ),
  },
  {
    name: 'custom resource: finalizers replaced (no schema)',
    resources: HELM_RELEASE,
    patch: hrPatch('  finalizers: [c]\nspec:\n  values:\n    replicaCount: 3'),
  },
  {
    name: 'custom resource: nested lists without keys replaced',
    resources: HELM_RELEASE,
    patch: hrPatch(
      'spec:\n  values:\n    matrix: [[9]]\n    ingress:\n      hosts:\n      - host: b.example.com',
    ),
  },
  {
    name: 'custom resource embedding a Pod template gets the Pod schema',
    resources: `apiVersion: example.com/v1\nkind: Thing\nmetadata:\n  name: t\nspec:\n  template:\n    apiVersion: v1\n    kind: Pod\n    spec:\n      containers:\n      - {name: a, image: a}\n`,
    patch: `apiVersion: example.com/v1\nkind: Thing\nmetadata:\n  name: t\nspec:\n  template:\n    apiVersion: v1\n    kind: Pod\n    spec:\n      containers:\n      - {name: b, image: b}\n`,
  },
  {
    name: 'list element patch where the target list is absent',
    resources: DEPLOYMENT,
    patch: podSpecPatch('initContainers:\n- name: init\n  image: init:1\n- name: gone\n  $patch: delete'),
  },
  {
    name: 'new map with nested directives',
    resources: DEPLOYMENT,
    patch: deploymentPatch(
      'spec:\n  strategy:\n    rollingUpdate:\n      $patch: delete\n    type: Recreate',
    ),
  },
  {
    name: 'patch list where the target has a scalar',
    resources: DEPLOYMENT,
    patch: deploymentPatch('spec:\n  replicas: [1, 2]'),
    fails: true,
  },
  {
    name: 'patch map where the target has a list',
    resources: DEPLOYMENT,
    patch: podSpecPatch('containers:\n  main: {image: x}'),
    fails: true,
  },
  {
    name: 'unknown $patch value',
    resources: DEPLOYMENT,
    patch: deploymentPatch('spec:\n  template:\n    $patch: bogus'),
    fails: true,
  },
  {
    name: 'null fields of the target are kept',
    resources: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n  creationTimestamp: null\nspec:\n  template:\n    metadata:\n      creationTimestamp: null\n    spec:\n      containers:\n      - name: a\n        resources: {}\n`,
    patch: deploymentPatch('spec:\n  replicas: 2'),
  },
  {
    name: 'keyless element in the patch of a keyed list',
    resources: DEPLOYMENT,
    patch: podSpecPatch('containers:\n- image: nameless:1'),
  },
  {
    name: 'keyless element in the target of a keyed list',
    resources: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - {name: a, image: a}\n  - {image: nameless}\n  - {name: b, image: b}\n`,
    patch: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - {name: c, image: c}\n`,
  },
  {
    name: 'duplicate keys in the target collapse',
    resources: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - {name: a, image: a1}\n  - {name: a, image: a2}\n  - {name: b, image: b}\n`,
    patch: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - {name: b, image: b2}\n`,
  },
  {
    name: 'Service ports by port+protocol',
    resources: `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - {port: 80, protocol: TCP, targetPort: 8080}\n  - {port: 53, protocol: UDP}\n`,
    patch: `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - {port: 80, targetPort: 9090}\n  - {port: 443, protocol: TCP}\n`,
  },
  {
    name: 'webhooks merged by name',
    resources: `apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingWebhookConfiguration\nmetadata:\n  name: w\nwebhooks:\n- {name: a.example.com, sideEffects: None}\n- {name: b.example.com, sideEffects: None}\n`,
    patch: `apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingWebhookConfiguration\nmetadata:\n  name: w\nwebhooks:\n- {name: b.example.com, failurePolicy: Ignore}\n`,
  },
  {
    name: 'topologySpreadConstraints by topologyKey+whenUnsatisfiable',
    resources: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  topologySpreadConstraints:\n  - {topologyKey: zone, whenUnsatisfiable: DoNotSchedule, maxSkew: 1}\n  - {topologyKey: host, whenUnsatisfiable: ScheduleAnyway, maxSkew: 1}\n`,
    patch: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  topologySpreadConstraints:\n  - {topologyKey: zone, whenUnsatisfiable: DoNotSchedule, maxSkew: 2}\n`,
  },
  {
    name: 'imagePullSecrets and hostAliases',
    resources: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  imagePullSecrets: [{name: a}]\n  hostAliases: [{ip: 1.2.3.4, hostnames: [a]}]\n`,
    patch: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  imagePullSecrets: [{name: b}]\n  hostAliases: [{ip: 1.2.3.4, hostnames: [b]}, {ip: 5.6.7.8, hostnames: [c]}]\n`,
  },
  {
    name: 'CronJob containers through jobTemplate',
    resources: `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{name: a, image: a, env: [{name: A, value: x}]}]\n`,
    patch: `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{name: a, env: [{name: B, value: y}]}]\n`,
  },
  {
    name: 'autoscaling/v2 is unknown to kustomize: metrics replaced',
    resources: `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\n  finalizers: [a]\nspec:\n  metrics:\n  - {type: Resource, resource: {name: cpu}}\n`,
    patch: `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\n  finalizers: [b]\nspec:\n  metrics:\n  - {type: Pods}\n`,
  },
  {
    name: 'APIService status conditions merged by type',
    resources: `apiVersion: apiregistration.k8s.io/v1\nkind: APIService\nmetadata:\n  name: v1.x.io\nstatus:\n  conditions: [{type: Available, status: "True"}]\n`,
    patch: `apiVersion: apiregistration.k8s.io/v1\nkind: APIService\nmetadata:\n  name: v1.x.io\nstatus:\n  conditions: [{type: Other, status: "False"}]\n`,
  },
  {
    name: 'ComponentStatus conditions merged by type',
    resources: `apiVersion: v1\nkind: ComponentStatus\nmetadata:\n  name: c\nconditions: [{type: Healthy, status: "True"}]\n`,
    patch: `apiVersion: v1\nkind: ComponentStatus\nmetadata:\n  name: c\nconditions: [{type: Other, status: "False"}]\n`,
  },
  {
    name: 'Deployment status conditions and Pod podIPs',
    resources: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nstatus:\n  podIPs: [{ip: 10.0.0.1}]\n  conditions: [{type: Ready, status: "True"}]\n`,
    patch: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nstatus:\n  podIPs: [{ip: 10.0.0.2}]\n  conditions: [{type: Ready, status: "False"}, {type: X, status: "True"}]\n`,
  },
  {
    name: 'fields newer than kustomize schema are replaced (schedulingGates)',
    resources: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  schedulingGates: [{name: a}]\n`,
    patch: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  schedulingGates: [{name: b}]\n`,
  },
];

function parseDocs(text: string): JsonObject[] {
  return (loadAll(text) as unknown[]).filter(isJsonObject) as JsonObject[];
}

const idOf = (o: JsonObject): string => `${String(o.kind)}/${String((o.metadata as JsonObject).name)}`;

/** What our merge produces for the fixture: the patch applied to the resource with its kind and name. */
function ours(c: Case): Record<string, JsonObject> {
  const patch = load(c.patch) as JsonObject;
  const out: Record<string, JsonObject> = {};
  for (const res of parseDocs(c.resources)) {
    if (idOf(res) !== idOf(patch)) {
      out[idOf(res)] = res;
      continue;
    }
    const merged = applyStrategicMerge(res, patch);
    if (merged) out[idOf(res)] = merged;
  }
  return out;
}

function theirs(c: Case): { ok: boolean; byId: Record<string, JsonObject>; stderr: string } {
  return withFixture(
    {
      'kustomization.yaml': 'resources:\n- resources.yaml\npatches:\n- path: patch.yaml\n',
      'resources.yaml': c.resources,
      'patch.yaml': c.patch,
    },
    (dir) => {
      const r = realKustomize(dir);
      const byId: Record<string, JsonObject> = {};
      if (r.ok) for (const o of parseDocs(r.stdout)) byId[idOf(o)] = o;
      return { ok: r.ok, byId, stderr: r.stderr };
    },
  );
}

describe.runIf(kubectlAvailable())('applyStrategicMerge matches kubectl kustomize', () => {
  it.each(CASES)('$name', (c) => {
    const real = theirs(c);
    if (c.fails) {
      expect(real.ok, 'kustomize should reject this patch').toBe(false);
      expect(() => ours(c)).toThrow(DiagnosticError);
      return;
    }
    expect(real.ok, real.stderr).toBe(true);
    expect(ours(c)).toEqual(real.byId);
  });
});

describe.runIf(kubectlAvailable())('several patches on one resource', () => {
  it('are applied one after the other, each to the previous result', () => {
    const first = podSpecPatch(
      'containers:\n- name: main\n  env:\n  - {name: P1, value: a}\n  - {name: X, $patch: delete}',
    );
    const second = podSpecPatch(
      'containers:\n- name: main\n  env:\n  - {name: P2, value: b}\n- $patch: replace',
    );
    const real = withFixture(
      {
        'kustomization.yaml': 'resources:\n- r.yaml\npatchesStrategicMerge:\n- p1.yaml\n- p2.yaml\n',
        'r.yaml': DEPLOYMENT,
        'p1.yaml': first,
        'p2.yaml': second,
      },
      (dir) => realKustomize(dir),
    );
    expect(real.ok, real.stderr).toBe(true);
    const target = load(DEPLOYMENT) as JsonObject;
    const once = applyStrategicMerge(target, load(first) as JsonObject) as JsonObject;
    expect(parseDocs(real.stdout)).toEqual([applyStrategicMerge(once, load(second) as JsonObject)]);
  });
});

describe('applyStrategicMerge', () => {
  it('does not mutate the patch and returns null on whole-resource deletion', () => {
    const patch = { kind: 'ConfigMap', metadata: { name: 'x' }, $patch: 'delete' } as JsonObject;
    const snapshot = structuredClone(patch);
    expect(applyStrategicMerge({ kind: 'ConfigMap', metadata: { name: 'x' } }, patch)).toBeNull();
    expect(patch).toEqual(snapshot);
  });

  it('reuses the target object', () => {
    const target: JsonObject = { kind: 'ConfigMap', metadata: { name: 'x' }, data: { a: '1' } };
    const out = applyStrategicMerge(target, { data: { b: '2' } });
    expect(out).toBe(target);
    expect(out).toEqual({ kind: 'ConfigMap', metadata: { name: 'x' }, data: { a: '1', b: '2' } });
  });
});
