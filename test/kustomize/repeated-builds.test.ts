/**
 * A folder included several times in one build is built twice and then copied. The output
 * must stay exactly kubectl's, also where the copies are transformed differently afterwards
 * and where a stored build would be a cycle under another stack; and a diamond of depth n
 * must cost what its folders cost, not 2^n builds.
 */
import { describe, expect, it } from 'vitest';
import { build } from '../../src/kustomize/build.js';
import { memoizedBuild, newBuildMemo } from '../../src/kustomize/build-memo.js';
import { emptyTransformerConfig } from '../../src/kustomize/fieldspecs/transformer-config.js';
import { expectSameAsKubectl, type Files } from '../helpers/differential.js';
import { kubectlAvailable } from '../helpers/kustomize-oracle.js';
import { memoryTree } from '../fixtures/discover/memory-tree.js';

const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  k: v\n`;

/** Level i includes level i+1 through two overlays, each with its own prefix: 2^depth objects. */
function diamond(depth: number): Files {
  const files: Files = {};
  for (let i = 0; i < depth; i++) {
    files[`l${i}/kustomization.yaml`] = 'resources: [left, right]\n';
    for (const side of ['left', 'right']) {
      files[`l${i}/${side}/kustomization.yaml`] = `namePrefix: ${side}-\nresources: [../../l${i + 1}]\n`;
    }
  }
  files[`l${depth}/kustomization.yaml`] = 'resources: [cm.yaml]\n';
  files[`l${depth}/cm.yaml`] = cm('leaf');
  return files;
}

const cases: { name: string; files: Files; dir?: string }[] = [
  { name: 'a diamond of depth 4', files: diamond(4), dir: 'l0' },
  {
    name: 'one base through three overlays, then patched differently',
    files: {
      'kustomization.yaml': 'resources: [a, b, c]\n',
      'base/kustomization.yaml': 'resources: [cm.yaml]\n',
      'base/cm.yaml': cm('base'),
      'a/kustomization.yaml': 'namePrefix: a-\nresources: [../base]\nlabels:\n- pairs: {side: a}\n',
      'b/kustomization.yaml': 'namePrefix: b-\nresources: [../base]\ncommonAnnotations: {side: b}\n',
      'c/kustomization.yaml':
        'namePrefix: c-\nresources: [../base]\npatches:\n- patch: |-\n    - op: add\n      path: /data/extra\n      value: c\n  target: {kind: ConfigMap}\n',
    },
  },
  {
    name: 'the same base twice without a prefix: the id conflict',
    files: {
      'kustomization.yaml': 'resources: [a, b]\n',
      'base/kustomization.yaml': 'resources: [cm.yaml]\n',
      'base/cm.yaml': cm('base'),
      'a/kustomization.yaml': 'resources: [../base]\n',
      'b/kustomization.yaml': 'resources: [../base]\n',
    },
  },
  {
    name: 'a stored build that is a cycle under another stack',
    files: {
      'top/kustomization.yaml': 'resources: [a, b, c]\n',
      'top/a/kustomization.yaml': 'namePrefix: a-\nresources: [../../shared]\n',
      'top/b/kustomization.yaml': 'namePrefix: b-\nresources: [../../shared]\n',
      'top/c/kustomization.yaml': 'namePrefix: c-\nresources: [../../shared]\n',
      'shared/kustomization.yaml': 'resources: [cm.yaml]\n',
      'shared/cm.yaml': cm('s'),
      'other/kustomization.yaml': 'resources: [../top/a, ../top/b, ../top/c, inner]\n',
      'other/inner/kustomization.yaml': 'namePrefix: i-\nresources: [../../shared]\n',
    },
    dir: 'other',
  },
];

describe.skipIf(!kubectlAvailable())('repeated folder builds equal kubectl', () => {
  it.each(cases)('$name', ({ files, dir }) => {
    expectSameAsKubectl(files, dir ?? '.');
  });
});

describe('a diamond is built in time proportional to its folders', () => {
  it('each folder is built at most twice; later inclusions are copies', () => {
    const memo = newBuildMemo();
    let builds = 0;
    const buildIt = () => {
      builds++;
      return {
        resources: [{ obj: { kind: 'ConfigMap', metadata: { name: 'a' } }, file: 'a.yaml' }],
        config: emptyTransformerConfig(),
      };
    };
    const results = Array.from({ length: 5 }, () =>
      memoizedBuild(memo, 'base', undefined, ['top', 'a'], buildIt),
    );
    expect(builds).toBe(2);
    results[3]!.resources[0]!.obj.metadata = { name: 'changed' };
    expect(results[4]!.resources[0]!.obj).toEqual({ kind: 'ConfigMap', metadata: { name: 'a' } });
  });

  it('a stored build whose folders would be a cycle under the current stack is built again', () => {
    const memo = newBuildMemo();
    let builds = 0;
    const buildIt = () => {
      builds++;
      memo.visitLog.push('shared/inner');
      return { resources: [], config: emptyTransformerConfig() };
    };
    for (let i = 0; i < 3; i++) memoizedBuild(memo, 'shared', undefined, ['top'], buildIt);
    expect(builds).toBe(2);
    memoizedBuild(memo, 'shared', undefined, ['shared/inner/deeper'], buildIt);
    expect(builds).toBe(3);
  });

  it('depth 10 (1,024 objects) builds, with the prefixes of each path', () => {
    const objects = build(memoryTree(diamond(10) as Record<string, string>), 'l0');
    expect(objects).toHaveLength(2 ** 10);
    expect(objects[0]).toMatchObject({ metadata: { name: `${'left-'.repeat(10)}leaf` } });
    expect(objects.at(-1)).toMatchObject({ metadata: { name: `${'right-'.repeat(10)}leaf` } });
  });

  it('a build that would hold more objects than allowed is refused with a diagnostic', () => {
    expect(() =>
      build(memoryTree(diamond(10) as Record<string, string>), 'l0', { maxObjects: 1000 }),
    ).toThrow(/more than 1000 objects after including 'right'/);
  });
});
