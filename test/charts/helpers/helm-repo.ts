/** A loopback Helm repository: index.yaml and archives under /charts, credentials and delays on demand. */
import { createHash } from 'node:crypto';
import { send, startServer, type TestServer } from './server.js';

export interface RepoChart {
  name: string;
  version: string;
  archive: Uint8Array;
  created?: string;
  /** `relative` (default): `name-version.tgz`; `absolute`: a full URL under /dl/; `none`: no URLs. */
  url?: 'relative' | 'absolute' | 'none';
  /** Written into the index instead of the archive's digest. */
  digest?: string;
}

export interface RepoOptions {
  /** `user:password` the server demands. */
  basic?: string;
  /** Milliseconds before each answer starts. */
  delayMs?: number;
  /** Serve this text as index.yaml instead of the generated one. */
  indexText?: string;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function indexYaml(charts: readonly RepoChart[], base: string): string {
  const byName = new Map<string, RepoChart[]>();
  for (const c of charts) byName.set(c.name, [...(byName.get(c.name) ?? []), c]);
  let out = 'apiVersion: v1\nentries:\n';
  for (const [name, list] of byName) {
    out += `  ${name}:\n`;
    for (const c of list) {
      const file = `${c.name}-${c.version}.tgz`;
      const url = c.url === 'absolute' ? `${base}/dl/${file}` : file;
      out += `  - apiVersion: v2\n    name: ${name}\n    version: ${c.version}\n`;
      out += `    created: "${c.created ?? '2024-01-01T00:00:00Z'}"\n`;
      out += `    digest: ${c.digest ?? sha256Hex(c.archive)}\n`;
      out += c.url === 'none' ? '    urls: []\n' : `    urls:\n    - ${url}\n`;
    }
  }
  return `${out}generated: "2024-01-01T00:00:00Z"\n`;
}

export async function startHelmRepo(
  charts: readonly RepoChart[],
  options: RepoOptions = {},
): Promise<TestServer> {
  const expected = options.basic && `Basic ${Buffer.from(options.basic).toString('base64')}`;
  return startServer(async (req, res, base) => {
    if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
    if (expected && req.headers.authorization !== expected) {
      send(res, 401, 'unauthorized', { 'WWW-Authenticate': 'Basic realm="charts"' });
      return;
    }
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (path === '/charts/index.yaml') {
      send(res, 200, options.indexText ?? indexYaml(charts, base), { 'Content-Type': 'text/yaml' });
      return;
    }
    const file = path.replace(/^\/(charts|dl)\//, '');
    const chart = charts.find((c) => `${c.name}-${c.version}.tgz` === file);
    if (chart) send(res, 200, chart.archive, { 'Content-Type': 'application/gzip' });
    else send(res, 404, 'not found');
  });
}
