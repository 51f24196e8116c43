/**
 * `flux build` never decrypts: it masks SOPS-encrypted Secret values so that the output
 * holds no ciphertext (flux2 internal/build `maskSopsData`). Applied to `kind: Secret`
 * only; every other object is returned unchanged.
 */
import { DiagnosticError } from '../../core/diagnostic.js';
import { isJsonObject, mentionsText, type JsonObject, type JsonValue } from '../../core/json.js';
import { emitYaml } from '../../yaml/emit.js';
import { decodeGoBase64, goBase64Error } from './go-base64.js';

export const SOPS_MASK = '**SOPS**';
/** base64 of `**SOPS**`. */
export const SOPS_MASK_BASE64 = Buffer.from(SOPS_MASK).toString('base64');
/** `{"mask":"**SOPS**"}`, the mask of a dockerconfigjson Secret. */
export const SOPS_MASK_DOCKERCONFIG = JSON.stringify({ mask: SOPS_MASK });
const DOCKERCONFIG_TYPE = 'kubernetes.io/dockerconfigjson';

export interface MaskWhere {
  file?: string;
  line?: number;
}

// kyaml's GetDataMap/getStringDataMap read every value as its scalar text.
function scalarText(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return '';
  return String(value);
}

function stringMap(value: JsonValue | undefined): Map<string, string> | undefined {
  if (!isJsonObject(value)) return undefined;
  return new Map(Object.entries(value).map(([k, v]) => [k, scalarText(v)]));
}

const sorted = (m: Map<string, string>): JsonObject =>
  Object.fromEntries([...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

const containsSopsValue = (text: string | Buffer): boolean => text.includes('sops') && text.includes('ENC[');

function mapValues(m: Map<string, string>, value: string): void {
  for (const k of m.keys()) m.set(k, value);
}

/**
 * The Secret as `flux build` prints it: with a whole-object SOPS document the `sops` key
 * is dropped and every value masked; otherwise only values that embed a SOPS file are.
 * Like Flux, `data` is rewritten as plain strings (and removed when empty).
 */
export function maskSopsSecret(obj: JsonObject, where: MaskWhere = {}): JsonObject {
  if (obj.kind !== 'Secret') return obj;
  const out: JsonObject = { ...obj };
  const data = stringMap(obj.data) ?? new Map<string, string>();
  const stringData = stringMap(obj.stringData) ?? new Map<string, string>();
  // Flux tests the object's YAML text, not the structure: `sops:` and `mac: ENC[` anywhere.
  // Printing is skipped when no key or value holds `ENC[`: the text cannot then hold it.
  const text = mentionsText(obj, 'ENC[') ? emitYaml(obj) : '';
  if (text.includes('sops:') && text.includes('mac: ENC[')) {
    delete out.sops;
    if (obj.type === DOCKERCONFIG_TYPE) {
      mapValues(data, Buffer.from(SOPS_MASK_DOCKERCONFIG).toString('base64'));
      mapValues(stringData, SOPS_MASK_DOCKERCONFIG);
    } else {
      mapValues(data, SOPS_MASK_BASE64);
      mapValues(stringData, SOPS_MASK);
    }
  } else {
    for (const [k, v] of data) {
      const decoded = decodeGoBase64(v);
      if (!decoded.ok) {
        const name = isJsonObject(obj.metadata) ? scalarText(obj.metadata.name) : '';
        throw new DiagnosticError({
          rule: 'sops-mask',
          message: `failed to mask secret ${name} sops data: ${goBase64Error(decoded.offset)} (data.${k})`,
          hint: 'Secret data values must be standard base64; put plain text under stringData instead.',
          ...where,
        });
      }
      if (containsSopsValue(decoded.bytes)) data.set(k, SOPS_MASK_BASE64);
    }
    // Flux masks stringData with the base64 form too.
    for (const [k, v] of stringData) if (containsSopsValue(v)) stringData.set(k, SOPS_MASK_BASE64);
  }
  delete out.data;
  if (data.size > 0) out.data = sorted(data);
  if (stringData.size > 0) out.stringData = sorted(stringData);
  return out;
}
