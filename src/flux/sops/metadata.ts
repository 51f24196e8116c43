/**
 * The `sops` metadata block, read the way sops's `Metadata.ToInternal` reads it: at most
 * one of the suffix/regex selectors, `_unencrypted` as the default, age recipients with
 * their armored wrapped data key. Other key types (pgp, kms, vault…) are not ours to use.
 */
import { isSopsMap, mapGet, type SopsMap, type SopsNode } from './nodes.js';
import { sopsError, type SopsWhere } from './where.js';

export interface AgeStanza {
  recipient: string;
  enc: string;
}

export interface SopsMetadata {
  age: AgeStanza[];
  /** Other master-key kinds present (for the error when no age key fits). */
  otherKeyTypes: string[];
  lastModified: string;
  mac: string;
  unencryptedSuffix?: string;
  encryptedSuffix?: string;
  unencryptedRegex?: RegExp;
  encryptedRegex?: RegExp;
  macOnlyEncrypted: boolean;
}

export const DEFAULT_UNENCRYPTED_SUFFIX = '_unencrypted';
const SELECTORS = [
  'unencrypted_suffix',
  'encrypted_suffix',
  'unencrypted_regex',
  'encrypted_regex',
  'unencrypted_comment_regex',
  'encrypted_comment_regex',
] as const;
const OTHER_KEYS = ['pgp', 'kms', 'gcp_kms', 'azure_kv', 'hc_vault', 'hckms'] as const;

function str(node: SopsNode | undefined): string | undefined {
  return typeof node === 'string' && node !== '' ? node : undefined;
}

// Go's RE2 and JS agree on the patterns people write here; a leading `(?i)` becomes a flag.
function goRegex(pattern: string, field: string, where: SopsWhere): RegExp {
  const insensitive = pattern.startsWith('(?i)');
  try {
    return new RegExp(insensitive ? pattern.slice(4) : pattern, insensitive ? 'iu' : 'u');
  } catch (e) {
    throw sopsError(
      where,
      `sops.${field} ${JSON.stringify(pattern)} is not a supported regular expression: ${(e as Error).message}`,
    );
  }
}

function ageStanzas(node: SopsNode | undefined, where: SopsWhere): AgeStanza[] {
  if (!Array.isArray(node)) return [];
  return node.map((item) => {
    const recipient = isSopsMap(item) ? str(mapGet(item, 'recipient')) : undefined;
    const enc = isSopsMap(item) ? str(mapGet(item, 'enc')) : undefined;
    if (recipient === undefined || enc === undefined) {
      throw sopsError(
        where,
        'sops.age entries need both recipient and enc',
        'the sops metadata is damaged; re-encrypt the file with sops',
      );
    }
    return { recipient, enc };
  });
}

export function readSopsMetadata(sops: SopsMap, where: SopsWhere): SopsMetadata {
  const selectors = SELECTORS.filter((k) => str(mapGet(sops, k)) !== undefined);
  if (selectors.length > 1) {
    throw sopsError(
      where,
      `sops metadata sets more than one of ${selectors.join(', ')}; sops allows only one`,
    );
  }
  const comment = selectors.find((k) => k.endsWith('comment_regex'));
  if (comment)
    throw sopsError(where, `sops.${comment} is not supported: comments are gone once a manifest is parsed`);
  if (mapGet(sops, 'key_groups') !== undefined) {
    throw sopsError(
      where,
      'sops key_groups (Shamir secret sharing) are not supported',
      'use plain age recipients',
    );
  }
  const mac = str(mapGet(sops, 'mac'));
  const lastModified = str(mapGet(sops, 'lastmodified'));
  if (mac === undefined)
    throw sopsError(where, 'sops metadata has no mac', 'the file is not a complete sops document');
  if (lastModified === undefined) throw sopsError(where, 'sops metadata has no lastmodified');
  const macOnly = mapGet(sops, 'mac_only_encrypted');
  const meta: SopsMetadata = {
    age: ageStanzas(mapGet(sops, 'age'), where),
    otherKeyTypes: OTHER_KEYS.filter((k) => {
      const v = mapGet(sops, k);
      return Array.isArray(v) && v.length > 0;
    }),
    lastModified,
    mac,
    macOnlyEncrypted: macOnly === true || macOnly === 'true',
  };
  const get = (k: (typeof SELECTORS)[number]): string | undefined => str(mapGet(sops, k));
  const unencryptedSuffix = get('unencrypted_suffix');
  const encryptedSuffix = get('encrypted_suffix');
  const unencryptedRegex = get('unencrypted_regex');
  const encryptedRegex = get('encrypted_regex');
  if (encryptedSuffix !== undefined) meta.encryptedSuffix = encryptedSuffix;
  if (unencryptedRegex !== undefined)
    meta.unencryptedRegex = goRegex(unencryptedRegex, 'unencrypted_regex', where);
  if (encryptedRegex !== undefined) meta.encryptedRegex = goRegex(encryptedRegex, 'encrypted_regex', where);
  if (unencryptedSuffix !== undefined) meta.unencryptedSuffix = unencryptedSuffix;
  else if (selectors.length === 0) meta.unencryptedSuffix = DEFAULT_UNENCRYPTED_SUFFIX;
  return meta;
}

/** `time.Time.Format(time.RFC3339)` of the parsed timestamp: no fraction, `Z` for a zero offset. */
export function macAdditionalData(lastModified: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.exec(lastModified.trim());
  if (!m) return lastModified;
  const zone = (m[2] as string).toUpperCase();
  return `${m[1]}${zone === '+00:00' || zone === '-00:00' ? 'Z' : zone}`;
}
