/**
 * The functions helm v4's engine adds to sprig's (pkg/engine funcs.go and engine.go): YAML,
 * JSON and TOML conversions, `include` / `tpl` bound to the executing template set,
 * `required`, `fail`, an offline `lookup`, and `getHostByName` without DNS. Helm also removes
 * sprig's `env` and `expandenv` ({@link REMOVED_SPRIG_FUNCS}).
 */
import { JsonMarshalError, jsonMarshal } from '../go-json.js';
import type { Templates } from '../template.js';
import { GoCallError, newMap, type FuncMap, type GoFunc, type GoMap, type GoValue } from '../value.js';
import { warnWrap } from './errors.js';
import { fromJson, fromJsonArray } from './from-json.js';
import { fromToml } from './from-toml.js';
import { fromYaml, fromYamlArray } from './from-yaml.js';
import { templateFuncs } from './include-tpl.js';
import { marshalYaml } from './to-yaml.js';
import { marshalYamlPretty } from './to-yaml-pretty.js';
import { encodeToml, TomlError } from './toml.js';

/** Sprig functions helm deletes from the map it gives templates. */
export const REMOVED_SPRIG_FUNCS: readonly string[] = ['env', 'expandenv'];

/** What `lookup` answers for (apiVersion, kind, namespace, name); helm template gives `{}`. */
export type LookupFunction = (apiVersion: string, kind: string, namespace: string, name: string) => GoMap;

export interface HelmFuncOptions {
  /** Lint mode: `required` and `fail` return "" instead of failing. */
  lintMode?: boolean;
  /** A cluster-backed lookup; offline (the default) every lookup is an empty map. */
  lookup?: LookupFunction;
  /** The set's root template name, which `tpl` templates are named after (helm: `gotpl`). */
  rootName?: string;
}

export interface HelmFuncContext {
  /** The template set the functions run in (the chart's; `tpl` binds its own copies). */
  templates: () => Templates;
  options?: HelmFuncOptions;
}

function fn(params: string[], result: string, body: GoFunc['fn']): GoFunc {
  return { params, result, fn: body };
}

function swallow(convert: (v: GoValue) => string): (v: GoValue) => string {
  return (v) => {
    try {
      return convert(v);
    } catch (e) {
      if (e instanceof JsonMarshalError) return '';
      throw e;
    }
  };
}

// mustTo* panic with the marshal error; text/template turns the panic into the call's error.
function mustConvert(convert: (v: GoValue) => string): (v: GoValue) => string {
  return (v) => {
    try {
      return convert(v);
    } catch (e) {
      if (e instanceof JsonMarshalError || e instanceof TomlError) throw new GoCallError(e.message);
      throw e;
    }
  };
}

function toToml(v: GoValue): string {
  try {
    return encodeToml(v);
  } catch (e) {
    if (e instanceof TomlError) return e.message;
    throw new GoCallError((e as Error).message);
  }
}

function mustToToml(v: GoValue): string {
  try {
    return encodeToml(v);
  } catch (e) {
    throw new GoCallError((e as Error).message);
  }
}

const toJsonText = (v: GoValue): string => jsonMarshal(v === undefined ? null : v);

/** Conversions that need no template set. */
export const conversionFuncs: FuncMap = {
  toYaml: fn(['interface {}'], 'string', swallow(marshalYaml)),
  mustToYaml: fn(['interface {}'], 'string', mustConvert(marshalYaml)),
  toYamlPretty: fn(['interface {}'], 'string', marshalYamlPretty),
  fromYaml: fn(['string'], 'map[string]interface {}', (s) => fromYaml(s as string)),
  fromYamlArray: fn(['string'], '[]interface {}', (s) => fromYamlArray(s as string)),
  toJson: fn(['interface {}'], 'string', swallow(toJsonText)),
  mustToJson: fn(['interface {}'], 'string', mustConvert(toJsonText)),
  fromJson: fn(['string'], 'map[string]interface {}', (s) => fromJson(s as string)),
  fromJsonArray: fn(['string'], '[]interface {}', (s) => fromJsonArray(s as string)),
  toToml: fn(['interface {}'], 'string', toToml),
  mustToToml: fn(['interface {}'], 'string', mustToToml),
  fromToml: fn(['string'], 'map[string]interface {}', (s) => fromToml(s as string)),
};

/**
 * helm's functions for a chart's template set (to be added over sprig's). `templates` (or the
 * context's) returns the set they run in, which exists only once the function map does.
 */
export function helmFuncs(ctx: HelmFuncContext | (() => Templates), extra?: HelmFuncOptions): FuncMap {
  if (typeof ctx === 'function') ctx = { templates: ctx, options: extra };
  const options = ctx.options ?? {};
  const lint = options.lintMode ?? false;
  const state = { included: new Map<string, number>(), rootName: options.rootName ?? 'gotpl' };
  return {
    ...conversionFuncs,
    ...templateFuncs(ctx.templates, state),
    required: fn(['string', 'interface {}'], 'interface {}', (warn, val) => {
      if (val !== undefined && val !== null && val !== '') return val;
      if (lint) return '';
      throw new GoCallError(warnWrap(warn as string));
    }),
    fail: fn(['string'], 'string', (msg) => {
      if (lint) return '';
      throw new GoCallError(warnWrap(msg as string));
    }),
    lookup: fn(['string', 'string', 'string', 'string'], 'map[string]interface {}', (a, k, ns, n) =>
      options.lookup ? options.lookup(a as string, k as string, ns as string, n as string) : newMap(),
    ),
    getHostByName: fn(['string'], 'string', () => ''),
  };
}
