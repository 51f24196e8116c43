/**
 * `$ref` targets inside values.schema.json: the document and every subschema with an `$id`
 * are resources; fragments are JSON pointers or anchors (`$id: "#a"` before 2019-09,
 * `$anchor`/`$dynamicAnchor` after). Nothing outside the document is ever loaded: a `$ref`
 * to another file or URL is reported, never fetched (helm would read the file or the network).
 */
import { idKeyword, subschemaKeywords, type Draft } from './draft.js';
import { isSObject, type SJson } from './json.js';

export const DOC_URL = 'file:///values.schema.json';

/** A `$ref` the document cannot satisfy; `message` is the validator's text where it has one. */
export class RefError extends Error {
  override readonly name = 'RefError';
  constructor(
    message: string,
    /** The reference points outside the document (a file or a URL). */
    readonly remote = false,
  ) {
    super(message);
  }
}

export interface Target {
  /** Pointer of the target from the document root. */
  ptr: string;
  /** A `urn:` reference helm replaces with an always-valid schema. */
  permissive?: boolean;
}

function splitUrl(u: string): [string, string] {
  const i = u.indexOf('#');
  return i < 0 ? [u, ''] : [u.slice(0, i), u.slice(i + 1)];
}

function resolveUrl(base: string, ref: string): string {
  if (ref.startsWith('#')) return splitUrl(base)[0] + ref;
  try {
    return new URL(ref, base).href;
  } catch {
    return ref;
  }
}

export function escapeToken(t: string): string {
  return t.replaceAll('~', '~0').replaceAll('/', '~1');
}

function unescapeToken(t: string): string {
  return t.replaceAll('~1', '/').replaceAll('~0', '~');
}

export function valueAt(root: SJson, ptr: string): SJson | undefined {
  if (ptr === '') return root;
  let cur: SJson | undefined = root;
  for (const raw of ptr.slice(1).split('/')) {
    const tok = unescapeToken(raw);
    if (Array.isArray(cur)) cur = /^(0|[1-9]\d*)$/.test(tok) ? cur[Number(tok)] : undefined;
    else if (isSObject(cur)) cur = Object.hasOwn(cur, tok) ? cur[tok] : undefined;
    else return undefined;
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** The resources and anchors of one schema document. */
export class SchemaDocument {
  /** Resource URL (no fragment) → pointer of the resource. */
  private readonly resources = new Map<string, string>();
  /** Pointer of a schema → the base URL in force there. */
  private readonly bases = new Map<string, string>();
  private readonly anchors = new Map<string, string>();

  constructor(
    readonly root: SJson,
    readonly draft: Draft,
  ) {
    this.resources.set(DOC_URL, '');
    this.scan(root, '', DOC_URL);
  }

  private scan(node: SJson, ptr: string, base: string): void {
    this.bases.set(ptr, base);
    if (!isSObject(node)) return;
    const id = node[idKeyword(this.draft)];
    if (typeof id === 'string' && !(this.draft <= 7 && '$ref' in node)) {
      const [url, frag] = splitUrl(resolveUrl(base, id));
      if (url !== '' && url !== splitUrl(base)[0]) {
        this.resources.set(url, ptr);
        base = url;
        this.bases.set(ptr, base);
      }
      if (this.draft <= 7 && frag !== '' && !frag.startsWith('/')) this.anchors.set(`${base}#${frag}`, ptr);
    }
    if (this.draft >= 2019 && typeof node.$anchor === 'string')
      this.anchors.set(`${base}#${node.$anchor}`, ptr);
    if (this.draft >= 2020 && typeof node.$dynamicAnchor === 'string') {
      this.anchors.set(`${base}#${node.$dynamicAnchor}`, ptr);
    }
    for (const [kw, pos] of Object.entries(subschemaKeywords(this.draft))) {
      const v = node[kw];
      if (v === undefined) continue;
      const at = `${ptr}/${escapeToken(kw)}`;
      if (pos.self && (isSObject(v) || typeof v === 'boolean')) this.scan(v, at, base);
      if (pos.list && Array.isArray(v)) v.forEach((item, i) => this.scan(item, `${at}/${i}`, base));
      if (pos.map && isSObject(v)) {
        for (const [k, item] of Object.entries(v)) this.scan(item, `${at}/${escapeToken(k)}`, base);
      }
    }
  }

  baseAt(ptr: string): string {
    return this.bases.get(ptr) ?? DOC_URL;
  }

  /** Resolves `ref` written in the schema at `ptr`. */
  resolve(ref: string, ptr: string): Target {
    const full = resolveUrl(this.baseAt(ptr), ref);
    const [url, rawFrag] = splitUrl(full);
    const resPtr = this.resources.get(url);
    if (resPtr === undefined) {
      if (url.startsWith('urn:')) return { ptr: '', permissive: true };
      throw new RefError(url, true);
    }
    let frag: string;
    try {
      frag = decodeURIComponent(rawFrag);
    } catch {
      frag = rawFrag;
    }
    if (frag === '' || frag.startsWith('/')) {
      const target = resPtr + frag;
      if (valueAt(this.root, target) === undefined) {
        throw new RefError(`json-pointer in "${url}#${rawFrag}" not found`);
      }
      return { ptr: target };
    }
    const anchored = this.anchors.get(`${url}#${frag}`);
    if (anchored === undefined)
      throw new RefError(`anchor in "${url}#${rawFrag}" not found in schema "${url}"`);
    return { ptr: anchored };
  }

  /** The `$dynamicAnchor` named `name` in the resource holding `ptr`, if any. */
  dynamicAnchorIn(ptr: string, name: string): string | undefined {
    const target = this.anchors.get(`${this.baseAt(ptr)}#${name}`);
    if (target === undefined) return undefined;
    const node = valueAt(this.root, target);
    return isSObject(node) && node.$dynamicAnchor === name ? target : undefined;
  }

  /** Whether the resource holding `ptr` declares `$recursiveAnchor: true` at its root. */
  recursiveAnchorAt(ptr: string): string | undefined {
    const resPtr = this.resources.get(this.baseAt(ptr));
    if (resPtr === undefined) return undefined;
    const node = valueAt(this.root, resPtr);
    return isSObject(node) && node.$recursiveAnchor === true ? resPtr : undefined;
  }
}
