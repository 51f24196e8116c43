/**
 * Inputs that would make Flux (or a naive renderer) go on for ever: every command ends by
 * itself within the harness's time and memory budget and names the problem.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapFiles, configMap, fluxKs, yamlDocs, type Files } from '../fixtures/render/repo.js';
import { everyCommand, expectHandled, hostileRepo, requireBuiltCli, runCli } from './harness.js';

interface Case {
  name: string;
  files: Files;
  rule: string;
  file: string;
  /** The commands to run (default: every command); the costly cases run a few. */
  commands?: readonly string[];
}

const segments = (n: number) => Array.from({ length: n }, (_, i) => `l${i}`);

const cases: Case[] = [
  {
    name: 'a Kustomization that renders a renamed copy of itself every round',
    rule: 'flux-generation-loop',
    file: 'gen/ks.yaml',
    files: {
      ...bootstrapFiles('dev'),
      'clusters/dev/gen.yaml': yamlDocs(fluxKs('gen', './gen', { postBuild: { substitute: { P: 'a' } } })),
      'gen/ks.yaml': yamlDocs(fluxKs('${P}x', './gen', { postBuild: { substitute: { P: '${P}x' } } })),
    },
  },
  {
    name: 'a diamond of kustomizations including each level twice',
    rule: 'limit-exceeded',
    file: 'd/l4/kustomization.yaml',
    commands: ['build', 'check', 'diff'],
    files: {
      ...bootstrapFiles('dev'),
      'clusters/dev/d.yaml': yamlDocs(fluxKs('diamond', './d/l0')),
      ...Object.fromEntries(
        segments(18).flatMap((l, i) => [
          [`d/${l}/kustomization.yaml`, 'resources: [left, right]\n'],
          [`d/${l}/left/kustomization.yaml`, `namePrefix: a-\nresources: [../../l${i + 1}]\n`],
          [`d/${l}/right/kustomization.yaml`, `namePrefix: b-\nresources: [../../l${i + 1}]\n`],
        ]),
      ),
      'd/l18/kustomization.yaml': 'resources: [cm.yaml]\n',
      'd/l18/cm.yaml': yamlDocs(configMap('leaf', { k: 'v' }, 'default')),
    },
  },
];

describe('hostile inputs end by themselves with a diagnostic', () => {
  beforeAll(() => requireBuiltCli());
  for (const c of cases) {
    describe(c.name, () => {
      const repo = hostileRepo(c.files);
      afterAll(() => repo.cleanup());
      const commands = everyCommand(repo.root, 'dev').filter(
        (a) => !c.commands || c.commands.includes(a[0]!),
      );
      for (const args of commands) {
        const renders = !['kustomize', 'promote', 'clusters'].some((a) => args.includes(a));
        it(args.slice(0, 3).join(' '), async () => {
          const run = await runCli(args, { cwd: repo.root });
          // check prints its report on stdout, in its own formats; the others print diagnostics on stderr.
          const printsDiagnostics = renders && args[0] !== 'diff' && args[0] !== 'check';
          expectHandled(run, printsDiagnostics ? { rule: c.rule, file: c.file } : {});
          if (args[0] === 'check') {
            expect(run.code).toBe(1);
            expect(run.stdout).toContain(c.rule);
            expect(run.stdout).toContain(c.file);
          }
        });
      }
    });
  }
});
