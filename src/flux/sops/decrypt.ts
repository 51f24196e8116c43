/**
 * In-memory SOPS decryption of documents that sops encrypted as a whole (YAML/JSON store
 * semantics): recover the data key with age, decrypt every selected value, recompute the
 * MAC and compare it with the stored one, drop the `sops` key.
 *
 * kustomize-controller never verifies the MAC: its decryptor's `checkSopsMac` is off and no
 * option turns it on (kustomize may have changed the resource). `sops --decrypt` always
 * verifies. `verifyMac: false` reproduces the controller; `onMacMismatch` reports a mismatch
 * instead of failing (see source-mac.ts and docs/security.md).
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
  /** When given, a MAC that does not match is passed here instead of failing the decryption. */
  onMacMismatch?: (problem: MacProblem) => void;
  /** Receives the plaintext of every value that was encrypted, so that output can mask it. */
  onDecryptedValue?: (plain: string) => void;
}

/** Why the MAC sops stored does not vouch for the document. */
export interface MacProblem {
  message: string;
  hint: string;
}

/** The problem with the stored MAC, or undefined when it matches the recomputed one. */
export function macProblem(meta: SopsMetadata, key: Uint8Array, computed: string): MacProblem | undefined {
  const stored = decryptEncValue(meta.mac, key, macAdditionalData(meta.lastModified));
  if (!stored.ok) {
    return {
      message: `failed to verify sops data integrity: the stored MAC cannot be decrypted (${stored.message})`,
      hint: 'sops.mac or sops.lastmodified was changed; re-encrypt the file with sops',
    };
  }
  if (stored.value !== computed) {
    return {
      message:
        'MAC mismatch: the values do not match the MAC sops stored, so the file was changed after it was encrypted',
      hint: 'a value (encrypted or clear, e.g. metadata.name) was edited, reordered or removed by hand; restore it or re-encrypt the file with sops',
    };
  }
  return undefined;
}

/** Applies `options` to the MAC check: skip, report, or throw as sops does. */
export function verifyMac(
  meta: SopsMetadata,
  key: Uint8Array,
  computed: string,
  where: SopsWhere,
  options: SopsDecryptOptions = {},
): void {
  if (options.verifyMac === false) return;
  const problem = macProblem(meta, key, computed);
  if (!problem) return;
  if (options.onMacMismatch) options.onMacMismatch(problem);
  else throw sopsError(where, problem.message, problem.hint);
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
  const result = decryptBranches(branches, meta, key, where, options.onDecryptedValue);
  verifyMac(meta, key, result.mac, where, options);
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
