import { describe, expect, it } from 'vitest';

import { urlFuncMap } from '../../../src/gotemplate/sprig/url.js';
import { GoCallError, GoInt, newMap, setMapKey, type GoValue } from '../../../src/gotemplate/value.js';

// What helm v4.1.4 answered (urlParse through toJson).
const PARSE: [string, Record<string, string> | { error: string }][] = [
  [
    'https://u:p@h.io:8080/p?q=1#f',
    {
      fragment: 'f',
      host: 'h.io:8080',
      hostname: 'h.io',
      opaque: '',
      path: '/p',
      query: 'q=1',
      scheme: 'https',
      userinfo: 'u:p',
    },
  ],
  [
    'https://u:p@h.io:8080/p%20x?q=1&a=%20#f%20g',
    {
      fragment: 'f g',
      host: 'h.io:8080',
      hostname: 'h.io',
      opaque: '',
      path: '/p x',
      query: 'q=1&a=%20',
      scheme: 'https',
      userinfo: 'u:p',
    },
  ],
  [
    'mailto:joe@x.com',
    {
      fragment: '',
      host: '',
      hostname: '',
      opaque: 'joe@x.com',
      path: '',
      query: '',
      scheme: 'mailto',
      userinfo: '',
    },
  ],
  [
    '/rel/path?x',
    {
      fragment: '',
      host: '',
      hostname: '',
      opaque: '',
      path: '/rel/path',
      query: 'x',
      scheme: '',
      userinfo: '',
    },
  ],
  [
    'http://[::1]:80/',
    {
      fragment: '',
      host: '[::1]:80',
      hostname: '::1',
      opaque: '',
      path: '/',
      query: '',
      scheme: 'http',
      userinfo: '',
    },
  ],
  [
    'http://a b.com/',
    { error: 'unable to parse url: parse "http://a b.com/": invalid character " " in host name' },
  ],
  ['http://h/%zz', { error: 'unable to parse url: parse "http://h/%zz": invalid URL escape "%zz"' }],
  [
    'http://h:port/',
    { error: 'unable to parse url: parse "http://h:port/": invalid port ":port" after host' },
  ],
  ['http://[::1', { error: 'unable to parse url: parse "http://[::1": missing \']\' in host' }],
  [
    'http://u@h/',
    {
      fragment: '',
      host: 'h',
      hostname: 'h',
      opaque: '',
      path: '/',
      query: '',
      scheme: 'http',
      userinfo: 'u',
    },
  ],
  ['http://%41/', { error: 'unable to parse url: parse "http://%41/": invalid URL escape "%41"' }],
  [
    'http://%C3%A9/',
    {
      fragment: '',
      host: 'é',
      hostname: 'é',
      opaque: '',
      path: '/',
      query: '',
      scheme: 'http',
      userinfo: '',
    },
  ],
  [
    'HTTP://H.IO/A',
    {
      fragment: '',
      host: 'H.IO',
      hostname: 'H.IO',
      opaque: '',
      path: '/A',
      query: '',
      scheme: 'http',
      userinfo: '',
    },
  ],
  ['', { fragment: '', host: '', hostname: '', opaque: '', path: '', query: '', scheme: '', userinfo: '' }],
  ['*', { fragment: '', host: '', hostname: '', opaque: '', path: '*', query: '', scheme: '', userinfo: '' }],
  ['?', { fragment: '', host: '', hostname: '', opaque: '', path: '', query: '', scheme: '', userinfo: '' }],
  [
    'a?',
    { fragment: '', host: '', hostname: '', opaque: '', path: 'a', query: '', scheme: '', userinfo: '' },
  ],
  [
    'x:y',
    { fragment: '', host: '', hostname: '', opaque: 'y', path: '', query: '', scheme: 'x', userinfo: '' },
  ],
  [
    '1http://x',
    { error: 'unable to parse url: parse "1http://x": first path segment in URL cannot contain colon' },
  ],
  [':foo', { error: 'unable to parse url: parse ":foo": missing protocol scheme' }],
  [
    'a:b/c',
    { fragment: '', host: '', hostname: '', opaque: 'b/c', path: '', query: '', scheme: 'a', userinfo: '' },
  ],
  [
    './a:b',
    { fragment: '', host: '', hostname: '', opaque: '', path: './a:b', query: '', scheme: '', userinfo: '' },
  ],
  [
    'http://h/p?',
    {
      fragment: '',
      host: 'h',
      hostname: 'h',
      opaque: '',
      path: '/p',
      query: '',
      scheme: 'http',
      userinfo: '',
    },
  ],
  [
    '//h/p',
    { fragment: '', host: 'h', hostname: 'h', opaque: '', path: '/p', query: '', scheme: '', userinfo: '' },
  ],
  [
    '///p',
    { fragment: '', host: '', hostname: '', opaque: '', path: '///p', query: '', scheme: '', userinfo: '' },
  ],
  [
    'http:///p',
    { fragment: '', host: '', hostname: '', opaque: '', path: '/p', query: '', scheme: 'http', userinfo: '' },
  ],
  ['http://h#%zz', { error: 'unable to parse url: parse "http://h#%zz": invalid URL escape "%zz"' }],
  [
    'http://u:p@w@h/',
    {
      fragment: '',
      host: 'h',
      hostname: 'h',
      opaque: '',
      path: '/',
      query: '',
      scheme: 'http',
      userinfo: 'u:p%40w',
    },
  ],
  [
    'http://[fe80::1%25en0]:8080/',
    {
      fragment: '',
      host: '[fe80::1%en0]:8080',
      hostname: 'fe80::1%en0',
      opaque: '',
      path: '/',
      query: '',
      scheme: 'http',
      userinfo: '',
    },
  ],
  [
    'http://h/a%2Fb',
    {
      fragment: '',
      host: 'h',
      hostname: 'h',
      opaque: '',
      path: '/a/b',
      query: '',
      scheme: 'http',
      userinfo: '',
    },
  ],
  [
    'http://h/é',
    {
      fragment: '',
      host: 'h',
      hostname: 'h',
      opaque: '',
      path: '/é',
      query: '',
      scheme: 'http',
      userinfo: '',
    },
  ],
  [
    'http://h/a\tb',
    { error: 'unable to parse url: parse "http://h/a\\tb": net/url: invalid control character in URL' },
  ],
  [
    'http://x@y:z@h/',
    {
      fragment: '',
      host: 'h',
      hostname: 'h',
      opaque: '',
      path: '/',
      query: '',
      scheme: 'http',
      userinfo: 'x%40y:z',
    },
  ],
  [
    'file:///etc/hosts',
    {
      fragment: '',
      host: '',
      hostname: '',
      opaque: '',
      path: '/etc/hosts',
      query: '',
      scheme: 'file',
      userinfo: '',
    },
  ],
  ['http://[::1]x/', { error: 'unable to parse url: parse "http://[::1]x/": invalid port "x" after host' }],
  [
    'http://h:/',
    {
      fragment: '',
      host: 'h:',
      hostname: 'h',
      opaque: '',
      path: '/',
      query: '',
      scheme: 'http',
      userinfo: '',
    },
  ],
];

const JOIN: [Record<string, GoValue>, string | { error: string }][] = [
  [{ scheme: 'https', host: 'x.io', path: '/a' }, 'https://x.io/a'],
  [
    { scheme: 'https', host: 'x.io', path: 'a b/c', query: 'x=1 2', fragment: 'f g', userinfo: 'u:pw' },
    'https://u:pw@x.io/a%20b/c?x=1 2#f%20g',
  ],
  [{ path: 'a:b' }, './a:b'],
  [{ opaque: 'joe@x', scheme: 'mailto' }, 'mailto:joe@x'],
  [{ host: 'h', path: 'p' }, '//h/p'],
  [{ scheme: 'http', path: '/p' }, 'http:///p'],
  [{ userinfo: 'us%40er' }, '//us%40er@'],
  [{ host: 'é.com' }, '//%C3%A9.com'],
  [{ path: '/a?b#c', fragment: "a!*()'#" }, '/a%3Fb%23c#a!*()%27%23'],
  [{ scheme: 's' }, 's:'],
  [{}, ''],
  [
    { userinfo: 'u:p w' },
    { error: 'unable to parse userinfo in dict: parse "proto://u:p w@host": net/url: invalid userinfo' },
  ],
  [{ query: '' }, ''],
  [
    { host: new GoInt('int', 1n) },
    { error: 'unable to parse host key, must be of type string, but int found' },
  ],
  [{ host: null }, { error: 'runtime error: invalid memory address or nil pointer dereference' }],
];

function call(name: string, arg: GoValue): GoValue | { error: string } {
  try {
    return urlFuncMap[name]?.fn(arg);
  } catch (e) {
    if (e instanceof GoCallError) return { error: e.message };
    throw e;
  }
}

describe('urlParse', () => {
  it.each(PARSE)('%j', (url, want) => {
    const got = call('urlParse', url);
    expect(got && typeof got === 'object' && !('error' in got) ? { ...got } : got).toEqual(want);
  });
});

describe('urlJoin', () => {
  it.each(JOIN)('%#', (dict, want) => {
    const d = newMap();
    for (const [k, v] of Object.entries(dict)) setMapKey(d, k, v);
    expect(call('urlJoin', d)).toEqual(want);
  });
});
