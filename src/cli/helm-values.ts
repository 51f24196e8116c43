/**
 * The user values of a `helm template` run, merged as helm's `values.Options.MergeValues` does:
 * values files in order (each file's YAML documents merged, later files winning, maps merged
 * deeply, anything else replaced), then `--set-json`, `--set`, `--set-string`, `--set-file` and
 * `--set-literal`, each kind in the order given. The caller lists the sources in that order.
 */
import { DiagnosticError } from '../core/diagnostic.js';
import { isJsonObject, type JsonObject } from '../core/json.js';
import type { GoMap, GoValue } from '../gotemplate/value.js';
import { parseUserValues } from '../helm/values/user-values.js';

/** The `--set` flag kinds helm has. */
export type SetKind = 'set' | 'set-string' | 'set-json' | 'set-literal' | 'set-file';

/** strvals: applies one flag's argument to `into`, in place. */
export type ApplySetFlag = (
  into: GoMap,
  kind: SetKind,
  argument: string,
  readFile?: (path: string) => string,
) => void;

/** One source of user values. */
export type ValueSource =
  /** A values file (`-f`): YAML text, named for messages. */
  | { kind: 'yaml'; name: string; text: string }
  /** Values already parsed (JSON data: numbers are float64). */
  | { kind: 'object'; value: JsonObject }
  /** A `--set`-style flag and its argument. */
  | { kind: SetKind; argument: string };

/** The order helm applies the value flags in, after the values files. */
export const SET_ORDER: readonly SetKind[] = ['set-json', 'set', 'set-string', 'set-file', 'set-literal'];

function isMap(v: GoValue): v is GoMap {
  return (
    typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype
  );
}

/** loader.MergeMaps: `b` over `a`, maps merged recursively, anything else replaced. */
export function mergeValueMaps(a: GoMap, b: GoMap): GoMap {
  const out: GoMap = { ...a };
  for (const k of Object.keys(b)) {
    const bv = b[k];
    const av = out[k];
    out[k] = isMap(bv) && av !== undefined && isMap(av) ? mergeValueMaps(av, bv) : bv;
  }
  return out;
}

// apimachinery's YAMLReader: a line starting with `---` ends a document; only spaces or a
// comment may follow the marker.
function splitDocuments(text: string, name: string): { text: string; line: number }[] {
  const lines = text.split(/(?<=\n)/);
  const docs: { text: string; line: number }[] = [];
  let current = '';
  let start = 0;
  lines.forEach((line, i) => {
    if (line.startsWith('---')) {
      const rest = line.slice(3).trim();
      if (rest !== '' && !rest.startsWith('#')) {
        throw new DiagnosticError({
          rule: 'helm-values',
          file: name,
          line: i + 1,
          message: `invalid Yaml document separator: ${rest}`,
          hint: 'put nothing but a comment after a `---` document separator',
        });
      }
      if (current !== '') docs.push({ text: current, line: start });
      current = '';
      start = i + 1;
      return;
    }
    current += line;
  });
  if (current !== '') docs.push({ text: current, line: start });
  return docs;
}

/** A values file as helm's loader.LoadValues reads it: every document merged, later ones winning. */
export function parseValuesFile(text: string, name: string): GoMap {
  let out: GoMap = {};
  for (const doc of splitDocuments(text, name)) {
    // Leading newlines keep the parser's line numbers those of the whole file.
    out = mergeValueMaps(out, parseUserValues('\n'.repeat(doc.line) + doc.text, name));
  }
  return out;
}

function setJsonObject(base: GoMap, argument: string): GoMap {
  let parsed: unknown;
  try {
    parsed = JSON.parse(argument.trim());
  } catch {
    parsed = undefined;
  }
  if (!isJsonObject(parsed)) {
    throw new DiagnosticError({
      rule: 'helm-values',
      message: `failed parsing --set-json data JSON: ${argument}`,
      hint: 'give a JSON object, or key=value pairs whose values are JSON',
    });
  }
  return mergeValueMaps(base, parsed as GoMap);
}

/**
 * The merged user values. `applySetFlag` parses the `--set` flags; `readFile` reads what
 * `--set-file` names (a path, or `-` for the standard input).
 */
export function composeValues(
  sources: readonly ValueSource[],
  applySetFlag: ApplySetFlag,
  readFile: (path: string) => string,
): GoMap {
  let base: GoMap = {};
  for (const source of sources) {
    switch (source.kind) {
      case 'yaml':
        base = mergeValueMaps(base, parseValuesFile(source.text, source.name));
        break;
      case 'object':
        base = mergeValueMaps(base, source.value as GoMap);
        break;
      case 'set-json':
        // MergeValues itself takes a JSON object whole; strvals gets the key=value form.
        if (source.argument.trim().startsWith('{')) base = setJsonObject(base, source.argument);
        else applySetFlag(base, 'set-json', source.argument);
        break;
      case 'set-file':
        applySetFlag(base, 'set-file', source.argument, readFile);
        break;
      default:
        applySetFlag(base, source.kind, source.argument);
    }
  }
  return base;
}
