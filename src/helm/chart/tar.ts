/**
 * A small reader of tar streams as `helm package` and other tools write them: ustar, pax
 * extended headers (`path`, `linkpath`, `size`) and GNU long names (`L`, `K`). The input is
 * untrusted: every size is checked against the limits before anything is copied, and a
 * malformed header is an error naming the archive, never a hang or a huge allocation.
 */
import { DiagnosticError } from '../../core/diagnostic.js';

export type TarEntryType = 'file' | 'dir' | 'symlink' | 'hardlink';

export interface TarEntry {
  /** The path as written in the archive (not yet checked or normalised). */
  path: string;
  type: TarEntryType;
  /** Contents of a regular file; empty for the other types. */
  data: Uint8Array;
  /** Target of a symbolic or hard link. */
  linkTarget: string;
}

export interface TarLimits {
  /** Most entries (of any type) one archive may hold. */
  maxEntries: number;
  /** Largest single file. */
  maxFileSize: number;
  /** Largest sum of all file sizes. */
  maxTotalSize: number;
}

const BLOCK = 512;
const decoder = new TextDecoder();

export function tarError(archive: string, entry: string, message: string, hint?: string): DiagnosticError {
  return new DiagnosticError({
    rule: 'helm-chart-archive',
    file: archive,
    message: entry ? `${message} (entry ${JSON.stringify(entry)})` : message,
    hint: hint ?? 'the chart archive is damaged or unsafe; package the chart again with `helm package`',
  });
}

function text(block: Uint8Array, start: number, length: number): string {
  let end = start;
  while (end < start + length && block[end] !== 0) end++;
  return decoder.decode(block.subarray(start, end));
}

// Octal numbers padded with spaces or NULs, or GNU base-256 when the high bit is set.
function number(block: Uint8Array, start: number, length: number): number | undefined {
  const first = block[start]!;
  if (first & 0x80) {
    if (first & 0x40) return undefined; // negative
    let value = first & 0x3f;
    for (let i = start + 1; i < start + length; i++) {
      value = value * 256 + block[i]!;
      if (value > Number.MAX_SAFE_INTEGER) return undefined;
    }
    return value;
  }
  const digits = text(block, start, length).trim();
  if (digits === '') return 0;
  if (!/^[0-7]+$/.test(digits)) return undefined;
  return parseInt(digits, 8);
}

function checksumOk(block: Uint8Array): boolean {
  const stored = number(block, 148, 8);
  let unsigned = 0;
  for (let i = 0; i < BLOCK; i++) unsigned += i >= 148 && i < 156 ? 0x20 : block[i]!;
  return stored === unsigned;
}

function isZeroBlock(block: Uint8Array): boolean {
  for (const b of block) if (b !== 0) return false;
  return true;
}

// pax records: "LEN key=value\n", LEN counting the whole record.
function paxRecords(data: Uint8Array, archive: string): Map<string, string> {
  const records = new Map<string, string>();
  let pos = 0;
  while (pos < data.length) {
    let space = pos;
    while (space < data.length && data[space] !== 0x20) space++;
    const length = Number(decoder.decode(data.subarray(pos, space)));
    if (!Number.isInteger(length) || length <= 0 || pos + length > data.length) {
      throw tarError(archive, '', 'malformed pax extended header');
    }
    const record = decoder.decode(data.subarray(space + 1, pos + length - 1));
    const eq = record.indexOf('=');
    if (eq > 0) records.set(record.slice(0, eq), record.slice(eq + 1));
    pos += length;
  }
  return records;
}

const TYPES: Readonly<Record<string, TarEntryType>> = {
  '0': 'file',
  '\0': 'file',
  '7': 'file',
  '1': 'hardlink',
  '2': 'symlink',
  '5': 'dir',
};

/** The entries of an uncompressed tar stream, checked against `limits`. */
export function readTar(bytes: Uint8Array, archive: string, limits: TarLimits): TarEntry[] {
  const entries: TarEntry[] = [];
  let total = 0;
  let pos = 0;
  let longName: string | undefined;
  let longLink: string | undefined;
  let pax = new Map<string, string>();
  let global = new Map<string, string>();
  let headers = 0;
  while (pos + BLOCK <= bytes.length) {
    const header = bytes.subarray(pos, pos + BLOCK);
    if (isZeroBlock(header)) break;
    if (!checksumOk(header)) throw tarError(archive, '', `bad tar header checksum at byte ${pos}`);
    if (++headers > limits.maxEntries * 2 + 16) {
      throw tarError(archive, '', `more than ${limits.maxEntries} entries`);
    }
    const flag = String.fromCharCode(header[156]!);
    const ustar = text(header, 257, 6).startsWith('ustar');
    let name = text(header, 0, 100);
    if (ustar && header[345] !== 0 && flag !== 'L' && flag !== 'K') {
      const prefix = text(header, 345, 155);
      if (prefix) name = `${prefix}/${name}`;
    }
    const declared = number(header, 124, 12);
    const paxSize = pax.get('size') ?? global.get('size');
    const size = paxSize !== undefined ? Number(paxSize) : declared;
    const entryName = longName ?? pax.get('path') ?? name;
    if (size === undefined || !Number.isSafeInteger(size) || size < 0) {
      throw tarError(archive, entryName, 'bad size field');
    }
    const dataStart = pos + BLOCK;
    const padded = Math.ceil(size / BLOCK) * BLOCK;
    if (dataStart + size > bytes.length)
      throw tarError(archive, entryName, 'the archive ends inside this entry');
    const body = (): Uint8Array => bytes.subarray(dataStart, dataStart + size);
    pos = dataStart + padded;
    // Meta entries describe the next one; their own size is bounded like a file's.
    if (flag === 'L' || flag === 'K' || flag === 'x' || flag === 'g') {
      if (size > 1024 * 1024) throw tarError(archive, entryName, 'oversized extended header');
      if (flag === 'L') longName = text(body(), 0, size);
      else if (flag === 'K') longLink = text(body(), 0, size);
      else if (flag === 'x') pax = paxRecords(body(), archive);
      else global = new Map([...global, ...paxRecords(body(), archive)]);
      continue;
    }
    const type = TYPES[flag];
    if (type === undefined) {
      throw tarError(
        archive,
        entryName,
        `unsupported tar entry type ${JSON.stringify(flag)} (device, FIFO or unknown)`,
      );
    }
    if (entries.length >= limits.maxEntries)
      throw tarError(archive, entryName, `more than ${limits.maxEntries} entries`);
    const linkTarget = longLink ?? pax.get('linkpath') ?? text(header, 157, 100);
    if (type === 'file') {
      if (size > limits.maxFileSize) {
        throw tarError(
          archive,
          entryName,
          `file of ${size} bytes is over the limit of ${limits.maxFileSize} bytes`,
        );
      }
      total += size;
      if (total > limits.maxTotalSize) {
        throw tarError(archive, entryName, `the files add up to more than ${limits.maxTotalSize} bytes`);
      }
    }
    entries.push({ path: entryName, type, data: type === 'file' ? body() : new Uint8Array(), linkTarget });
    longName = undefined;
    longLink = undefined;
    pax = new Map();
  }
  return entries;
}
