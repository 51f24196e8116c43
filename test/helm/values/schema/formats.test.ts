import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../../../src/helm/values/schema/formats.js';

// [format, value, the validator's reason (undefined: valid)]
const CASES: [string, unknown, string | undefined][] = [
  ['email', 'a@b.example', undefined],
  ['email', 'nope', 'missing @'],
  ['email', '.a@b.c', 'starts with dot'],
  ['email', 'a@-b', 'invalid domain: label starts with hyphen'],
  ['hostname', 'a.b-c.example', undefined],
  ['hostname', 'a_b', "invalid character '_'"],
  ['hostname', 'a-', 'label ends with hyphen'],
  ['ipv4', '10.0.0.1', undefined],
  ['ipv4', '1.2.3', 'expected four decimals'],
  ['ipv4', '01.2.3.4', 'leading zeros'],
  ['ipv4', '1.2.3.256', 'decimal must be between 0 and 255'],
  ['ipv6', '::1', undefined],
  ['ipv6', '1.2.3.4', 'missing colon'],
  ['date', '2020-02-29', undefined],
  ['date', '2020-13-01', 'parsing time "2020-13-01": month out of range'],
  ['date', '2021-02-29', 'parsing time "2021-02-29": day out of range'],
  ['date', '2020-1-01', 'parsing time "2020-1-01" as "2006-01-02": cannot parse "1-01" as "01"'],
  ['time', '23:59:60Z', undefined],
  ['time', '12:00:00+01', 'offset must be 6 characters long'],
  ['date-time', '2020-01-01T00:00:00Z', undefined],
  ['date-time', '2020-01-01 00:00:00Z', '11th character must be t or T'],
  ['date-time', '2020-01-01T25:00:00Z', 'invalid time element: hour/min/sec out of range'],
  ['duration', 'P1Y2M', undefined],
  ['duration', '1Y', 'must start with P'],
  ['duration', 'P1M1Y', "unit 'Y' out of order"],
  ['uuid', '123e4567-e89b-12d3-a456-426614174000', undefined],
  ['uuid', '1234', 'must have 5 elements'],
  ['json-pointer', '/a~1b', undefined],
  ['json-pointer', 'a', 'not starting with /'],
  ['json-pointer', '/a~2', '~ must be followed by 0 or 1'],
  ['relative-json-pointer', '01/a', 'starts with zero'],
  ['uri', 'https://example.com/x', undefined],
  ['uri', 'nope', 'relative url'],
  ['uri-reference', 'a\\b', 'contains \\'],
  ['regex', '(', 'error parsing regexp: missing closing ): `(`'],
  ['email', 5, undefined],
];

describe('formats', () => {
  it.each(CASES)('%s %j', (format, value, reason) => {
    expect(FORMATS[format]?.(value)).toBe(reason);
  });
});
