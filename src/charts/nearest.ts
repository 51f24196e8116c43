/**
 * The versions to suggest when none matches a request: those nearest to the version the
 * request names, or the highest ones when it names none.
 */
import { compareVersions, tryParseVersion, type Version } from '../semver/index.js';

const SHOWN = 6;

// The first version-like text of a constraint (`~1.2.3` → 1.2.3, `>=5 <6` → 5).
const VERSION_IN = /v?\d+(?:\.\d+){0,2}(?:-[0-9A-Za-z.-]+)?/;

export function nearestVersions(available: readonly string[], requested: string): string {
  const parsed = available
    .map((text) => ({ text, v: tryParseVersion(text) }))
    .filter((e): e is { text: string; v: Version } => e.v !== undefined)
    .sort((a, b) => compareVersions(b.v, a.v));
  if (parsed.length === 0) return 'no version of the chart is a valid semantic version';
  const total = `${parsed.length} version${parsed.length === 1 ? '' : 's'} in all`;
  const target = tryParseVersion(VERSION_IN.exec(requested)?.[0] ?? '');
  let shown = parsed.slice(0, SHOWN);
  if (target) {
    // Highest first: the first at or below the target splits the list.
    let at = parsed.findIndex((e) => compareVersions(e.v, target) <= 0);
    if (at < 0) at = parsed.length;
    const start = Math.max(0, Math.min(at - SHOWN / 2, parsed.length - SHOWN));
    shown = parsed.slice(start, start + SHOWN);
  }
  const list = shown.map((e) => e.text).join(', ');
  return `available versions${target ? ` near ${requested}` : ''}: ${list} (${total}); fix the version in the HelmRelease`;
}
