/**
 * A chart archive (`.tgz`) as helm's loader reads it: gunzip, tar, one top folder named after
 * the chart, paths relative to it. Untrusted input: absolute paths, `..`, entries outside the
 * top folder, links leaving the chart, too many or too large entries and compression ratios of
 * a decompression bomb are refused with a diagnostic naming the archive and the entry.
 */
import { gunzipSync } from 'node:zlib';
import { readTar, tarError, type TarEntry, type TarLimits } from './tar.js';

export interface ArchiveLimits extends TarLimits {
  /** Largest decompressed/compressed ratio accepted once the output passes `ratioFloor` bytes. */
  maxRatio: number;
  ratioFloor: number;
}

/** helm refuses files over 5 MiB and charts over 100 MiB; the ratio guard is ours. */
export const DEFAULT_ARCHIVE_LIMITS: Readonly<ArchiveLimits> = {
  maxEntries: 10_000,
  maxFileSize: 5 * 1024 * 1024,
  maxTotalSize: 100 * 1024 * 1024,
  maxRatio: 200,
  ratioFloor: 4 * 1024 * 1024,
};

export interface ArchiveFiles {
  /** The archive's top folder (the chart's name when `helm package` wrote it). */
  top: string;
  /** Files by path relative to the chart root, in archive order. */
  files: Map<string, Uint8Array>;
}

function gunzip(bytes: Uint8Array, archive: string, limits: ArchiveLimits): Uint8Array {
  // The tar stream holds headers and padding besides the files: allow for them.
  const maxOutput = limits.maxTotalSize + (limits.maxEntries + 2) * 1024;
  let out: Uint8Array;
  try {
    out = gunzipSync(bytes, { maxOutputLength: maxOutput });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    if (e instanceof RangeError || /maxOutputLength|larger than/i.test(reason)) {
      throw tarError(archive, '', `decompresses to more than ${maxOutput} bytes`);
    }
    throw tarError(archive, '', `not a gzip archive: ${reason}`);
  }
  if (out.length > limits.ratioFloor && out.length / Math.max(bytes.length, 1) > limits.maxRatio) {
    throw tarError(
      archive,
      '',
      `compression ratio ${Math.round(out.length / bytes.length)}:1 is over ${limits.maxRatio}:1 (a decompression bomb?)`,
    );
  }
  return out;
}

// Resolves `.` and `..` of a relative POSIX path; undefined when it climbs out.
function clean(path: string): string | undefined {
  const parts: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join('/');
}

function relativePath(entry: TarEntry, archive: string, top: string | undefined): [string, string] {
  const raw = entry.path.replaceAll('\\', '/');
  if (raw.startsWith('/') || /^[a-zA-Z]:/.test(raw))
    throw tarError(archive, entry.path, 'absolute path in chart archive');
  if (raw.split('/').includes('..')) throw tarError(archive, entry.path, 'path refers to a parent directory');
  const cleaned = clean(raw) ?? '';
  const slash = cleaned.indexOf('/');
  const first = slash < 0 ? cleaned : cleaned.slice(0, slash);
  const rest = slash < 0 ? '' : cleaned.slice(slash + 1);
  if (first === '' || (top !== undefined && first !== top)) {
    throw tarError(archive, entry.path, `entry outside the chart folder ${JSON.stringify(top ?? first)}`);
  }
  if (rest === '' && entry.type !== 'dir') {
    throw tarError(archive, entry.path, 'file outside the chart folder');
  }
  return [first, rest];
}

function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

const BOM = [0xef, 0xbb, 0xbf];

function withoutBom(data: Uint8Array): Uint8Array {
  return data.length >= 3 && BOM.every((b, i) => data[i] === b) ? data.subarray(3) : data;
}

/**
 * The files of a chart archive. Links whose target stays inside the chart read as the target's
 * contents (after all regular files are known); any other link is refused.
 */
export function readChartArchive(
  bytes: Uint8Array,
  archive: string,
  limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS,
): ArchiveFiles {
  const entries = readTar(gunzip(bytes, archive, limits), archive, limits);
  let top: string | undefined;
  const files = new Map<string, Uint8Array>();
  const links: [string, string, TarEntry][] = [];
  for (const entry of entries) {
    const [first, rest] = relativePath(entry, archive, top);
    top ??= first;
    if (entry.type === 'dir') continue;
    if (entry.type === 'file') {
      files.set(rest, withoutBom(entry.data));
      continue;
    }
    const target = entry.linkTarget.replaceAll('\\', '/');
    // Symlinks are relative to their folder; hard links name a path from the archive root.
    const resolved =
      entry.type === 'symlink'
        ? target.startsWith('/')
          ? undefined
          : clean(`${dirname(rest)}/${target}`)
        : (() => {
            const c = clean(target);
            return c !== undefined && c.startsWith(`${first}/`) ? c.slice(first.length + 1) : undefined;
          })();
    if (resolved === undefined || resolved === '') {
      throw tarError(
        archive,
        entry.path,
        `${entry.type === 'symlink' ? 'symbolic' : 'hard'} link to ${JSON.stringify(entry.linkTarget)} leaves the chart`,
      );
    }
    links.push([rest, resolved, entry]);
  }
  if (top === undefined) throw tarError(archive, '', 'the archive holds no chart');
  // A link may point at another link: resolve in rounds, bounded by the number of links.
  let pending = links;
  for (let round = 0; pending.length > 0 && round <= links.length; round++) {
    const next: typeof links = [];
    for (const link of pending) {
      const data = files.get(link[1]);
      if (data) files.set(link[0], data);
      else next.push(link);
    }
    if (next.length === pending.length) break;
    pending = next;
  }
  const [unresolved] = pending;
  if (unresolved)
    throw tarError(
      archive,
      unresolved[2].path,
      `link target ${JSON.stringify(unresolved[2].linkTarget)} is not a file of the chart`,
    );
  return { top, files };
}
