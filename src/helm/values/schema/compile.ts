/**
 * Compiles values.schema.json into linked schema nodes, keyword by keyword as the validator
 * helm uses does for each draft: before 2019-09 a `$ref` hides its siblings; formats are
 * asserted only before 2019-09; `if` true/false keeps only `then`/`else`. Every `$ref` is
 * resolved up front, so a broken one fails even where the values never reach it.
 */
import { compileGoRegexp, GoRegexpError, type GoRegexp } from '../../../gotemplate/sprig/go-regexp.js';
import { DEFAULT_DRAFT, draftOf, type Draft } from './draft.js';
import { FORMATS, type FormatCheck } from './formats.js';
import { isSObject, JsonNumber, type SJson, type SObject } from './json.js';
import { DOC_URL, escapeToken, RefError, SchemaDocument, valueAt } from './resources.js';
import { typeBits, typeOfValue } from './types.js';

export interface Schema {
  loc: string;
  ptr: string;
  draft: Draft;
  bool?: boolean;
  ref?: Schema;
  recursiveRef?: Schema;
  recursiveAnchor?: boolean;
  dynamicRef?: { ref: Schema; anchor: string };
  dynamicAnchor?: string;
  types?: number;
  enum?: { values: SJson[]; types: number };
  const?: { value: SJson };
  format?: { name: string; check: FormatCheck };
  not?: Schema;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  if?: Schema;
  then?: Schema;
  else?: Schema;
  minProperties?: number;
  maxProperties?: number;
  required?: string[];
  propertyNames?: Schema;
  properties?: Map<string, Schema>;
  patternProperties?: { re: GoRegexp; schema: Schema }[];
  additionalProperties?: boolean | Schema;
  dependencies?: Map<string, string[] | Schema>;
  dependentRequired?: Map<string, string[]>;
  dependentSchemas?: Map<string, Schema>;
  unevaluatedProperties?: Schema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  contains?: Schema;
  minContains?: number;
  maxContains?: number;
  items?: Schema | Schema[];
  additionalItems?: boolean | Schema;
  prefixItems?: Schema[];
  items2020?: Schema;
  unevaluatedItems?: Schema;
  minLength?: number;
  maxLength?: number;
  pattern?: { source: string; re: GoRegexp };
  minimum?: JsonNumber;
  maximum?: JsonNumber;
  exclusiveMinimum?: JsonNumber;
  exclusiveMaximum?: JsonNumber;
  multipleOf?: JsonNumber;
}

/** A schema the validator refuses to compile; `message` is its text where it has one. */
export class SchemaCompileError extends Error {
  override readonly name = 'SchemaCompileError';
  constructor(
    message: string,
    readonly remoteRef?: string,
  ) {
    super(message);
  }
}

const num = (v: SJson | undefined): JsonNumber | undefined => (v instanceof JsonNumber ? v : undefined);
const int = (v: SJson | undefined): number | undefined => {
  const n = num(v);
  return n && Number.isInteger(n.value) ? n.value : undefined;
};
const strings = (v: SJson | undefined): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

class Compiler {
  private readonly nodes = new Map<string, Schema>();
  constructor(private readonly doc: SchemaDocument) {}

  at(ptr: string): Schema {
    const hit = this.nodes.get(ptr);
    if (hit) return hit;
    const node: Schema = { loc: `${DOC_URL}#${ptr}`, ptr, draft: this.doc.draft };
    this.nodes.set(ptr, node);
    const json = valueAt(this.doc.root, ptr);
    if (typeof json === 'boolean') node.bool = json;
    else if (isSObject(json)) this.fill(node, json);
    return node;
  }

  private ref(ref: string, ptr: string): Schema {
    let target;
    try {
      target = this.doc.resolve(ref, ptr);
    } catch (e) {
      if (e instanceof RefError) throw new SchemaCompileError(e.message, e.remote ? e.message : undefined);
      throw e;
    }
    return target.permissive ? { loc: ref, ptr: '', draft: this.doc.draft, bool: true } : this.at(target.ptr);
  }

  private regexp(source: string, ptr: string): GoRegexp {
    try {
      return compileGoRegexp(source);
    } catch (e) {
      if (!(e instanceof GoRegexpError)) throw e;
      throw new SchemaCompileError(
        `"${DOC_URL}#" is not valid against metaschema: jsonschema validation failed with ` +
          `'${metaschemaName(this.doc.draft)}'\n- at '${ptr}': '${source}' is not valid regex: ${e.message}`,
      );
    }
  }

  private fill(s: Schema, o: SObject): void {
    const p = s.ptr;
    const sub = (kw: string): Schema | undefined =>
      kw in o ? this.at(`${p}/${escapeToken(kw)}`) : undefined;
    const list = (kw: string): Schema[] | undefined => {
      const v = o[kw];
      return Array.isArray(v) ? v.map((_, i) => this.at(`${p}/${escapeToken(kw)}/${i}`)) : undefined;
    };
    const map = (kw: string): Map<string, Schema> | undefined => {
      const v = o[kw];
      if (!isSObject(v)) return undefined;
      return new Map(Object.keys(v).map((k) => [k, this.at(`${p}/${escapeToken(kw)}/${escapeToken(k)}`)]));
    };
    const additional = (kw: string): boolean | Schema | undefined =>
      typeof o[kw] === 'boolean' ? (o[kw] as boolean) : sub(kw);
    const d = s.draft;
    if (typeof o.$ref === 'string') {
      s.ref = this.ref(o.$ref, p);
      if (d < 2019) return; // all other keywords beside "$ref" are ignored
    }
    s.allOf = list('allOf');
    s.anyOf = list('anyOf');
    s.oneOf = list('oneOf');
    s.not = sub('not');
    if (d < 2020 && 'items' in o) {
      if (Array.isArray(o.items)) {
        s.items = list('items');
        s.additionalItems = additional('additionalItems');
      } else s.items = sub('items');
    }
    s.properties = map('properties');
    const pp = map('patternProperties');
    if (pp) {
      s.patternProperties = [...pp].map(([k, schema]) => ({
        re: this.regexp(k, `${p}/patternProperties`),
        schema,
      }));
    }
    s.additionalProperties = additional('additionalProperties');
    if (isSObject(o.dependencies)) {
      s.dependencies = new Map();
      for (const [k, v] of Object.entries(o.dependencies)) {
        s.dependencies.set(k, Array.isArray(v) ? strings(v) : this.at(`${p}/dependencies/${escapeToken(k)}`));
      }
    }
    if ('type' in o) {
      const bits = typeBits(typeof o.type === 'string' ? [o.type] : strings(o.type));
      if (bits !== 0) s.types = bits;
    }
    if (Array.isArray(o.enum)) {
      s.enum = { values: o.enum, types: o.enum.reduce<number>((t, v) => t | typeOfValue(v), 0) };
    }
    s.multipleOf = num(o.multipleOf);
    s.maximum = num(o.maximum);
    if (o.exclusiveMaximum === true) [s.exclusiveMaximum, s.maximum] = [s.maximum, undefined];
    else s.exclusiveMaximum = num(o.exclusiveMaximum);
    s.minimum = num(o.minimum);
    if (o.exclusiveMinimum === true) [s.exclusiveMinimum, s.minimum] = [s.minimum, undefined];
    else s.exclusiveMinimum = num(o.exclusiveMinimum);
    s.minLength = int(o.minLength);
    s.maxLength = int(o.maxLength);
    if (typeof o.pattern === 'string')
      s.pattern = { source: o.pattern, re: this.regexp(o.pattern, `${p}/pattern`) };
    s.minItems = int(o.minItems);
    s.maxItems = int(o.maxItems);
    s.uniqueItems = o.uniqueItems === true;
    s.minProperties = int(o.minProperties);
    s.maxProperties = int(o.maxProperties);
    if (Array.isArray(o.required)) s.required = strings(o.required);
    if (d < 2019 && typeof o.format === 'string') {
      const check = FORMATS[o.format];
      if (check) s.format = { name: o.format, check };
    }
    if (d >= 6) {
      s.contains = sub('contains');
      s.propertyNames = sub('propertyNames');
      if ('const' in o) s.const = { value: o.const as SJson };
    }
    if (d >= 7 && 'if' in o) {
      s.if = sub('if');
      if (o.if !== false) s.then = sub('then');
      if (o.if !== true) s.else = sub('else');
    }
    if (d >= 2019) this.fill2019(s, o, sub, map);
    if (d >= 2020) {
      if (typeof o.$dynamicRef === 'string') {
        const hash = o.$dynamicRef.indexOf('#');
        const frag = hash < 0 ? '' : o.$dynamicRef.slice(hash + 1);
        s.dynamicRef = { ref: this.ref(o.$dynamicRef, p), anchor: frag.startsWith('/') ? '' : frag };
      }
      if (typeof o.$dynamicAnchor === 'string') s.dynamicAnchor = o.$dynamicAnchor;
      s.prefixItems = list('prefixItems');
      s.items2020 = sub('items');
    }
  }

  private fill2019(
    s: Schema,
    o: SObject,
    sub: (kw: string) => Schema | undefined,
    map: (kw: string) => Map<string, Schema> | undefined,
  ): void {
    if (typeof o.$recursiveRef === 'string') s.recursiveRef = this.ref(o.$recursiveRef, s.ptr);
    s.recursiveAnchor = o.$recursiveAnchor === true;
    if (s.contains) {
      s.minContains = int(o.minContains);
      s.maxContains = int(o.maxContains);
    }
    if (isSObject(o.dependentRequired)) {
      s.dependentRequired = new Map();
      for (const [k, v] of Object.entries(o.dependentRequired)) {
        if (Array.isArray(v)) s.dependentRequired.set(k, strings(v));
      }
    }
    s.dependentSchemas = map('dependentSchemas');
    s.unevaluatedItems = sub('unevaluatedItems');
    s.unevaluatedProperties = sub('unevaluatedProperties');
  }
}

function metaschemaName(draft: Draft): string {
  if (draft === 2020) return 'https://json-schema.org/draft/2020-12/schema#';
  if (draft === 2019) return 'https://json-schema.org/draft/2019-09/schema#';
  return `http://json-schema.org/draft-0${draft}/schema#`;
}

export interface CompiledSchema {
  root: Schema;
  doc: SchemaDocument;
  /** The node of the schema at a pointer of the document. */
  at(ptr: string): Schema;
}

/** Compiles a parsed values.schema.json. Throws SchemaCompileError. */
export function compileSchema(json: SJson): CompiledSchema {
  let draft: Draft = DEFAULT_DRAFT;
  if (isSObject(json) && typeof json.$schema === 'string') {
    const found = draftOf(json.$schema);
    if (found === undefined) throw new SchemaCompileError(json.$schema, json.$schema);
    draft = found;
  }
  if (!isSObject(json) && typeof json !== 'boolean') {
    throw new SchemaCompileError(
      `"${DOC_URL}#" is not valid against metaschema: jsonschema validation failed with ` +
        `'${metaschemaName(draft)}'\n- at '': got ${typeName(json)}, want boolean or object`,
    );
  }
  const doc = new SchemaDocument(json, draft);
  const compiler = new Compiler(doc);
  const root = compiler.at('');
  return { root, doc, at: (ptr) => compiler.at(ptr) };
}

function typeName(v: SJson): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (v instanceof JsonNumber) return 'number';
  return typeof v;
}
