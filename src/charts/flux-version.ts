import { parseStrictVersion, tryParseVersion, type Version } from '../semver/index.js';

/** fluxcd/pkg version.ParseVersion: strict semver with an optional leading `v`, read as semver.NewVersion. */
export function fluxVersion(text: string): Version | undefined {
  try {
    parseStrictVersion(text.startsWith('v') ? text.slice(1) : text);
  } catch {
    return undefined;
  }
  return tryParseVersion(text);
}
