import type { Diagnostic } from '../../core/diagnostic.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../../core/json.js';
import { locateInChunk } from '../../yaml/locate.js';
import type { Rule } from '../rule.js';
import { parsedYaml, repositoryYamlFiles } from './files.js';

// Values that are references filled in elsewhere, not secrets: 1Password (`op inject`),
// Go/Helm templates, Flux postBuild variables, and SOPS ciphertext.
const PLACEHOLDER = /op:\/\/|\{\{|\$\{|^ENC\[/;

function decodeBase64(value: string): string | undefined {
  if (!/^[A-Za-z0-9+/=\s]*$/.test(value)) return undefined;
  return Buffer.from(value, 'base64').toString('utf8');
}

function isCleartext(value: JsonValue, base64: boolean): boolean {
  if (typeof value !== 'string' || value.trim() === '') return false;
  if (PLACEHOLDER.test(value)) return false;
  const decoded = base64 ? decodeBase64(value) : undefined;
  return decoded === undefined || !PLACEHOLDER.test(decoded);
}

/** The first data/stringData key holding a cleartext value, as a path in the object. */
function firstCleartextKey(secret: JsonObject): [string, string] | undefined {
  for (const field of ['data', 'stringData'] as const) {
    const values = secret[field];
    if (!isJsonObject(values)) continue;
    const key = Object.keys(values).find((k) => isCleartext(values[k] ?? null, field === 'data'));
    if (key !== undefined) return [field, key];
  }
  return undefined;
}

function secretName(secret: JsonObject): string {
  const metadata = isJsonObject(secret.metadata) ? secret.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : '<unnamed>';
  return typeof metadata.namespace === 'string' ? `${metadata.namespace}/${name}` : name;
}

/**
 * A Secret committed with readable values. Checked per value, so a SOPS file whose
 * encrypted_regex left `stringData` out is caught too; references and placeholders pass.
 */
export const secretCleartext: Rule = {
  id: 'secret-cleartext',
  severity: 'error',
  description: 'a Secret in Git has data/stringData values that are not SOPS-encrypted',
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const file of repositoryYamlFiles(ctx)) {
      for (const doc of parsedYaml(ctx, file)?.documents ?? []) {
        const obj = doc.value;
        if (!isJsonObject(obj) || obj.kind !== 'Secret' || typeof obj.apiVersion !== 'string') continue;
        const found = firstCleartextKey(obj);
        if (!found) continue;
        const at = locateInChunk(doc.chunk, found);
        out.push({
          severity: 'error',
          rule: 'secret-cleartext',
          message: `Secret ${secretName(obj)} holds ${found.join('.')} in cleartext${'sops' in obj ? ' although the file has SOPS metadata (its encrypted_regex leaves this field out)' : ''}`,
          file,
          line: at?.line ?? doc.line,
          column: at?.column,
          hint: 'encrypt the file with SOPS (encrypted_regex ^(data|stringData)$) or replace it with an ExternalSecret; treat the value as leaked and rotate it',
        });
      }
    }
    return out;
  },
};
