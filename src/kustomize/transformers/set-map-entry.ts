import { isJsonObject, type JsonValue } from '../../core/json.js';
import type { FieldHolder, FieldKey, SetField } from '../fieldspecs/walk-fieldspec.js';
import { FieldValueError } from './resource-error.js';

/** A setter that puts `key: value` into the map a field spec addresses (labels, annotations, selectors). */
export function setMapEntry(key: string, value: string): SetField {
  return (holder: FieldHolder, at: FieldKey): void => {
    const map = (holder as Record<FieldKey, JsonValue>)[at];
    if (!isJsonObject(map)) throw new FieldValueError('expected a mapping node');
    map[key] = value;
  };
}
