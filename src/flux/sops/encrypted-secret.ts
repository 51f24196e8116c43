/**
 * The controller's guard against applying ciphertext (kustomize-controller
 * `IsEncryptedSecret` + `IsDecryptionDisabled`): a `v1` Secret that still carries a
 * top-level `sops` key after the build cannot be applied unless decryption is configured
 * or the object opts out with `kustomize.toolkit.fluxcd.io/decrypt: disabled`.
 */
import { DiagnosticError } from '../../core/diagnostic.js';
import { isJsonObject, type JsonObject } from '../../core/json.js';

export const DECRYPT_ANNOTATION = 'kustomize.toolkit.fluxcd.io/decrypt';

/** True when the object opts out of decryption (value compared case-insensitively, as Flux does). */
export function isDecryptionDisabled(obj: JsonObject): boolean {
  const metadata = obj.metadata;
  if (!isJsonObject(metadata) || !isJsonObject(metadata.annotations)) return false;
  const value = metadata.annotations[DECRYPT_ANNOTATION];
  return typeof value === 'string' && value.toLowerCase() === 'disabled';
}

/** A v1 Secret with a top-level `sops` key that has not opted out of decryption. */
export function isSopsEncrypted(obj: JsonObject): boolean {
  return obj.apiVersion === 'v1' && obj.kind === 'Secret' && 'sops' in obj && !isDecryptionDisabled(obj);
}

/** True for any object that SOPS encrypted as a whole (has `sops.mac`), which the controller decrypts. */
export function hasSopsMetadata(obj: JsonObject): boolean {
  const sops = obj.sops;
  return isJsonObject(sops) && sops.mac !== undefined && sops.mac !== null && sops.mac !== '';
}

function objectRef(obj: JsonObject): string {
  const metadata = isJsonObject(obj.metadata) ? obj.metadata : {};
  const ns = typeof metadata.namespace === 'string' ? metadata.namespace : '';
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  // pkg/ssa FmtUnstructured: the namespace segment is left out when empty.
  return ns ? `Secret/${ns}/${name}` : `Secret/${name}`;
}

/** The apply error for a SOPS Secret in a Kustomization without `spec.decryption`. */
export function sopsNotDecryptedError(
  obj: JsonObject,
  where: { file?: string; line?: number } = {},
): DiagnosticError {
  return new DiagnosticError({
    rule: 'sops-encrypted-secret',
    message: `${objectRef(obj)} is SOPS encrypted, configuring decryption is required for this secret to be reconciled`,
    hint: `set spec.decryption.provider: sops on the Flux Kustomization, or annotate the Secret with ${DECRYPT_ANNOTATION}: disabled`,
    ...where,
  });
}
