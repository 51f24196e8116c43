/**
 * sops `Tree.Decrypt`: walk every branch in document order; a leaf whose path (map keys
 * only, list indices are not part of it) selects encryption is decrypted with
 * `key1:key2:…:` as additional data; every leaf's plaintext (or only the encrypted ones
 * with `mac_only_encrypted`) feeds one SHA-512 whose uppercase hex is the MAC.
 */
import { createHash, type Hash } from 'node:crypto';
import { decryptEncValue } from './enc-value.js';
import { formatGoFloat } from './go-format.js';
import type { SopsMetadata } from './metadata.js';
import { isSopsMap, type SopsNode, type SopsScalar } from './nodes.js';
import { sopsError, type SopsWhere } from './where.js';

/** sha256("sops"): seeds the hash when only encrypted values are covered (sops.go). */
const MAC_ONLY_ENCRYPTED_INIT = Buffer.from(
  '8a3fd2ad54ce66527b1034f3d147be0b0b975b3bf44f72c6fdadec8176f27d69',
  'hex',
);

/** sops `shouldBeEncrypted` for a value (comment rules are refused when reading metadata). */
export function shouldBeEncrypted(path: string[], meta: SopsMetadata): boolean {
  let encrypted = true;
  const { unencryptedSuffix: us, encryptedSuffix: es, unencryptedRegex: ur, encryptedRegex: er } = meta;
  if (us) encrypted = !path.some((p) => p.endsWith(us));
  if (es) encrypted = path.some((p) => p.endsWith(es));
  if (ur && path.some((p) => ur.test(p))) encrypted = false;
  if (er) encrypted = path.some((p) => er.test(p));
  return encrypted;
}

/** sops `ToBytes`: how a plaintext value enters the MAC. */
export function macBytes(value: Exclude<SopsScalar, null>): Buffer {
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  if (typeof value === 'boolean') return Buffer.from(value ? 'True' : 'False');
  return Buffer.from(formatGoFloat(value));
}

export interface DecryptedTree {
  branches: SopsNode[];
  /** Uppercase hex SHA-512, as sops computes it. */
  mac: string;
}

export function decryptBranches(
  branches: SopsNode[],
  meta: SopsMetadata,
  key: Uint8Array,
  where: SopsWhere,
  /** Receives the plaintext of every value that was encrypted (the secret ones). */
  onDecryptedValue?: (plain: string) => void,
): DecryptedTree {
  const hash: Hash = createHash('sha512');
  if (meta.macOnlyEncrypted) hash.update(MAC_ONLY_ENCRYPTED_INIT);

  const leaf = (value: Exclude<SopsScalar, null>, path: string[]): SopsScalar => {
    const encrypted = shouldBeEncrypted(path, meta);
    let plain: Exclude<SopsScalar, null> = value;
    if (encrypted) {
      const at = path.join('.');
      if (typeof value !== 'string') {
        throw sopsError(
          where,
          `value at ${at} should be encrypted but is a plain ${typeof value}`,
          'the file was changed after encryption; re-encrypt it with sops',
        );
      }
      const result = decryptEncValue(value, key, path.join(':') + ':');
      if (!result.ok) {
        const hint =
          result.reason === 'auth'
            ? 'the value was changed, moved to another key, or encrypted with another data key; re-encrypt the file with sops'
            : 'the file was changed after encryption; re-encrypt it with sops';
        throw sopsError(where, `could not decrypt value at ${at}: ${result.message}`, hint);
      }
      if (result.value === null) return null;
      plain = result.value;
      onDecryptedValue?.(String(plain));
    }
    if (!meta.macOnlyEncrypted || encrypted) hash.update(macBytes(plain));
    return plain;
  };

  const walk = (node: SopsNode, path: string[]): SopsNode => {
    if (node === null) return null;
    if (Array.isArray(node)) return node.map((item) => walk(item, path));
    if (isSopsMap(node)) return { entries: node.entries.map(([k, v]) => [k, walk(v, [...path, k])]) };
    return leaf(node, path);
  };

  const out = branches.map((b) => walk(b, []));
  return { branches: out, mac: hash.digest('hex').toUpperCase() };
}
