/**
 * Picking versions from a list, as helm's repository index and source-controller do: the highest
 * version that satisfies a constraint. Entries that are not versions are skipped, as they are there.
 */
import { parseConstraint, satisfies, type CheckOptions, type Constraints } from './constraint.js';
import { compareVersions, tryParseVersion, type Version } from './version.js';

export interface Selected {
  readonly version: Version;
  /** Where the version is in the input list. */
  readonly index: number;
}

/**
 * The highest version of `versions` that satisfies `constraint`, or undefined. Among versions that
 * compare equal (they differ only in metadata) the first in the list wins.
 */
export function selectHighest(
  versions: readonly string[],
  constraint: string | Constraints,
  options: CheckOptions = {},
): Selected | undefined {
  const constraints = typeof constraint === 'string' ? parseConstraint(constraint) : constraint;
  let best: Selected | undefined;
  versions.forEach((text, index) => {
    const version = tryParseVersion(text);
    if (!version || !satisfies(constraints, version, options)) return;
    if (!best || compareVersions(version, best.version) > 0) best = { version, index };
  });
  return best;
}

/** Versions sorted from highest to lowest (stable for equal versions); non-versions dropped. */
export function sortDescending(versions: readonly string[]): Version[] {
  return versions
    .map((text) => tryParseVersion(text))
    .filter((v): v is Version => v !== undefined)
    .map((v, i) => ({ v, i }))
    .sort((a, b) => compareVersions(b.v, a.v) || a.i - b.i)
    .map(({ v }) => v);
}
