import type { Diagnostic } from '../core/diagnostic.js';
import { isJsonObject, type JsonValue } from '../core/json.js';
import { KUSTOMIZATION_FILE_NAMES } from '../kustomize/kustomization.js';
import { overlayTree } from '../tree/overlay-tree.js';
import { joinPath, resolvePath } from '../tree/paths.js';
import type { RepoTree } from '../tree/repo-tree.js';
import { parseYaml11 } from '../yaml/parse-yaml11.js';
import { addSecretText, type SecretTexts } from './secret-text.js';
import {
  decryptSopsFile,
  detectSopsFormat,
  macMismatchDiagnostic,
  sopsFormatForPath,
  type AgeIdentity,
} from './sops/index.js';

const strings = (v: JsonValue | undefined): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** `key=path` or `path` of a generator `files` entry. */
const filePart = (entry: string): string =>
  entry.includes('=') ? entry.slice(entry.indexOf('=') + 1) : entry;

/**
 * The files kustomize-controller decrypts in place before building (its decryptor): for every
 * kustomization reachable from `dir` through local resources and components, the
 * secretGenerator `files` and `envs` and the `patches` paths that SOPS encrypted.
 */
export function encryptedSources(tree: RepoTree, dir: string): string[] {
  const found = new Set<string>();
  const seen = new Set<string>();
  const visit = (d: string): void => {
    if (seen.has(d)) return;
    seen.add(d);
    const file = KUSTOMIZATION_FILE_NAMES.map((n) => joinPath(d, n)).find((p) => tree.stat(p) === 'file');
    if (!file) return;
    let k: JsonValue;
    try {
      k = parseYaml11(tree.readText(file), file);
    } catch {
      return; // the build reports it
    }
    if (!isJsonObject(k)) return;
    const candidates: string[] = [];
    for (const g of Array.isArray(k.secretGenerator) ? k.secretGenerator : []) {
      if (!isJsonObject(g)) continue;
      candidates.push(...strings(g.files).map(filePart), ...strings(g.envs));
      if (typeof g.env === 'string') candidates.push(g.env);
    }
    for (const p of Array.isArray(k.patches) ? k.patches : []) {
      if (isJsonObject(p) && typeof p.path === 'string') candidates.push(p.path);
    }
    for (const c of candidates) {
      const path = resolvePath(d, c);
      if (path !== undefined && tree.stat(path) === 'file' && detectSopsFormat(tree.readText(path)))
        found.add(path);
    }
    for (const entry of [...strings(k.resources), ...strings(k.bases), ...strings(k.components)]) {
      const path = resolvePath(d, entry);
      if (path !== undefined && tree.stat(path) === 'dir') visit(path);
    }
  };
  visit(dir);
  return [...found].sort();
}

/**
 * The tree with those files decrypted in memory (nothing is written). Like the controller,
 * a MAC that does not match does not stop the build; it is reported as a warning. Every
 * decrypted value is recorded in `secrets`.
 */
export async function decryptSources(
  tree: RepoTree,
  dir: string,
  identities: AgeIdentity[],
  secrets?: SecretTexts,
): Promise<{ tree: RepoTree; decrypted: string[]; diagnostics: Diagnostic[] }> {
  const files = encryptedSources(tree, dir);
  const diagnostics: Diagnostic[] = [];
  if (files.length === 0) return { tree, decrypted: [], diagnostics };
  const plain = new Map<string, string>();
  for (const file of files) {
    const text = await decryptSopsFile(
      tree.readText(file),
      sopsFormatForPath(file),
      identities,
      { file },
      {
        onMacMismatch: (problem) => diagnostics.push(macMismatchDiagnostic(problem, { file })),
        ...(secrets ? { onDecryptedValue: (v: string) => addSecretText(secrets, v) } : {}),
      },
    );
    plain.set(file, text);
  }
  return { tree: overlayTree(tree, plain), decrypted: files, diagnostics };
}
