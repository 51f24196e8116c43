/** The small pieces of retrieval, table by table: URLs, challenges, index reading, tag checks. */
import { describe, expect, it } from 'vitest';
import { ChartFailure } from '../../src/charts/failure.js';
import {
  createdNanos,
  indexUrl,
  parseIndex,
  resolveChartUrl,
  selectIndexEntry,
} from '../../src/charts/helm-index.js';
import { checkTagVersion } from '../../src/charts/oci.js';
import { parseOciUrl } from '../../src/charts/oci-ref.js';
import { parseChallenge } from '../../src/charts/oci-registry.js';
import { helmRepositoryVersion, ociRepositoryTag } from '../../src/charts/oci-tags.js';

function failure(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof ChartFailure) return e.message;
    throw e;
  }
  return 'no failure';
}

describe('OCI URLs', () => {
  it.each([
    ['oci://ghcr.io/org/charts/app', false, 'https://ghcr.io', 'org/charts/app', 'app'],
    [
      'oci://docker.io/bitnamicharts/nginx',
      false,
      'https://registry-1.docker.io',
      'bitnamicharts/nginx',
      'nginx',
    ],
    ['oci://docker.io/nginx', false, 'https://registry-1.docker.io', 'library/nginx', 'nginx'],
    ['oci://127.0.0.1:5000/charts/x/', true, 'http://127.0.0.1:5000', 'charts/x', 'x'],
  ])('%s', (url, insecure, base, name, chart) => {
    expect(parseOciUrl(url, insecure)).toMatchObject({ base, name, chart });
  });

  it.each([
    ['https://ghcr.io/org/app', 'is not an OCI URL'],
    ['oci://ghcr.io/org/app:1.0', "URL must not contain a tag; remove ':1.0'"],
    ['oci://ghcr.io/org/app@sha256:00', 'must not contain a digest'],
    ['oci://ghcr.io/Org/App', 'is not a valid repository name'],
  ])('refuses %s', (url, message) => {
    expect(failure(() => parseOciUrl(url))).toContain(message);
  });
});

describe('WWW-Authenticate', () => {
  it('reads quoted parameters with commas', () => {
    const c = parseChallenge(
      'Bearer realm="https://auth.example/token",service="registry.example",scope="repository:a/b:pull,push"',
    );
    expect(c.scheme).toBe('bearer');
    expect(Object.fromEntries(c.params)).toEqual({
      realm: 'https://auth.example/token',
      service: 'registry.example',
      scope: 'repository:a/b:pull,push',
    });
    expect(parseChallenge('Basic realm=registry').scheme).toBe('basic');
  });
});

describe('chart URLs', () => {
  it.each([
    ['https://charts.example/stable', 'app-1.0.0.tgz', 'https://charts.example/stable/app-1.0.0.tgz'],
    [
      'https://charts.example/stable/',
      'pkgs/app-1.0.0.tgz',
      'https://charts.example/stable/pkgs/app-1.0.0.tgz',
    ],
    ['https://charts.example/stable', '/abs/app.tgz', 'https://charts.example/abs/app.tgz'],
    ['https://charts.example/stable?token=x', 'app.tgz', 'https://charts.example/stable/app.tgz?token=x'],
    ['https://charts.example/stable', 'https://cdn.example/app.tgz', 'https://cdn.example/app.tgz'],
  ])('%s + %s', (base, ref, url) => {
    expect(resolveChartUrl(base, ref)).toBe(url);
  });

  it('index.yaml keeps the query', () => {
    expect(indexUrl('https://charts.example/stable/?token=x')).toBe(
      'https://charts.example/stable/index.yaml?token=x',
    );
  });
});

describe('index reading', () => {
  it('drops invalid entries and reads JSON indexes', () => {
    const json = JSON.stringify({
      apiVersion: 'v1',
      entries: {
        app: [
          { name: 'app', version: '1.0.0', urls: ['a.tgz'] },
          { name: 'app', version: 'not-a-version', urls: ['b.tgz'] },
          { name: '', version: '2.0.0', urls: ['c.tgz'] },
          { name: 'app', version: '1.1.0', type: 'plugin', urls: ['d.tgz'] },
          { name: 'app', version: 1.5, urls: ['e.tgz'] },
        ],
      },
    });
    const index = parseIndex(Buffer.from(json), 'index.json');
    expect(index.entries.get('app')?.map((e) => e.version)).toEqual(['1.5', '1.0.0']);
  });

  it.each([
    ['', 'is empty'],
    ['entries: {}\n', 'no API version'],
    ['- a\n', 'expected a map'],
  ])('refuses %j', (text, message) => {
    expect(failure(() => parseIndex(Buffer.from(text), 'index.yaml'))).toContain(message);
  });

  it('orders created times to the nanosecond, across offsets', () => {
    expect(
      createdNanos('2024-01-01T00:00:00.000000002Z') - createdNanos('2024-01-01T00:00:00.000000001Z'),
    ).toBe(1n);
    expect(createdNanos('2024-01-01T01:00:00+01:00')).toBe(createdNanos('2024-01-01T00:00:00Z'));
    expect(createdNanos('yesterday')).toBe(0n);
  });

  it('picks the newest created among equal versions', () => {
    const yaml = [
      'apiVersion: v1',
      'entries:',
      '  a:',
      '  - {name: a, version: 1.0.0+x, created: "2024-01-01T00:00:00Z", urls: [x]}',
      '  - {name: a, version: 1.0.0+y, created: "2024-06-01T00:00:00Z", urls: [y]}',
      '  - {name: a, version: 1.0.0+z, created: "2024-03-01T00:00:00Z", urls: [z]}',
    ].join('\n');
    expect(selectIndexEntry(parseIndex(Buffer.from(yaml), 'i'), 'a', '1.x', 'i').version).toBe('1.0.0+y');
  });
});

describe('tags', () => {
  const tags = ['1.0.0', '1.1.0', 'v1.2.0', '1.3.0_meta', '2.0.0-rc.1', 'latest', '01.0.0'];
  it.each([
    ['1.x', undefined, '1.2.0' /* v1.2.0 */],
    ['>=1.0.0', '^1\\.[01]\\.', '1.1.0'],
    ['>=2.0.0-0', undefined, '2.0.0-rc.1'],
  ])('OCIRepository semver %s filter %s', (semver, filter, expected) => {
    expect(ociRepositoryTag(tags, semver, filter, 'oci://x/y').replace(/^v/, '')).toBe(expected);
  });

  it.each([
    ['1.x', '1.3.0+meta'],
    ['', '1.3.0+meta'],
    ['1.0.0', '1.0.0'],
    ['>=2.0.0-0', '2.0.0-rc.1'],
  ])('HelmRepository version %j', (version, expected) => {
    expect(helmRepositoryVersion(tags, version, 'oci://x/y')).toBe(expected);
  });

  it('an invalid semverFilter is a failure', () => {
    expect(failure(() => ociRepositoryTag(tags, '*', '(', 'oci://x/y'))).toContain(
      'is not a valid regular expression',
    );
  });
});

describe("helm-controller's tag check", () => {
  it.each([
    ['1.2.3', '1.2.3', 'no failure'],
    ['v1.2.3', '1.2.3', 'no failure'],
    ['1.2.3_abc', '1.2.3+def', 'no failure'],
    ['1.2.4', '1.2.3', 'artifact revision 1.2.4 does not match chart version 1.2.3'],
    ['1.2.3-rc.1', '1.2.3', 'artifact revision 1.2.3-rc.1 does not match chart version 1.2.3'],
    ['latest', '1.2.3', 'failed parsing artifact revision latest'],
  ])('tag %s, chart %s', (tag, version, expected) => {
    expect(failure(() => checkTagVersion(tag, version, 'src'))).toContain(expected);
  });
});
