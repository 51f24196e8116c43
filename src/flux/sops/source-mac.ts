/**
 * The SOPS MAC of a file as it is written in the repository.
 *
 * kustomize-controller decrypts what kustomize built and never checks the MAC (decrypt.ts),
 * so Flux applies a Secret whose `sops.mac` was tampered with or whose clear-text fields
 * (`metadata.name`, anything `encrypted_regex` leaves out) were changed after encryption.
 * The built resource cannot be checked either: kustomize may legitimately have set its
 * namespace or labels. The source file is what sops computed the MAC over, so it is checked
 * here, and a mismatch is a warning: the render stays what Flux applies.
 */
import { DiagnosticError, type Diagnostic } from '../../core/diagnostic.js';
import type { AgeIdentity } from './age-identities.js';
import { decryptSopsBranches, type MacProblem } from './decrypt.js';
import { mapGet } from './nodes.js';
import { parseSopsYaml } from './yaml-text.js';
import type { SopsWhere } from './where.js';

export const MAC_MISMATCH_RULE = 'sops-mac-mismatch';

/**
 * The MAC problem of a whole SOPS YAML/JSON file (every document that carries `sops`, as one
 * tree, the way sops encrypts a multi-document file), or undefined when the MAC matches or
 * the file cannot be decrypted at all (that failure is reported by the decryption itself).
 */
export async function sourceMacProblem(
  text: string,
  identities: AgeIdentity[],
  where: SopsWhere = {},
): Promise<MacProblem | undefined> {
  let problem: MacProblem | undefined;
  try {
    const docs = parseSopsYaml(text, where).filter((d) => mapGet(d, 'sops') !== undefined);
    if (docs.length === 0) return undefined;
    await decryptSopsBranches(docs, identities, where, { onMacMismatch: (p) => (problem = p) });
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    return undefined;
  }
  return problem;
}

/** The warning for a MAC that does not match: Flux applies the resource all the same. */
export function macMismatchDiagnostic(problem: MacProblem, where: SopsWhere): Diagnostic {
  const prefix = where.subject ? `${where.subject}: ` : '';
  return {
    severity: 'warning',
    rule: MAC_MISMATCH_RULE,
    message: `${prefix}${problem.message}; kustomize-controller does not check the MAC and applies it anyway`,
    hint: problem.hint,
    ...(where.file !== undefined ? { file: where.file } : {}),
    ...(where.line !== undefined ? { line: where.line } : {}),
  };
}
