/**
 * A 50 MB manifest (100,000 ConfigMaps) used by a Kustomization and changed in the working
 * tree: every command ends within the harness's budget, with a V8 heap of ten times the
 * input. Work proportional to the input is what lets it end: a step quadratic in the
 * number of objects, or a copy of every parse kept for the whole run, does not.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapFiles, fluxKs, yamlDocs } from '../fixtures/render/repo.js';
import { everyCommand, expectHandled, hostileRepo, requireBuiltCli, runCli, type Budget } from './harness.js';

const COUNT = 100_000;
const MANIFEST = 'app/configmaps.yaml';

function configMaps(changed?: number): string {
  const parts: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    const value = i === changed ? 'changed' : 'original';
    parts.push(
      `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-${i}\n  namespace: default\n` +
        `  labels:\n    app.kubernetes.io/name: big-app\n    app.kubernetes.io/part-of: platform\n` +
        `  annotations:\n    description: "a configuration map with enough text to make the file big, number ${i}"\n` +
        `data:\n  key-a: value-a-${i}-abcdefghijklmnopqrstuvwxyz\n  key-b: value-b-${i}-abcdefghijklmnopqrstuvwxyz\n` +
        `  key-c: value-c-${i}-abcdefghijklmnopqrstuvwxyz\n  key-d: value-d-${i}-abcdefghijklmnopqrstuvwxyz\n` +
        `  state: ${value}\n`,
    );
  }
  return parts.join('');
}

const repo = hostileRepo({
  ...bootstrapFiles('dev'),
  'clusters/dev/app.yaml': yamlDocs(fluxKs('app', './app')),
  'app/kustomization.yaml': `resources: [${MANIFEST.slice('app/'.length)}]\n`,
  [MANIFEST]: configMaps(),
});
// The working tree changes one object of the committed manifest.
writeFileSync(join(repo.root, MANIFEST), configMaps(500));

const inputMb = statSync(join(repo.root, MANIFEST)).size / (1024 * 1024);
// Generous on time (the machine is shared): the budget proves that a run ends, not its speed.
const budget: Budget = { timeoutMs: 15 * 60_000, maxOldSpaceMb: Math.ceil(10 * inputMb) };
const TEST_TIMEOUT = budget.timeoutMs + 60_000;

describe(`a ${COUNT}-object manifest of about 50 MB`, () => {
  beforeAll(() => requireBuiltCli());
  afterAll(() => repo.cleanup());
  const r = ['--root', repo.root];

  it('is the size the case is about', () => {
    expect(inputMb).toBeGreaterThan(45);
  });

  it(
    'builds every object',
    async () => {
      // Into files: the 60 MB of YAML are more than the harness keeps of stdout.
      const out = mkdtempSync(join(tmpdir(), 'k8s-ops-big-out-'));
      try {
        const run = await runCli(['build', 'dev', '--ks', 'app', '--out-dir', out, ...r], {
          cwd: repo.root,
          budget,
        });
        expectHandled(run, { codes: [0] });
        expect(statSync(join(out, 'dev/flux-system/app.yaml')).size).toBeGreaterThan(inputMb * 1024 * 1024);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    },
    TEST_TIMEOUT,
  );

  it(
    'diffs the working tree against the committed revision: one object changed',
    async () => {
      const run = await runCli(['diff', '--base', 'HEAD', '--format', 'json', ...r], {
        cwd: repo.root,
        budget,
      });
      expectHandled(run, { codes: [1] });
      const diff = JSON.parse(run.stdout) as { clusters: { counts: Record<string, number> }[] };
      expect(diff.clusters[0]?.counts).toMatchObject({ added: 0, changed: 1, removed: 0 });
      expect(run.stdout).toContain('ConfigMap/default/config-500');
    },
    TEST_TIMEOUT,
  );

  it(
    'diffs two revisions read from git objects',
    async () => {
      const run = await runCli(['diff', '--base', 'HEAD', '--head', 'HEAD', ...r], {
        cwd: repo.root,
        budget,
      });
      expectHandled(run, { codes: [0] });
    },
    TEST_TIMEOUT,
  );

  for (const args of everyCommand(repo.root, 'dev')) {
    // `build` to stdout prints all 50 MB: the case above builds to files.
    if (args[0] === 'build') continue;
    it(
      args.slice(0, 3).join(' '),
      async () => {
        const run = await runCli(args, { cwd: repo.root, budget });
        if (args[0] !== 'tree') return expectHandled(run);
        // A line per object: more than the harness keeps, and rightly so.
        expect(run.outputCut).toBe(true);
        expectHandled({ ...run, outputCut: false }, { codes: [0] });
      },
      TEST_TIMEOUT,
    );
  }
});
