/**
 * In-memory SOPS decryption of documents that sops encrypted as a whole (YAML/JSON store
 * semantics): recover the data key with age, decrypt every selected value, recompute the
 * MAC and compare it with the stored one, drop the `sops` key.
 *
 * Note: kustomize-controller does not verify the MAC of rendered resources (its
 * `checkSopsMac` is off because kustomize may add labels and the like); pass
 * `verifyMac: false` to reproduce that. sops itself always verifies.
 */
import { isJsonObject, type JsonObject } from '../../core/json.js';
import type { AgeIdentity } from './age-identities.js';
import { recoverDataKey } from './data-key.js';
import { decryptEncValue } from './enc-value.js';
import { macAdditionalData, readSopsMetadata, type SopsMetadata } from './metadata.js';
import { fromJson, isSopsMap, mapGet, toJson, withoutKey, type SopsMap } from './nodes.js';
import { decryptBranches } from './tree-decrypt.js';
import { sopsError, type SopsWhere } from './where.js';

export interface SopsDecryptOptions {
  /** Compare the recomputed MAC with the stored one (default true, as sops does). */
  verifyMac?: boolean;
}

export function verifyMac(meta: SopsMetadata, key: Uint8Array, computed: string, where: SopsWhere): void {
  const stored = decryptEncValue(meta.mac, key, macAdditionalData(meta.lastModified));
  if (!stored.ok) {
    throw sopsError(
      where,
      `failed to verify sops data integrity: the stored MAC cannot be decrypted (${stored.message})`,
      'sops.mac or sops.lastmodified was changed; re-encrypt the file with sops',
    );
  }
  if (stored.value !== computed) {
    throw sopsError(
      where,
      'MAC mismatch: the decrypted values do not match the MAC sops stored, so the file was changed after it was encrypted',
      'values were edited, reordered or removed by hand; restore them or re-encrypt the file with sops',
    );
  }
}

/**
 * Decrypt a multi-document SOPS file's branches (one MAC covers all of them). Each
 * document carries the same `sops` block; the first one's is used, as sops does.
 */
export async function decryptSopsBranches(
  documents: SopsMap[],
  identities: AgeIdentity[],
  where: SopsWhere = {},
  options: SopsDecryptOptions = {},
): Promise<SopsMap[]> {
  const sops = documents.map((d) => mapGet(d, 'sops')).find((s) => s !== undefined);
  if (sops === undefined || !isSopsMap(sops)) throw sopsError(where, 'sops metadata not found');
  const meta = readSopsMetadata(sops, where);
  const key = await recoverDataKey(meta, identities, where);
  const branches = documents.map((d) => withoutKey(d, 'sops'));
  const result = decryptBranches(branches, meta, key, where);
  if (options.verifyMac !== false) verifyMac(meta, key, result.mac, where);
  return result.branches.filter(isSopsMap);
}

/** Decrypt one resource that sops encrypted as a whole; the result has no `sops` key. */
export async function decryptSopsObject(
  obj: JsonObject,
  identities: AgeIdentity[],
  where: SopsWhere = {},
  options: SopsDecryptOptions = {},
): Promise<JsonObject> {
  const tree = fromJson(obj);
  if (!isSopsMap(tree)) throw sopsError(where, 'sops metadata not found');
  const [out] = await decryptSopsBranches([tree], identities, where, options);
  const json = out === undefined ? undefined : toJson(out);
  return isJsonObject(json) ? json : {};
}
