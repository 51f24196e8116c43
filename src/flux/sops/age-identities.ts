/**
 * age X25519 identities as sops reads them from `SOPS_AGE_KEY` / `SOPS_AGE_KEY_FILE`:
 * one `AGE-SECRET-KEY-1…` per line, `#` comments and blank lines ignored. The CLI reads
 * the key file; this module only parses text.
 */
import { identityToRecipient } from 'age-encryption';
import { DiagnosticError } from '../../core/diagnostic.js';

export interface AgeIdentity {
  /** The `AGE-SECRET-KEY-1…` string. */
  secretKey: string;
  /** Where it came from, for messages (never the key itself). */
  source: string;
}

export interface AgeKeyEnv {
  SOPS_AGE_KEY?: string;
  SOPS_AGE_KEY_FILE_CONTENT?: string;
}

const SECRET_KEY = /^AGE-SECRET-KEY-(?:PQ-)?1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]+$/;

export function parseAgeIdentities(text: string, source: string): AgeIdentity[] {
  const out: AgeIdentity[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (!SECRET_KEY.test(line.toUpperCase())) {
      throw new DiagnosticError({
        rule: 'sops-age-key',
        message: `${source} line ${i + 1} is not an age identity (expected AGE-SECRET-KEY-1…)`,
        hint: 'an age key file holds one AGE-SECRET-KEY-1… per line; other lines must start with #',
      });
    }
    out.push({ secretKey: line.toUpperCase(), source: `${source} line ${i + 1}` });
  });
  return out;
}

/** Identities from `SOPS_AGE_KEY` first, then from the key file's content, as sops orders them. */
export function loadAgeIdentities(env: AgeKeyEnv): AgeIdentity[] {
  return [
    ...(env.SOPS_AGE_KEY ? parseAgeIdentities(env.SOPS_AGE_KEY, 'SOPS_AGE_KEY') : []),
    ...(env.SOPS_AGE_KEY_FILE_CONTENT
      ? parseAgeIdentities(env.SOPS_AGE_KEY_FILE_CONTENT, 'SOPS_AGE_KEY_FILE')
      : []),
  ];
}

/** The `age1…` recipient of an identity. */
export function ageRecipient(identity: AgeIdentity): Promise<string> {
  return identityToRecipient(identity.secretKey);
}
