/**
 * A HelmRepository's index.yaml as source-controller reads it: JSON or YAML, invalid entries
 * dropped, versions sorted highest first; and its version choice (`getChartVersion`): an exact
 * match first, `''`/`*` for the latest stable version, else the highest version that satisfies
 * the Masterminds constraint, the newest `created` among equal versions.
 */
import { DiagnosticError } from '../core/diagnostic.js';
import { isJsonObject, type JsonValue } from '../core/json.js';
import {
  compareVersions,
  parseConstraint,
  satisfies,
  SemverError,
  tryParseVersion,
  type Constraints,
  type Version,
} from '../semver/index.js';
import { parseYaml11 } from '../yaml/parse-yaml11.js';
import { fail } from './failure.js';
import { fluxVersion } from './flux-version.js';
import { nearestVersions } from './nearest.js';

export interface IndexEntry {
  name: string;
  version: string;
  urls: string[];
  /** The archive's sha256 as hex, when the index gives one. */
  digest?: string;
  /** `created` in nanoseconds since the epoch (0 when absent). */
  created: bigint;
}

export interface ChartIndex {
  entries: Map<string, IndexEntry[]>;
}

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

/** An RFC 3339 time in nanoseconds, as Go's time.Time orders them; 0 for anything else. */
export function createdNanos(text: unknown): bigint {
  const m = typeof text === 'string' ? RFC3339.exec(text) : null;
  if (!m) return 0n;
  const [, y, mo, d, h, mi, s, frac = '', sign, oh = '0', om = '0'] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const offset = (Number(oh) * 60 + Number(om)) * 60_000 * (sign === '-' ? -1 : 1);
  return BigInt(ms - offset) * 1_000_000n + BigInt(frac.padEnd(9, '0'));
}

function text(v: JsonValue | undefined): string | undefined {
  if (typeof v === 'string') return v;
  // A version written as a YAML number (`version: 1.0`) is read into a string field.
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** helm's chart metadata validation, as far as it decides whether an index entry is kept. */
function validEntry(name: string, version: string | undefined, type: JsonValue | undefined): boolean {
  if (name === '' || name.includes('/') || name.includes('\\') || name === '.' || name === '..') return false;
  if (version === undefined || tryParseVersion(version) === undefined) return false;
  return type === undefined || type === null || type === '' || type === 'application' || type === 'library';
}

function entriesOf(name: string, list: JsonValue | undefined): IndexEntry[] {
  if (!Array.isArray(list)) return [];
  const out: IndexEntry[] = [];
  for (const item of list) {
    if (!isJsonObject(item)) continue;
    const entryName = text(item.name) ?? '';
    const version = text(item.version);
    if (!validEntry(entryName, version, item.type)) continue;
    const urls = Array.isArray(item.urls) ? item.urls.filter((u): u is string => typeof u === 'string') : [];
    const digest = text(item.digest);
    out.push({
      name: entryName,
      version: version as string,
      urls,
      digest,
      created: createdNanos(item.created),
    });
  }
  // Highest version first, as IndexFile.SortEntries leaves them.
  const parsed = new Map(out.map((e) => [e, tryParseVersion(e.version) as Version]));
  return out.sort((a, b) => compareVersions(parsed.get(b) as Version, parsed.get(a) as Version));
}

/** Parses an index; `source` names it in messages. */
export function parseIndex(bytes: Uint8Array, source: string): ChartIndex {
  const content = Buffer.from(bytes).toString('utf8');
  if (content.trim() === '') fail(`${source} is empty`, 'check the repository URL; it must serve index.yaml');
  let doc: JsonValue;
  try {
    doc = JSON.parse(content) as JsonValue;
  } catch {
    try {
      doc = parseYaml11(content, source, 'chart-index');
    } catch (e) {
      const message = e instanceof DiagnosticError ? e.message : String(e);
      fail(
        `${source} is not a valid index: ${message}`,
        'check the repository URL; it must serve a Helm index.yaml',
      );
    }
  }
  if (!isJsonObject(doc)) fail(`${source} is not a valid index: expected a map`, 'check the repository URL');
  if (!text(doc.apiVersion)) {
    fail(
      `${source} is not a valid index: no API version`,
      'check the repository URL; it must serve a Helm index.yaml',
    );
  }
  const entries = new Map<string, IndexEntry[]>();
  if (isJsonObject(doc.entries)) {
    for (const [name, list] of Object.entries(doc.entries)) entries.set(name, entriesOf(name, list));
  }
  return { entries };
}

/** The constraint of a version request; `''` and `*` are `*`. Fails with Masterminds' message. */
export function versionConstraint(version: string, what: string): Constraints {
  try {
    return parseConstraint(version === '' ? '*' : version);
  } catch (e) {
    const message = e instanceof SemverError ? e.message : String(e);
    return fail(
      `${what}: invalid version constraint '${version}': ${message}`,
      'use an exact version or a semver range such as 1.2.x or >=1.2.0 <2.0.0',
    );
  }
}

/** The entry source-controller would pick for `chart` at `version`. */
export function selectIndexEntry(
  index: ChartIndex,
  chart: string,
  version: string,
  source: string,
): IndexEntry {
  const list = index.entries.get(chart);
  if (!list) {
    const names = [...index.entries.keys()].sort();
    const some = names.slice(0, 10).join(', ');
    fail(
      `chart '${chart}' is not in ${source}`,
      names.length === 0
        ? 'the repository index lists no charts'
        : `the repository has: ${some}${names.length > 10 ? ', …' : ''}`,
    );
  }
  if (list.length === 0) fail(`chart '${chart}' has no valid versions in ${source}`, 'check the repository');
  if (version !== '') {
    const exact = list.find((e) => e.version === version);
    if (exact) return exact;
  }
  const constraints = versionConstraint(version, `chart '${chart}'`);
  let best: { entry: IndexEntry; v: Version } | undefined;
  for (const entry of list) {
    const v = fluxVersion(entry.version);
    if (!v || !satisfies(constraints, v)) continue;
    const order = best ? compareVersions(v, best.v) : 1;
    if (order > 0 || (order === 0 && best && entry.created > best.entry.created)) best = { entry, v };
  }
  if (!best) {
    fail(
      `no '${chart}' chart with version matching '${version}' found in ${source}`,
      nearestVersions(
        list.map((e) => e.version),
        version,
      ),
    );
  }
  return best.entry;
}

/** `urls[0]` resolved against the repository URL, as helm's ResolveReferenceURL does. */
export function resolveChartUrl(repositoryUrl: string, ref: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) return ref;
  const base = new URL(repositoryUrl);
  base.pathname = `${base.pathname.replace(/\/+$/, '')}/`;
  const resolved = new URL(ref, base);
  resolved.search = base.search;
  return resolved.toString();
}

/** `<url>/index.yaml`, the repository's query kept. */
export function indexUrl(repositoryUrl: string): string {
  const u = new URL(repositoryUrl);
  u.pathname = `${u.pathname.replace(/\/+$/, '')}/index.yaml`;
  return u.toString();
}
