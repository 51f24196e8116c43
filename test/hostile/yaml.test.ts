/**
 * Hostile YAML through every command: nesting 10,000 levels deep (flow and block), `.inf` and
 * `.nan` values, a billion laughs (in a manifest and in a kustomization file), a 20 MB
 * document and a substitution that multiplies a value. Every run ends within the harness's
 * budget with the limit's diagnostic naming the file, never a stack overflow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapFiles, fluxKs, yamlDocs, type Files } from '../fixtures/render/repo.js';
import { everyCommand, expectHandled, hostileRepo, requireBuiltCli, runCli } from './harness.js';

interface Case {
  name: string;
  files: Files;
  rule: string;
  file: string;
  /** The commands to run (default: every command); the costly cases run a few. */
  commands?: readonly string[];
  /** `kustomize build` reads the file too (substitution is Flux's, not kustomize's). */
  kustomizeReads?: boolean;
}

const HEAD = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: hostile}\n';
const DEEP = 10_000;
const laughs = (prefix: string) =>
  [
    `${prefix}a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`,
    ...'bcdefghi'
      .split('')
      .map((k, i) => `${prefix}${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
  ].join('\n');

/** A repository whose Kustomization `app` builds `app/` with `cm` as app/cm.yaml. */
function app(cm: string, extra: Files = {}, postBuild?: Record<string, string>): Files {
  return {
    ...bootstrapFiles('dev'),
    'clusters/dev/app.yaml': yamlDocs(
      fluxKs('app', './app', postBuild ? { postBuild: { substitute: postBuild } } : {}),
    ),
    'app/kustomization.yaml': 'resources: [cm.yaml]\n',
    'app/cm.yaml': cm,
    ...extra,
  };
}

const cases: Case[] = [
  {
    name: 'flow nesting 10,000 levels deep',
    rule: 'yaml-limit',
    file: 'app/cm.yaml',
    kustomizeReads: true,
    files: app(`${HEAD}x: ${'['.repeat(DEEP)}${']'.repeat(DEEP)}\n`),
  },
  {
    name: 'block nesting 10,000 levels deep',
    rule: 'yaml-limit',
    file: 'app/cm.yaml',
    kustomizeReads: true,
    files: app(`${HEAD}x:\n${'- '.repeat(DEEP)}a\n`),
  },
  {
    name: 'nesting 10,000 levels deep in a kustomization file',
    rule: 'yaml-limit',
    file: 'app/kustomization.yaml',
    kustomizeReads: true,
    files: app(HEAD, {
      'app/kustomization.yaml': `resources: [cm.yaml]\nx: ${'{a: '.repeat(DEEP)}1${'}'.repeat(DEEP)}\n`,
    }),
  },
  {
    name: '.inf, -.inf and .nan values',
    rule: 'yaml-unsupported-value',
    file: 'app/cm.yaml',
    kustomizeReads: true,
    files: app(`${HEAD}x: .inf\ny: -.inf\nz: .nan\n`),
  },
  {
    name: 'a billion laughs in a manifest',
    rule: 'yaml-alias-limit',
    file: 'app/cm.yaml',
    kustomizeReads: true,
    files: app(`${HEAD}${laughs('')}\n`),
  },
  {
    name: 'a billion laughs in a kustomization file',
    rule: 'yaml-alias-limit',
    file: 'app/kustomization.yaml',
    kustomizeReads: true,
    files: app(HEAD, { 'app/kustomization.yaml': `resources: [cm.yaml]\n${laughs('x')}\n` }),
  },
  {
    name: 'a 20 MB document',
    rule: 'yaml-limit',
    file: 'app/cm.yaml',
    kustomizeReads: true,
    commands: ['get', 'build', 'check', 'kustomize'],
    files: app(`${HEAD}data:\n  v: ${'a'.repeat(20 * 1024 * 1024)}\n`),
  },
  {
    name: 'a substitution that multiplies a value',
    rule: 'limit-exceeded',
    file: 'app/cm.yaml',
    files: app(`${HEAD}data:\n  v: "${'${V}'.repeat(100_000)}"\n`, {}, { V: 'x'.repeat(1000) }),
  },
];

describe('hostile YAML ends with a diagnostic naming the file', () => {
  beforeAll(() => requireBuiltCli());
  for (const c of cases) {
    describe(c.name, () => {
      const repo = hostileRepo(c.files);
      afterAll(() => repo.cleanup());
      const commands = everyCommand(repo.root, 'dev')
        .map((a) => (a[0] === 'kustomize' ? ['kustomize', 'build', `${repo.root}/app`, ...a.slice(3)] : a))
        .filter((a) => !c.commands || c.commands.includes(a[0]!));
      for (const args of commands) {
        const renders = !['kustomize', 'promote', 'clusters'].some((a) => args.includes(a));
        it(args.slice(0, 3).join(' ').replace(repo.root, '<repo>'), async () => {
          const run = await runCli(args, { cwd: repo.root });
          // check prints its report on stdout; diff compares two equally broken revisions.
          const named =
            (renders && args[0] !== 'diff' && args[0] !== 'check') ||
            (args[0] === 'kustomize' && c.kustomizeReads);
          expectHandled(run, named ? { rule: c.rule, file: c.file, codes: [1] } : {});
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
