import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import { withFixtureAsync } from '../helpers/kustomize-oracle.js';
import { SHARED_DIR, sharedAvailable } from '../helpers/shared.js';

const enabled = sharedAvailable();

function capture(cwd: string): Io & { out: string; err: string } {
  const io = {
    cwd,
    out: '',
    err: '',
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
  };
  return io;
}

const issuer = `apiVersion: cert-manager.io/v1
kind: ClusterIssuer
metadata:
  name: selfsigned
spec:
  selfSigned: {}
`;
const files = {
  'k8s-ops.yaml': 'detect: false\nclusters:\n  - name: c\n    path: cluster\n',
  'cluster/kustomization.yaml': 'resources: [issuer.yaml]\n',
  'cluster/issuer.yaml': issuer,
};

describe.skipIf(!enabled)('schemas pull and check with a remote schema location', () => {
  let server: Server;
  let base = '';
  let requests = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      requests++;
      const path = join(SHARED_DIR, 'schemas/crds', decodeURIComponent(req.url ?? '/'));
      if (!existsSync(path)) {
        res.statusCode = 404;
        res.end('not found');
        return;
      }
      res.setHeader('content-type', 'application/json');
      res.end(readFileSync(path));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('pulls the schemas the clusters use into the cache, then check validates with them', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'k8s-ops-schema-cache-'));
    try {
      await withFixtureAsync(files, async (root) => {
        const location = `${base}/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json`;
        const pull = capture(root);
        expect(
          await run(['schemas', 'pull', '--root', root, '--location', location, '--cache', cache], pull),
        ).toBe(0);
        expect(pull.out).toBe('1 of 1 schemas in the cache\n');
        expect(readdirSync(cache)).toHaveLength(1);

        const before = requests;
        const check = capture(root);
        const code = await run(
          [
            'check',
            '--root',
            root,
            '--format',
            'json',
            '--schema-location',
            location,
            '--schema-cache',
            cache,
          ],
          check,
        );
        expect(requests).toBe(before); // served from the cache
        const report = JSON.parse(check.out) as { diagnostics: { rule: string; message: string }[] };
        expect(
          report.diagnostics.filter(
            (d) => d.rule === 'schema-missing' && d.message.includes('ClusterIssuer'),
          ),
        ).toEqual([]);
        expect(code).toBe(0);
      });
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('reads schema locations from k8s-ops.yaml (checks.schemas)', async () => {
    const config = `${files['k8s-ops.yaml']}checks:\n  schemas:\n    dir: ${JSON.stringify(join(SHARED_DIR, 'schemas'))}\n`;
    const bad = {
      ...files,
      'k8s-ops.yaml': config,
      'cluster/issuer.yaml': issuer.replace('selfSigned: {}', 'selfSigned: {}\n  bogus: 1'),
    };
    await withFixtureAsync(bad, async (root) => {
      const io = capture(root);
      // The directory is outside the repository: only a trusted k8s-ops.yaml may point there.
      expect(await run(['check', '--root', root, '--format', 'json', '--trust-config'], io)).toBe(1);
      const report = JSON.parse(io.out) as { diagnostics: { rule: string; message: string }[] };
      expect(report.diagnostics.some((d) => d.rule === 'schema' && d.message.includes('bogus'))).toBe(true);
    });
  });

  it('needs a remote --location', async () => {
    await withFixtureAsync(files, async (root) => {
      const io = capture(root);
      expect(await run(['schemas', 'pull', '--root', root], io)).toBe(2);
      expect(io.err).toMatch(/needs --location/);
    });
  });
});
