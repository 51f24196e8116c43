import type { Rule } from '../rule.js';
import { parseErrors } from './files.js';

/** kustomize (go-yaml v3) refuses a mapping with a repeated key; other readers keep the last one silently. */
export const yamlDuplicateKey: Rule = {
  id: 'yaml-duplicate-key',
  severity: 'error',
  description:
    'a mapping repeats a key: kustomize refuses the file, other YAML readers silently keep one value',
  check: (ctx) =>
    parseErrors(ctx, 'yaml-duplicate-key').map((d) => ({
      ...d,
      hint: d.hint ?? 'remove or merge one of the two keys',
    })),
};
