import { createHash } from 'node:crypto';

const SHA256 = /^sha256:([0-9a-f]{64})$/;

/** `sha256:<hex>` of `bytes`. */
export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** The hex of a `sha256:<hex>` digest, or undefined for anything else. */
export function sha256Hex(digest: string): string | undefined {
  return SHA256.exec(digest)?.[1];
}

/** Hex text of a sha256 of `text`, for file names derived from keys. */
export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
