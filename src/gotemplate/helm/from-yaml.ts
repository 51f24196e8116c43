/**
 * `fromYaml` and `fromYamlArray`: sigs.k8s.io/yaml.Unmarshal of the first document (YAML 1.1
 * scalars, numbers as float64) into a map or a list. Errors do not fail the template: fromYaml
 * returns `{Error: message}`, fromYamlArray `[message]`, with go-yaml's wording.
 */
import { parseAllDocuments } from 'yaml';
import type { JsonValue } from '../../core/json.js';
import { parseYaml11Fast } from '../../yaml/parse-yaml11.js';
import { isGoMap, newMap, setMapKey, type GoMap, type GoSlice, type GoValue } from '../value.js';
import { readBlockYamlInRun } from './decode-memo.js';
import { conversionError, conversionProblem, syntaxErrorText } from './yaml-errors.js';

type Decoded = { value: JsonValue } | { error: string };

function jsonKind(v: JsonValue): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  return typeof v === 'boolean' ? 'bool' : typeof v;
}

/** The first YAML document as JSON data, or sigs.k8s.io/yaml's error text. */
// A key that may read as null (`~:`, `null:`, `: x`), which go-yaml's JSON step refuses.
const MAYBE_NULL_KEY = /(^|[\n{,?])[ \t]*(?:-[ \t]+)*(?:~|null|Null|NULL)?[ \t]*:(?:[ \t]|$)/m;

export function decodeYaml(text: string): Decoded {
  // Most texts are toYaml's own output, which a reader for that subset takes far faster.
  const block = readBlockYamlInRun(text);
  if (block !== undefined) return { value: block };
  const fast = MAYBE_NULL_KEY.test(text) ? undefined : parseYaml11Fast(text);
  if (fast !== undefined) return { value: fast };
  // Slow path: several documents (go-yaml reads the first), or an error to word.
  const docs = parseAllDocuments(text, {
    schema: 'failsafe',
    merge: false,
    uniqueKeys: false,
    strict: false,
  });
  const first = Array.isArray(docs) ? docs[0] : undefined;
  if (!first) return { value: null };
  const syntax = first.errors[0];
  if (syntax) return { error: conversionError(syntaxErrorText(text, syntax)) };
  const problem = conversionProblem(first, first.contents as never);
  if (problem) return { error: conversionError(problem) };
  const again = parseYaml11Fast(text.slice(0, first.range[2]));
  if (again !== undefined) return { value: again };
  return { error: conversionError('yaml: did not find expected node content') };
}

function unmarshalError(v: JsonValue, goType: string): string {
  return `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(v)} into Go value of type ${goType}`;
}

/** helm's fromYaml: a `map[string]interface {}`, with the problem under `Error`. */
export function fromYaml(text: string): GoMap {
  const decoded = decodeYaml(text);
  if ('error' in decoded) {
    const m = newMap();
    m.Error = decoded.error;
    return m;
  }
  const v = decoded.value;
  if (v === null) return newMap();
  if (!isGoMap(v as GoValue)) {
    const m = newMap();
    setMapKey(m, 'Error', unmarshalError(v, 'map[string]interface {}'));
    return m;
  }
  return v as GoMap;
}

/** helm's fromYamlArray: a `[]interface {}`, or a list holding only the error message. */
export function fromYamlArray(text: string): GoSlice {
  const decoded = decodeYaml(text);
  if ('error' in decoded) return [decoded.error];
  const v = decoded.value;
  if (v === null) return [];
  if (!Array.isArray(v)) return [unmarshalError(v, '[]interface {}')];
  return v as GoSlice;
}
