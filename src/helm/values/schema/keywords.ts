/**
 * The keywords of objects, arrays, strings and numbers, in the validator's order. Object
 * members are visited in the values' own key order (helm visits a Go map, in random order).
 */
import { matchString } from '../../../gotemplate/sprig/go-regexp.js';
import { compare, isMultiple } from './decimal.js';
import {
  addErr,
  addError,
  validateSelf,
  validateVal,
  validateValue,
  type Ctx,
  type VError,
} from './validate.js';
import { jsonEquals } from './types.js';

function missing(obj: Record<string, unknown>, names: readonly string[]): string[] {
  return names.filter((n) => !Object.hasOwn(obj, n));
}

export function validateObject(c: Ctx, obj: Record<string, unknown>): void {
  const s = c.sch;
  const size = Object.keys(obj).length;
  if (s.minProperties !== undefined && size < s.minProperties) {
    addError(c, { k: 'minProperties', got: size, want: s.minProperties });
  }
  if (s.maxProperties !== undefined && size > s.maxProperties) {
    addError(c, { k: 'maxProperties', got: size, want: s.maxProperties });
  }
  if (s.required?.length) {
    const m = missing(obj, s.required);
    if (m.length > 0) addError(c, { k: 'required', missing: m });
  }
  for (const [name, dep] of s.dependencies ?? []) {
    if (!Object.hasOwn(obj, name)) continue;
    if (Array.isArray(dep)) {
      const m = missing(obj, dep);
      if (m.length > 0) addError(c, { k: 'dependency', prop: name, missing: m });
    } else addErr(c, validateSelf(c, dep));
  }
  const additional: string[] = [];
  for (const [name, value] of Object.entries(obj)) {
    let evaluated = false;
    const prop = s.properties?.get(name);
    if (prop) {
      evaluated = true;
      addErr(c, validateVal(c, prop, value, name));
    }
    for (const { re, schema } of s.patternProperties ?? []) {
      if (matchString(re, name)) {
        evaluated = true;
        addErr(c, validateVal(c, schema, value, name));
      }
    }
    if (!evaluated && s.additionalProperties !== undefined) {
      evaluated = true;
      if (s.additionalProperties === false) additional.push(name);
      else if (s.additionalProperties !== true)
        addErr(c, validateVal(c, s.additionalProperties, value, name));
    }
    if (evaluated) c.uneval.props?.delete(name);
  }
  if (additional.length > 0) addError(c, { k: 'additionalProperties', props: additional });
  if (s.draft === 4) return;
  if (s.propertyNames) {
    for (const name of Object.keys(obj)) {
      const errs = validateValue(c.compiled, name, s.propertyNames);
      if (errs.length > 0) addError(c, { k: 'propertyNames', prop: name }, errs);
    }
  }
  if (s.draft === 6) return;
  for (const [name, dep] of s.dependentSchemas ?? []) {
    if (Object.hasOwn(obj, name)) addErr(c, validateSelf(c, dep));
  }
  for (const [name, names] of s.dependentRequired ?? []) {
    if (!Object.hasOwn(obj, name)) continue;
    const m = missing(obj, names);
    if (m.length > 0) addError(c, { k: 'dependentRequired', prop: name, missing: m });
  }
}

function duplicates(arr: readonly unknown[]): [number, number] | undefined {
  for (let i = 1; i < arr.length; i++) {
    for (let j = 0; j < i; j++) if (jsonEquals(arr[i], arr[j], compare)) return [j, i];
  }
  return undefined;
}

export function validateArray(c: Ctx, arr: readonly unknown[]): void {
  const s = c.sch;
  if (s.minItems !== undefined && arr.length < s.minItems) {
    addError(c, { k: 'minItems', got: arr.length, want: s.minItems });
  }
  if (s.maxItems !== undefined && arr.length > s.maxItems) {
    addError(c, { k: 'maxItems', got: arr.length, want: s.maxItems });
  }
  if (s.uniqueItems && arr.length > 1) {
    const d = duplicates(arr);
    if (d) addError(c, { k: 'uniqueItems', i: d[0], j: d[1] });
  }
  if (s.draft < 2020) {
    let evaluated = 0;
    if (Array.isArray(s.items)) {
      evaluated = Math.min(arr.length, s.items.length);
      for (let i = 0; i < evaluated; i++) addErr(c, validateVal(c, s.items[i]!, arr[i], String(i)));
    } else if (s.items) {
      arr.forEach((item, i) => addErr(c, validateVal(c, s.items as never, item, String(i))));
      evaluated = arr.length;
    }
    if (s.additionalItems === false && evaluated !== arr.length) {
      addError(c, { k: 'additionalItems', count: arr.length - evaluated });
    } else if (typeof s.additionalItems === 'object') {
      // helm's validator names these items by their index after the evaluated ones (a quirk kept).
      for (let i = evaluated; i < arr.length; i++) {
        addErr(c, validateVal(c, s.additionalItems, arr[i], String(i - evaluated)));
      }
    }
  } else {
    const prefix = s.prefixItems ?? [];
    const evaluated = Math.min(prefix.length, arr.length);
    for (let i = 0; i < evaluated; i++) addErr(c, validateVal(c, prefix[i]!, arr[i], String(i)));
    if (s.items2020) {
      // As above: helm names the items after prefixItems by their index among themselves.
      for (let i = evaluated; i < arr.length; i++) {
        addErr(c, validateVal(c, s.items2020, arr[i], String(i - evaluated)));
      }
    }
  }
  if (s.contains) containsKeywords(c, arr);
}

function containsKeywords(c: Ctx, arr: readonly unknown[]): void {
  const s = c.sch;
  const errs: VError[] = [];
  const matched: number[] = [];
  arr.forEach((item, i) => {
    const o = validateVal(c, s.contains!, item, String(i));
    if (!o.ok) errs.push(o.err);
    else {
      matched.push(i);
      if (s.draft >= 2020) c.uneval.items?.delete(i);
    }
  });
  if (s.minContains !== undefined) {
    if (matched.length < s.minContains)
      addError(c, { k: 'minContains', got: matched, want: s.minContains }, errs);
  } else if (matched.length === 0) addError(c, { k: 'contains' }, errs);
  if (s.maxContains !== undefined && matched.length > s.maxContains) {
    addError(c, { k: 'maxContains', got: matched, want: s.maxContains });
  }
}

export function validateString(c: Ctx, str: string): void {
  const s = c.sch;
  if (s.minLength !== undefined || s.maxLength !== undefined) {
    let len = 0;
    for (const _ of str) len++;
    if (s.minLength !== undefined && len < s.minLength)
      addError(c, { k: 'minLength', got: len, want: s.minLength });
    if (s.maxLength !== undefined && len > s.maxLength)
      addError(c, { k: 'maxLength', got: len, want: s.maxLength });
  }
  if (s.pattern && !matchString(s.pattern.re, str)) {
    addError(c, { k: 'pattern', got: str, want: s.pattern.source });
  }
}

export function validateNumber(c: Ctx, n: number): void {
  const s = c.sch;
  if (s.minimum && compare(n, s.minimum) < 0) addError(c, { k: 'minimum', got: n, want: s.minimum });
  if (s.maximum && compare(n, s.maximum) > 0) addError(c, { k: 'maximum', got: n, want: s.maximum });
  if (s.exclusiveMinimum && compare(n, s.exclusiveMinimum) <= 0) {
    addError(c, { k: 'exclusiveMinimum', got: n, want: s.exclusiveMinimum });
  }
  if (s.exclusiveMaximum && compare(n, s.exclusiveMaximum) >= 0) {
    addError(c, { k: 'exclusiveMaximum', got: n, want: s.exclusiveMaximum });
  }
  if (s.multipleOf && s.multipleOf.value !== 0 && !isMultiple(n, s.multipleOf)) {
    addError(c, { k: 'multipleOf', got: n, want: s.multipleOf });
  }
}
