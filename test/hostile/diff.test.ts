/**
 * `diff` reads the base revision from git objects: what the checkout holds beside the
 * manifests must not change its answer. A submodule reads as the checkout shows it, and a
 * large file no Kustomization uses is never a reason to fail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapFiles, configMap, fluxKs, yamlDocs, type Files } from '../fixtures/render/repo.js';
import { gitIn } from '../promote/git-fixture.js';
import { everyCommand, expectHandled, hostileRepo, requireBuiltCli, runCli } from './harness.js';

/** Many small ConfigMaps: `bytes` of YAML or a little more. */
function bigYaml(bytes: number): string {
  const one = (i: number) =>
    yamlDocs(configMap(`filler-${i}`, { value: `${'x'.repeat(40)}-${i}` }, 'default'));
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const doc = one(i);
    parts.push(doc);
    size += doc.length;
  }
  return parts.join('');
}

interface Case {
  name: string;
  files: Files;
  /** Turns the committed repository into the case (e.g. adds a submodule) and commits. */
  setup?: (root: string, cleanups: (() => void)[]) => void;
  /** Text `build dev` must print: the case's manifests are read. */
  builds: string;
}

const cases: Case[] = [
  {
    name: 'a Kustomization whose manifests are in a git submodule',
    files: {
      ...bootstrapFiles('dev'),
      'clusters/dev/app.yaml': yamlDocs(fluxKs('app', './vendor/lib/app')),
    },
    setup(root, cleanups) {
      const lib = hostileRepo({
        'app/kustomization.yaml': 'resources: [cm.yaml]\n',
        'app/cm.yaml': yamlDocs(configMap('from-submodule', { k: 'v' }, 'default')),
      });
      cleanups.push(lib.cleanup);
      gitIn(root, [
        '-c',
        'protocol.file.allow=always',
        'submodule',
        'add',
        '--quiet',
        lib.root,
        'vendor/lib',
      ]);
      gitIn(root, ['commit', '--quiet', '-m', 'submodule']);
    },
    builds: 'name: from-submodule',
  },
  {
    name: 'a YAML file over 5 MiB that no Kustomization uses',
    files: {
      ...bootstrapFiles('dev'),
      'clusters/dev/app.yaml': yamlDocs(fluxKs('app', './app')),
      'app/cm.yaml': yamlDocs(configMap('used', { k: 'v' }, 'default')),
      'unused/big.yaml': bigYaml(5.5 * 1024 * 1024),
    },
    builds: 'name: used',
  },
];

describe('diff of an unchanged checkout reports no change', () => {
  beforeAll(() => requireBuiltCli());
  for (const c of cases) {
    describe(c.name, () => {
      const cleanups: (() => void)[] = [];
      const repo = hostileRepo(c.files);
      cleanups.push(repo.cleanup);
      c.setup?.(repo.root, cleanups);
      afterAll(() => cleanups.forEach((f) => f()));
      const r = ['--root', repo.root];

      // Exit code 0: nothing changes.
      it.each([
        ['the working tree', ['diff', '--base', 'HEAD', ...r]],
        ['a revision', ['diff', '--base', 'HEAD', '--head', 'HEAD', ...r]],
      ])('against %s', async (_, args) => {
        const run = await runCli(args, { cwd: repo.root });
        expectHandled(run, { codes: [0] });
        expect(run.stdout).toContain('no changes');
        expect(run.stdout).not.toMatch(/added|removed|changed|failing/);
      });

      it('builds the manifests it holds', async () => {
        const run = await runCli(['build', 'dev', ...r], { cwd: repo.root });
        expectHandled(run, { codes: [0] });
        expect(run.stdout).toContain(c.builds);
      });

      for (const args of everyCommand(repo.root, 'dev')) {
        // promote has no rollout here, and the root holds no kustomization: they may refuse.
        const mayRefuse = args[0] === 'promote' || args[0] === 'kustomize';
        it(args.slice(0, 3).join(' '), async () => {
          expectHandled(await runCli(args, { cwd: repo.root }), mayRefuse ? {} : { codes: [0] });
        });
      }
    });
  }
});
