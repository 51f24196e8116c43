/**
 * sprig's regular-expression functions. The non-must forms call regexp.MustCompile, whose panic
 * text/template turns into an error (`regexp: Compile(`[`): error parsing regexp: …`);
 * `regexMatch` alone ignores a bad pattern and answers false. The must forms return Go's error.
 */
import { GoCallError, nilSlice, typedSlice, type FuncMap, type GoFunc, type GoValue } from '../value.js';
import { intArg as int, strArg as str } from './define.js';
import {
  compileGoRegexp,
  findAllString,
  findString,
  GoRegexpError,
  matchString,
  mustCompileMessage,
  quoteMeta,
  replaceAllLiteralString,
  replaceAllString,
  split,
  type GoRegexp,
} from './go-regexp.js';

type Compile = (source: string) => GoRegexp;

/** MustCompile: a bad pattern becomes the panic text. */
const panicking: Compile = (source) => {
  try {
    return compileGoRegexp(source);
  } catch (e) {
    if (e instanceof GoRegexpError) throw new GoCallError(mustCompileMessage(source, e));
    throw e;
  }
};

/** Compile: a bad pattern is the returned error. */
const returning: Compile = (source) => {
  try {
    return compileGoRegexp(source);
  } catch (e) {
    if (e instanceof GoRegexpError) throw new GoCallError(e.message);
    throw e;
  }
};

const strings = (items: string[]): GoValue => typedSlice(items, '[]string');

// FindAllString returns nil when nothing matches (or n is 0), Split when n is 0.
const stringsOrNil = (items: string[]): GoValue =>
  items.length === 0 ? nilSlice('[]string') : strings(items);

function pair(compile: Compile): Record<string, GoFunc> {
  return {
    findAll: {
      params: ['string', 'string', 'int'],
      result: '[]string',
      fn: (re, s, n) => stringsOrNil(findAllString(compile(str(re)), str(s), int(n))),
    },
    find: {
      params: ['string', 'string'],
      result: 'string',
      fn: (re, s) => findString(compile(str(re)), str(s)),
    },
    replaceAll: {
      params: ['string', 'string', 'string'],
      result: 'string',
      fn: (re, s, repl) => replaceAllString(compile(str(re)), str(s), str(repl)),
    },
    replaceAllLiteral: {
      params: ['string', 'string', 'string'],
      result: 'string',
      fn: (re, s, repl) => replaceAllLiteralString(compile(str(re)), str(s), str(repl)),
    },
    split: {
      params: ['string', 'string', 'int'],
      result: '[]string',
      fn: (re, s, n) => stringsOrNil(split(compile(str(re)), str(s), int(n))),
    },
  };
}

function regexFuncs(): FuncMap {
  const plain = pair(panicking);
  const must = pair(returning);
  const at = (group: Record<string, GoFunc>, name: string): GoFunc => group[name] as GoFunc;
  return {
    regexMatch: {
      params: ['string', 'string'],
      result: 'bool',
      fn: (re, s) => {
        try {
          return matchString(compileGoRegexp(str(re)), str(s));
        } catch (e) {
          if (e instanceof GoRegexpError) return false;
          throw e;
        }
      },
    },
    mustRegexMatch: {
      params: ['string', 'string'],
      result: 'bool',
      fn: (re, s) => matchString(returning(str(re)), str(s)),
    },
    regexFindAll: at(plain, 'findAll'),
    mustRegexFindAll: at(must, 'findAll'),
    regexFind: at(plain, 'find'),
    mustRegexFind: at(must, 'find'),
    regexReplaceAll: at(plain, 'replaceAll'),
    mustRegexReplaceAll: at(must, 'replaceAll'),
    regexReplaceAllLiteral: at(plain, 'replaceAllLiteral'),
    mustRegexReplaceAllLiteral: at(must, 'replaceAllLiteral'),
    regexSplit: at(plain, 'split'),
    mustRegexSplit: at(must, 'split'),
    regexQuoteMeta: { params: ['string'], result: 'string', fn: (s) => quoteMeta(str(s)) },
  };
}

export const regexFuncMap: FuncMap = regexFuncs();
