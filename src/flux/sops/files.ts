/**
 * Whole SOPS files as kustomize-controller decrypts them before a build (secretGenerator
 * `files`/`envs`, patches) or inside Secret data values: pick the store from the file name
 * or from marker bytes, decrypt, and emit the plaintext as that store would.
 */
import { stringify } from 'yaml';
import type { AgeIdentity } from './age-identities.js';
import { recoverDataKey } from './data-key.js';
import { decryptSopsBranches, verifyMac, type SopsDecryptOptions } from './decrypt.js';
import { dotenvMetadata, emitDotenv, parseDotenv, type DotenvItem } from './dotenv.js';
import { decryptEncValue } from './enc-value.js';
import { emitGoJson } from './go-json.js';
import { readSopsMetadata } from './metadata.js';
import { mapGet, toJson, type SopsMap } from './nodes.js';
import { decryptBranches } from './tree-decrypt.js';
import { parseSopsYaml } from './yaml-text.js';
import { sopsError, type SopsWhere } from './where.js';

export type SopsFormat = 'yaml' | 'json' | 'dotenv' | 'ini' | 'binary';

/** kustomize-controller `formatForPath`: `.dockerconfigjson` is JSON, else sops's extension rules. */
export function sopsFormatForPath(path: string): SopsFormat {
  if (path.endsWith('.dockerconfigjson')) return 'json';
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.yaml') || path.endsWith('.yml')) return 'yaml';
  if (path.endsWith('.env')) return 'dotenv';
  if (path.endsWith('.ini')) return 'ini';
  return 'binary';
}

const MARKERS: [SopsFormat, string][] = [
  ['json', '"mac": "ENC['],
  ['dotenv', 'sops_mac=ENC['],
  ['ini', '[sops]'],
  ['yaml', 'mac: ENC['],
];

/** The store whose marker the bytes contain (kustomize-controller `detectFormatFromMarkerBytes`). */
export function detectSopsFormat(text: string): SopsFormat | undefined {
  // Flux iterates a Go map here, so the order is unspecified; JSON before YAML keeps the
  // JSON envelope (which also contains `mac": "ENC[`) from being read as YAML.
  return MARKERS.find(([, m]) => text.includes(m))?.[0];
}

async function decryptDotenv(
  text: string,
  identities: AgeIdentity[],
  where: SopsWhere,
  options: SopsDecryptOptions,
): Promise<string> {
  const items = parseDotenv(text, where);
  const meta = readSopsMetadata(dotenvMetadata(items), where);
  const key = await recoverDataKey(meta, identities, where);
  const data = items.filter((i) => !('key' in i && i.key.startsWith('sops_')));
  const values = data.filter((i): i is { key: string; value: string } => 'key' in i);
  const branch: SopsMap = { entries: values.map((i) => [i.key, i.value]) };
  const result = decryptBranches([branch], meta, key, where, options.onDecryptedValue);
  verifyMac(meta, key, result.mac, where, options);
  const plain = new Map((result.branches[0] as SopsMap).entries);
  const out: DotenvItem[] = data.map((i) => {
    if ('key' in i) return { key: i.key, value: String(plain.get(i.key) ?? '') };
    // Comments are encrypted with the top-level path (`:`) and never part of the MAC.
    const c = decryptEncValue(i.comment, key, ':');
    return { comment: c.ok && typeof c.value === 'string' ? c.value : i.comment };
  });
  return emitDotenv(out);
}

/**
 * Decrypt a whole SOPS file and return its plaintext. `dotenv`, `json` and `binary` are
 * emitted byte-for-byte as sops emits them; `yaml` is emitted with 4-space indentation
 * like sops but by a different YAML writer, so only its content is guaranteed.
 */
export async function decryptSopsFile(
  text: string,
  format: SopsFormat,
  identities: AgeIdentity[],
  where: SopsWhere = {},
  options: SopsDecryptOptions = {},
): Promise<string> {
  switch (format) {
    case 'dotenv':
      return decryptDotenv(text, identities, where, options);
    case 'ini':
      throw sopsError(
        where,
        'SOPS INI files are not supported',
        'use YAML, JSON or dotenv for SOPS-encrypted generator files',
      );
    case 'json':
    case 'binary': {
      const docs = parseSopsYaml(text, where);
      const [out] = await decryptSopsBranches(docs.slice(0, 1), identities, where, options);
      if (!out) throw sopsError(where, 'sops metadata not found');
      if (format === 'json') return emitGoJson(out);
      const data = mapGet(out, 'data');
      if (typeof data !== 'string') throw sopsError(where, 'No binary data found in tree');
      return data;
    }
    case 'yaml': {
      const docs = await decryptSopsBranches(parseSopsYaml(text, where), identities, where, options);
      return docs
        .map((d) => stringify(toJson(d), { indent: 4, indentSeq: true, lineWidth: 0 }))
        .join('---\n');
    }
  }
}
