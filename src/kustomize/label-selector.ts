/**
 * Kubernetes label-selector strings (`a=b,c in (x,y),!d`) as kustomize parses them for
 * `labelSelector` / `annotationSelector`: the apimachinery lexer and parser, including its
 * validation of keys and values, so a selector kustomize rejects is rejected here too.
 */

export type LabelOperator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

export interface LabelRequirement {
  key: string;
  operator: LabelOperator;
  values: string[];
}

/** Thrown for a malformed selector; callers turn it into a diagnostic with their own context. */
export class LabelSelectorError extends Error {
  override name = 'LabelSelectorError';
}

type TokenKind = 'id' | 'end' | '(' | ')' | ',' | '!' | '=' | '==' | '!=' | '>' | '<' | 'in' | 'notin';
interface Token {
  kind: TokenKind;
  text: string;
}

const SPECIAL = new Set(['=', '!', '(', ')', ',', '>', '<']);
const SYMBOLS: readonly TokenKind[] = ['!=', '==', '!', '(', ')', ',', '=', '>', '<'];
const WHITESPACE = new Set([' ', '\t', '\r', '\n']);

function lex(input: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i] as string;
    if (WHITESPACE.has(c)) {
      i++;
      continue;
    }
    if (SPECIAL.has(c)) {
      // longest symbol first ('!=' before '!', '==' before '=')
      const sym = SYMBOLS.find((s) => input.startsWith(s, i)) as TokenKind;
      out.push({ kind: sym, text: sym });
      i += sym.length;
      continue;
    }
    let j = i;
    while (j < input.length && !WHITESPACE.has(input[j] as string) && !SPECIAL.has(input[j] as string)) j++;
    const word = input.slice(i, j);
    out.push({ kind: word === 'in' ? 'in' : word === 'notin' ? 'notin' : 'id', text: word });
    i = j;
  }
  out.push({ kind: 'end', text: '' });
  return out;
}

const NAME_RE = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS1123_SUBDOMAIN_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function validateKey(key: string): void {
  const slash = key.split('/');
  let name = key;
  if (slash.length === 2) {
    const prefix = slash[0] as string;
    name = slash[1] as string;
    if (prefix.length === 0)
      throw new LabelSelectorError(`key: Invalid value: "${key}": prefix part must be non-empty`);
    if (prefix.length > 253 || !DNS1123_SUBDOMAIN_RE.test(prefix)) {
      throw new LabelSelectorError(
        `key: Invalid value: "${key}": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
      );
    }
  } else if (slash.length > 2) {
    throw new LabelSelectorError(
      `key: Invalid value: "${key}": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character with an optional DNS subdomain prefix and '/'`,
    );
  }
  if (name.length === 0)
    throw new LabelSelectorError(`key: Invalid value: "${key}": name part must be non-empty`);
  if (name.length > 63) {
    throw new LabelSelectorError(
      `key: Invalid value: "${key}": name part must be no more than 63 characters`,
    );
  }
  if (!NAME_RE.test(name)) {
    throw new LabelSelectorError(
      `key: Invalid value: "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`,
    );
  }
}

function validateValue(value: string): void {
  if (value === '') return;
  if (value.length > 63) {
    throw new LabelSelectorError(`values: Invalid value: "${value}": must be no more than 63 characters`);
  }
  if (!NAME_RE.test(value)) {
    throw new LabelSelectorError(
      `values: Invalid value: "${value}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`,
    );
  }
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  /** In value position the keywords `in`/`notin` are plain identifiers. */
  private peek(values: boolean): Token {
    const t = this.tokens[this.pos] as Token;
    return values && (t.kind === 'in' || t.kind === 'notin') ? { kind: 'id', text: t.text } : t;
  }

  private next(values: boolean): Token {
    const t = this.peek(values);
    if (this.pos < this.tokens.length - 1) this.pos++;
    return t;
  }

  parse(): LabelRequirement[] {
    const out: LabelRequirement[] = [];
    for (;;) {
      const t = this.peek(true);
      if (t.kind === 'end') return out;
      if (t.kind !== 'id' && t.kind !== '!') {
        throw new LabelSelectorError(`found '${t.text}', expected: !, identifier, or 'end of string'`);
      }
      out.push(this.requirement());
      const sep = this.next(true);
      if (sep.kind === 'end') return out;
      if (sep.kind !== ',')
        throw new LabelSelectorError(`found '${sep.text}', expected: ',' or 'end of string'`);
      const after = this.peek(true);
      if (after.kind !== 'id' && after.kind !== '!') {
        throw new LabelSelectorError(`found '${after.text}', expected: identifier after ','`);
      }
    }
  }

  private requirement(): LabelRequirement {
    let t = this.next(true);
    let negated = false;
    if (t.kind === '!') {
      negated = true;
      t = this.next(true);
    }
    if (t.kind !== 'id')
      throw new LabelSelectorError(`unable to parse requirement: found '${t.text}', expected: identifier`);
    const key = t.text;
    wrap(() => validateKey(key));
    const la = this.peek(true).kind;
    if (negated || la === 'end' || la === ',') {
      return { key, operator: negated ? '!' : 'exists', values: [] };
    }
    const op = this.next(false);
    let operator: LabelOperator;
    switch (op.kind) {
      case 'in':
      case 'notin':
      case '=':
      case '==':
      case '!=':
        operator = op.kind;
        break;
      case '>':
        operator = 'gt';
        break;
      case '<':
        operator = 'lt';
        break;
      default:
        throw new LabelSelectorError(
          `unable to parse requirement: found '${op.text}', expected: in, notin, =, ==, !=, gt, lt`,
        );
    }
    const values = operator === 'in' || operator === 'notin' ? this.valueSet() : [this.exactValue()];
    if ((operator === 'in' || operator === 'notin') && values.length === 0) {
      throw new LabelSelectorError("for 'in', 'notin' operators, values set can't be empty");
    }
    if (operator === 'gt' || operator === 'lt') {
      if (!/^[+-]?\d+$/.test(values[0] as string)) {
        throw new LabelSelectorError(`for 'Gt', 'Lt' operators, the value must be an integer`);
      }
    } else {
      for (const v of values) wrap(() => validateValue(v));
    }
    return { key, operator, values };
  }

  private exactValue(): string {
    const la = this.peek(true);
    if (la.kind === 'end' || la.kind === ',') return '';
    const t = this.next(true);
    if (t.kind === 'id') return t.text;
    throw new LabelSelectorError(`unable to parse requirement: found '${t.text}', expected: identifier`);
  }

  private valueSet(): string[] {
    const open = this.next(true);
    if (open.kind !== '(')
      throw new LabelSelectorError(`unable to parse requirement: found '${open.text}' expected: '('`);
    const la = this.peek(true);
    if (la.kind === ')') {
      this.next(true);
      return [''];
    }
    if (la.kind !== 'id' && la.kind !== ',') {
      throw new LabelSelectorError(
        `unable to parse requirement: found '${la.text}', expected: ',', ')' or identifier`,
      );
    }
    const set = new Set<string>();
    for (;;) {
      const t = this.next(true);
      if (t.kind === 'id') {
        set.add(t.text);
        const n = this.peek(true);
        if (n.kind === ',') continue;
        if (n.kind === ')') break;
        throw new LabelSelectorError(`unable to parse requirement: found '${n.text}', expected: ',' or ')'`);
      } else if (t.kind === ',') {
        // "(,a" "a,)" and "a,,b" all carry an empty value
        if (set.size === 0) set.add('');
        const n = this.peek(true);
        if (n.kind === ')') {
          set.add('');
          break;
        }
        if (n.kind === ',') {
          this.next(true);
          set.add('');
        }
      } else {
        throw new LabelSelectorError(
          `unable to parse requirement: found '${t.text}', expected: ',', or identifier`,
        );
      }
    }
    const close = this.next(true);
    if (close.kind !== ')')
      throw new LabelSelectorError(`unable to parse requirement: found '${close.text}', expected: ')'`);
    return [...set].sort();
  }
}

function wrap(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (e instanceof LabelSelectorError)
      throw new LabelSelectorError(`unable to parse requirement: ${e.message}`);
    throw e;
  }
}

const cache = new Map<string, LabelRequirement[]>();

/** Parses (and caches) a selector string; '' selects everything. Throws LabelSelectorError. */
export function parseLabelSelector(text: string): readonly LabelRequirement[] {
  let reqs = cache.get(text);
  if (!reqs) {
    reqs = new Parser(lex(text)).parse();
    cache.set(text, reqs);
  }
  return reqs;
}

function requirementMatches(r: LabelRequirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.hasOwn(labels, r.key);
  const value = labels[r.key];
  switch (r.operator) {
    case '=':
    case '==':
    case 'in':
      return has && r.values.includes(value as string);
    case '!=':
    case 'notin':
      return !has || !r.values.includes(value as string);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has || !/^[+-]?\d+$/.test(value as string)) return false;
      const have = Number(value);
      const want = Number(r.values[0]);
      return r.operator === 'gt' ? have > want : have < want;
    }
  }
}

export function matchesLabelRequirements(
  reqs: readonly LabelRequirement[],
  labels: Readonly<Record<string, string>>,
): boolean {
  return reqs.every((r) => requirementMatches(r, labels));
}

/** Parses `selector` and tests it against `labels`. */
export function matchesLabelSelector(selector: string, labels: Readonly<Record<string, string>>): boolean {
  return matchesLabelRequirements(parseLabelSelector(selector), labels);
}
