/**
 * TEST-ONLY SOPS encryptor: the mirror of src/flux/sops's decryptor, written from the sops
 * format (sops.go Tree.Encrypt, aes/cipher.go Encrypt) to produce fixtures in-process.
 * It proves self-consistency only; the real-sops fixtures prove the format.
 */
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { Encrypter, armor, identityToRecipient } from 'age-encryption';
import type { JsonObject, JsonValue } from '../../src/core/json.js';

export interface EncryptRules {
  encrypted_regex?: string;
  unencrypted_regex?: string;
  encrypted_suffix?: string;
  unencrypted_suffix?: string;
  mac_only_encrypted?: boolean;
}

export function encValue(plain: string, type: string, key: Uint8Array, aad: string): string {
  if (plain === '') return '';
  const iv = randomBytes(32);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return `ENC[AES256_GCM,data:${data.toString('base64')},iv:${iv.toString('base64')},tag:${tag.toString('base64')},type:${type}]`;
}

function encrypted(path: string[], r: EncryptRules): boolean {
  if (r.encrypted_regex) return path.some((p) => new RegExp(r.encrypted_regex as string).test(p));
  if (r.unencrypted_regex) return !path.some((p) => new RegExp(r.unencrypted_regex as string).test(p));
  if (r.encrypted_suffix) return path.some((p) => p.endsWith(r.encrypted_suffix as string));
  const suffix = r.unencrypted_suffix ?? '_unencrypted';
  return !path.some((p) => p.endsWith(suffix));
}

function text(v: string | number | boolean): [string, string] {
  if (typeof v === 'string') return [v, 'str'];
  if (typeof v === 'boolean') return [v ? 'True' : 'False', 'bool'];
  return [String(v), Number.isInteger(v) ? 'int' : 'float'];
}

export interface Encrypted {
  doc: JsonObject;
  dataKey: Uint8Array;
}

/** Encrypt `plain` for the age identity's recipient, the way `sops -e` would. */
export async function sopsEncrypt(
  plain: JsonObject,
  identity: string,
  rules: EncryptRules = {},
): Promise<Encrypted> {
  const dataKey = randomBytes(32);
  const hash = createHash('sha512');
  if (rules.mac_only_encrypted) hash.update(createHash('sha256').update('sops').digest());
  const walk = (v: JsonValue, path: string[]): JsonValue => {
    if (v === null) return null;
    if (Array.isArray(v)) return v.map((x) => walk(x, path));
    if (typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, [...path, k])]));
    const enc = encrypted(path, rules);
    const [t, type] = text(v);
    if (!rules.mac_only_encrypted || enc) hash.update(t);
    return enc ? encValue(t, type, dataKey, path.join(':') + ':') : v;
  };
  const body = walk(plain, []) as JsonObject;
  const e = new Encrypter();
  e.addRecipient(await identityToRecipient(identity));
  const enc = armor.encode(await e.encrypt(dataKey));
  const lastmodified = '2025-01-02T03:04:05Z';
  const mac = encValue(hash.digest('hex').toUpperCase(), 'str', dataKey, lastmodified);
  const sops: JsonObject = {
    age: [{ recipient: await identityToRecipient(identity), enc }],
    lastmodified,
    mac,
    version: '3.8.1',
  };
  for (const [k, v] of Object.entries(rules)) sops[k] = v;
  if (Object.keys(rules).every((k) => k === 'mac_only_encrypted')) sops.unencrypted_suffix = '_unencrypted';
  return { doc: { ...body, sops }, dataKey };
}
