/**
 * `.sops.yaml` creation rules as the sops CLI picks them: the nearest config file searching
 * up from the file's directory, the file's path relative to that config's directory, the
 * first rule whose `path_regex` matches (unanchored, Go RE2) or that has no `path_regex`.
 */
import { isJsonObject, type JsonObject } from '../../core/json.js';
import { dirname, joinPath } from '../../tree/paths.js';
import type { RepoTree } from '../../tree/repo-tree.js';
import { locateInDocument } from '../../yaml/locate.js';
import type { CheckContext } from '../rule.js';
import { parsedYaml } from './files.js';

const CONFIG_NAMES = ['.sops.yaml', '.sops.yml'];

export interface CreationRule {
  index: number;
  /** 1-based line of the rule in the config file. */
  line?: number;
  pathRegex?: RegExp;
  /** The pattern as written, for messages. */
  pathPattern?: string;
  encryptedRegex?: RegExp;
  unencryptedRegex?: RegExp;
}

export interface SopsConfig {
  file: string;
  dir: string;
  rules: CreationRule[];
}

// RE2 and JS agree on what people write here; a leading `(?i)` becomes the flag.
function goRegex(pattern: unknown): RegExp | undefined {
  if (typeof pattern !== 'string' || pattern === '') return undefined;
  const insensitive = pattern.startsWith('(?i)');
  try {
    return new RegExp(insensitive ? pattern.slice(4) : pattern, insensitive ? 'iu' : 'u');
  } catch {
    return /$^/; // sops refuses such a config; nothing matches
  }
}

function readRule(item: JsonObject, index: number, text: string): CreationRule {
  const pathPattern =
    typeof item.path_regex === 'string' && item.path_regex !== '' ? item.path_regex : undefined;
  return {
    index,
    line: locateInDocument(text, 0, ['creation_rules', index])?.line,
    pathRegex: goRegex(pathPattern),
    pathPattern,
    encryptedRegex: goRegex(item.encrypted_regex),
    unencryptedRegex: goRegex(item.unencrypted_regex),
  };
}

type Ctx = Pick<CheckContext, 'tree' | 'parsed'>;

function loadConfig(ctx: Ctx, file: string): SopsConfig {
  const parsed = parsedYaml(ctx, file);
  const value = parsed?.documents[0]?.value;
  const rules = isJsonObject(value) && Array.isArray(value.creation_rules) ? value.creation_rules : [];
  return {
    file,
    dir: dirname(file),
    rules: rules.flatMap((item, i) => (isJsonObject(item) ? [readRule(item, i, parsed?.text ?? '')] : [])),
  };
}

const configCache = new WeakMap<RepoTree, Map<string, SopsConfig | undefined>>();

/** The `.sops.yaml` sops would use for `file`, or undefined when there is none up to the root. */
export function nearestSopsConfig(ctx: Ctx, file: string): SopsConfig | undefined {
  let perDir = configCache.get(ctx.tree);
  if (!perDir) configCache.set(ctx.tree, (perDir = new Map()));
  return configOf(ctx, dirname(file), perDir);
}

/** The config in force in `dir`: its own file, else its parent's (one answer per directory). */
function configOf(
  ctx: Ctx,
  dir: string,
  perDir: Map<string, SopsConfig | undefined>,
): SopsConfig | undefined {
  if (perDir.has(dir)) return perDir.get(dir);
  let found: SopsConfig | undefined;
  const own = CONFIG_NAMES.map((name) => joinPath(dir, name)).find((f) => ctx.tree.stat(f) === 'file');
  if (own !== undefined) found = loadConfig(ctx, own);
  else if (dir !== '') found = configOf(ctx, dirname(dir), perDir);
  perDir.set(dir, found);
  return found;
}

/** The creation rule sops applies to `file` under `config`, if any. */
export function matchingRule(config: SopsConfig, file: string): CreationRule | undefined {
  const relative = config.dir === '' ? file : file.slice(config.dir.length + 1);
  return config.rules.find((r) => r.pathRegex === undefined || r.pathRegex.test(relative));
}

/** True for a file sops encrypted: a top-level `sops` map whose `mac` is ciphertext. */
export function isSopsFile(value: unknown): boolean {
  if (!isJsonObject(value) || !isJsonObject(value.sops)) return false;
  const mac = value.sops.mac;
  return typeof mac === 'string' && mac.startsWith('ENC[');
}
