/**
 * Secret text: every value a render takes from a Secret — values SOPS decrypted (Secret
 * data and stringData, generator files, patches), the values of Secrets that postBuild
 * `substituteFrom` reads. The render records them; whatever prints its results (objects,
 * error messages, hints, diffs) replaces them with a mask unless the user asked to see them.
 *
 * Matching is by text, so a value is found wherever it landed, whatever carried it there.
 * Values shorter than MIN_SECRET_TEXT are not recorded: masking every `1` or `yes` would
 * garble the output, and such values hold little secret. A value that substitution cuts or
 * changes (`${VAR:0:4}`, `${VAR^^}`) is not recognised; docs/security.md says so.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../core/json.js';

export const SECRET_TEXT_MASK = '**SECRET**';
export const MIN_SECRET_TEXT = 4;

/** The secret texts of one render (a plain set, shared by the clusters it renders). */
export type SecretTexts = Set<string>;

function addOne(secrets: SecretTexts, text: string): void {
  if (text.trim().length < MIN_SECRET_TEXT) return;
  secrets.add(text);
  // As printers escape it: JSON and YAML double quotes, YAML single quotes.
  const json = JSON.stringify(text).slice(1, -1);
  if (json !== text) secrets.add(json);
  if (text.includes("'")) secrets.add(text.replaceAll("'", "''"));
}

/**
 * Records `value` as secret: as it is, trimmed, without the newlines postBuild substitution
 * strips, and line by line (an error message quotes one line of a file), with a dotenv
 * line's value on its own.
 */
export function addSecretText(secrets: SecretTexts, value: string): void {
  const forms = new Set([value, value.trim(), value.replaceAll('\n', '')]);
  if (value.includes('\n')) {
    for (const line of value.split(/\r?\n/)) {
      forms.add(line.trim());
      const eq = line.indexOf('=');
      if (eq > 0) forms.add(line.slice(eq + 1).trim());
    }
  }
  for (const f of forms) addOne(secrets, f);
}

function scalarText(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

// The API server's base64 (padded, standard alphabet); anything else is kept as written.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Records the values of a Secret: `data` decoded from base64, and `stringData`. */
export function addSecretObject(secrets: SecretTexts, obj: JsonObject): void {
  if (isJsonObject(obj.data)) {
    for (const v of Object.values(obj.data)) {
      const text = scalarText(v);
      if (text === undefined) continue;
      const compact = text.replace(/[\r\n]/g, '');
      addSecretText(secrets, BASE64.test(compact) ? Buffer.from(compact, 'base64').toString('utf8') : text);
    }
  }
  if (isJsonObject(obj.stringData)) {
    for (const v of Object.values(obj.stringData)) {
      const text = scalarText(v);
      if (text !== undefined) addSecretText(secrets, text);
    }
  }
}

const patterns = new WeakMap<ReadonlySet<string>, { size: number; re: RegExp }>();

/** One alternation of every secret text, longest first so that no shorter one splits it. */
function patternOf(secrets: ReadonlySet<string>): RegExp {
  const known = patterns.get(secrets);
  if (known && known.size === secrets.size) return known.re;
  const alternatives = [...secrets]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(alternatives.join('|'), 'g');
  patterns.set(secrets, { size: secrets.size, re });
  return re;
}

/** `text` with every secret text in it replaced by the mask. */
export function redactText(text: string, secrets: ReadonlySet<string>): string {
  if (secrets.size === 0 || text.length < MIN_SECRET_TEXT) return text;
  return text.replace(patternOf(secrets), SECRET_TEXT_MASK);
}

/**
 * Plain data (a diagnostic, a rendered object, a diff) with every string value redacted; keys
 * are kept. With `numbers`, a number whose text is secret is masked too (a substituted value
 * YAML read back as a number) — only for Kubernetes objects, never for line numbers.
 * Unchanged parts are returned as they were, so an output without secrets costs no copies.
 */
export function redactDeep<T>(value: T, secrets: ReadonlySet<string>, numbers = false): T {
  if (secrets.size === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redactText(v, secrets);
    if (typeof v === 'number') return numbers && secrets.has(String(v)) ? SECRET_TEXT_MASK : v;
    if (Array.isArray(v)) {
      let changed = false;
      const out = v.map((x) => {
        const y = walk(x);
        if (y !== x) changed = true;
        return y;
      });
      return changed ? out : v;
    }
    if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      let changed = false;
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const y = walk(x);
        if (y !== x) changed = true;
        out[k] = y;
      }
      return changed ? out : v;
    }
    return v;
  };
  return walk(value) as T;
}
