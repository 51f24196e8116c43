import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import type { JsonObject } from '../../src/core/json.js';
import { prepareFluxBuild } from '../../src/flux/overlay/prepare.js';
import { memoryTree } from '../../src/tree/overlay-tree.js';
import { filteredTree } from '../../src/tree/source-ignore.js';
import { cm, deploy, fluxBuild, fluxKs, image, names } from './overlay-helpers.js';

function errorOf(fn: () => unknown): DiagnosticError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DiagnosticError) return e;
    throw e;
  }
  throw new Error('expected a DiagnosticError');
}

const meta = (o: JsonObject): JsonObject => o.metadata as JsonObject;

describe('generation (§2.4)', () => {
  it('case 1: empty directory ⇒ namespace _placeholder, 0 objects', () => {
    const tree = memoryTree({ 'apps/README.md': '# nothing' });
    const p = prepareFluxBuild(tree, fluxKs({ path: './apps' }));
    expect(p.generated).toBe(true);
    expect(p.kustomization).toEqual({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      namespace: '_placeholder',
    });
    expect(fluxBuild(tree, fluxKs({ path: './apps' }))).toEqual([]);
  });

  it('case 2: walk order is byte-wise, directories descended in place, no legacy sort', () => {
    const tree = memoryTree({
      'd/a.yaml': cm('a'),
      'd/b/x.yaml': deploy('x'),
      'd/b.yaml': cm('b'),
      'd/a-b.yaml': cm('a-b'),
      'd/C.yaml': cm('c'),
    });
    const ks = fluxKs({ path: 'd' });
    expect(prepareFluxBuild(tree, ks).kustomization.resources).toEqual([
      './C.yaml',
      './a-b.yaml',
      './a.yaml',
      './b/x.yaml',
      './b.yaml',
    ]);
    expect(names(fluxBuild(tree, ks))).toEqual(['c', 'a-b', 'a', 'x', 'b']);
  });

  it('case 3: a sub-directory with a kustomization file is one resource, not descended', () => {
    const tree = memoryTree({
      'd/app.yaml': cm('app'),
      'd/sub/kustomization.yaml': 'resources: [x.yaml]\n',
      'd/sub/x.yaml': cm('x'),
      'd/sub/y.yaml': cm('y'),
    });
    const ks = fluxKs({ path: 'd' });
    expect(prepareFluxBuild(tree, ks).kustomization.resources).toEqual(['./app.yaml', './sub']);
    expect(names(fluxBuild(tree, ks))).toEqual(['app', 'x']);
  });

  it('case 4: only .yaml/.yml (case-sensitive) are candidates', () => {
    const tree = memoryTree({
      'd/config.json': '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"j"}}',
      'd/notes.YAML': cm('upper'),
      'd/ok.yml': cm('ok'),
    });
    expect(names(fluxBuild(tree, fluxKs({ path: 'd' })))).toEqual(['ok']);
  });

  const sops = 'creation_rules:\n  - path_regex: .*\n    age: age1xyz\n';
  it.each([
    ['.sops.yaml', sops],
    ['.gitlab-ci.yml', 'stages: [build]\n'],
  ])('case 5: %s is excluded by the default artifact filter when no .sourceignore exists', (file, text) => {
    const repo = memoryTree({ [`d/${file}`]: text, 'd/app.yaml': cm('app') });
    expect(names(fluxBuild(filteredTree(repo), fluxKs({ path: 'd' })))).toEqual(['app']);
  });

  it('case 5: any .sourceignore re-includes .sops.yaml ⇒ decode error (controller)', () => {
    const repo = memoryTree({ '.sourceignore': 'docs/\n', 'd/.sops.yaml': sops, 'd/app.yaml': cm('app') });
    const e = errorOf(() => prepareFluxBuild(filteredTree(repo), fluxKs({ path: 'd' })));
    expect(e.message).toMatch(/^failed to decode Kubernetes YAML from d\/\.sops\.yaml: /);
    expect(e.diagnostic.rule).toBe('flux-generate');
  });

  it('case 5: flux build without .sourceignore under the path ⇒ decode error (cli)', () => {
    const repo = memoryTree({ 'd/.sops.yaml': sops, 'd/app.yaml': cm('app') });
    const e = errorOf(() => prepareFluxBuild(repo, fluxKs({ path: 'd' }), { flavour: 'cli' }));
    expect(e.message).toMatch(/^failed to decode Kubernetes YAML from d\/\.sops\.yaml/);
  });

  it('case 5: flux build with a .sourceignore under the path applies the default exclusions', () => {
    const repo = memoryTree({
      'd/.sourceignore': 'tmp/\n',
      'd/.sops.yaml': sops,
      'd/tmp/x.yaml': 'bad: 1\n',
      'd/app.yaml': cm('app'),
    });
    expect(names(fluxBuild(repo, fluxKs({ path: 'd' }), { flavour: 'cli' }))).toEqual(['app']);
  });

  it('decode rules: empty documents pass, kind required, name required unless *List, null entries kept', () => {
    // kyaml's HasNilEntryInList never reports anything: kustomize keeps `- ` as null.
    const ok = memoryTree({
      'd/a.yaml': `---\n# only a comment\n---\n${cm('a')}`,
      'd/l.yaml': 'apiVersion: v1\nkind: List\nitems: []\n',
      'd/n.yaml': `${cm('n')}list:\n  -\n`,
    });
    expect(names(fluxBuild(ok, fluxKs({ path: 'd' })))).toEqual(['a', 'n']);
    for (const bad of ['apiVersion: v1\nmetadata: {name: x}\n', 'apiVersion: v1\nkind: ConfigMap\n']) {
      const tree = memoryTree({ 'd/bad.yaml': bad });
      expect(() => prepareFluxBuild(tree, fluxKs({ path: 'd' }))).toThrow(
        /failed to decode Kubernetes YAML from d\/bad.yaml/,
      );
    }
  });
});

describe('overlay of an existing kustomization file (§2.3)', () => {
  it('case 6: targetNamespace and namePrefix replace the file values', () => {
    const tree = memoryTree({
      'd/kustomization.yaml': 'namespace: a\nnamePrefix: x-\nresources: [cm.yaml]\n',
      'd/cm.yaml': cm('one'),
    });
    const [o] = fluxBuild(tree, fluxKs({ path: 'd', targetNamespace: 'b', namePrefix: 'y-' }));
    expect(meta(o as JsonObject)).toMatchObject({ name: 'y-one', namespace: 'b' });
  });

  it('case 7: a base prefix and the Flux prefix stack', () => {
    const tree = memoryTree({
      'base/kustomization.yaml': 'namePrefix: base-\nresources: [cm.yaml]\n',
      'base/cm.yaml': cm('app'),
      'overlay/kustomization.yaml': 'resources: [../base]\n',
    });
    expect(names(fluxBuild(tree, fluxKs({ path: 'overlay', namePrefix: 'flux-' })))).toEqual([
      'flux-base-app',
    ]);
  });

  const imageCases: [string, string, JsonObject[], string][] = [
    [
      'case 8: newName merged into a file entry',
      'images: [{name: app, newTag: v1}]\n',
      [{ name: 'app', newName: 'reg/app' }],
      'reg/app:v1',
    ],
    [
      'case 9: newTag clears the file digest',
      `images: [{name: app, digest: "sha256:${'a'.repeat(64)}"}]\n`,
      [{ name: 'app', newTag: 'v2' }],
      'app:v2',
    ],
    [
      'case 10: the docs example merges into one entry',
      '',
      [
        { name: 'app', newName: 'my-podinfo', newTag: 'v1' },
        { name: 'app', newTag: '1.8.1' },
        { name: 'app', newName: 'my-podinfo' },
        { name: 'app', digest: `sha256:24a0${'0'.repeat(60)}` },
      ],
      `my-podinfo@sha256:24a0${'0'.repeat(60)}`,
    ],
  ];
  it.each(imageCases)('%s', (_name, fileImages, images, expected) => {
    const tree = memoryTree({
      'd/kustomization.yaml': `resources: [d.yaml]\n${fileImages}`,
      'd/d.yaml': deploy('web', 'app'),
    });
    const ks = fluxKs({ path: 'd', images });
    const [o] = fluxBuild(tree, ks);
    expect(image(o as JsonObject)).toBe(expected);
    if (images.length === 4) expect(prepareFluxBuild(tree, ks).kustomization.images).toHaveLength(1);
  });

  it('case 11: Flux patches run after the file patches, before namePrefix; original or current names match', () => {
    const setData = (v: string): string =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  k: ${v}\n`;
    const tree = memoryTree({
      'base/kustomization.yaml': 'namePrefix: base-\nresources: [cm.yaml]\n',
      'base/cm.yaml': cm('app'),
      'd/kustomization.yaml': JSON.stringify({
        resources: ['../base'],
        patches: [{ patch: setData('p1'), target: { name: 'base-app' } }],
      }),
    });
    const p2 = { patch: setData('p2'), target: { kind: 'ConfigMap', name: 'base-app' } };
    const [o] = fluxBuild(tree, fluxKs({ path: 'd', namePrefix: 'x-', patches: [p2] }));
    expect(o).toMatchObject({ metadata: { name: 'x-base-app' }, data: { k: 'p2' } });
    const byOriginal = { patch: setData('orig'), target: { kind: 'ConfigMap', name: 'app' } };
    const [o2] = fluxBuild(tree, fluxKs({ path: 'd', patches: [byOriginal] }));
    expect(o2).toMatchObject({ data: { k: 'orig' } });
  });

  it('case 12: ${VAR} in a patch target is a literal regex ⇒ no match, no error', () => {
    const tree = memoryTree({ 'd/kustomization.yaml': 'resources: [cm.yaml]\n', 'd/cm.yaml': cm('web') });
    const ks = fluxKs({
      path: 'd',
      patches: [
        {
          patch: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  k: patched\n',
          target: { name: '${APP}' },
        },
      ],
      postBuild: { substitute: { APP: 'web' } },
    });
    expect(fluxBuild(tree, ks)).toMatchObject([{ data: { k: 'v' } }]);
  });

  const compTree = (): ReturnType<typeof memoryTree> =>
    memoryTree({
      'base-comp/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources: [a.yaml]\n`,
      'base-comp/a.yaml': cm('from-base-comp'),
      'tls/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources: [t.yaml]\n`,
      'tls/t.yaml': cm('from-tls'),
      'd/kustomization.yaml': 'resources: [cm.yaml]\ncomponents: [../base-comp]\n',
      'd/cm.yaml': cm('own'),
    });

  it('case 13: Flux components are appended after the file components', () => {
    const ks = fluxKs({ path: 'd', components: ['../tls'] });
    expect(prepareFluxBuild(compTree(), ks).kustomization.components).toEqual(['../base-comp', '../tls']);
    expect(names(fluxBuild(compTree(), ks))).toEqual(['own', 'from-base-comp', 'from-tls']);
  });

  it('case 14: ignoreMissingComponents drops missing components; otherwise kustomize fails', () => {
    const ks = fluxKs({ path: 'd', components: ['../missing'], ignoreMissingComponents: true });
    expect(names(fluxBuild(compTree(), ks))).toEqual(['own', 'from-base-comp']);
    const strict = fluxKs({ path: 'd', components: ['../missing'] });
    expect(() => fluxBuild(compTree(), strict)).toThrow(/missing/);
  });

  it.each(['https://github.com/x/y', '/abs', 'git@github.com:x/y', 'GH:x/y', 'file:///abs'])(
    "case 15: component '%s' must be local and relative",
    (c) => {
      const e = errorOf(() => prepareFluxBuild(compTree(), fluxKs({ path: 'd', components: [c] })));
      expect(e.message).toBe(`component path '${c}' must be local and relative`);
    },
  );

  it('case 15: file://local is accepted', () => {
    const p = prepareFluxBuild(compTree(), fluxKs({ path: 'd', components: ['file://local'] }));
    expect(p.kustomization.components).toEqual(['../base-comp', 'file://local']);
  });

  it('case 16: unknown keys are dropped (with a warning) ⇒ 0 resources and origin annotations', () => {
    const tree = memoryTree({ 'd/kustomization.yaml': 'resourcess: [cm.yaml]\n', 'd/cm.yaml': cm('x') });
    const p = prepareFluxBuild(tree, fluxKs({ path: 'd' }));
    expect(p.kustomization).toEqual({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      buildMetadata: ['originAnnotations'],
    });
    expect(p.diagnostics).toMatchObject([{ severity: 'warning', rule: 'flux-kustomization-unknown-field' }]);
    expect(fluxBuild(tree, fluxKs({ path: 'd' }))).toEqual([]);
  });

  it.each([
    ['bases only', 'bases: [../base]\n'],
    ['configMapGenerator only', 'configMapGenerator:\n  - name: gen\n    literals: [a=b]\n'],
  ])('case 17: %s ⇒ every object carries config.kubernetes.io/origin', (_n, file) => {
    const tree = memoryTree({
      'base/kustomization.yaml': 'resources: [cm.yaml]\n',
      'base/cm.yaml': cm('b'),
      'd/kustomization.yaml': file,
    });
    const objs = fluxBuild(tree, fluxKs({ path: 'd' }));
    expect(objs.length).toBe(1);
    for (const o of objs)
      expect(Object.keys(meta(o).annotations as JsonObject)).toContain('config.kubernetes.io/origin');
    const replaced = prepareFluxBuild(tree, fluxKs({ path: 'd', buildMetadata: ['transformerAnnotations'] }));
    expect(replaced.kustomization.buildMetadata).toEqual(['transformerAnnotations']);
  });

  it('case 18: generated placeholder namespace reaches component objects unless targetNamespace', () => {
    const tree = memoryTree({
      'apps/README.md': '#',
      'comp/kustomization.yaml':
        'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources: [cm.yaml]\n',
      'comp/cm.yaml': cm('c'),
    });
    expect(fluxBuild(tree, fluxKs({ path: 'apps', components: ['../comp'] }))).toMatchObject([
      { metadata: { namespace: '_placeholder' } },
    ]);
    expect(
      fluxBuild(tree, fluxKs({ path: 'apps', components: ['../comp'], targetNamespace: 'apps' })),
    ).toMatchObject([{ metadata: { namespace: 'apps' } }]);
  });
});

describe('paths and root (§3)', () => {
  const tree = memoryTree({ 'outside/cm.yaml': cm('o'), 'apps/cm.yaml': cm('a') });
  it.each([
    ['../../outside', 'outside'],
    ['/apps', 'apps'],
    ['./apps/', 'apps'],
    ['', ''],
  ])("case 19: spec.path '%s' is clamped to '%s'", (path, dir) => {
    expect(prepareFluxBuild(tree, fluxKs({ path })).dir).toBe(dir);
  });

  it('case 19: a missing path fails', () => {
    const e = errorOf(() => prepareFluxBuild(tree, fluxKs({ path: './nope' })));
    expect(e.message).toBe('kustomization path not found: nope');
    expect(e.diagnostic).toMatchObject({ rule: 'flux-path-not-found', file: 'ks.yaml' });
  });

  it('case 20: references inside the root build; above it fail', () => {
    const t = memoryTree({
      'apps/cm.yaml': cm('a'),
      'apps/kustomization.yaml': 'resources: [cm.yaml]\n',
      'clusters/prod/kustomization.yaml': 'resources: [../../apps]\n',
      'clusters/bad/kustomization.yaml': 'resources: [../../../x]\n',
    });
    expect(names(fluxBuild(t, fluxKs({ path: 'clusters/prod' })))).toEqual(['a']);
    expect(() => fluxBuild(t, fluxKs({ path: 'clusters/bad' }))).toThrow(DiagnosticError);
  });

  it('case 21: helmCharts fail the build', () => {
    const t = memoryTree({
      'd/kustomization.yaml': 'helmCharts:\n  - name: x\n    repo: https://example.com\n',
    });
    expect(() => fluxBuild(t, fluxKs({ path: 'd' }))).toThrow(/enable-helm/);
  });

  it('case 22: targetNamespace renames Namespace objects and namespaces custom cluster-scoped kinds', () => {
    const t = memoryTree({
      'd/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: foo\n',
      'd/issuer.yaml': 'apiVersion: cert-manager.io/v1\nkind: ClusterIssuer\nmetadata:\n  name: le\n',
    });
    const objs = fluxBuild(t, fluxKs({ path: 'd', targetNamespace: 'apps' }));
    expect(objs.map((o) => meta(o))).toEqual([{ name: 'le', namespace: 'apps' }, { name: 'apps' }]);
  });
});

describe('kustomization file decoding', () => {
  it('keeps kind: Component, matches keys case-insensitively, drops empty values', () => {
    const t = memoryTree({
      'd/kustomization.yaml': 'Resources: [cm.yaml]\nnamespace: ""\nimages: []\n',
      'd/cm.yaml': cm('x'),
      'c/kustomization.yaml':
        'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources: [cm.yaml]\n',
      'c/cm.yaml': cm('y'),
    });
    expect(prepareFluxBuild(t, fluxKs({ path: 'd' })).kustomization).toEqual({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['cm.yaml'],
    });
    expect(prepareFluxBuild(t, fluxKs({ path: 'c' })).kustomization.kind).toBe('Component');
  });

  it('serves the rewritten file under the name it was found as', () => {
    const t = memoryTree({ 'd/Kustomization': 'resources: [cm.yaml]\n', 'd/cm.yaml': cm('x') });
    const p = prepareFluxBuild(t, fluxKs({ path: 'd', namePrefix: 'p-' }));
    expect(p.file).toBe('d/Kustomization');
    expect(p.tree.readText('d/Kustomization')).toContain('namePrefix: p-');
    expect(t.readText('d/Kustomization')).not.toContain('namePrefix');
  });
});
