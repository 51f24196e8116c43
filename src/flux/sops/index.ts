/** SOPS for rendered Flux objects: `flux build` masking, the controller's guard, age decryption. */
export {
  maskSopsSecret,
  SOPS_MASK,
  SOPS_MASK_BASE64,
  SOPS_MASK_DOCKERCONFIG,
  type MaskWhere,
} from './mask.js';
export {
  isSopsEncrypted,
  isDecryptionDisabled,
  hasSopsMetadata,
  sopsNotDecryptedError,
  DECRYPT_ANNOTATION,
} from './encrypted-secret.js';
export {
  loadAgeIdentities,
  parseAgeIdentities,
  ageRecipient,
  type AgeIdentity,
  type AgeKeyEnv,
} from './age-identities.js';
export { decryptSopsObject, decryptSopsBranches, type SopsDecryptOptions } from './decrypt.js';
export { decryptSopsFile, detectSopsFormat, sopsFormatForPath, type SopsFormat } from './files.js';
export type { SopsWhere } from './where.js';
export { MAC_MISMATCH_RULE, macMismatchDiagnostic, sourceMacProblem } from './source-mac.js';
export type { MacProblem } from './decrypt.js';
