/**
 * Choosing an OCI tag. OCIRepository (`getTagBySemver`): tags filtered by `semverFilter`, read
 * as strict semver with an optional `v`, the highest that satisfies the range. HelmRepository
 * of `type: oci` (helm's `Tags` and source-controller's `getLastMatchingVersionOrConstraint`):
 * an exact version is used as the tag without listing; otherwise tags are read with `_` as `+`,
 * an exact match wins, then the highest that satisfies the constraint (`''` and `*` the latest
 * stable). helm pushes `+` as `_`, so a version goes back to a tag that way.
 */
import { RE2JS } from 're2js';
import {
  compareVersions,
  formatVersion,
  parseStrictVersion,
  satisfies,
  type Version,
} from '../semver/index.js';
import { fail } from './failure.js';
import { fluxVersion } from './flux-version.js';
import { versionConstraint } from './helm-index.js';
import { nearestVersions } from './nearest.js';

const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

export function checkTag(tag: string, url: string): string {
  if (!TAG.test(tag))
    fail(
      `${url}: ${JSON.stringify(tag)} is not a valid OCI tag`,
      'a tag is up to 128 letters, digits, `_`, `.` and `-`',
    );
  return tag;
}

function filterTags(tags: readonly string[], filter: string | undefined, url: string): string[] {
  if (!filter) return [...tags];
  let re: RE2JS;
  try {
    re = RE2JS.compile(filter);
  } catch (e) {
    return fail(
      `${url}: semverFilter ${JSON.stringify(filter)} is not a valid regular expression: ${e instanceof Error ? e.message : String(e)}`,
      'fix the OCIRepository semverFilter (Go RE2 syntax)',
    );
  }
  return tags.filter((t) => re.matcher(t).find());
}

/** The OCIRepository tag for `semver` among `tags`. */
export function ociRepositoryTag(
  tags: readonly string[],
  semver: string,
  filter: string | undefined,
  url: string,
): string {
  const constraints = versionConstraint(semver, url);
  let best: { tag: string; v: Version } | undefined;
  for (const tag of filterTags(tags, filter, url)) {
    const v = fluxVersion(tag);
    if (v && satisfies(constraints, v) && (!best || compareVersions(v, best.v) > 0)) best = { tag, v };
  }
  if (!best) fail(`${url}: no match found for semver: ${semver}`, nearestVersions(tags, semver));
  return best.tag;
}

/** Whether a HelmRepository version is exact, so that no tags need listing. */
export function isExactVersion(version: string): boolean {
  return fluxVersion(version) !== undefined;
}

/** The HelmRepository (`type: oci`) version for `version` among `tags`, in helm's form (`+`, not `_`). */
export function helmRepositoryVersion(tags: readonly string[], version: string, url: string): string {
  const versions: string[] = [];
  for (const tag of tags) {
    try {
      versions.push(formatVersion(parseStrictVersion(tag.replaceAll('_', '+'))));
    } catch {
      // helm lists only tags that are versions.
    }
  }
  if (versions.length === 0)
    fail(
      `${url}: unable to locate any tags in provided repository`,
      'check the URL; the repository has no version tags',
    );
  if (version !== '' && versions.includes(version)) return version;
  const constraints = versionConstraint(version, url);
  let best: Version | undefined;
  for (const text of versions) {
    const v = fluxVersion(text);
    if (v && satisfies(constraints, v) && (!best || compareVersions(v, best) > 0)) best = v;
  }
  if (!best)
    fail(
      `${url}: could not locate a version matching provided version string ${version}`,
      nearestVersions(versions, version),
    );
  return best.original;
}

export function versionToTag(version: string): string {
  return version.replaceAll('+', '_');
}
