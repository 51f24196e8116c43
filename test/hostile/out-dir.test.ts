/**
 * `build --out-dir` with names, namespaces and cluster names that try to leave the output
 * folder: relative, absolute, `..`, encoded, backslashes, control characters. Nothing may be
 * written anywhere, the file declaring the Kustomization is named, and every other command
 * copes with the same repository.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapFiles, configMap, fluxKs, yamlDocs, type Files } from '../fixtures/render/repo.js';
import { everyCommand, expectHandled, hostileRepo, requireBuiltCli, runCli } from './harness.js';

const tag = `k8s-ops-escape-${randomBytes(4).toString('hex')}`;
/** Where an escape to an absolute path would land: must never exist. */
const ABSOLUTE = join(tmpdir(), tag);

interface Case {
  name: string;
  files: Files;
  cluster: string;
  /** The file the diagnostic names. */
  file: string;
}

function ksCase(name: string, ks: { name?: string; namespace?: string }): Case {
  return {
    name,
    cluster: 'dev',
    file: 'clusters/dev/evil.yaml',
    files: {
      ...bootstrapFiles('dev'),
      'clusters/dev/evil.yaml': yamlDocs(
        fluxKs('fine', './apps'),
        fluxKs(ks.name ?? 'evil', './apps', {}, ks.namespace ?? 'flux-system'),
      ),
      'apps/cm.yaml': yamlDocs(configMap('cm', { a: 'b' }, 'default')),
    },
  };
}

function clusterCase(name: string, cluster: string): Case {
  return {
    name,
    cluster,
    file: `clusters/${cluster}/flux-system/gotk-sync.yaml`,
    files: bootstrapFiles(cluster),
  };
}

const cases: Case[] = [
  ksCase('a relative namespace', { namespace: `../../../${tag}` }),
  ksCase('an absolute namespace', { namespace: ABSOLUTE }),
  ksCase('a namespace of ..', { namespace: '..' }),
  ksCase('a relative name', { name: `../../../../${tag}` }),
  ksCase('an absolute name', { name: ABSOLUTE }),
  ksCase('a name of ..', { name: '..' }),
  ksCase('a percent-encoded name', { name: `%2e%2e%2f%2e%2e%2f${tag}` }),
  ksCase('a backslashed name', { name: `..\\..\\${tag}` }),
  ksCase('a name with a newline', { name: `a\n${tag}` }),
  ksCase('a name too long for a file', { name: 'a'.repeat(253) }),
  clusterCase('a cluster with a backslash', `..\\${tag}`),
  clusterCase('a hidden cluster', `.${tag}`),
];

let work: string;
beforeAll(() => {
  requireBuiltCli();
  work = mkdtempSync(join(tmpdir(), 'k8s-ops-hostile-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every path below `dir`, sorted. */
const listing = (dir: string): string[] => (readdirSync(dir, { recursive: true }) as string[]).sort();

describe('build --out-dir refuses paths that leave the folder', () => {
  it.each(cases)('$name', async (c) => {
    const repo = hostileRepo(c.files);
    try {
      const before = listing(repo.root);
      const place = mkdtempSync(join(work, 'case-'));
      const out = join(place, 'a', 'out');
      const r = await runCli(['build', '--root', repo.root, '--out-dir', out], { cwd: place });
      expectHandled(r, { codes: [1], file: c.file, rule: 'output-path' });
      expect(listing(place)).toEqual([]);
      expect(listing(repo.root)).toEqual(before);
      expect(existsSync(ABSOLUTE)).toBe(false);
      expect(existsSync(join(tmpdir(), `${tag}.yaml`))).toBe(false);
    } finally {
      repo.cleanup();
    }
  });
});

describe('every command copes with hostile names', () => {
  // All the hostile Kustomizations in one repository, and a hostile cluster: one sweep each.
  const evil = cases
    .filter((c) => c.cluster === 'dev')
    .map((c, i): Files => ({ [`clusters/dev/evil-${i}.yaml`]: c.files['clusters/dev/evil.yaml'] ?? '' }));
  const hostileCluster = `..\\${tag}`;
  const sweeps: [string, Files, string][] = [
    ['hostile Kustomization names and namespaces', Object.assign(ksCase('all', {}).files, ...evil), 'dev'],
    ['a hostile cluster name', clusterCase('cluster', hostileCluster).files, hostileCluster],
  ];
  it.each(sweeps)('%s', async (_name, files, cluster) => {
    const repo = hostileRepo(files);
    try {
      const before = listing(repo.root);
      const place = mkdtempSync(join(work, 'sweep-'));
      for (const args of everyCommand(repo.root, cluster)) expectHandled(await runCli(args, { cwd: place }));
      expect(listing(repo.root)).toEqual(before);
      expect(listing(place)).toEqual([]);
    } finally {
      repo.cleanup();
    }
  });
});

describe('build --out-dir with a good repository', () => {
  it('writes the whole tree and replaces it on the next run', async () => {
    const repo = hostileRepo(ksCase('good', {}).files);
    try {
      const out = join(work, 'good-out');
      for (const format of ['yaml', 'json']) {
        const r = await runCli(['build', '--root', repo.root, '--out-dir', out, '-o', format], { cwd: work });
        expectHandled(r, { codes: [0] });
        expect(listing(out)).toEqual([
          '.k8s-ops-build',
          'dev',
          'dev/flux-system',
          `dev/flux-system/evil.${format}`,
          `dev/flux-system/fine.${format}`,
          `dev/flux-system/flux-system.${format}`,
        ]);
      }
      expect(readdirSync(work).filter((n) => n.startsWith('.k8s-ops-'))).toEqual([]);
    } finally {
      repo.cleanup();
    }
  });
});
