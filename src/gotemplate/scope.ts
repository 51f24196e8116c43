/**
 * The executor's variable stack: `$` at the bottom, then the variables declared so far. A
 * control structure marks the stack and pops back to the mark at its `{{end}}`; `=` assigns the
 * innermost variable of that name.
 */
import type { GoValue } from './value.js';

export interface Variable {
  readonly name: string;
  value: GoValue;
  /** Read from an `interface {}` slot (a range element): errors name its type `interface {}`. */
  boxed: boolean;
}

export class Scope {
  private readonly vars: Variable[];

  constructor(dollar: GoValue) {
    this.vars = [{ name: '$', value: dollar, boxed: false }];
  }

  push(name: string, value: GoValue, boxed = false): void {
    this.vars.push({ name, value, boxed });
  }

  mark(): number {
    return this.vars.length;
  }

  pop(mark: number): void {
    this.vars.length = mark;
  }

  /** Assigns the innermost `name`; false when there is none. */
  set(name: string, value: GoValue, boxed = false): boolean {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i] as Variable;
      if (v.name === name) {
        v.value = value;
        v.boxed = boxed;
        return true;
      }
    }
    return false;
  }

  /** Overwrites the n-th variable from the top (range iterations). */
  setTop(n: number, value: GoValue, boxed: boolean): void {
    const v = this.vars[this.vars.length - n] as Variable;
    v.value = value;
    v.boxed = boxed;
  }

  lookup(name: string): Variable | undefined {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i] as Variable;
      if (v.name === name) return v;
    }
    return undefined;
  }
}
