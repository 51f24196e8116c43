/**
 * A values file given by the user (`-f values.yaml`), read as helm reads it: sigs.k8s.io/yaml,
 * YAML 1.1, numbers as float64; an empty file is no values.
 */
import { DiagnosticError } from '../../core/diagnostic.js';
import { isJsonObject } from '../../core/json.js';
import type { GoMap } from '../../gotemplate/value.js';
import { parseYaml11 } from '../../yaml/parse-yaml11.js';

export function parseUserValues(text: string, file: string): GoMap {
  const doc = parseYaml11(text, file, 'helm-values');
  if (doc === null) return {};
  if (!isJsonObject(doc)) {
    throw new DiagnosticError({
      rule: 'helm-values',
      file,
      message: 'a values file must hold a YAML map',
      hint: 'make the top level of the file a map of values',
    });
  }
  return doc as GoMap;
}
