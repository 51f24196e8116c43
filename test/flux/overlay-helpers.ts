import type { JsonObject } from '../../src/core/json.js';
import { parseFluxObject } from '../../src/flux/models/parse.js';
import type { KustomizationModel } from '../../src/flux/models/kustomization.js';
import { prepareFluxBuild, type PrepareOptions } from '../../src/flux/overlay/prepare.js';
import { build } from '../../src/kustomize/build.js';
import type { RepoTree } from '../../src/tree/repo-tree.js';

/** A Flux Kustomization model with the required fields filled in. */
export function fluxKs(spec: JsonObject = {}, namespace = 'flux-system'): KustomizationModel {
  const obj: JsonObject = {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: { name: 'test', namespace },
    spec: { interval: '10m', prune: true, sourceRef: { kind: 'GitRepository', name: 'repo' }, ...spec },
  };
  const { model, diagnostics } = parseFluxObject(obj, { file: 'ks.yaml' });
  if (!model || model.kind !== 'Kustomization') throw new Error(JSON.stringify(diagnostics));
  return model;
}

/** Prepare and build as the integrator will: input order kept, a fresh cache per build. */
export function fluxBuild(tree: RepoTree, ks: KustomizationModel, opts: PrepareOptions = {}): JsonObject[] {
  const prepared = prepareFluxBuild(tree, ks, opts);
  return build(prepared.tree, prepared.dir, { reorder: 'none' });
}

export function cm(name: string, extra = ''): string {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${extra}data:\n  k: v\n`;
}

export function deploy(name: string, image = 'app:v0'): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: main',
    `          image: ${image}`,
    '',
  ].join('\n');
}

export function names(objs: JsonObject[]): string[] {
  return objs.map((o) => String((o.metadata as JsonObject).name));
}

export function image(obj: JsonObject): string {
  const spec = obj.spec as JsonObject;
  const tpl = (spec.template as JsonObject).spec as JsonObject;
  return String(((tpl.containers as JsonObject[])[0] as JsonObject).image);
}
