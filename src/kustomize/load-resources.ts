import { DiagnosticError } from '../core/diagnostic.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../core/json.js';
import type { KResource } from './resource.js';

export interface ParsedDoc {
  value: JsonValue;
  line: number;
}

/**
 * kyaml's GetValidatedMetadata plus kustomize's dropBadNodes checks. A null list entry (`- `
 * with no value) is not refused: kyaml's HasNilEntryInList never reports one, so kustomize
 * prints it as `- null`.
 */
function validate(obj: JsonObject, file: string, line: number): void {
  const kind = obj.kind;
  if (typeof kind !== 'string' || kind === '') {
    throw new DiagnosticError({
      rule: 'resource-invalid',
      file,
      line,
      message: 'missing kind in object',
      hint: 'every document in a resource file must have apiVersion, kind and metadata.name',
    });
  }
  if (!kind.endsWith('List')) {
    const meta = obj.metadata;
    const name = isJsonObject(meta) ? meta.name : undefined;
    if (typeof name !== 'string' || name === '') {
      throw new DiagnosticError({
        rule: 'resource-invalid',
        file,
        line,
        message: `missing metadata.name in ${kind} object`,
        hint: 'every document in a resource file must have apiVersion, kind and metadata.name',
      });
    }
  }
}

/**
 * Turns the documents of one resource file into resources the way kustomize's resource
 * factory does: empty documents dropped, each validated, and `*List` kinds replaced by their
 * items — which kustomize appends after the file's other documents, not in place.
 */
export function resourcesFromDocuments(docs: readonly ParsedDoc[], file: string): KResource[] {
  const queue: { obj: JsonObject; line: number }[] = [];
  for (const doc of docs) {
    if (doc.value === null) continue;
    if (!isJsonObject(doc.value)) {
      throw new DiagnosticError({
        rule: 'resource-invalid',
        file,
        line: doc.line,
        message: 'a resource document must be a YAML map',
      });
    }
    if (Object.keys(doc.value).length === 0) continue;
    validate(doc.value, file, doc.line);
    queue.push({ obj: doc.value, line: doc.line });
  }
  const out: KResource[] = [];
  // A read index, not shift(): shifting a 100,000-document queue is quadratic.
  for (let next = 0; next < queue.length; next++) {
    const { obj, line } = queue[next] as { obj: JsonObject; line: number };
    const kind = obj.kind as string;
    if (!kind.endsWith('List')) {
      out.push({ obj, file, line });
      continue;
    }
    const items = obj.items;
    if (items === undefined || items === null) continue;
    if (!Array.isArray(items)) {
      throw new DiagnosticError({
        rule: 'resource-invalid',
        file,
        line,
        message: `expected array in ${kind}/items`,
      });
    }
    for (const item of items) {
      if (item === null || (isJsonObject(item) && Object.keys(item).length === 0)) continue;
      if (!isJsonObject(item)) {
        throw new DiagnosticError({
          rule: 'resource-invalid',
          file,
          line,
          message: `${kind} items must be maps`,
        });
      }
      validate(item, file, line);
      queue.push({ obj: item, line });
    }
  }
  return out;
}
