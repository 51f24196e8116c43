// Loads the battery: the shared cases (read in place, with helm's recorded answers) and ours
// (cases/*.mjs, answers in goldens.json).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const CASES_DIR = join(HERE, 'cases');
export const GOLDENS_FILE = join(HERE, 'goldens.json');
export const SHARED_BATTERY_DIR = resolve(HERE, '../../../../shared/helm/battery');
const OPTION_KEYS = new Set(['shape', 'single', 'target', 'why']);

/**
 * Cases that must be rendered alone: one that prints `.Template` (in a batch its file name
 * differs), and one that changes the values in place (in a batch every case shares them).
 */
function mustRunAlone(text) {
  return /\bTemplate\b/.test(text) || /\b(set|unset|merge\w*|mustMerge\w*)\s+\$?\.Values\b/.test(text);
}

/** The shared battery: `{data, cases, goldens}`; cases are in the area `shared-core` or `shared-helm`. */
export async function loadShared() {
  const mod = await import(pathToFileURL(join(SHARED_BATTERY_DIR, 'cases.mjs')).href);
  const goldens = JSON.parse(readFileSync(join(SHARED_BATTERY_DIR, 'helm-v4.1.4-out.json'), 'utf8'));
  const cases = mod.cases.map(([id, text, kind]) => ({
    id,
    area: `shared-${kind}`,
    text,
    single: mustRunAlone(text),
  }));
  return { data: mod.data, cases, goldens };
}

/** Our cases, in file order then case order, with ids `AREA/NAME`; malformed files throw. */
export async function loadOurs() {
  const files = readdirSync(CASES_DIR)
    .filter((f) => f.endsWith('.mjs'))
    .sort();
  const seen = new Set();
  const out = [];
  for (const file of files) {
    const mod = await import(pathToFileURL(join(CASES_DIR, file)).href);
    const group = mod.default;
    if (!group || typeof group.area !== 'string' || !Array.isArray(group.cases)) {
      throw new Error(`${file}: expected \`export default { area: string, cases: [...] }\``);
    }
    for (const entry of group.cases) {
      const [name, text, options = {}] = entry;
      const id = `${group.area}/${name}`;
      if (typeof name !== 'string' || typeof text !== 'string')
        throw new Error(`${file}: bad case ${JSON.stringify(entry)}`);
      if (seen.has(id)) throw new Error(`${file}: duplicate case id ${id}`);
      for (const key of Object.keys(options)) {
        if (!OPTION_KEYS.has(key)) throw new Error(`${file}: case ${id} has unknown option ${key}`);
      }
      if ((options.target === undefined) !== (options.why === undefined)) {
        throw new Error(
          `${file}: case ${id} needs both \`target\` and \`why\` (a deliberate difference from helm v4.1.4)`,
        );
      }
      seen.add(id);
      const single = options.single === true || mustRunAlone(text);
      out.push({
        id,
        area: group.area,
        text,
        shape: options.shape,
        single,
        target: options.target,
        why: options.why,
      });
    }
  }
  return out;
}

/** Our recorded answers, or an empty record when none were recorded yet. */
export function loadGoldens() {
  return existsSync(GOLDENS_FILE) ? JSON.parse(readFileSync(GOLDENS_FILE, 'utf8')) : {};
}
