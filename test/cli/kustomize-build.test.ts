import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import {
  kubectlAvailable,
  realKustomize,
  withFixture,
  withFixtureAsync,
} from '../helpers/kustomize-oracle.js';
import { PROJECT_ROOT } from '../helpers/shared.js';

function capture(cwd: string): Io & { out: string; err: string } {
  const io = {
    cwd,
    out: '',
    err: '',
    stdout(t: string) {
      io.out += t;
    },
    stderr(t: string) {
      io.err += t;
    },
  };
  return io;
}

const files = {
  'app/kustomization.yaml': 'namespace: web\nresources: [cm.yaml]\n',
  'app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: "on"\n',
  'broken/kustomization.yaml': 'resources: [missing.yaml]\n',
};

describe('k8s-ops kustomize build', () => {
  it.skipIf(!kubectlAvailable())('prints exactly what kubectl kustomize prints', async () => {
    await withFixtureAsync(files, async (root) => {
      const io = capture(root);
      expect(await run(['kustomize', 'build', 'app'], io)).toBe(0);
      expect(io.out).toBe(realKustomize(join(root, 'app')).stdout);
      expect(io.err).toBe('');
    });
  });

  it('reports bad input with the file, exit 1 and nothing on stdout', async () => {
    await withFixtureAsync(files, async (root) => {
      const io = capture(root);
      expect(await run(['kustomize', 'build', 'broken', '--root', root], io)).toBe(1);
      expect(io.out).toBe('');
      expect(io.err).toMatch(/^broken\/kustomization\.yaml: error: resource 'missing\.yaml' does not exist/);
    });
  });

  it('rejects a directory outside --root', async () => {
    await withFixtureAsync(files, async (root) => {
      const io = capture(root);
      expect(await run(['kustomize', 'build', '..', '--root', join(root, 'app')], io)).toBe(1);
      expect(io.err).toMatch(/outside the repository root/);
    });
  });

  it.each([[['kustomize', 'build']], [['no-such-command']], [['kustomize', 'build', 'a', '--bogus']]])(
    'usage error %j exits 2',
    async (argv) => {
      const io = capture(PROJECT_ROOT);
      expect(await run(argv, io)).toBe(2);
      expect(io.err).not.toBe('');
    },
  );

  it('the installed binary never prints a stack trace', () => {
    const bin = join(PROJECT_ROOT, 'dist/cli/bin.js');
    expect(existsSync(bin), 'run `npm run build` first').toBe(true);
    withFixture(
      { ...files, 'bad/kustomization.yaml': 'resources: [x.yaml]\n', 'bad/x.yaml': 'a: [\n' },
      (root) => {
        const r = spawnSync(process.execPath, [bin, 'kustomize', 'build', join(root, 'bad')], {
          encoding: 'utf8',
        });
        expect(r.status).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(/x\.yaml:\d+(:\d+)?: error: /);
        expect(r.stderr).not.toMatch(/\n\s+at /);
      },
    );
  });
});
