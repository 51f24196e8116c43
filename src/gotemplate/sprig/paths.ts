/**
 * Go's `path` functions (`base`, `dir`, `clean`, `ext`, `isAbs`) and their `path/filepath`
 * twins (`osBase`, …), which behave the same on the Linux hosts that run helm and Flux.
 */
import type { FuncMap } from '../value.js';
import { BOOL, STRING, goFunc, strArg } from './define.js';

/** path.Clean: the shortest equivalent path, by purely lexical processing. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  if (rooted) return '/' + joined;
  return joined === '' ? '.' : joined;
}

/** path.Base: the last element, without trailing slashes. */
export function basePath(p: string): string {
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** path.Dir: everything but the last element, cleaned. */
export function dirPath(p: string): string {
  return cleanPath(p.slice(0, p.lastIndexOf('/') + 1));
}

/** path.Ext: the suffix from the last dot of the last element. */
export function extPath(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) {
    if (p[i] === '.') return p.slice(i);
  }
  return '';
}

const unary = (f: (s: string) => string) => goFunc([STRING], STRING, (s) => f(strArg(s)));
const isAbs = goFunc([STRING], BOOL, (s) => strArg(s).startsWith('/'));

export function pathFuncs(): FuncMap {
  return {
    base: unary(basePath),
    dir: unary(dirPath),
    clean: unary(cleanPath),
    ext: unary(extPath),
    isAbs,
    osBase: unary(basePath),
    osClean: unary(cleanPath),
    osDir: unary(dirPath),
    osExt: unary(extPath),
    osIsAbs: isAbs,
  };
}
