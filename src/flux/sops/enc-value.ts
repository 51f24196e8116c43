/**
 * One SOPS value: `ENC[AES256_GCM,data:<b64>,iv:<b64>,tag:<b64>,type:<t>]`, AES-256-GCM
 * with the value's path as additional data (sops aes/cipher.go). The plaintext is typed
 * back the way sops does (`int` via Atoi, `float` via ParseFloat, `bool` via ParseBool).
 */
import { createDecipheriv } from 'node:crypto';
import type { SopsScalar } from './nodes.js';

// Same shape as sops's `^ENC\[AES256_GCM,data:(.+),iv:(.+),tag:(.+),type:(.+)\]`.
const ENC = /^ENC\[AES256_GCM,data:(.+),iv:(.+),tag:(.+),type:(.+)\]/s;

export type EncDecryptResult =
  | { ok: true; value: SopsScalar; comment: boolean }
  | { ok: false; reason: 'format' | 'auth' | 'type'; message: string };

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function b64(s: string): Buffer | undefined {
  return BASE64.test(s) ? Buffer.from(s, 'base64') : undefined;
}

const GO_BOOL: Record<string, boolean> = {
  '1': true,
  t: true,
  T: true,
  TRUE: true,
  true: true,
  True: true,
  '0': false,
  f: false,
  F: false,
  FALSE: false,
  false: false,
  False: false,
};

function typed(text: string, bytes: Buffer, type: string): EncDecryptResult {
  switch (type) {
    case 'str':
    case 'comment':
      return { ok: true, value: text, comment: type === 'comment' };
    case 'bytes':
      return { ok: true, value: bytes.toString('utf8'), comment: false };
    case 'int':
    case 'int64':
      if (/^[+-]?\d+$/.test(text)) return { ok: true, value: Number(text), comment: false };
      break;
    case 'float':
      if (text.trim() !== '' && !Number.isNaN(Number(text)))
        return { ok: true, value: Number(text), comment: false };
      break;
    case 'bool': {
      const b = GO_BOOL[text];
      if (b !== undefined) return { ok: true, value: b, comment: false };
      break;
    }
    default:
      return { ok: false, reason: 'type', message: `Unknown datatype: ${type}` };
  }
  return { ok: false, reason: 'type', message: `cannot parse decrypted value as ${type}` };
}

export function isEncValue(value: string): boolean {
  return ENC.test(value);
}

export function decryptEncValue(value: string, key: Uint8Array, additionalData: string): EncDecryptResult {
  // sops stores an empty string as an empty string, not as ciphertext.
  if (value === '') return { ok: true, value: '', comment: false };
  const m = ENC.exec(value);
  const data = m && b64(m[1] as string);
  const iv = m && b64(m[2] as string);
  const tag = m && b64(m[3] as string);
  if (!m || !data || !iv || !tag || iv.length === 0 || tag.length !== 16) {
    return {
      ok: false,
      reason: 'format',
      message: "Input string <redacted> does not match sops' data format",
    };
  }
  let bytes: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(additionalData, 'utf8'));
    decipher.setAuthTag(tag);
    bytes = Buffer.concat([decipher.update(data), decipher.final()]);
  } catch {
    return {
      ok: false,
      reason: 'auth',
      message: 'Could not decrypt with AES_GCM: cipher: message authentication failed',
    };
  }
  return typed(bytes.toString('utf8'), bytes, m[4] as string);
}
