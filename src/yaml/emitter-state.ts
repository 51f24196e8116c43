/**
 * The output cursor of yaml.v2's emitter: the column, whitespace and indentation flags
 * every write consults. Line folding and indentation decisions depend on these exact
 * flags, so the primitives mirror yaml.v2 (put, put_break, write_indent, write_indicator).
 */

export const BEST_INDENT = 2;
export const BEST_WIDTH = 80;

export class EmitterState {
  // Pieces joined once at the end: `+=` per character builds a rope of small strings that
  // holds several times the text's size until it is flattened (100,000 documents ran out of memory).
  private readonly out: string[] = [];
  column = 0;
  /** Nesting indentation; -1 before the root node. */
  indent = -1;
  /** The last thing written was whitespace (or nothing). */
  whitespace = true;
  /** Only indentation has been written on the current line. */
  indention = true;

  /** Writes one non-break character (any code point) and advances the column. */
  put(ch: string): void {
    this.out.push(ch);
    this.column++;
  }

  /** Writes text that holds no line break, counting code points. */
  putText(text: string, codePoints: number): void {
    this.out.push(text);
    this.column += codePoints;
  }

  putBreak(): void {
    this.out.push('\n');
    this.column = 0;
    this.indention = true;
  }

  /** yaml.v2 write_break: a '\n' becomes a newline, other break characters are copied. */
  writeBreak(ch: string): void {
    if (ch === '\n') {
      this.putBreak();
      return;
    }
    this.out.push(ch);
    this.column = 0;
    this.indention = true;
  }

  writeIndent(): void {
    const indent = this.indent < 0 ? 0 : this.indent;
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) {
      this.putBreak();
    }
    if (this.column < indent) {
      this.out.push(' '.repeat(indent - this.column));
      this.column = indent;
    }
    this.whitespace = true;
    this.indention = true;
  }

  writeIndicator(
    indicator: string,
    needWhitespace: boolean,
    isWhitespace: boolean,
    isIndention: boolean,
  ): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.putText(indicator, indicator.length);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  /** yaml_emitter_increase_indent; returns the previous indent for the caller to restore. */
  increaseIndent(flow: boolean, indentless: boolean): number {
    const previous = this.indent;
    if (this.indent < 0) {
      this.indent = flow ? BEST_INDENT : 0;
    } else if (!indentless) {
      this.indent += BEST_INDENT;
    }
    return previous;
  }

  toString(): string {
    return this.out.join('');
  }
}
