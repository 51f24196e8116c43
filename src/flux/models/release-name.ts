import { createHash } from 'node:crypto';

const MAX_RELEASE_NAME = 53;
const SHORT_HASH = 12;

/**
 * helm-controller's ShortenName: names over 53 characters become the first 40 characters,
 * `-` and the first 12 hex digits of the SHA-256 of the whole name.
 */
export function shortenReleaseName(name: string): string {
  if (name.length <= MAX_RELEASE_NAME) return name;
  const sum = createHash('sha256').update(name, 'utf8').digest('hex');
  return `${name.slice(0, MAX_RELEASE_NAME - (SHORT_HASH + 1))}-${sum.slice(0, SHORT_HASH)}`;
}

/** GetReleaseName (spec.releaseName, else `[targetNamespace-]name`), shortened as the controller does. */
export function helmReleaseName(name: string, releaseName?: string, targetNamespace?: string): string {
  if (releaseName) return shortenReleaseName(releaseName);
  return shortenReleaseName(targetNamespace ? `${targetNamespace}-${name}` : name);
}
