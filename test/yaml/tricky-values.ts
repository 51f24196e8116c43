/**
 * Strings, keys and numbers that stress yaml.v2's quoting, escaping and folding rules,
 * for the differential tests against kubectl kustomize.
 */

const WORDS_11 = [
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'yEs', 'n', 'N', 'no', 'No', 'NO', 'nO'],
  ...['true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'on', 'On', 'ON', 'oN', 'off', 'Off', 'OFF'],
  ...['null', 'Null', 'NULL', 'nULL', '~', '', '<<', '=', 'yes please', 'none', 'nil'],
];

const NUMBER_LIKE = [
  ...['0', '1', '-1', '+1', '00', '0755', '08', '0789', '0o17', '0O17', '0x1F', '0X1f', '0b101', '-0b101'],
  ...['1_000', '_1', '1__', '1e3', '1E3', '1e+3', '1.0', '1.', '.5', '-.5', '+.5', '._5', '.5_5', '.', '..'],
  ...['1e400', '-1e400', '1e', '0x', '-', '+', '+-1', '--1', '9797', '123456789012345678901234567890'],
  ...['0xFFFFFFFFFFFFFFFFFFFF', '18446744073709551615', '18446744073709551616', '-9223372036854775809'],
  ...[
    '1:20',
    '1:20:30',
    '-1:20',
    '+1:20',
    '190:20:30.15',
    '1:60',
    '1:2:3:4',
    '12:30',
    '1_0:20',
    '1:20.',
    ':20',
  ],
  ...[
    '2001-01-01',
    '2001-1-1',
    '2001-02-30',
    '2001-01-01T00:00:00Z',
    '2001-01-01 00:00:00',
    '2001-01-01t01:02:03Z',
  ],
  ...['2001-01-01T00:00:00+01:00', '2001-01-01 00:00:00 +1', '20010101', '2001-01', '12345-01-01'],
  ...[
    '.inf',
    '-.inf',
    '+.inf',
    '.Inf',
    '.INF',
    '.nan',
    '.NaN',
    '.NAN',
    'inf',
    'nan',
    'Infinity',
    'NaN',
    '1e-7',
  ],
];

const INDICATORS = '#,[]{}&*!|>\'"%@`?:-'.split('');

const PUNCTUATION = [
  ...INDICATORS.flatMap((c) => [c, c + 'a', c + ' a', 'a' + c, 'a' + c + 'b', 'a ' + c + ' b', c + c]),
  ...[
    'a: b',
    'a:b',
    'a :b',
    'a:',
    'a: ',
    'http://example.com:8080/x?y=1#frag',
    'a #b',
    'a#b',
    '# a',
    'a\t#b',
  ],
  ...[
    '---',
    '--- a',
    '---a',
    '...',
    '... a',
    '-- a',
    '- a',
    '-a',
    '? a',
    '?a',
    ': a',
    ':a',
    '\\',
    'a\\b',
    "it's",
  ],
  ...['"quoted"', "'single'", 'a "b" c', "a 'b' c", '{a: 1}', '[1, 2]', '*alias', '&anchor', '!tag', '%YAML'],
];

const SPACES = [' a', 'a ', '  ', ' ', 'a  b', 'a \tb', '\ta', 'a\t', '\t', 'a\tb', ' a ', '  a  b  '];

const UNICODE = [
  // NEL, LS and PS are left out: go-yaml reads them as line breaks when kustomize re-parses its own output.
  ...['é', 'ü', 'naïve café', '日本語', 'emoji 😀', '😀', 'a😀b', '\u00a0', 'a\u00a0b'],
  ...['\ufeff', 'a\ufeffb', '\ufffd', '\u200b', '\ud7ff', '\ue000'],
  // DEL, C1 controls and U+FFFE/U+FFFF make kustomize itself fail (see parse tests).
  ...['\u0000', 'a\u0000b', '\u0001', '\u0007', '\b', '\u001b', '\u00a1', '\u00ff', '\u0100'],
  ...['\u000b', '\f', 'a\u000bb', 'Ω≈ç√∫', '\u{10FFFF}', '\u{1F1FA}\u{1F1F8}'],
];

const MULTILINE = [
  ...[
    'a\nb',
    'a\nb\n',
    'a\nb\n\n',
    'a\nb\n\n\n',
    '\na',
    '\n',
    '\n\n',
    ' a\nb',
    '  a\n  b\n',
    'a \nb',
    'a\n b',
  ],
  ...['a\n\n b', 'a\n\tb', 'a\n#b', 'a\n---\nb', '---\na', 'a\n...\nb', 'a\r\nb', 'a\rb', 'a\r', 'a\nb\r\n'],
  ...['line1\nline2 ', 'x\n\n\ny', 'tab\there\nnext', 'emoji 😀\nnext', 'quote "x"\n\'y\''],
  'key: value\nlist:\n- a\n- b\n',
  '#!/bin/sh\nset -e\necho "hello $NAME"\nif [ -z "$X" ]; then\n  exit 1\nfi\n',
  `${'long line '.repeat(12)}\nshort\n${'x'.repeat(120)}\n`,
];

const w = (word: string, n: number): string => Array.from({ length: n }, () => word).join(' ');

const LONG = [
  w('word', 30),
  w('word', 16) + 'tail',
  w('a', 60),
  w('abcdefghij', 9),
  'x'.repeat(100),
  'x'.repeat(79) + ' y',
  'x'.repeat(80) + ' y',
  'x'.repeat(81) + ' y z',
  `${'x'.repeat(70)} ${'y'.repeat(20)} ${'z'.repeat(30)}`,
  `- ${w('dash', 30)}`,
  `${w('colon', 10)}: ${w('after', 20)}`,
  `'${w('quoted', 20)}'`,
  `${w('single', 10)} it's ${w('more', 20)}`,
  `\t${w('tabbed', 20)}`,
  `${w('esc', 20)}\t${w('esc', 20)}`,
  `${w('double', 20)}  two  spaces   three ${w('x', 40)}`,
  `${'y'.repeat(78)}  z ${w('w', 20)}`,
  `${w('unicode', 10)} é日本 ${w('ü', 40)}`,
  `${w('emoji', 20)} 😀 ${w('emoji', 20)}`,
  ` ${w('leading', 20)}`,
  `${w('trailing', 20)} `,
  `${w('word', 30)}\n${w('second', 20)}\n`,
  `${w('word', 30)} \n${w('second', 20)}`,
  `${w('yes', 30)}`,
  `${w('#', 40)}`,
  `${w('ab', 20)} #${w('cd', 20)}`,
  `${'1234567890'.repeat(12)}`,
  `${w('Lorem ipsum dolor sit amet,', 6)} ${w('consectetur adipiscing elit', 4)}`,
];

export const TRICKY_STRINGS: string[] = [
  ...new Set([...WORDS_11, ...NUMBER_LIKE, ...PUNCTUATION, ...SPACES, ...UNICODE, ...MULTILINE, ...LONG]),
];

export const TRICKY_KEYS: string[] = [
  ...[
    'a10',
    'a9',
    'a09',
    'a009',
    'A',
    'B',
    'b',
    '_x',
    '1',
    '10',
    '2',
    '02',
    '0',
    '00',
    '01',
    'a-b',
    'a_b',
    'aB',
  ],
  ...['a.b', 'a/b', 'é', 'z', 'Z', 'a1', 'a01', 'x99999999999999999999', 'x99999999999999999998'],
  ...['n', 'y', 'yes', 'on', 'off', 'null', '~', '', 'true', '1.5', '1:20', '2001-01-01'],
  ...[
    'a: b',
    '- a',
    '-a',
    '? x',
    '#c',
    'key with spaces',
    ' lead',
    'trail ',
    'tab\tkey',
    'multi\nline',
    'nl\n',
  ],
  ...['k'.repeat(128), 'k'.repeat(129), 'é'.repeat(64), 'é'.repeat(65), `${w('long key', 20)}`, '日本', '😀'],
  ...['ä', 'Ä', 'a b', 'a  b', 'ab', 'a', 'a0', 'a00', 'a000'],
  // Left out: keys such as '1a', '9a', '10' or 'a00b', 'a1', 'a009' have no consistent yaml.v2
  // order (1a < 9a < 10 < 1a); kustomize prints them in a different order from run to run.
];

export const TRICKY_NUMBERS: number[] = [
  ...[0, 1, -1, 42, 1.5, -1.5, 0.1, 0.5, 100, 1e6, 1e15, 1e20, 1e21, 1e22, 1e-5, 1e-6, 1e-7, 123456.5],
  ...[1234567.5, 0.0001, 0.00001, 2 ** 53, -(2 ** 53), 2 ** 63, 2 ** 64, -(2 ** 63), 1.7976931348623157e308],
  ...[5e-324, 3.14159, 100000.5, 999999.9, 1000000.1, 12345678912345.6],
];
