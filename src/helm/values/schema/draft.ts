/**
 * JSON Schema drafts as the validator knows them: `$schema` names one (http or https, with or
 * without a trailing `#`), no `$schema` means 2020-12, and each draft has its own id keyword
 * and places where subschemas live (for finding `$id`s and anchors).
 */
export type Draft = 4 | 6 | 7 | 2019 | 2020;

export const DEFAULT_DRAFT: Draft = 2020;

const DRAFTS: Readonly<Record<string, Draft>> = {
  'https://json-schema.org/schema': 2020,
  'https://json-schema.org/draft/2020-12/schema': 2020,
  'https://json-schema.org/draft/2019-09/schema': 2019,
  'https://json-schema.org/draft-07/schema': 7,
  'https://json-schema.org/draft-06/schema': 6,
  'https://json-schema.org/draft-04/schema': 4,
};

/** The draft a `$schema` URL names, or undefined for any other URL. */
export function draftOf(url: string): Draft | undefined {
  let u = url.startsWith('http://') ? `https://${url.slice('http://'.length)}` : url;
  if (u.endsWith('#') || u.endsWith('#/')) u = u.slice(0, u.indexOf('#'));
  return DRAFTS[u];
}

/** The metaschema URL errors name for a draft (as the validator prints it). */
export function metaschemaUrl(draft: Draft): string {
  if (draft === 2020) return 'https://json-schema.org/draft/2020-12/schema#';
  if (draft === 2019) return 'https://json-schema.org/draft/2019-09/schema#';
  return `http://json-schema.org/draft-0${draft}/schema#`;
}

export function idKeyword(draft: Draft): string {
  return draft === 4 ? 'id' : '$id';
}

/** How a keyword holds subschemas: itself, a map of them, a list of them. */
export interface Positions {
  self?: boolean;
  map?: boolean;
  list?: boolean;
}

const BASE: Record<string, Positions> = {
  definitions: { map: true },
  not: { self: true },
  allOf: { list: true },
  anyOf: { list: true },
  oneOf: { list: true },
  properties: { map: true },
  additionalProperties: { self: true },
  patternProperties: { map: true },
  items: { self: true, list: true },
  additionalItems: { self: true },
  dependencies: { map: true },
};

export function subschemaKeywords(draft: Draft): Readonly<Record<string, Positions>> {
  const out: Record<string, Positions> = { ...BASE };
  if (draft >= 6) Object.assign(out, { propertyNames: { self: true }, contains: { self: true } });
  if (draft >= 7) Object.assign(out, { if: { self: true }, then: { self: true }, else: { self: true } });
  if (draft >= 2019) {
    Object.assign(out, {
      $defs: { map: true },
      dependentSchemas: { map: true },
      unevaluatedProperties: { self: true },
      unevaluatedItems: { self: true },
    });
  }
  if (draft >= 2020) out.prefixItems = { list: true };
  return out;
}
