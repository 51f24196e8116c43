/** The helm oracle: the zip reader that unpacks it, and helm run with private homes. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { helmAvailable, helmUnavailableReason, runHelm } from '../../helpers/helm-oracle.js';
import { readZipEntry, zipEntrySize } from '../../helpers/zip-entry.mjs';

interface Entry {
  name: string;
  data: Buffer;
  deflate: boolean;
}

/** A minimal zip archive (no CRC check is made by the reader, so CRCs are left zero). */
function makeZip(entries: Entry[], comment = ''): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const body = e.deflate ? deflateRawSync(e.data) : e.data;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(e.deflate ? 8 : 0, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(e.deflate ? 8 : 0, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(Buffer.byteLength(comment), 20);
  return Buffer.concat([...locals, dir, end, Buffer.from(comment)]);
}

describe('zip entry reader', () => {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-ops-zip-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const big = Buffer.from('helm binary stand-in '.repeat(5000));
  const zip = join(dir, 'layer.zip');
  writeFileSync(
    zip,
    makeZip(
      [
        { name: 'helm/', data: Buffer.alloc(0), deflate: false },
        { name: 'helm/helm', data: big, deflate: true },
        { name: 'plain.txt', data: Buffer.from('stored'), deflate: false },
      ],
      'an archive comment',
    ),
  );

  it('inflates a deflated entry and reads a stored one', () => {
    expect(readZipEntry(zip, 'helm/helm').equals(big)).toBe(true);
    expect(readZipEntry(zip, 'plain.txt').toString()).toBe('stored');
    expect(zipEntrySize(zip, 'helm/helm')).toBe(big.length);
  });

  it('says which entry is missing, and rejects what is not a zip', () => {
    expect(zipEntrySize(zip, 'nope')).toBeUndefined();
    expect(() => readZipEntry(zip, 'nope')).toThrow(/no entry nope/);
    const notZip = join(dir, 'not.zip');
    writeFileSync(notZip, 'just text, no archive here');
    expect(() => readZipEntry(notZip, 'helm/helm')).toThrow(/not a zip file/);
  });
});

describe.skipIf(!helmAvailable())(
  `helm oracle${helmUnavailableReason() ? ` (${helmUnavailableReason()})` : ''}`,
  () => {
    it('is helm v4.1.4', () => {
      const r = runHelm(['version', '--template', '{{ .Version }}']);
      expect(r.ok, r.stderr).toBe(true);
      expect(r.stdout).toBe('v4.1.4');
    });

    it('keeps its cache, config and data in private folders', () => {
      const r = runHelm(['env']);
      expect(r.ok, r.stderr).toBe(true);
      for (const key of ['HELM_CACHE_HOME', 'HELM_CONFIG_HOME', 'HELM_DATA_HOME']) {
        const line = r.stdout.split('\n').find((l) => l.startsWith(`${key}=`)) ?? '';
        expect(line, key).toContain('k8s-ops-helm-home-');
        expect(line, key).not.toContain(`"${homedir()}/`);
      }
    });
  },
);
