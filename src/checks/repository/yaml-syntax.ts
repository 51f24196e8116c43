import type { Rule } from '../rule.js';
import { parseErrors } from './files.js';

/** Every YAML file in Git parses; a broken file breaks whatever reads it, Flux or not. */
export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  severity: 'error',
  description: 'every YAML file in the repository parses (Helm and helmfile templates excepted)',
  check: (ctx) =>
    parseErrors(ctx, 'yaml-syntax').map((d) => ({
      ...d,
      hint: d.hint ?? 'fix the YAML at this position; an editor with a YAML language server shows it live',
    })),
};
