import type { Diagnostic } from '../../core/diagnostic.js';
import { isJsonObject } from '../../core/json.js';
import type { Rule } from '../rule.js';
import { parsedYaml, repositoryYamlFiles } from './files.js';
import { isSopsFile, matchingRule, nearestSopsConfig, type CreationRule } from './sops-config.js';

const SECRET_FIELDS = ['data', 'stringData'];

/** The Secret fields a rule's selector would leave in cleartext. */
function uncovered(rule: CreationRule): string[] {
  return SECRET_FIELDS.filter(
    (f) =>
      (rule.encryptedRegex !== undefined && !rule.encryptedRegex.test(f)) ||
      (rule.unencryptedRegex !== undefined && rule.unencryptedRegex.test(f)),
  );
}

/**
 * A creation rule that encrypts SOPS Secrets but whose encrypted_regex (or unencrypted_regex)
 * leaves `data` or `stringData` readable: the next Secret written with the other field leaks.
 */
export const sopsPartialEncryption: Rule = {
  id: 'sops-partial-encryption',
  severity: 'warning',
  description: 'a .sops.yaml creation rule used for Secrets would leave data or stringData unencrypted',
  check(ctx) {
    const out: Diagnostic[] = [];
    const reported = new Set<string>();
    for (const file of repositoryYamlFiles(ctx)) {
      const docs = parsedYaml(ctx, file)?.documents ?? [];
      const secret = docs.some(
        (d) => isSopsFile(d.value) && isJsonObject(d.value) && d.value.kind === 'Secret',
      );
      if (!secret) continue;
      const config = nearestSopsConfig(ctx, file);
      const rule = config && matchingRule(config, file);
      if (!config || !rule) continue;
      const fields = uncovered(rule);
      const key = `${config.file}#${rule.index}`;
      if (fields.length === 0 || reported.has(key)) continue;
      reported.add(key);
      out.push({
        severity: 'warning',
        rule: 'sops-partial-encryption',
        message: `creation rule ${rule.index + 1} of ${config.file} encrypts Secrets such as ${file} but leaves ${fields.join(' and ')} unencrypted`,
        file: config.file,
        line: rule.line,
        hint: 'set encrypted_regex: ^(data|stringData)$ on the rule',
      });
    }
    return out;
  },
};
