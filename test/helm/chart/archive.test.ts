import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../../src/core/diagnostic.js';
import { DEFAULT_ARCHIVE_LIMITS, readChartArchive } from '../../../src/helm/chart/archive.js';
import { paxRecord, tar, tgz, type TestEntry } from '../tar-writer.js';

const text = (b: Uint8Array | undefined): string => new TextDecoder().decode(b);

function error(run: () => unknown): DiagnosticError {
  try {
    run();
  } catch (e) {
    if (e instanceof DiagnosticError) return e;
    throw e;
  }
  throw new Error('expected a DiagnosticError');
}

describe('readChartArchive', () => {
  it('reads ustar, prefix, pax and GNU long names relative to the chart folder', () => {
    const long = `templates/${'x'.repeat(120)}.yaml`;
    const paxLong = `templates/${'p'.repeat(150)}.yaml`;
    const { top, files } = readChartArchive(
      tgz([
        { name: 'demo/', type: '5' },
        { name: 'demo/Chart.yaml', data: 'name: demo\n' },
        { name: 'values.yaml', prefix: 'demo', data: '\ufeffa: 1\n' },
        { name: '././@LongLink', type: 'L', data: `demo/${long}` },
        { name: 'ignored', data: 'long' },
        { name: 'PaxHeader', type: 'x', data: paxRecord('path', `demo/${paxLong}`) },
        { name: 'ignored2', data: 'pax' },
        { name: 'demo/templates/link.yaml', type: '2', link: '../values.yaml' },
      ]),
      'demo.tgz',
    );
    expect(top).toBe('demo');
    expect([...files.keys()]).toEqual(['Chart.yaml', 'values.yaml', long, paxLong, 'templates/link.yaml']);
    expect(text(files.get('values.yaml'))).toBe('a: 1\n'); // BOM dropped, as helm does
    expect(text(files.get(long))).toBe('long');
    expect(text(files.get(paxLong))).toBe('pax');
    expect(text(files.get('templates/link.yaml'))).toBe('a: 1\n');
  });

  const hostile: [string, TestEntry[], RegExp][] = [
    ['absolute path', [{ name: '/etc/passwd', data: 'x' }], /absolute path.*\/etc\/passwd/],
    [
      'parent directory',
      [{ name: 'demo/../../evil', data: 'x' }],
      /parent directory.*demo\/\.\.\/\.\.\/evil/,
    ],
    [
      'a second top folder',
      [
        { name: 'demo/a', data: 'x' },
        { name: 'other/b', data: 'x' },
      ],
      /outside the chart folder.*other\/b/,
    ],
    ['a file beside the chart folder', [{ name: 'Chart.yaml', data: 'x' }], /outside the chart folder/],
    [
      'a symlink leaving the chart',
      [{ name: 'demo/a', type: '2', link: '../../etc/passwd' }],
      /symbolic link.*leaves the chart.*demo\/a/,
    ],
    ['an absolute symlink', [{ name: 'demo/a', type: '2', link: '/etc/passwd' }], /leaves the chart/],
    [
      'a hard link leaving the chart',
      [{ name: 'demo/a', type: '1', link: 'other/x' }],
      /hard link.*leaves the chart/,
    ],
    ['a link to nothing', [{ name: 'demo/a', type: '2', link: 'missing' }], /not a file of the chart/],
    ['a device', [{ name: 'demo/dev', type: '3' }], /unsupported tar entry type/],
    ['a bad checksum', [{ name: 'demo/a', data: 'x', badChecksum: true }], /checksum/],
    ['a size past the end', [{ name: 'demo/a', data: 'x', size: 4096 }], /ends inside this entry/],
  ];
  it.each(hostile)('refuses %s', (_what, entries, message) => {
    const e = error(() => readChartArchive(tgz(entries), 'evil.tgz'));
    expect(e.diagnostic.file).toBe('evil.tgz');
    expect(e.diagnostic.message).toMatch(message);
  });

  it('refuses too many entries', () => {
    const entries = Array.from({ length: 11 }, (_, i) => ({ name: `demo/f${i}`, data: 'x' }));
    const limits = { ...DEFAULT_ARCHIVE_LIMITS, maxEntries: 10 };
    expect(error(() => readChartArchive(tgz(entries), 'many.tgz', limits)).message).toMatch(
      /more than 10 entries.*demo\/f10/,
    );
  });

  it('refuses a file or a total over the size limits', () => {
    const limits = { ...DEFAULT_ARCHIVE_LIMITS, maxFileSize: 100, maxTotalSize: 150 };
    const big = [{ name: 'demo/big', data: 'x'.repeat(101) }];
    expect(error(() => readChartArchive(tgz(big), 'big.tgz', limits)).message).toMatch(
      /over the limit of 100 bytes.*demo\/big/,
    );
    const many = [
      { name: 'demo/a', data: 'x'.repeat(80) },
      { name: 'demo/b', data: 'x'.repeat(80) },
    ];
    expect(error(() => readChartArchive(tgz(many), 'sum.tgz', limits)).message).toMatch(
      /add up to more than 150.*demo\/b/,
    );
  });

  it('stops decompressing a bomb early and refuses extreme ratios', () => {
    const zeros = new Uint8Array(2 * 1024 * 1024);
    const bomb = gzipSync(tar([{ name: 'demo/zeros', data: zeros }]));
    const small = { ...DEFAULT_ARCHIVE_LIMITS, maxTotalSize: 64 * 1024, maxEntries: 4 };
    expect(error(() => readChartArchive(bomb, 'bomb.tgz', small)).message).toMatch(
      /decompresses to more than/,
    );
    const ratio = { ...DEFAULT_ARCHIVE_LIMITS, ratioFloor: 1024 * 1024, maxRatio: 100 };
    expect(error(() => readChartArchive(bomb, 'bomb.tgz', ratio)).message).toMatch(
      /compression ratio \d+:1 is over 100:1/,
    );
  });

  it('refuses what is not gzip', () => {
    expect(error(() => readChartArchive(new Uint8Array([1, 2, 3]), 'x.tgz')).message).toMatch(
      /not a gzip archive/,
    );
  });
});
