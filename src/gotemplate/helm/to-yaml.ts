/**
 * `toYaml` / `mustToYaml`: sigs.k8s.io/yaml.Marshal, i.e. encoding/json first (so numbers,
 * key order and struct field names are JSON's) and then go-yaml v2 printing of that JSON, with
 * the final newline trimmed. The existing emitter prints JSON data exactly as go-yaml v2 does.
 */
import type { JsonValue } from '../../core/json.js';
import { emitYaml } from '../../yaml/emit.js';
import { jsonMarshal } from '../go-json.js';
import type { GoValue } from '../value.js';

/** The YAML text helm's toYaml returns; throws json.Marshal's error (NaN, a cycle). */
export function marshalYaml(v: GoValue): string {
  const json = JSON.parse(jsonMarshal(v === undefined ? null : v)) as JsonValue;
  const text = emitYaml(json);
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}
