import { DiagnosticError } from '../core/diagnostic.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../core/json.js';
import { gvkOf, type ResourceId } from '../core/resource-id.js';
import { LabelSelectorError, matchesLabelSelector } from './label-selector.js';
import { curId, effectiveNamespace, getStringMap, orgId, prevIds, type KResource } from './resource.js';

/** kustomize's `types.Selector`: a resource id pattern plus label and annotation selectors. */
export interface Selector {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

/** The fields of a selector, in kustomize's order. */
export const SELECTOR_KEYS = [
  'group',
  'version',
  'kind',
  'name',
  'namespace',
  'labelSelector',
  'annotationSelector',
] as const;

/** Reads a selector map (e.g. a replacement `select:`); unknown keys and non-string values are errors. */
export function parseSelector(value: JsonValue | undefined, file: string, where: string): Selector {
  if (!isJsonObject(value)) {
    throw new DiagnosticError({ rule: 'selector-invalid', file, message: `${where} must be a map` });
  }
  const out: Selector = {};
  for (const [k, v] of Object.entries(value)) {
    if (!(SELECTOR_KEYS as readonly string[]).includes(k)) {
      throw new DiagnosticError({
        rule: 'selector-invalid',
        file,
        message: `${where}: unknown field "${k}"`,
      });
    }
    if (v === null) continue;
    if (typeof v !== 'string') {
      throw new DiagnosticError({
        rule: 'selector-invalid',
        file,
        message: `${where}.${k} must be a string`,
      });
    }
    (out as Record<string, string>)[k] = v;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Go (RE2) regular expressions as kustomize anchors them: `^(?:pattern)$`.

const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

/** Rewrites the RE2 spellings JavaScript lacks; the rest of RE2 syntax is shared. */
function goToJsRegex(pattern: string): { source: string; flags: string } {
  let flags = '';
  let src = pattern;
  const lead = /^\(\?([imsU]+)\)/.exec(src);
  if (lead) {
    for (const f of lead[1] as string) if (f !== 'U' && !flags.includes(f)) flags += f;
    src = src.slice(lead[0].length);
  }
  src = src
    .replace(/\(\?P</g, '(?<')
    .replace(/\\A/g, '^')
    .replace(/\\z/g, '$')
    .replace(/\[:(\^?)([a-z]+):\]/g, (m, neg: string, name: string) => {
      const cls = POSIX_CLASSES[name];
      return cls === undefined || neg ? m : cls;
    });
  return { source: src, flags };
}

const regexCache = new Map<string, RegExp>();

/** Compiles (once) a Go regular expression; `anchored` wraps it the way kustomize's selectors do. */
export function goRegex(pattern: string, anchored: boolean): RegExp {
  const key = `${anchored ? 'a' : 'u'}:${pattern}`;
  let re = regexCache.get(key);
  if (!re) {
    const { source, flags } = goToJsRegex(pattern);
    try {
      re = new RegExp(anchored ? `^(?:${source})$` : source, flags);
    } catch (e) {
      throw new DiagnosticError({
        rule: 'selector-invalid',
        message: `error parsing regexp: ${(e as Error).message}: \`${pattern}\``,
      });
    }
    regexCache.set(key, re);
  }
  return re;
}

function regexMatches(pattern: string | undefined, value: string): boolean {
  return !pattern || goRegex(pattern, true).test(value);
}

// ---------------------------------------------------------------------------------------------
// Label and annotation selectors.

function selectorMatches(
  selector: string | undefined,
  obj: JsonObject,
  field: 'labels' | 'annotations',
): boolean {
  if (!selector) return true;
  try {
    return matchesLabelSelector(selector, getStringMap(obj, field));
  } catch (e) {
    if (e instanceof LabelSelectorError) {
      throw new DiagnosticError({
        rule: 'selector-invalid',
        message: `invalid ${field === 'labels' ? 'labelSelector' : 'annotationSelector'} '${selector}': ${e.message}`,
      });
    }
    throw e;
  }
}

/** True when the object's labels and annotations satisfy the selector's label/annotation selectors. */
export function matchesLabelsAndAnnotations(obj: JsonObject, selector: Selector): boolean {
  return (
    selectorMatches(selector.annotationSelector, obj, 'annotations') &&
    selectorMatches(selector.labelSelector, obj, 'labels')
  );
}

// ---------------------------------------------------------------------------------------------
// Regex selection, as `patches[].target` uses it (kustomize's resmap Select).

/**
 * Whether `patches[].target` selects the resource: name and namespace are anchored regexes
 * tried against the original id and the current one (so a target written before a
 * namePrefix or namespace change still matches); group/version/kind against the current gvk.
 */
export function matchesSelector(res: KResource, selector: Selector): boolean {
  const obj = res.obj;
  const cur = curId(obj);
  const org = orgId(obj);
  if (selector.namespace) {
    if (
      !regexMatches(selector.namespace, effectiveNamespace(org)) &&
      !regexMatches(selector.namespace, effectiveNamespace(cur))
    ) {
      return false;
    }
  }
  if (selector.name && !regexMatches(selector.name, org.name) && !regexMatches(selector.name, cur.name))
    return false;
  const gvk = gvkOf(obj);
  if (!regexMatches(selector.group, gvk.group)) return false;
  if (!regexMatches(selector.version, gvk.version)) return false;
  if (!regexMatches(selector.kind, gvk.kind)) return false;
  return (
    selectorMatches(selector.labelSelector, obj, 'labels') &&
    selectorMatches(selector.annotationSelector, obj, 'annotations')
  );
}

/** The resources `selector` selects, in order. */
export function selectResources(resources: readonly KResource[], selector: Selector): KResource[] {
  return resources.filter((r) => matchesSelector(r, selector));
}

// ---------------------------------------------------------------------------------------------
// Exact id selection, as replacements use it (kustomize's ResId.IsSelectedBy).

/** The current id followed by every previous id, as kustomize's MakeResIds returns them. */
export function resIdsOf(obj: JsonObject): ResourceId[] {
  return [curId(obj), ...prevIds(obj)];
}

export function hasIdFields(selector: Selector): boolean {
  return !!(selector.group || selector.version || selector.kind || selector.name || selector.namespace);
}

/** Empty selector fields match anything; a namespace compares by effective namespace ('' = default). */
export function idSelectedBy(id: ResourceId, selector: Selector): boolean {
  if (selector.name && selector.name !== id.name) return false;
  if (selector.namespace) {
    const selId: ResourceId = {
      group: selector.group ?? '',
      version: selector.version ?? '',
      kind: selector.kind ?? '',
      name: selector.name ?? '',
      namespace: selector.namespace,
    };
    if (effectiveNamespace(selId) !== effectiveNamespace(id)) return false;
  }
  if (selector.group && selector.group !== id.group) return false;
  if (selector.version && selector.version !== id.version) return false;
  if (selector.kind && selector.kind !== id.kind) return false;
  return true;
}
