/** Flags every rendering command shares: limits, and the age key file, as usage errors when wrong. */
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { bootstrapFiles, configMap, fluxKs, writeRepo, yamlDocs } from '../fixtures/render/repo.js';

const repo = writeRepo({
  ...bootstrapFiles('dev'),
  'clusters/dev/apps.yaml': yamlDocs(fluxKs('a', './apps'), fluxKs('b', './apps'), fluxKs('c', './apps')),
  'apps/cm.yaml': yamlDocs(configMap('web', { k: 'v' }, 'web')),
});
afterAll(() => repo.cleanup());

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (s: string) => (stdout += s), stderr: (s: string) => (stderr += s), cwd: repo.root };
  const code = await run([...argv, '--root', repo.root], io, env);
  return { code, stdout, stderr };
}

describe('render limits on the command line', () => {
  it('--max-kustomizations stops the render with a diagnostic naming the flag', async () => {
    const r = await cli(['get', 'ks', '--max-kustomizations', '2']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('more than 2 Kustomizations');
    expect(r.stderr).toContain('[limit-exceeded]');
    expect(r.stderr).toContain('--max-kustomizations');
  });

  it.each([['0'], ['-1'], ['x'], ['1.5']])('--max-kustomizations %s is a usage error', async (value) => {
    const r = await cli(['get', 'ks', '--max-kustomizations', value]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--max-kustomizations takes a whole number');
  });

  it('check takes the limits too', async () => {
    const r = await cli(['check', '--max-generation-depth', '0']);
    expect(r.code).toBe(2);
  });
});

describe('SOPS_AGE_KEY_FILE', () => {
  it('naming a missing file is a usage error that names it, not an internal error', async () => {
    const r = await cli(['build', '--decrypt'], { SOPS_AGE_KEY_FILE: '/nonexistent/keys.txt' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "SOPS_AGE_KEY_FILE names '/nonexistent/keys.txt', which cannot be read (ENOENT)",
    );
    expect(r.stderr).not.toContain('internal error');
  });
});

describe('schema folders that are files', () => {
  it.each([
    [['--schemas'], 'the schemas folder'],
    [['--schema-cache'], 'the schema cache'],
  ])('%s naming a file is an error diagnostic, not an internal error', async (flag, what) => {
    const file = `${repo.root}/apps/cm.yaml`;
    const r = await cli(['check', ...flag, file]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain(`${what} (`);
    expect(r.stdout + r.stderr).toContain('is a file, not a folder');
    expect(r.stderr).not.toContain('internal error');
  });
});
