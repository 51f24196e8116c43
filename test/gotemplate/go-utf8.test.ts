import { describe, expect, it } from 'vitest';
import { jsonMarshal } from '../../src/gotemplate/go-json.js';
import { goStringBytes, goStringLength, goStringOfBytes } from '../../src/gotemplate/go-utf8.js';
import { conversionFuncs as helmConversions } from '../../src/gotemplate/helm/index.js';
import { defaultSprigEnv, sprigFuncs } from '../../src/gotemplate/sprig/index.js';
import { Templates } from '../../src/gotemplate/template.js';

function render(text: string, withFunctions = true): string {
  const t = new Templates(
    withFunctions ? { ...sprigFuncs(defaultSprigEnv('test')), ...helmConversions } : {},
  );
  t.parse('t', text);
  return t.execute('t', {});
}

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);

describe('Go strings as bytes', () => {
  it.each([
    ['ascii', bytes(0x61, 0x62), 'ab'],
    ['valid UTF-8', bytes(0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80), 'é😀'],
    ['a cut sequence', bytes(0x68, 0xc3), 'h\udcc3'],
    ['a lone continuation byte', bytes(0x80), '\udc80'],
    ['0xff', bytes(0xff, 0x61), '\udcffa'],
    ['a cut 3-byte sequence, one escape per byte', bytes(0xe2, 0x82, 0x61), '\udce2\udc82a'],
    ['an overlong form', bytes(0xc0, 0xaf), '\udcc0\udcaf'],
    ['an encoded surrogate', bytes(0xed, 0xa0, 0x80), '\udced\udca0\udc80'],
  ])('%s decodes and encodes back to the same bytes', (_, b, text) => {
    expect(goStringOfBytes(b)).toBe(text);
    expect([...goStringBytes(text)]).toEqual([...b]);
    expect(goStringLength(text)).toBe(b.length);
  });

  it('counts bytes as Go does and marshals each raw byte as \\ufffd', () => {
    expect(goStringLength('héllo')).toBe(6);
    expect(goStringLength('😀')).toBe(4);
    expect(goStringLength('h\udcc3')).toBe(2);
    expect(jsonMarshal('h\udcc3\udc80')).toBe('"h\\ufffd\\ufffd"');
  });
});

describe('functions that cut strings by bytes', () => {
  // Go's answers; the first three are helm v4.1.4's in the battery.
  it.each([
    ['{{ trunc 2 "héllo" | len }}', '2'],
    ['{{ b64dec "/w==" | len }}|{{ b64dec "gA==" | toJson }}', '1|"\\ufffd"'],
    ['{{ trunc 2 "héllo" | b64enc }}|{{ substr 0 2 "éa" | b64enc }}', 'aMM=|w6k='],
    ['{{ printf "%q|%x" (trunc 2 "héllo") (trunc 2 "héllo") }}', '"h\\xc3"|68c3'],
    ['{{ trunc 2 "héllo" | toYaml }}', 'h\uFFFD'],
    // The output's bytes are h, 0xc3, 0xa9: Go prints é.
    ['{{ trunc 2 "héllo" }}{{ substr 2 3 "héllo" }}', 'hé'],
    ['{{ len (printf "%s%s" (trunc 1 "é") (substr 2 3 "xé")) }}', '2'],
  ])('%s', (text, want) => {
    expect(render(text)).toBe(want);
  });

  it("cuts and indexes with text/template's slice and index by bytes", () => {
    const text = '{{ slice "héllo" 0 2 | len }}|{{ index (slice "é" 0 1) 0 }}|{{ slice "é" 1 }}';
    expect(render(text, false)).toBe('2|195|\udca9');
  });
});
