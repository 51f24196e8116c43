import type { Diagnostic } from '../../core/diagnostic.js';
import type { Rule } from '../rule.js';
import { parsedYaml, repositoryYamlFiles } from './files.js';
import { isSopsFile, matchingRule, nearestSopsConfig } from './sops-config.js';

/**
 * A SOPS file no creation rule covers: `sops updatekeys` skips it and re-encrypting it after
 * an edit needs keys given by hand, so a key rotation silently leaves it behind.
 */
export const sopsNotCovered: Rule = {
  id: 'sops-not-covered',
  severity: 'error',
  description: 'a SOPS-encrypted file matches no creation_rules path_regex of its nearest .sops.yaml',
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const file of repositoryYamlFiles(ctx)) {
      const doc = parsedYaml(ctx, file)?.documents.find((d) => isSopsFile(d.value));
      if (!doc) continue;
      const config = nearestSopsConfig(ctx, file);
      if (config && matchingRule(config, file)) continue;
      const relative = config && config.dir !== '' ? file.slice(config.dir.length + 1) : file;
      const patterns = (config?.rules ?? []).flatMap((r) => (r.pathPattern ? [r.pathPattern] : []));
      out.push({
        severity: 'error',
        rule: 'sops-not-covered',
        message: config
          ? `SOPS file matches no creation rule of ${config.file} (path '${relative}' tried against ${patterns.map((p) => `'${p}'`).join(', ') || 'no rules'})`
          : 'SOPS file has no .sops.yaml in its directory or any directory above it',
        file,
        line: doc.line,
        hint: config
          ? `add a creation rule to ${config.file} whose path_regex matches '${relative}', or rename the file to fit an existing one`
          : 'add a .sops.yaml with creation_rules (path_regex, encrypted_regex, age keys) at the repository root',
      });
    }
    return out;
  },
};
