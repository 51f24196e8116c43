/** Writes small tar streams for tests, including hostile ones no packer would write. */
import { gzipSync } from 'node:zlib';

export interface TestEntry {
  name: string;
  /** '0' file (default), '1' hard link, '2' symlink, '5' dir, 'x' pax, 'L' GNU long name, … */
  type?: string;
  data?: string | Uint8Array;
  link?: string;
  /** Writes this size into the header instead of the data's. */
  size?: number;
  prefix?: string;
  badChecksum?: boolean;
}

const encoder = new TextEncoder();

function put(block: Uint8Array, offset: number, length: number, value: string): void {
  block.set(encoder.encode(value).subarray(0, length), offset);
}

function octal(value: number, length: number): string {
  return value.toString(8).padStart(length - 1, '0');
}

function header(entry: TestEntry, size: number): Uint8Array {
  const block = new Uint8Array(512);
  put(block, 0, 100, entry.name);
  put(block, 100, 8, octal(0o644, 8));
  put(block, 108, 8, octal(0, 8));
  put(block, 116, 8, octal(0, 8));
  put(block, 124, 12, octal(entry.size ?? size, 12));
  put(block, 136, 12, octal(0, 12));
  put(block, 156, 1, entry.type ?? '0');
  put(block, 157, 100, entry.link ?? '');
  put(block, 257, 6, 'ustar');
  put(block, 263, 2, '00');
  if (entry.prefix) put(block, 345, 155, entry.prefix);
  block.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of block) sum += b;
  put(block, 148, 8, `${octal(entry.badChecksum ? sum + 1 : sum, 7)}\0`);
  return block;
}

/** An uncompressed tar stream of `entries`, ended by two zero blocks. */
export function tar(entries: TestEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const entry of entries) {
    const data =
      typeof entry.data === 'string' ? encoder.encode(entry.data) : (entry.data ?? new Uint8Array());
    parts.push(header(entry, data.length));
    parts.push(data);
    const pad = (512 - (data.length % 512)) % 512;
    parts.push(new Uint8Array(pad));
  }
  parts.push(new Uint8Array(1024));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let pos = 0;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}

export function tgz(entries: TestEntry[]): Uint8Array {
  return gzipSync(tar(entries));
}

/** A pax record `LEN key=value\n`. */
export function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let length = body.length + 1;
  while (`${length}${body}`.length !== length) length = `${length}${body}`.length;
  return `${length}${body}`;
}
