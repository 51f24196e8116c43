/**
 * The `--set` family of helm v4 (pkg/strvals and MergeValues in pkg/cli/values): each flag's
 * argument applied to the user values, with helm's typing, limits and error texts. The order
 * between kinds is helm's: values files (`-f`), then every `--set-json`, `--set`,
 * `--set-string`, `--set-file` and last `--set-literal`, each kind in command-line order.
 */
import { DiagnosticError } from '../../../core/diagnostic.js';
import { isGoMap, setMapKey, type GoMap } from '../../../gotemplate/value.js';
import { parseJsonText } from './json-value.js';
import { LiteralParser } from './literal.js';
import { StrvalsParser, type ValueReader } from './parser.js';
import { goTrimSpace, setError, type SetError } from './reader.js';
import { typedVal } from './typed.js';

export type SetKind = 'set' | 'set-string' | 'set-json' | 'set-literal' | 'set-file';

/** The order helm applies the kinds in (MergeValues), after the values files. */
export const SET_KIND_ORDER: readonly SetKind[] = [
  'set-json',
  'set',
  'set-string',
  'set-file',
  'set-literal',
];

export interface SetFlag {
  kind: SetKind;
  argument: string;
}

const SYNTAX_HINT: Readonly<Record<SetKind, string>> = {
  set: 'write --set name=value[,name=value…]; see `helm install --help`',
  'set-string': 'write --set-string name=value[,name=value…]',
  'set-json': 'write --set-json name=JSON[,name=JSON…] or a whole JSON object --set-json \'{"name":JSON}\'',
  'set-literal': 'write --set-literal name=value (the value is taken as written)',
  'set-file': 'write --set-file name=path[,name=path…] with files that exist',
};

function fail(kind: SetKind, message: string, hint?: string): DiagnosticError {
  return new DiagnosticError({ rule: 'helm-set', message, hint: hint ?? SYNTAX_HINT[kind] });
}

/**
 * loader.MergeMaps, in place: maps of `from` merge into maps of `into` key by key, anything else
 * replaces. It merges values files (`-f`) and a whole-object `--set-json`.
 */
export function mergeValueMaps(into: GoMap, from: GoMap): void {
  for (const key of Object.keys(from)) {
    const v = from[key];
    const prev = Object.hasOwn(into, key) ? into[key] : undefined;
    if (isGoMap(v) && prev !== undefined && isGoMap(prev)) {
      // A fresh map, as Go's MergeMaps builds one: `prev` may be shared with another source.
      const merged: GoMap = {};
      mergeValueMaps(merged, prev);
      mergeValueMaps(merged, v);
      setMapKey(into, key, merged);
    } else setMapKey(into, key, v);
  }
}

function fileReader(readFile: ((path: string) => string) | undefined): ValueReader {
  return (path) => {
    if (!readFile) return { error: setError(`cannot read ${path}: no file access here`) };
    try {
      return { value: readFile(path) };
    } catch (e) {
      if (e instanceof DiagnosticError) throw e;
      return { error: setError(e instanceof Error ? e.message : String(e)) };
    }
  };
}

function applyJson(into: GoMap, argument: string): void {
  const trimmed = goTrimSpace(argument);
  if (trimmed.startsWith('{')) {
    const read = parseJsonText(trimmed);
    if ('error' in read || !isGoMap(read.value)) {
      throw fail('set-json', `failed parsing --set-json data JSON: ${argument}`);
    }
    mergeValueMaps(into, read.value);
    return;
  }
  const err = new StrvalsParser(argument, { kind: 'json' }).parse(into);
  // helm drops the cause here and prints the argument instead.
  if (err) throw fail('set-json', `failed parsing --set-json data ${argument}`, err.hint);
}

/**
 * Applies one flag's argument (`a.b=1,c[0]=x`) to `into`, as helm's strvals does. `readFile`
 * reads a `--set-file` path (`-` for stdin is the caller's); what it throws becomes the message
 * (`open x: no such file or directory`, as Go words it). Throws a DiagnosticError (rule
 * `helm-set`) worded as helm's error.
 */
export function applySetFlag(
  into: GoMap,
  kind: SetKind,
  argument: string,
  readFile?: (path: string) => string,
): void {
  if (kind === 'set-json') return applyJson(into, argument);
  let err: SetError | undefined;
  if (kind === 'set-literal') err = new LiteralParser(argument).parse(into);
  else {
    const reader: ValueReader =
      kind === 'set-file'
        ? fileReader(readFile)
        : (text) => ({ value: typedVal(text, kind === 'set-string') });
    err = new StrvalsParser(argument, { kind: 'values', reader }).parse(into);
  }
  if (err) throw fail(kind, `failed parsing --${kind} data: ${err.message}`, err.hint);
}

/** Applies flags in helm's order ({@link SET_KIND_ORDER}), each kind in the order given. */
export function applySetFlags(
  into: GoMap,
  flags: readonly SetFlag[],
  readFile?: (path: string) => string,
): void {
  for (const kind of SET_KIND_ORDER) {
    for (const flag of flags) if (flag.kind === kind) applySetFlag(into, kind, flag.argument, readFile);
  }
}
