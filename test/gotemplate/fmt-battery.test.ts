import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it as test } from 'vitest';
import { strval, toFloat64, toInt, toInt64 } from '../../src/gotemplate/convert.js';
import { formatValue, sprint, sprintf, sprintln } from '../../src/gotemplate/fmt.js';
import { jsonMarshal } from '../../src/gotemplate/go-json.js';
import { goInt, newMap, setMapKey, type GoMap, type GoValue } from '../../src/gotemplate/value.js';
import { SHARED_DIR, sharedAvailable } from '../helpers/shared.js';

// The battery's fmt-related cases, rebuilt from this module's functions with the operands each
// template passes (template literals are int; values from YAML are float64).
const BATTERY = join(SHARED_DIR, 'helm/battery/helm-v4.1.4-out.json');

function map(entries: Record<string, GoValue>): GoMap {
  const m = newMap();
  for (const [k, v] of Object.entries(entries)) setMapKey(m, k, v);
  return m;
}

const values = map({ m: map({ b: 2, a: 1, c: 3 }), list: [1, 2, 3], nested: map({ x: map({ y: 'z' }) }) });
const i = (n: number): GoValue => goInt(n);

const CASES: Record<string, () => string> = {
  'printf-nil': () => sprintf('%v', [null]),
  'printf-verbs': () => sprintf('%s-%d-%05.2f-%q-%x-%t', ['a', i(3), 3.14159, 'x', 'hi', true]),
  'printf-d-float': () => sprintf('%d', [8080]),
  'print-spacing': () => sprint([i(1), i(2), 'a', 'b', i(3)]),
  'print-list-map': () =>
    [
      formatValue((values as GoMap)['list']),
      formatValue((values as GoMap)['m']),
      formatValue((values as GoMap)['nested']),
    ].join('|'),
  'float-format': () => [1e6, 8080, 1.5, -3, 1e6, i(1000000)].map(formatValue).join('|'),
  println: () => sprintln(['a', i(1)]),
  toJson: () => [jsonMarshal((values as GoMap)['m']), jsonMarshal('<a&b>'), jsonMarshal(1e6)].join('|'),
  'int-conv': () =>
    [toInt(8080), toInt('12'), toInt64(1e6), toFloat64('1.5'), toInt(2.9), i(7)].map(formatValue).join('|'),
  toString: () => [strval(1.5), strval(1e6), strval(null), strval([1, 2, 3])].join('|'),
};

const hasShared = sharedAvailable();

// A skipped suite's body still runs while tests are collected: read the battery only when it is there.
describe.skipIf(!hasShared)('battery cases about fmt, numbers and JSON', () => {
  const recorded = (hasShared ? JSON.parse(readFileSync(BATTERY, 'utf8')) : {}) as Record<
    string,
    { ok: boolean; v?: string }
  >;
  test.each(Object.keys(CASES))('%s', (id) => {
    const expected = recorded[id];
    expect(expected?.ok).toBe(true);
    expect(CASES[id]?.()).toBe(expected?.v);
  });
});
