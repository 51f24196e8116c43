import { isJsonObject, type JsonValue } from '../../core/json.js';
import {
  gvkSelected,
  type FieldSpec,
  type GvkSelector,
  type TransformerConfig,
} from '../fieldspecs/transformer-config.js';
import { walkFieldSpec, type FieldHolder, type FieldKey } from '../fieldspecs/walk-fieldspec.js';
import { addNamePrefix, addNameSuffix, orgId, storePreviousId, type KResource } from '../resource.js';
import { FieldValueError, withFieldErrors } from './resource-error.js';

/** Kinds kustomize never renames with a prefix or suffix (matched on the original id). */
const SKIPPED: readonly GvkSelector[] = [
  { kind: 'CustomResourceDefinition' },
  { group: 'apiregistration.k8s.io', kind: 'APIService' },
  { kind: 'Namespace' },
];

type Affix = 'prefix' | 'suffix';

function affixSetter(affix: Affix, value: string) {
  return (holder: FieldHolder, key: FieldKey): void => {
    const h = holder as Record<FieldKey, JsonValue>;
    const current = h[key];
    if (isJsonObject(current) || Array.isArray(current))
      throw new FieldValueError(`cannot add a name ${affix}`);
    const s = current === null || current === undefined ? '' : String(current);
    h[key] = affix === 'prefix' ? value + s : s + value;
  };
}

function applyAffix(
  resources: readonly KResource[],
  affix: Affix,
  value: string,
  specs: readonly FieldSpec[],
): void {
  const set = affixSetter(affix, value);
  for (const r of resources) {
    const id = orgId(r.obj);
    if (SKIPPED.some((s) => gvkSelected(id, s))) continue;
    for (const fs of specs) {
      if (!gvkSelected(id, fs)) continue;
      if (fs.path === 'metadata/name') {
        // The id is stored before the walk renames metadata.name.
        if (affix === 'prefix') addNamePrefix(r.obj, value);
        else addNameSuffix(r.obj, value);
        if (value !== '') storePreviousId(r.obj);
      }
      withFieldErrors(r, `name ${affix} transformation failed`, fs.path, () =>
        walkFieldSpec(r.obj, fs, set, 'scalar'),
      );
    }
  }
}

/** `namePrefix:` (PrefixTransformer): prefixes names and records the prefix for name-reference fixing. */
export function applyNamePrefix(
  resources: readonly KResource[],
  prefix: string,
  config: TransformerConfig,
): void {
  if (prefix === '') return;
  applyAffix(resources, 'prefix', prefix, config.namePrefix);
}

/** `nameSuffix:` (SuffixTransformer), run after the prefix transformer. */
export function applyNameSuffix(
  resources: readonly KResource[],
  suffix: string,
  config: TransformerConfig,
): void {
  if (suffix === '') return;
  applyAffix(resources, 'suffix', suffix, config.nameSuffix);
}

/** Both, in kustomize's order: prefix first, then suffix (each stores a previous id). */
export function applyNamePrefixSuffix(
  resources: readonly KResource[],
  prefix: string,
  suffix: string,
  config: TransformerConfig,
): void {
  applyNamePrefix(resources, prefix, config);
  applyNameSuffix(resources, suffix, config);
}
