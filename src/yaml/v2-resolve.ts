/**
 * go-yaml v2's YAML 1.1 resolver, used only to decide whether a string may be written as
 * a plain scalar: kustomize prints resources with yaml.v2, which double-quotes any string
 * that would read back as something else (`"yes"`, `"on"`, `"0755"`, `"1:20"`, `"2001-01-01"`).
 */
import { parseDotFloat, parseGoInt, parseYamlStyleFloat } from './go-number.js';
import { parseGoTimestamp } from './timestamp.js';

const NON_STRING_WORDS: ReadonlySet<string> = new Set([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'],
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'],
  ...['', '~', 'null', 'Null', 'NULL'],
  ...['.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF'],
]);

const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

function resolvesToNumberOrTime(s: string): boolean {
  if (parseGoTimestamp(s)) return true;
  const plain = s.includes('_') ? s.replace(/_/g, '') : s;
  const int = parseGoInt(plain);
  if (int.kind !== 'error') return true;
  // Integers beyond 64 bits fall through to the float check and otherwise stay strings.
  return parseYamlStyleFloat(plain) !== undefined;
}

/** True when yaml.v2 would not read the plain scalar `s` back as the same string. */
export function needsQuotingV2(s: string): boolean {
  if (s === '') return true;
  const c = s.charCodeAt(0);
  const isDigit = c >= 0x30 && c <= 0x39;
  const isSign = c === 0x2b || c === 0x2d;
  if (!isDigit && !isSign && c !== 0x2e && !'yYnNtTfFoO~'.includes(s[0]!)) return false;
  if (NON_STRING_WORDS.has(s)) return true;
  if (c === 0x2e) return parseDotFloat(s) !== undefined;
  if (isDigit || isSign) {
    if (resolvesToNumberOrTime(s)) return true;
    // Base 60 floats are no longer resolved but are still quoted on output.
    return s.includes(':') && BASE60_FLOAT.test(s);
  }
  return false;
}
