/**
 * The user values of a `helm template` run, merged as helm's `values.Options.MergeValues` does:
 * values files in order (each file's YAML documents merged, later files winning, maps merged
 * deeply, anything else replaced), then the `--set` family through strvals. The caller lists
 * the sources in helm's order (SET_KIND_ORDER after the files).
 */
import { DiagnosticError } from '../core/diagnostic.js';
import type { JsonObject } from '../core/json.js';
import type { GoMap } from '../gotemplate/value.js';
import { applySetFlag, mergeValueMaps, type SetKind } from '../helm/values/strvals/index.js';
import { parseUserValues } from '../helm/values/user-values.js';

/** One source of user values. */
export type ValueSource =
  /** A values file (`-f`): YAML text, named for messages. */
  | { kind: 'yaml'; name: string; text: string }
  /** Values already parsed (JSON data: numbers are float64). */
  | { kind: 'object'; value: JsonObject }
  /** A `--set`-style flag and its argument. */
  | { kind: SetKind; argument: string };

// apimachinery's YAMLReader: a line starting with `---` ends a document; only spaces or a
// comment may follow the marker.
function splitDocuments(text: string, name: string): { text: string; line: number }[] {
  const docs: { text: string; line: number }[] = [];
  let current = '';
  let start = 0;
  text.split(/(?<=\n)/).forEach((line, i) => {
    if (!line.startsWith('---')) {
      current += line;
      return;
    }
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
  });
  if (current !== '') docs.push({ text: current, line: start });
  return docs;
}

/** A values file as helm's loader.LoadValues reads it: every document merged, later ones winning. */
export function parseValuesFile(text: string, name: string): GoMap {
  const out: GoMap = {};
  for (const doc of splitDocuments(text, name)) {
    // Leading newlines keep the parser's line numbers those of the whole file.
    mergeValueMaps(out, parseUserValues('\n'.repeat(doc.line) + doc.text, name));
  }
  return out;
}

/**
 * The merged user values. `readFile` reads what `--set-file` names (a path, or `-` for the
 * standard input); an Error it throws is worded as Go's (`open x: no such file or directory`).
 */
export function composeValues(sources: readonly ValueSource[], readFile: (path: string) => string): GoMap {
  const base: GoMap = {};
  for (const source of sources) {
    if (source.kind === 'yaml') mergeValueMaps(base, parseValuesFile(source.text, source.name));
    else if (source.kind === 'object') mergeValueMaps(base, source.value as GoMap);
    else applySetFlag(base, source.kind, source.argument, readFile);
  }
  return base;
}
