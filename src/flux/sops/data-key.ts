/**
 * The document's 32-byte data key, unwrapped from one of the `sops.age[].enc` armored age
 * files with any of our identities (sops age/keysource.go tries every identity on every
 * recipient entry until one opens).
 */
import { Decrypter, armor } from 'age-encryption';
import type { AgeIdentity } from './age-identities.js';
import type { SopsMetadata } from './metadata.js';
import { sopsError, type SopsWhere } from './where.js';

async function unwrap(enc: string, identities: AgeIdentity[]): Promise<Uint8Array | undefined> {
  const d = new Decrypter();
  for (const id of identities) d.addIdentity(id.secretKey);
  try {
    // sops writes the armor with `\n`; a YAML round trip may have added `\r` or trailing space.
    const key = await d.decrypt(armor.decode(enc.replace(/\r\n/g, '\n').trim() + '\n'), 'uint8array');
    return key.length === 32 ? key : undefined;
  } catch {
    return undefined;
  }
}

export async function recoverDataKey(
  meta: SopsMetadata,
  identities: AgeIdentity[],
  where: SopsWhere,
): Promise<Uint8Array> {
  if (meta.age.length === 0) {
    const others = meta.otherKeyTypes.length ? ` (it is encrypted for ${meta.otherKeyTypes.join(', ')})` : '';
    throw sopsError(
      where,
      `cannot get sops data key: no age recipient in the sops metadata${others}`,
      'only age keys are supported offline',
    );
  }
  if (identities.length === 0) {
    throw sopsError(
      where,
      'cannot get sops data key: no age identity given',
      'provide the age key with SOPS_AGE_KEY or SOPS_AGE_KEY_FILE',
    );
  }
  for (const stanza of meta.age) {
    const key = await unwrap(stanza.enc, identities);
    if (key) return key;
  }
  const recipients = meta.age.map((s) => s.recipient).join(', ');
  throw sopsError(
    where,
    `cannot get sops data key: none of the ${identities.length} age identities opens a data key for recipients ${recipients}`,
    'use the age key the file was encrypted for',
  );
}
