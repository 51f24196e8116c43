/**
 * What a repository's own `k8s-ops.yaml` may make k8s-ops do. The file comes with the
 * checkout, and a checkout may be anyone's (a pull request, a clone to review): its settings
 * never make k8s-ops reach the network, or read or write outside the repository, unless the
 * user says they trust it (`--trust-config` or K8S_OPS_TRUST_CONFIG=1). Settings given on
 * the command line or in the environment are the user's own and always apply.
 * See docs/security.md.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import type { RepoTree } from '../tree/repo-tree.js';
import { locateInDocument, parseYamlDocuments } from '../yaml/parse.js';
import { CONFIG_FILE } from './config-types.js';

export const TRUST_CONFIG_FLAG = '--trust-config';
export const TRUST_CONFIG_ENV = 'K8S_OPS_TRUST_CONFIG';
export const UNTRUSTED_RULE = 'config-untrusted';

/** Whether the user trusts k8s-ops.yaml: the flag, or the environment variable set to 1 or true. */
export function configTrusted(flag: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  if (flag === true) return true;
  const value = env[TRUST_CONFIG_ENV]?.trim().toLowerCase();
  return value === '1' || value === 'true' || value === 'yes';
}

/** `scheme://…`: an address k8s-ops would fetch, whatever the scheme. */
export function isAddress(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text.trim());
}

/** The line of `path` in k8s-ops.yaml (the nearest enclosing key that can be found), else 1. */
export function configLine(tree: RepoTree, path: readonly (string | number)[]): number {
  let text: string;
  let docIndex = 0;
  try {
    text = tree.readText(CONFIG_FILE);
    docIndex =
      parseYamlDocuments(text, CONFIG_FILE, { kustomizeFoldedScalars: false }).find((d) => d.value !== null)
        ?.index ?? 0;
  } catch {
    return 1; // the file was read once already; a second failure only loses the line
  }
  for (let p = [...path]; p.length > 0; p = p.slice(0, -1)) {
    const at = locateInDocument(text, docIndex, p);
    if (at) return at.line;
  }
  return 1;
}

/**
 * The warning for a setting that is ignored because the user has not said they trust the
 * file: it names the setting, its line, why it needs trust, and how to give it.
 */
export function untrustedSetting(
  tree: RepoTree,
  path: readonly (string | number)[],
  value: string,
  why: string,
  flagHint: string,
): Diagnostic {
  const name = path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.');
  return {
    severity: 'warning',
    rule: UNTRUSTED_RULE,
    file: CONFIG_FILE,
    line: configLine(tree, path),
    message: `${name} '${value}' in ${CONFIG_FILE} is ignored: ${why}, which the repository's own configuration may not make k8s-ops do`,
    hint: `if you trust this repository's ${CONFIG_FILE}, pass ${TRUST_CONFIG_FLAG} (or set ${TRUST_CONFIG_ENV}=1); or give it yourself with ${flagHint}`,
  };
}
