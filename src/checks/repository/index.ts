/** Repository-level rules: they read the files in Git, not only what Flux renders. */
import type { Rule } from '../rule.js';
import { secretCleartext } from './secret-cleartext.js';
import { sopsNotCovered } from './sops-not-covered.js';
import { sopsPartialEncryption } from './sops-partial-encryption.js';
import { yamlAmbiguousScalar } from './yaml-ambiguous-scalar.js';
import { yamlDuplicateKey } from './yaml-duplicate-key.js';
import { yamlSyntax } from './yaml-syntax.js';
import { ymlExtension } from './yml-extension.js';

export const REPOSITORY_RULES: Rule[] = [
  yamlSyntax,
  yamlDuplicateKey,
  yamlAmbiguousScalar,
  secretCleartext,
  sopsNotCovered,
  sopsPartialEncryption,
  ymlExtension,
];
