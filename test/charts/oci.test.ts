/**
 * OCI retrieval against an in-test registry: tags, semver ranges over paginated tags, digests,
 * the token flow, redirects without credentials, index manifests, layer selection, digest
 * checks and helm-controller's tag/version check.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  requestKey,
  resolveCharts,
  type ChartFetchOptions,
  type ChartRequest,
  type ChartResult,
  type OciRequest,
} from '../../src/charts/index.js';
import { digestOf, startRegistry, type MockRegistry } from './helpers/oci-registry.js';
import { chartTgz } from './helpers/tgz.js';

const tmp: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-ops-oci-'));
  tmp.push(dir);
  return dir;
}

async function one(request: ChartRequest, options: Partial<ChartFetchOptions> = {}): Promise<ChartResult> {
  const results = await resolveCharts([request], {
    cacheDir: tempDir(),
    offline: false,
    retries: 0,
    timeoutMs: 5_000,
    ...options,
  });
  return results.get(requestKey(request)) as ChartResult;
}

function oci(
  reg: MockRegistry,
  name: string,
  ref: OciRequest['ref'],
  extra: Partial<OciRequest> = {},
): OciRequest {
  return { kind: 'oci', url: `oci://${reg.host}/${name}`, ref, insecure: true, ...extra };
}

function version(result: ChartResult): string {
  return result.ok ? `${result.chart.name} ${result.chart.version}` : `error: ${result.reason}`;
}

let reg: MockRegistry;
const podinfo: Record<string, string> = {};
beforeAll(async () => {
  reg = await startRegistry({ auth: 'bearer', pageSize: 3 });
  for (const v of ['6.0.0', '6.1.0', '6.2.0', '6.10.3', '7.0.0-rc.1', 'v5.9.0', '6.5.0+build.1']) {
    podinfo[v] = reg.push('charts/podinfo', v.replace('+', '_'), chartTgz('podinfo', v));
  }
  reg.push('charts/podinfo', 'latest', chartTgz('podinfo', '6.10.3'));
  reg.push('charts/podinfo', 'wrong', chartTgz('podinfo', '1.2.3'));
  reg.push('charts/podinfo', '9.9.9', chartTgz('podinfo', '1.2.3'));
});
afterAll(async () => {
  await reg.close();
  for (const dir of tmp) rmSync(dir, { recursive: true, force: true });
});

describe('references', () => {
  const cases: [string, OciRequest['ref'], string][] = [
    ['a tag', { tag: '6.1.0' }, 'podinfo 6.1.0'],
    ['semver over paginated tags', { semver: '6.x' }, 'podinfo 6.10.3'],
    ['semver with a filter', { semver: '>=6.0.0', semverFilter: '^6\\.[0-2]\\.' }, 'podinfo 6.2.0'],
    ['semver with a prerelease range', { semver: '>=7.0.0-0 <8.0.0' }, 'podinfo 7.0.0-rc.1'],
    ['semver takes a v tag', { semver: '5.x' }, 'podinfo v5.9.0'],
    ['a digest', { digest: '' }, 'podinfo 6.2.0'],
    ['digest before semver and tag', { digest: '', semver: '6.0.0', tag: '6.0.0' }, 'podinfo 6.2.0'],
    ['latest by default, and its version check', {}, 'error: oci://'],
  ];
  it.each(cases)('%s', async (_name, ref, expected) => {
    const withDigest = ref.digest === '' ? { ...ref, digest: podinfo['6.2.0'] } : ref;
    const result = await one(oci(reg, 'charts/podinfo', withDigest));
    expect(version(result)).toContain(expected);
  });

  it('records the manifest digest', async () => {
    const result = await one(oci(reg, 'charts/podinfo', { tag: '6.1.0' }));
    expect(result).toMatchObject({
      ok: true,
      chart: { manifestDigest: podinfo['6.1.0'], source: `oci://${reg.host}/charts/podinfo:6.1.0` },
    });
  });

  it('a tag that is not the chart version fails as helm-controller fails', async () => {
    expect(version(await one(oci(reg, 'charts/podinfo', { tag: 'wrong' })))).toContain(
      'failed parsing artifact revision wrong',
    );
    expect(version(await one(oci(reg, 'charts/podinfo', { tag: '9.9.9' })))).toContain(
      'artifact revision 9.9.9 does not match chart version 1.2.3',
    );
    expect(version(await one(oci(reg, 'charts/podinfo', {})))).toContain(
      'failed parsing artifact revision latest',
    );
  });

  it('a tag with _ is read as + for the check', async () => {
    expect(version(await one(oci(reg, 'charts/podinfo', { tag: '6.5.0_build.1' })))).toBe(
      'podinfo 6.5.0+build.1',
    );
  });

  it('no semver match lists the nearest tags', async () => {
    const result = await one(oci(reg, 'charts/podinfo', { semver: '~6.3.0' }));
    expect(result).toMatchObject({
      ok: false,
      reason: expect.stringContaining('no match found for semver: ~6.3.0'),
      hint: expect.stringContaining('6.2.0'),
    });
  });

  it('an unknown tag is a 404 with the URL', async () => {
    const result = await one(oci(reg, 'charts/podinfo', { tag: '0.0.1' }));
    expect(result).toMatchObject({
      ok: false,
      reason: expect.stringContaining('/v2/charts/podinfo/manifests/0.0.1 was not found (HTTP 404)'),
    });
  });

  it('the blob redirect goes to the second port without the token', async () => {
    const before = reg.blobServer.log.length;
    const result = await one(oci(reg, 'charts/podinfo', { tag: '6.0.0' }));
    expect(result.ok).toBe(true);
    const hits = reg.blobServer.log.slice(before);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.authorization === undefined)).toBe(true);
  });
});

describe('HelmRepository of type oci', () => {
  const helmRepo = (semver: string) =>
    oci(reg, 'charts/podinfo', { semver }, { sourceKind: 'HelmRepository' });
  it.each([
    ['an exact version, without listing tags', '6.1.0', 'podinfo 6.1.0'],
    ['a + version pulls the _ tag', '6.5.0+build.1', 'podinfo 6.5.0+build.1'],
    ['a range', '6.x', 'podinfo 6.10.3'],
    // The highest stable tag is 9.9.9, whose chart says 1.2.3.
    ['empty is the latest stable', '', 'podinfo 1.2.3'],
    ['v tags are not versions to helm', '5.x', 'error: '],
  ])('%s', async (_name, semver, expected) => {
    expect(version(await one(helmRepo(semver)))).toContain(expected);
  });

  it('has no tag/version check', async () => {
    expect(
      version(await one(oci(reg, 'charts/podinfo', { semver: '9.9.9' }, { sourceKind: 'HelmRepository' }))),
    ).toBe('podinfo 1.2.3');
  });
});

describe('broken registries', () => {
  let bad: MockRegistry;
  const archive = chartTgz('demo', '1.0.0');
  beforeAll(async () => {
    bad = await startRegistry({ auth: 'none' });
    bad.push('demo', '1.0.0', archive);
    bad.push('corrupt', '1.0.0', chartTgz('corrupt', '1.0.0'));
    bad.corruptBlobs.add(digestOf(chartTgz('corrupt', '1.0.0')));
    bad.push('lying', '1.0.0', chartTgz('lying', '1.0.0'));
    bad.lyingTags.add('lying:1.0.0');
    bad.push('nochart', '1.0.0', Buffer.from('plain text, not a chart'), { layerMediaType: 'text/plain' });
    const readme = { mediaType: 'text/markdown', bytes: Buffer.from('# readme') };
    bad.push('twolayers', '1.0.0', chartTgz('twolayers', '1.0.0'), { before: [readme] });
  });
  afterAll(() => bad.close());

  it('a blob whose bytes do not match its digest', async () => {
    expect(version(await one(oci(bad, 'corrupt', { tag: '1.0.0' })))).toContain(
      'digest mismatch for the chart layer',
    );
  });

  it('a manifest announced with another digest', async () => {
    expect(version(await one(oci(bad, 'lying', { tag: '1.0.0' })))).toContain(
      'digest mismatch for the manifest',
    );
  });

  it('a layer of the wrong media type', async () => {
    const selector = {
      mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip',
      operation: 'copy' as const,
    };
    expect(version(await one(oci(bad, 'nochart', { tag: '1.0.0' }, { layerSelector: selector })))).toContain(
      "failed to find layer with media type 'application/vnd.cncf.helm.chart.content.v1.tar+gzip' in artifact (it has text/plain)",
    );
    expect(version(await one(oci(bad, 'nochart', { tag: '1.0.0' })))).toContain(
      'is not a valid chart archive',
    );
    expect(
      version(await one(oci(bad, 'nochart', { semver: '1.0.0' }, { sourceKind: 'HelmRepository' }))),
    ).toContain('manifest does not contain a layer with mediatype');
  });

  it('the first layer by default, the selected one when asked', async () => {
    expect(version(await one(oci(bad, 'twolayers', { tag: '1.0.0' })))).toContain(
      'is not a valid chart archive',
    );
    const selector = { mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip' };
    expect(version(await one(oci(bad, 'twolayers', { tag: '1.0.0' }, { layerSelector: selector })))).toBe(
      'twolayers 1.0.0',
    );
  });

  it('an index manifest resolves to the Helm chart manifest, reporting the index digest', async () => {
    const chart = bad.push('indexed', 'plain', chartTgz('indexed', '2.0.0'));
    const other = bad.push('indexed', 'other', chartTgz('indexed', '0.0.1'));
    const index = bad.pushIndex('indexed', '2.0.0', [
      { digest: other },
      { digest: chart, artifactType: 'application/vnd.cncf.helm.config.v1+json' },
    ]);
    const result = await one(oci(bad, 'indexed', { tag: '2.0.0' }));
    expect(result).toMatchObject({ ok: true, chart: { version: '2.0.0', manifestDigest: index } });
    bad.pushIndex('indexed', '3.0.0', [{ digest: other }, { digest: chart }]);
    expect(version(await one(oci(bad, 'indexed', { tag: '3.0.0' })))).toContain(
      'none is marked as a Helm chart',
    );
  });

  it('a URL with a tag is refused', async () => {
    expect(version(await one({ kind: 'oci', url: `oci://${bad.host}/demo:1.0.0`, ref: {} }))).toContain(
      "URL must not contain a tag; remove ':1.0.0'",
    );
  });
});

describe('credentials', () => {
  let locked: MockRegistry;
  let basicReg: MockRegistry;
  const config = (auths: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
    const path = join(tempDir(), 'config.json');
    writeFileSync(path, JSON.stringify({ auths, ...extra }));
    return path;
  };
  beforeAll(async () => {
    locked = await startRegistry({ auth: 'bearer', credentials: 'robot:t0ken-secret', accessToken: true });
    locked.push('private/app', '1.0.0', chartTgz('app', '1.0.0'));
    basicReg = await startRegistry({ auth: 'basic', credentials: 'robot:t0ken-secret' });
    basicReg.push('app', '1.0.0', chartTgz('app', '1.0.0'));
  });
  afterAll(async () => {
    await locked.close();
    await basicReg.close();
  });

  it('asks for credentials when the token endpoint refuses anonymous access', async () => {
    const result = await one(oci(locked, 'private/app', { tag: '1.0.0' }));
    expect(result).toMatchObject({
      ok: false,
      reason: expect.stringContaining('HTTP 401'),
      hint: expect.stringContaining(`auths entry for ${locked.host}`),
    });
  });

  it('uses a base64 auth entry for the token (access_token answer)', async () => {
    const path = config({ [locked.host]: { auth: Buffer.from('robot:t0ken-secret').toString('base64') } });
    expect(version(await one(oci(locked, 'private/app', { tag: '1.0.0' }), { dockerConfig: path }))).toBe(
      'app 1.0.0',
    );
  });

  it('uses username and password for Basic registries', async () => {
    const path = config({
      [`https://${basicReg.host}/v1/`]: { username: 'robot', password: 't0ken-secret' },
    });
    expect(version(await one(oci(basicReg, 'app', { tag: '1.0.0' }), { dockerConfig: path }))).toBe(
      'app 1.0.0',
    );
  });

  it('wrong credentials are reported without their value', async () => {
    const path = config({ [basicReg.host]: { username: 'robot', password: 'not-the-secret' } });
    const result = await one(oci(basicReg, 'app', { tag: '1.0.0' }), { dockerConfig: path });
    expect(result).toMatchObject({ ok: false, hint: expect.stringContaining('refused the credentials') });
    expect(JSON.stringify(result)).not.toContain('not-the-secret');
  });

  it('credential helpers are named as unsupported', async () => {
    const path = config({}, { credHelpers: { [basicReg.host]: 'ecr-login' } });
    const result = await one(oci(basicReg, 'app', { tag: '1.0.0' }), { dockerConfig: path });
    expect(result).toMatchObject({ ok: false, hint: expect.stringContaining('docker-credential-ecr-login') });
  });

  it('an unreadable Docker config is a failure', async () => {
    const result = await one(oci(basicReg, 'app', { tag: '1.0.0' }), {
      dockerConfig: join(tempDir(), 'missing.json'),
    });
    expect(result).toMatchObject({
      ok: false,
      reason: expect.stringContaining('cannot read the Docker config'),
    });
  });
});
