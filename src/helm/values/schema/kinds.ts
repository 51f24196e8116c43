/**
 * The kinds of validation error and their text, word for word as the validator helm uses
 * prints them in English (numbers through golang.org/x/text: `1,000`, `1.5×10⁻⁰⁷`).
 */
import { display, joinQuoted, localFloat, localInt, sq } from './go-text.js';
import { JsonNumber, type SJson } from './json.js';

type Num = number | JsonNumber;
const f = (n: Num): string => localFloat(n instanceof JsonNumber ? n.value : n);

export type Kind =
  | { k: 'group' }
  | { k: 'reference' }
  | { k: 'false' }
  | { k: 'cycle'; url: string; loc1: string; loc2: string }
  | { k: 'invalidValue'; type: string }
  | { k: 'type'; got: string; want: string[] }
  | { k: 'const'; want: SJson }
  | { k: 'enum'; want: SJson[] }
  | { k: 'format'; got: unknown; want: string; err: string }
  | { k: 'not' | 'allOf' | 'anyOf' | 'contains' }
  | { k: 'oneOf'; matched?: [number, number] }
  | {
      k: 'minProperties' | 'maxProperties' | 'minItems' | 'maxItems' | 'minLength' | 'maxLength';
      got: number;
      want: number;
    }
  | { k: 'additionalItems'; count: number }
  | { k: 'required'; missing: string[] }
  | { k: 'dependency' | 'dependentRequired'; prop: string; missing: string[] }
  | { k: 'additionalProperties'; props: string[] }
  | { k: 'propertyNames'; prop: string }
  | { k: 'uniqueItems'; i: number; j: number }
  | { k: 'minContains' | 'maxContains'; got: number[]; want: number }
  | { k: 'pattern'; got: string; want: string }
  | {
      k: 'minimum' | 'maximum' | 'exclusiveMinimum' | 'exclusiveMaximum' | 'multipleOf';
      got: Num;
      want: Num;
    };

const isComposite = (v: SJson): boolean => typeof v === 'object' && v !== null && !(v instanceof JsonNumber);

export function kindMessage(kind: Kind): string {
  switch (kind.k) {
    case 'group':
    case 'reference':
      return 'validation failed';
    case 'false':
      return 'false schema';
    case 'cycle':
      return `both ${kind.loc1} and ${kind.loc2} resolve to ${JSON.stringify(kind.url)} causing reference cycle`;
    case 'invalidValue':
      return `invalid jsonType ${kind.type}`;
    case 'type':
      return `got ${kind.got}, want ${kind.want.join(' or ')}`;
    case 'const':
      return isComposite(kind.want) ? "'const' failed" : `value must be ${display(kind.want)}`;
    case 'enum':
      if (kind.want.some(isComposite)) return "'enum' failed";
      if (kind.want.length === 1) return `value must be ${display(kind.want[0])}`;
      return `value must be one of ${kind.want.map((v) => display(v)).join(', ')}`;
    case 'format':
      return `${display(kind.got)} is not valid ${kind.want}: ${kind.err}`;
    case 'not':
    case 'allOf':
    case 'anyOf':
      return `'${kind.k}' failed`;
    case 'contains':
      return 'no items match contains schema';
    case 'oneOf':
      return kind.matched
        ? `'oneOf' failed, subschemas ${localInt(kind.matched[0])}, ${localInt(kind.matched[1])} matched`
        : "'oneOf' failed, none matched";
    case 'minProperties':
    case 'maxProperties':
    case 'minItems':
    case 'maxItems':
    case 'minLength':
    case 'maxLength':
      return `${kind.k}: got ${localInt(kind.got)}, want ${localInt(kind.want)}`;
    case 'additionalItems':
      return `last ${localInt(kind.count)} additionalItem(s) not allowed`;
    case 'required':
      return kind.missing.length === 1
        ? `missing property ${sq(kind.missing[0] as string)}`
        : `missing properties ${joinQuoted(kind.missing)}`;
    case 'dependency':
    case 'dependentRequired':
      return `properties ${joinQuoted(kind.missing)} required, if ${sq(kind.prop)} exists`;
    case 'additionalProperties':
      return `additional properties ${joinQuoted(kind.props)} not allowed`;
    case 'propertyNames':
      return `invalid propertyName ${sq(kind.prop)}`;
    case 'uniqueItems':
      return `items at ${localInt(kind.i)} and ${localInt(kind.j)} are equal`;
    case 'minContains':
      return kind.got.length === 0
        ? `min ${localInt(kind.want)} items required to match contains schema, but none matched`
        : `min ${localInt(kind.want)} items required to match contains schema, but matched ${localInt(kind.got.length)} items at ${kind.got.join(' ')}`;
    case 'maxContains':
      return `max ${localInt(kind.want)} items required to match contains schema, but matched ${localInt(kind.got.length)} items at ${kind.got.join(' ')}`;
    case 'pattern':
      return `${sq(kind.got)} does not match pattern ${sq(kind.want)}`;
    default:
      return `${kind.k}: got ${f(kind.got)}, want ${f(kind.want)}`;
  }
}
