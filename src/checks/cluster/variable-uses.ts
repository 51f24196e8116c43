/**
 * The `${VAR}` uses of repository files, for `unresolved-variable`. Clusters and
 * Kustomizations share source files, so each file is read, split and scanned once per run.
 */
import { DiagnosticError } from '../../core/diagnostic.js';
import type { RepoTree } from '../../tree/repo-tree.js';
import { splitDocuments, type DocumentChunk } from '../../yaml/documents.js';

// Flux's envsubst: `$$` escapes a `$`; `${NAME…}` is a variable with an optional operator.
// Flux substitutes per object, not per line, but a use is reported on its line: a use ends
// at the line's end (`\n` is excluded), as when each line is matched alone.
const VARIABLE = /\$\$|\$\{([_A-Za-z][_A-Za-z0-9]*)([^}\n]*)\}/g;
// Operators with a fallback value are fine when the variable is unset.
const HAS_FALLBACK = /^:?[-=+?]/;

export interface VariableUse {
  name: string;
  /** 1-based line in the file. */
  line: number;
}

/** Variables a text uses without a fallback, with their 1-based line (comment lines skipped). */
export function usedVariables(text: string, firstLine: number): VariableUse[] {
  const out: VariableUse[] = [];
  if (!text.includes('${')) return out;
  let line = firstLine + 1;
  let lineStart = 0;
  let comment = false;
  let commentKnown = false;
  for (const m of text.matchAll(VARIABLE)) {
    for (let nl = text.indexOf('\n', lineStart); nl >= 0 && nl < m.index; nl = text.indexOf('\n', nl + 1)) {
      line++;
      lineStart = nl + 1;
      commentKnown = false;
    }
    const [, name, op = ''] = m;
    if (name === undefined || HAS_FALLBACK.test(op)) continue;
    if (!commentKnown) {
      // The match itself is not blank, so the line's first non-blank is the prefix's, if any.
      comment = text.slice(lineStart, m.index).trimStart().startsWith('#');
      commentKnown = true;
    }
    if (!comment) out.push({ name, line }); // comments are gone before Flux substitutes
  }
  return out;
}

/** Reads and scans files on demand, each once. */
export class VariableSources {
  private readonly texts = new Map<string, string | undefined>();
  private readonly fileUses = new Map<string, VariableUse[] | undefined>();
  private readonly chunks = new Map<string, ReadonlyMap<number, DocumentChunk> | undefined>();
  private readonly chunkUses = new Map<DocumentChunk, VariableUse[]>();

  constructor(private readonly tree: RepoTree) {}

  /** The file's text; undefined when it cannot be read. */
  text(file: string): string | undefined {
    if (!this.texts.has(file)) {
      try {
        this.texts.set(file, this.tree.readText(file));
      } catch (e) {
        if (!(e instanceof DiagnosticError)) throw e;
        this.texts.set(file, undefined);
      }
    }
    return this.texts.get(file);
  }

  /** The uses in the whole file; undefined when it cannot be read. */
  inFile(file: string): VariableUse[] | undefined {
    if (!this.fileUses.has(file)) {
      const text = this.text(file);
      this.fileUses.set(file, text ? usedVariables(text, 0) : undefined);
    }
    return this.fileUses.get(file);
  }

  /** The uses in the document whose content starts at `line`; undefined when there is none. */
  inDocument(file: string, line: number): VariableUse[] | undefined {
    const chunk = this.documents(file)?.get(line);
    if (!chunk) return undefined;
    let uses = this.chunkUses.get(chunk);
    if (!uses) this.chunkUses.set(chunk, (uses = usedVariables(chunk.text, chunk.firstLine)));
    return uses;
  }

  // Documents by content line; none for files without `${` (nothing to find) or that do not split.
  private documents(file: string): ReadonlyMap<number, DocumentChunk> | undefined {
    if (this.chunks.has(file)) return this.chunks.get(file);
    const text = this.text(file);
    let byLine: Map<number, DocumentChunk> | undefined;
    if (text !== undefined && text.includes('${')) {
      try {
        byLine = new Map();
        for (const c of splitDocuments(text, file))
          if (!byLine.has(c.contentLine)) byLine.set(c.contentLine, c);
      } catch (e) {
        if (!(e instanceof DiagnosticError)) throw e;
        byLine = undefined;
      }
    }
    this.chunks.set(file, byLine);
    return byLine;
  }
}
