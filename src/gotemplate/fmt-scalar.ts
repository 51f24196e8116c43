/**
 * fmt's per-type verb dispatch for scalars (print.go fmtFloat, fmtInteger, fmtString): which
 * verbs each Go kind accepts, with their default precisions; any other verb is a bad verb.
 */
import { Fmt } from './fmt-format.js';

export abstract class ScalarPrinter extends Fmt {
  /** Writes `%!verb(type=value)` for the operand being printed. */
  abstract badVerb(verb: string): void;

  protected printFloat(v: number, size: 32 | 64, verb: string): void {
    switch (verb) {
      case 'v':
        this.fmtFloat(v, size, 'g', -1);
        return;
      case 'b':
      case 'g':
      case 'G':
      case 'x':
      case 'X':
        this.fmtFloat(v, size, verb, -1);
        return;
      case 'f':
      case 'e':
      case 'E':
        this.fmtFloat(v, size, verb, 6);
        return;
      case 'F':
        this.fmtFloat(v, size, 'f', 6);
        return;
      default:
        this.badVerb(verb);
    }
  }

  protected printInteger(v: bigint, isSigned: boolean, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.f.sharpV && !isSigned) this.fmt0x64(v, true);
        else this.fmtInteger(v, 10, isSigned, verb);
        return;
      case 'd':
        this.fmtInteger(v, 10, isSigned, verb);
        return;
      case 'b':
        this.fmtInteger(v, 2, isSigned, verb);
        return;
      case 'o':
      case 'O':
        this.fmtInteger(v, 8, isSigned, verb);
        return;
      case 'x':
      case 'X':
        this.fmtInteger(v, 16, isSigned, verb, verb === 'X');
        return;
      case 'c':
        this.fmtC(v);
        return;
      case 'q':
        this.fmtQc(v);
        return;
      case 'U':
        this.fmtUnicode(v);
        return;
      default:
        this.badVerb(verb);
    }
  }

  protected fmt0x64(v: bigint, leading0x: boolean): void {
    const sharp = this.f.sharp;
    this.f.sharp = leading0x;
    this.fmtInteger(v, 16, false, 'v');
    this.f.sharp = sharp;
  }

  protected printString(v: string, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.f.sharpV) this.fmtQ(v);
        else this.fmtS(v);
        return;
      case 's':
        this.fmtS(v);
        return;
      case 'x':
      case 'X':
        this.fmtSx(v, verb === 'X');
        return;
      case 'q':
        this.fmtQ(v);
        return;
      default:
        this.badVerb(verb);
    }
  }
}
