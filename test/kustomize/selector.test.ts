import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/core/json.js';
import { matchesLabelSelector, parseLabelSelector } from '../../src/kustomize/label-selector.js';
import { setName, setNamespace, storePreviousId } from '../../src/kustomize/resource.js';
import { idSelectedBy, selectResources, type Selector } from '../../src/kustomize/selector.js';
import { kubectlAvailable } from '../helpers/kustomize-oracle.js';
import { runOracle, runOurs, toResources } from './oracle-fixture.js';

const RESOURCES = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
  labels: {app: web, tier: front}
  annotations: {team: blue}
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: app-db
  namespace: data
  labels: {app: db, tier: back}
---
apiVersion: v1
kind: Service
metadata:
  name: app
  labels: {app: web}
  annotations: {team: red, note: x}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: default
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: reader
---
apiVersion: batch/v1beta1
kind: CronJob
metadata:
  name: job
`;

const PATCH = '- op: add\n  path: /metadata/annotations\n  value: {patched: "yes"}';

const CASES: { name: string; target: Selector }[] = [
  { name: 'kind', target: { kind: 'Deployment' } },
  { name: 'kind regex alternation', target: { kind: 'Deployment|StatefulSet' } },
  { name: 'kind regex is anchored', target: { kind: 'Deploy' } },
  { name: 'name regex', target: { name: 'app.*' } },
  { name: 'name exact', target: { name: 'app' } },
  { name: 'group', target: { group: 'apps' } },
  { name: 'empty group does not mean core', target: { group: '', kind: 'Service' } },
  { name: 'version', target: { version: 'v1beta1' } },
  { name: 'version regex', target: { version: 'v1.*' } },
  { name: 'namespace', target: { namespace: 'data' } },
  { name: 'namespace default matches unset', target: { namespace: 'default' } },
  { name: 'namespace regex', target: { namespace: 'd.*' } },
  { name: 'labelSelector equality', target: { labelSelector: 'app=web' } },
  { name: 'labelSelector ==', target: { labelSelector: 'app==db' } },
  { name: 'labelSelector !=', target: { labelSelector: 'app!=web' } },
  { name: 'labelSelector in', target: { labelSelector: 'tier in (front, back)' } },
  { name: 'labelSelector notin', target: { labelSelector: 'tier notin (front)' } },
  { name: 'labelSelector exists', target: { labelSelector: 'tier' } },
  { name: 'labelSelector not exists', target: { labelSelector: '!tier' } },
  { name: 'labelSelector and', target: { labelSelector: 'app=web,tier' } },
  { name: 'annotationSelector', target: { annotationSelector: 'team=red' } },
  { name: 'annotationSelector exists', target: { annotationSelector: 'team' } },
  { name: 'kind and label', target: { kind: 'Service', labelSelector: 'app=web' } },
  { name: 'case-insensitive flag', target: { kind: '(?i)deployment' } },
  { name: 'nothing', target: { kind: 'Nope' } },
];

function yamlTarget(t: Selector): string {
  return Object.entries(t)
    .map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`)
    .join('\n');
}

describe.skipIf(!kubectlAvailable())('patch target selection against kubectl kustomize', () => {
  it.each(CASES)('$name', ({ target }) => {
    const kustomization = `resources:\n- res.yaml\npatches:\n- target:\n${yamlTarget(target)}\n  patch: |\n    ${PATCH.replace(/\n/g, '\n    ')}\n`;
    const oracle = runOracle({ 'kustomization.yaml': kustomization, 'res.yaml': RESOURCES });
    const ours = runOurs(() => {
      const resources = toResources(RESOURCES);
      for (const r of selectResources(resources, target)) {
        const meta = r.obj.metadata as JsonObject;
        meta.annotations = { patched: 'yes' };
      }
      return resources.map((r) => r.obj);
    });
    expect(ours).toEqual(oracle);
  });
});

/** A base that renames (namespace, then prefix) and an overlay patching by the old names. */
describe.skipIf(!kubectlAvailable())('patch targets match original ids', () => {
  const base = `resources:\n- res.yaml\nnamespace: moved\nnamePrefix: p-\n`;
  const targets: Selector[] = [
    { name: 'app' },
    { name: 'p-app' },
    { namespace: 'default', kind: 'Deployment' },
    { namespace: 'moved', kind: 'Deployment' },
    { namespace: 'data' },
    { name: 'app-db', namespace: 'data' },
  ];
  it.each(targets)('%o', (target) => {
    const overlay = `resources:\n- base\npatches:\n- target:\n${yamlTarget(target)}\n  patch: |\n    ${PATCH.replace(/\n/g, '\n    ')}\n`;
    const oracle = runOracle({
      'kustomization.yaml': overlay,
      'base/kustomization.yaml': base,
      'base/res.yaml': RESOURCES,
    });
    const ours = runOurs(() => {
      const resources = toResources(RESOURCES);
      for (const r of resources) {
        storePreviousId(r.obj);
        if (r.obj.kind !== 'ClusterRole') setNamespace(r.obj, 'moved');
        storePreviousId(r.obj);
        setName(r.obj, `p-${String((r.obj.metadata as JsonObject).name)}`);
      }
      for (const r of selectResources(resources, target)) {
        const meta = r.obj.metadata as JsonObject;
        meta.annotations = { patched: 'yes' };
      }
      return resources.map((r) => {
        const meta = r.obj.metadata as JsonObject;
        const ann = Object.fromEntries(
          Object.entries(meta.annotations as JsonObject).filter(
            ([k]) => !k.startsWith('internal.config.kubernetes.io/'),
          ),
        );
        if (Object.keys(ann).length > 0) meta.annotations = ann;
        else delete meta.annotations;
        return r.obj;
      });
    });
    expect(ours).toEqual(oracle);
  });
});

describe('label selector parser', () => {
  it.each([
    ['', {}, true],
    ['a=b', { a: 'b' }, true],
    ['a=b', { a: 'c' }, false],
    ['a!=b', {}, true],
    ['a in (x, y)', { a: 'y' }, true],
    ['a notin (x)', { a: 'x' }, false],
    ['a notin (x)', {}, true],
    ['!a', { a: '' }, false],
    ['a,b', { a: '1', b: '2' }, true],
    ['a=', { a: '' }, true],
    ['a in ()', { a: '' }, true],
    ['a>5', { a: '7' }, true],
    ['a<5', { a: 'x' }, false],
    ['example.com/app=in', { 'example.com/app': 'in' }, true],
  ])('%s on %o is %s', (sel, labels, want) => {
    expect(matchesLabelSelector(sel, labels)).toBe(want);
  });

  it.each([
    ['a=b c', /expected: ',' or 'end of string'/],
    ['a in x', /expected: '\('/],
    ['a,', /identifier after ','/],
    ['=b', /expected: !, identifier/],
    ['a=b!', /expected: ',' or 'end of string'/],
    ['-a=b', /name part must consist/],
    ['a=b^', /a valid label must be/],
    ['a in (b', /expected: ',' or '\)'/],
  ])('rejects %s', (sel, re) => {
    expect(() => parseLabelSelector(sel)).toThrow(re);
  });
});

describe('idSelectedBy', () => {
  const id = { group: 'apps', version: 'v1', kind: 'Deployment', name: 'app', namespace: '' };
  it.each([
    [{}, true],
    [{ kind: 'Deployment' }, true],
    [{ kind: 'Deploy.*' }, false],
    [{ namespace: 'default' }, true],
    [{ namespace: 'other' }, false],
    [{ group: 'apps', version: 'v1', name: 'app' }, true],
  ])('%o selects: %s', (sel, want) => {
    expect(idSelectedBy(id, sel)).toBe(want);
  });
});
