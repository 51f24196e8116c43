/**
 * sprig's `urlParse` and `urlJoin` over Go's net/url. Both panic in sprig on bad input, which
 * text/template reports as the call's error.
 */
import { GoCallError, getMapKey, kindOf, newMap, setMapKey, type FuncMap, type GoMap } from '../value.js';
import { goFunc, MAP, STRING, strArg } from './define.js';
import { formatUrl, formatUser, GoUrlError, hostname, parseUrl, type GoUrl } from './go-url.js';

function urlParse(text: string): GoMap {
  let u: GoUrl;
  try {
    u = parseUrl(text);
  } catch (e) {
    if (e instanceof GoUrlError) throw new GoCallError(`unable to parse url: ${e.message}`);
    throw e;
  }
  const dict = newMap();
  const entries: [string, string][] = [
    ['scheme', u.scheme],
    ['host', u.host],
    ['hostname', hostname(u.host)],
    ['path', u.path],
    ['query', u.rawQuery],
    ['opaque', u.opaque],
    ['fragment', u.fragment],
    ['userinfo', u.user ? formatUser(u.user) : ''],
  ];
  for (const [k, v] of entries) setMapKey(dict, k, v);
  return dict;
}

/** sprig's dictGetOrEmpty: a missing key is '', a value that is not a string panics. */
function field(d: GoMap, key: string): string {
  if (!Object.hasOwn(d, key)) return '';
  const v = getMapKey(d, key);
  if (v === null || v === undefined)
    throw new GoCallError('runtime error: invalid memory address or nil pointer dereference');
  if (typeof v !== 'string')
    throw new GoCallError(`unable to parse ${key} key, must be of type string, but ${kindOf(v)} found`);
  return v;
}

function urlJoin(d: GoMap): string {
  const u: GoUrl = {
    scheme: field(d, 'scheme'),
    host: field(d, 'host'),
    path: field(d, 'path'),
    rawQuery: field(d, 'query'),
    opaque: field(d, 'opaque'),
    fragment: field(d, 'fragment'),
  };
  const userinfo = field(d, 'userinfo');
  if (userinfo !== '') {
    try {
      u.user = parseUrl(`proto://${userinfo}@host`).user;
    } catch (e) {
      if (e instanceof GoUrlError) throw new GoCallError(`unable to parse userinfo in dict: ${e.message}`);
      throw e;
    }
  }
  return formatUrl(u);
}

export const urlFuncMap: FuncMap = {
  urlParse: goFunc([STRING], MAP, (s) => urlParse(strArg(s))),
  urlJoin: goFunc([MAP], STRING, (d) => urlJoin((d ?? newMap()) as GoMap)),
};
