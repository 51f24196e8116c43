/** Calls sprig functions directly, as the executor would after converting the arguments. */
import { expect } from 'vitest';
import { defaultSprigEnv, sprigFuncs } from '../../../src/gotemplate/sprig/index.js';
import { GoCallError, GoInt, GoStruct, goInt, type GoValue } from '../../../src/gotemplate/value.js';

export const funcs = sprigFuncs(defaultSprigEnv('test'));

export function call(name: string, ...args: GoValue[]): GoValue {
  const f = funcs[name];
  if (f === undefined) throw new Error(`no function ${name}`);
  return f.fn(...args);
}

/** The message of the GoCallError that `name` reports for `args`. */
export function callError(name: string, ...args: GoValue[]): string {
  try {
    call(name, ...args);
  } catch (e) {
    expect(e).toBeInstanceOf(GoCallError);
    return (e as Error).message;
  }
  throw new Error(`${name} did not fail`);
}

/** A Go `int`. */
export const int = (n: number): GoValue => goInt(n);

/** A readable test title for a call: Go ints as numbers, structs by type. */
export function label(name: string, args: readonly GoValue[]): string {
  const show = (a: GoValue): string =>
    JSON.stringify(a, (_, x: unknown) =>
      x instanceof GoInt ? Number(x.value) : x instanceof GoStruct ? x.typeName : x,
    ) ?? 'undefined';
  return `${name} ${args.map(show).join(' ')}`;
}

/** Table rows [title, name, args, want] for `it.each`. */
export function rows<T>(cases: readonly [string, GoValue[], T][]): [string, string, GoValue[], T][] {
  return cases.map(([name, args, want]) => [label(name, args), name, args, want]);
}
