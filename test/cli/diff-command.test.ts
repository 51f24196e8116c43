/** `k8s-ops diff` in-process against a real git repository: formats, filters, exit codes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { diffRepo, type DiffRepo } from '../diff/git-repo.js';

let repo: DiffRepo;
beforeAll(() => {
  repo = diffRepo();
});
afterAll(() => repo.cleanup());

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const io = {
    cwd: repo.root,
    stdout: (t: string) => void (stdout += t),
    stderr: (t: string) => void (stderr += t),
  };
  const code = await run(['diff', ...argv, '--root', repo.root], io, env);
  return { code, stdout, stderr };
}

describe('k8s-ops diff', () => {
  it.each<[string, string[], number, string]>([
    ['no change', ['--base', 'secret', '--head', 'secret'], 0, 'Cluster apps no changes'],
    ['a change', ['--base', 'start', '--head', 'shared'], 1, '► ConfigMap/web/app drifted'],
    ['default base and head', [], 1, 'merge-base of HEAD and main'],
    [
      'only one cluster',
      ['--base', 'shared', '--head', 'vars', '--cluster', 'apps'],
      0,
      'Cluster apps no changes',
    ],
    [
      'only one Kustomization',
      ['--base', 'shared', '--head', 'vars', '--ks', 'flux-system/vars'],
      1,
      'cluster-vars drifted',
    ],
    ['unknown cluster', ['--cluster', 'nope'], 2, "unknown cluster 'nope'"],
    ['unknown Kustomization', ['--ks', 'nope'], 2, "no Kustomization named 'nope'"],
    ['unknown revision', ['--base', 'nope'], 2, 'nope'],
    ['bad format', ['--format', 'xml'], 2, "error: option '--format <format>' argument 'xml' is invalid"],
  ])('%s', async (_name, argv, code, text) => {
    const r = await cli(argv);
    expect(r.code).toBe(code);
    expect(code === 2 ? r.stderr : r.stdout).toContain(text);
    if (code !== 2) expect(r.stderr).toBe('');
  });

  it('markdown for a pull request', async () => {
    const r = await cli(['--base', 'vars', '--head', 'broken', '--format', 'markdown']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('<!-- k8s-ops-diff -->');
    expect(r.stdout).toContain('| apps | 0 | 1 | 0 | **1** (1 new) |\n| infra | 0 | 0 | 0 | 0 |');
    expect(r.stdout).toContain('**✗ now failing:**\n\n```text\nkustomization path not found: missing\n```');
  });

  it('json', async () => {
    const r = await cli(['--base', 'broken', '--head', 'secret', '--format', 'json', '--cluster', 'infra']);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ version: 1, changed: true });
    expect(doc.base).toMatch(/^broken@[0-9a-f]{7}$/);
    expect(doc.clusters[0].kustomizations[0].objects[0]).toMatchObject({
      display: 'Secret/web/creds',
      action: 'drifted',
    });
    expect(r.stdout).not.toMatch(/first|second/);
  });

  it('colour only when asked or on a terminal', async () => {
    const plain = await cli(['--base', 'start', '--head', 'shared']);
    const forced = await cli(['--base', 'start', '--head', 'shared'], { FORCE_COLOR: '1' });
    const off = await cli(['--base', 'start', '--head', 'shared'], { FORCE_COLOR: '1', NO_COLOR: '1' });
    expect(plain.stdout).not.toContain('\u001b[');
    expect(forced.stdout).toContain('\u001b[32m+  color: blue\u001b[0m');
    expect(off.stdout).toBe(plain.stdout);
  });
});
