/**
 * Scalar resolution as kustomize reads manifests: go-yaml v3's resolver (YAML 1.2 core
 * booleans and nulls, Go integer syntax including legacy octal, underscores removed),
 * with the value each tag decodes to in kustomize's JSON view (timestamps become RFC 3339
 * strings, !!binary is base64-decoded).
 */
import type { JsonValue } from '../core/json.js';
import { parseDotFloat, parseGoInt, parseYamlStyleFloat } from './go-number.js';
import { formatRfc3339Nano, parseGoTimestamp } from './timestamp.js';

export type ScalarTag = 'null' | 'bool' | 'int' | 'float' | 'str' | 'timestamp' | 'binary';

export interface Resolved {
  tag: ScalarTag;
  value: JsonValue;
}

const SPECIAL: ReadonlyMap<string, Resolved> = new Map<string, Resolved>([
  ...['true', 'True', 'TRUE'].map((s): [string, Resolved] => [s, { tag: 'bool', value: true }]),
  ...['false', 'False', 'FALSE'].map((s): [string, Resolved] => [s, { tag: 'bool', value: false }]),
  ...['', '~', 'null', 'Null', 'NULL'].map((s): [string, Resolved] => [s, { tag: 'null', value: null }]),
  ...['.nan', '.NaN', '.NAN'].map((s): [string, Resolved] => [s, { tag: 'float', value: NaN }]),
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map((s): [string, Resolved] => [
    s,
    { tag: 'float', value: Infinity },
  ]),
  ...['-.inf', '-.Inf', '-.INF'].map((s): [string, Resolved] => [s, { tag: 'float', value: -Infinity }]),
]);

type Hint = 'digit' | 'sign' | 'map' | 'dot' | undefined;

function hintOf(s: string): Hint {
  if (s === '') return 'map';
  const c = s.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39) return 'digit';
  if (c === 0x2b || c === 0x2d) return 'sign';
  if (c === 0x2e) return 'dot';
  // y Y n N t T f F o O ~
  return 'yYnNtTfFoO~'.includes(s[0]!) ? 'map' : undefined;
}

function resolveNumberLike(s: string, allowTimestamp: boolean): Resolved | undefined {
  if (allowTimestamp) {
    const t = parseGoTimestamp(s);
    if (t) return { tag: 'timestamp', value: formatRfc3339Nano(t) };
  }
  const plain = s.includes('_') ? s.replace(/_/g, '') : s;
  const int = parseGoInt(plain);
  if (int.kind !== 'error') return { tag: 'int', value: Number(int.value) };
  const f = parseYamlStyleFloat(plain);
  if (f !== undefined) return { tag: 'float', value: f };
  // Go 1.13+ ParseInt already handles 0b/0o prefixes, so nothing else can match here.
  return undefined;
}

/** go-yaml v3 `resolve("", s)` for a plain scalar: the tag and the decoded value. */
export function resolvePlain(s: string): Resolved {
  const hint = hintOf(s);
  if (hint === undefined) return { tag: 'str', value: s };
  const special = SPECIAL.get(s);
  if (special) return special;
  if (hint === 'dot') {
    const f = parseDotFloat(s);
    if (f !== undefined) return { tag: 'float', value: f };
  } else if (hint === 'digit' || hint === 'sign') {
    const r = resolveNumberLike(s, true);
    if (r) return r;
  }
  return { tag: 'str', value: s };
}

function decodeBase64(s: string): string | undefined {
  const compact = s.replace(/[\r\n]/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) return undefined;
  return new TextDecoder().decode(Buffer.from(compact, 'base64'));
}

/**
 * go-yaml v3 `resolve(tag, s)` for an explicitly tagged scalar (tag given as the short
 * `!!name` form). Unknown tags keep the text; a known tag the text does not fit is an
 * error message, as v3 reports it.
 */
export function resolveTagged(tag: string, s: string): Resolved | string {
  switch (tag) {
    case '!!str':
      return { tag: 'str', value: s };
    case '!!binary': {
      const decoded = decodeBase64(s);
      return decoded === undefined
        ? `!!binary value contains invalid base64 data`
        : { tag: 'binary', value: decoded };
    }
    case '!!null':
    case '!!bool':
    case '!!int':
    case '!!float':
    case '!!timestamp': {
      const want = tag.slice(2) as ScalarTag;
      const r = resolveExplicit(s, want);
      if (r.tag === want) return r;
      if (want === 'float' && r.tag === 'int') return { tag: 'float', value: r.value };
      return `cannot decode !!${r.tag} \`${s}\` as a ${tag}`;
    }
    default:
      return { tag: 'str', value: s };
  }
}

function resolveExplicit(s: string, want: ScalarTag): Resolved {
  const hint = hintOf(s);
  if (hint === undefined) return { tag: 'str', value: s };
  const special = SPECIAL.get(s);
  if (special) return special;
  if (hint === 'dot') {
    const f = parseDotFloat(s);
    if (f !== undefined) return { tag: 'float', value: f };
  } else if (hint === 'digit' || hint === 'sign') {
    // Timestamps are only tried for plain scalars and explicit !!timestamp.
    const r = resolveNumberLike(s, want === 'timestamp');
    if (r) return r;
  }
  return { tag: 'str', value: s };
}
