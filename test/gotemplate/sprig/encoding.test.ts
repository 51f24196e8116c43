import { describe, expect, it } from 'vitest';

import { encodingFuncMap } from '../../../src/gotemplate/sprig/encoding.js';

// [function, argument, what helm v4.1.4 printed]
const CASES: [string, string, string][] = [
  ['b64enc', 'hello', 'aGVsbG8='],
  ['b64enc', '', ''],
  ['b64enc', 'é😀', 'w6nwn5iA'],
  ['b64enc', 'ab', 'YWI='],
  ['b64dec', 'aGVsbG8=', 'hello'],
  ['b64dec', 'aGVsbG8', 'illegal base64 data at input byte 4'],
  ['b64dec', '!!', 'illegal base64 data at input byte 0'],
  ['b64dec', 'aGVs\nbG8=', 'hello'],
  ['b64dec', 'aGVsbA==', 'hell'],
  ['b64dec', 'aGVsbA=', 'illegal base64 data at input byte 7'],
  ['b64dec', 'aGVsbA==x', 'illegal base64 data at input byte 8'],
  ['b64dec', 'aGVsbA=x', 'illegal base64 data at input byte 6'],
  ['b64dec', 'a===', 'illegal base64 data at input byte 1'],
  ['b64dec', '', ''],
  ['b64dec', 'aGVsbA==\n', 'hell'],
  ['b64dec', 'aGVsbA\n==', 'hell'],
  ['b64dec', 'w6k=', 'é'],
  ['b64dec', 'aGVsbG8gd29ybGQ=', 'hello world'],
  ['b64dec', 'aGVsbG8gd29ybGQ', 'illegal base64 data at input byte 12'],
  ['b64dec', 'aé==', 'illegal base64 data at input byte 1'],
  ['b64dec', 'aGVsbGx=', 'helll'],
  ['b32enc', 'hello', 'NBSWY3DP'],
  ['b32enc', '', ''],
  ['b32enc', 'a', 'ME======'],
  ['b32enc', 'ab', 'MFRA===='],
  ['b32enc', 'abc', 'MFRGG==='],
  ['b32enc', 'abcd', 'MFRGGZA='],
  ['b32enc', 'abcdef', 'MFRGGZDFMY======'],
  ['b32dec', 'NBSWY3DP', 'hello'],
  ['b32dec', 'ME======', 'a'],
  ['b32dec', 'ME=====', 'illegal base32 data at input byte 7'],
  ['b32dec', 'MFRA====', 'ab'],
  ['b32dec', 'MFRGG===', 'abc'],
  ['b32dec', 'MFRGGZA=', 'abcd'],
  ['b32dec', '!!', 'illegal base32 data at input byte 0'],
  ['b32dec', 'NBSWY3D', 'illegal base32 data at input byte 0'],
  ['b32dec', 'M=======', 'illegal base32 data at input byte 1'],
  ['b32dec', 'ME==\n====', 'a'],
  ['b32dec', 'MFRGG=x=', 'illegal base32 data at input byte 5'],
  ['b32dec', 'nbswy3dp', 'illegal base32 data at input byte 0'],
  ['b32dec', '', ''],
  ['b32dec', 'MFRGGZDFMY======', 'abcdef'],
  ['sha1sum', 'a', '86f7e437faa5a7fce15d1ddcb9eaeaea377667b8'],
  ['sha256sum', 'hello', '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824'],
  [
    'sha512sum',
    '',
    'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e',
  ],
  ['sha256sum', 'é', '4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c'],
  ['adler32sum', 'hello', '103547413'],
  ['adler32sum', '', '1'],
  ['adler32sum', 'é😀'.repeat(5000), '462067642'],
];

describe('sprig encodings and hashes', () => {
  it.each(CASES)('%s %j', (name, arg, want) => {
    expect(encodingFuncMap[name]?.fn(arg)).toBe(want);
  });
});
