/**
 * Reading YAML files the way kustomize reads manifests: every document resolved with
 * go-yaml v3's rules (see resolve.ts) into plain JSON data. js-yaml with a custom schema
 * does the fast parse; problems are reported as DiagnosticErrors with file positions.
 */
import jsYaml from 'js-yaml';
import { DiagnosticError } from '../core/diagnostic.js';
import type { JsonValue } from '../core/json.js';
import { splitDocuments, type DocumentChunk } from './documents.js';
import { finalizeDocument, FinalizeError } from './finalize.js';
import { findDuplicateKey } from './duplicate-key.js';
import { fillEmptyEntries } from './empty-entry-quirk.js';
import { dropAppendedBreak, mayEndInBlockScalarLine } from './final-break-quirk.js';
import { foldedQuirkListener, mayHaveFoldedScalar } from './folded-quirk.js';
import { findBadMerge } from './merge-check.js';
import { locateInChunk } from './locate.js';
import {
  depthLimitError,
  documentSizeError,
  isDepthReason,
  JS_YAML_MAX_DEPTH,
  MAX_DOCUMENT_BYTES,
  sizeOver,
} from './limits.js';
import { lastTagError, V3_SCHEMA } from './schema.js';

export interface YamlDocument {
  value: JsonValue;
  /** 1-based line where the document content starts. */
  line: number;
  /** Position of the document in the file, counting empty documents. */
  index: number;
}

const LOAD_OPTIONS: jsYaml.LoadOptions = {
  schema: V3_SCHEMA,
  maxDepth: JS_YAML_MAX_DEPTH,
  maxTotalMergeKeys: 1_000_000,
} as jsYaml.LoadOptions;

function syntaxError(e: jsYaml.YAMLException, chunk: DocumentChunk, file: string): DiagnosticError {
  const line = chunk.firstLine + (e.mark?.line ?? 0) + 1;
  const column = (e.mark?.column ?? 0) + 1;
  if (isDepthReason(e.reason)) return depthLimitError({ file, line, column });
  if (e.reason === 'duplicated mapping key') {
    const dup = findDuplicateKey(chunk.text);
    if (dup) {
      return new DiagnosticError({
        rule: 'yaml-duplicate-key',
        message: `mapping key ${JSON.stringify(dup.key)} already defined at line ${chunk.firstLine + dup.firstLine}`,
        file,
        line: chunk.firstLine + dup.line,
        column: dup.column,
      });
    }
    return new DiagnosticError({
      rule: 'yaml-duplicate-key',
      message: 'duplicated mapping key',
      file,
      line,
      column,
    });
  }
  if (e.reason.startsWith('cannot merge mappings')) return mergeError(chunk, file, line, column);
  const tagProblem = e.reason.startsWith('cannot resolve a node with') ? lastTagError : undefined;
  return new DiagnosticError({
    rule: 'yaml-syntax',
    message: `yaml: ${tagProblem ?? e.reason}`,
    file,
    line,
    column,
  });
}

function mergeError(chunk: DocumentChunk, file: string, line?: number, column?: number): DiagnosticError {
  const bad = findBadMerge(chunk.text);
  return new DiagnosticError({
    rule: 'yaml-merge',
    message: 'yaml: map merge requires map or sequence of maps as the value',
    file,
    line: bad ? chunk.firstLine + bad.line : line,
    column: bad ? bad.column : column,
  });
}

function finalizeError(err: FinalizeError, chunk: DocumentChunk, file: string): DiagnosticError {
  const p = err.problem;
  const at = 'key' in p ? locateInChunk(chunk, [...p.path, p.key]) : locateInChunk(chunk, p.path);
  const where = { file, line: at?.line ?? chunk.contentLine, column: at?.column };
  switch (p.kind) {
    case 'depth-limit':
      return depthLimitError(where);
    case 'alias-limit':
      return new DiagnosticError({
        rule: 'yaml-alias-limit',
        message: 'yaml: document contains excessive aliasing',
        hint: 'expand the anchors or reduce how often aliases are reused',
        ...where,
      });
    case 'non-string-key':
      return new DiagnosticError({
        rule: 'yaml-non-string-key',
        message: `mapping key ${p.key} is not a string; kustomize cannot convert it to JSON (json: unsupported type: map[interface {}]interface {})`,
        hint: 'quote the key',
        ...where,
      });
    case 'control-character':
      return new DiagnosticError({
        rule: 'yaml-control-character',
        message:
          'yaml: control characters are not allowed (kustomize cannot print DEL, C1 controls, U+FFFE or U+FFFF)',
        ...where,
      });
    case 'duplicate-key':
      return new DiagnosticError({
        rule: 'yaml-duplicate-key',
        message: `mapping key ${JSON.stringify(p.key)} already defined`,
        ...where,
      });
  }
}

export interface ParseOptions {
  /**
   * Reproduce kustomize's re-encoding of folded (`>`) scalars (see folded-quirk.ts). On for
   * manifests and patches; off for files kustomize reads with plain YAML decoding, such as
   * kustomization files.
   */
  kustomizeFoldedScalars?: boolean;
}

type Listener = NonNullable<jsYaml.LoadOptions['listener']>;

// go-yaml reads the value first (no appended final break), then kustomize re-encodes it.
function loadListener(folded: Listener | undefined, atEnd: boolean): Listener | undefined {
  if (!atEnd) return folded;
  if (!folded) return dropAppendedBreak;
  return function (event, state) {
    dropAppendedBreak(event, state);
    folded.call(this, event, state);
  };
}

function parseChunk(chunk: DocumentChunk, file: string, options: ParseOptions): JsonValue {
  if (chunk.problem) {
    throw new DiagnosticError({
      rule: 'yaml-syntax',
      message: chunk.problem.message,
      file,
      line: chunk.problem.line,
      column: 1,
    });
  }
  if (!chunk.hasContent) return null;
  const bytes = sizeOver(chunk.text, MAX_DOCUMENT_BYTES);
  if (bytes !== undefined) throw documentSizeError(bytes, { file, line: chunk.contentLine });
  let loaded: unknown;
  try {
    // Only adds ` ~` after empty entries js-yaml would misread, so line numbers stay.
    const text = fillEmptyEntries(chunk.text);
    const quirk = options.kustomizeFoldedScalars !== false && mayHaveFoldedScalar(text);
    const listener = loadListener(
      quirk ? foldedQuirkListener(text) : undefined,
      mayEndInBlockScalarLine(text),
    );
    const opts = listener ? { ...LOAD_OPTIONS, listener } : LOAD_OPTIONS;
    // kustomize decodes one document per piece; anything after a `...` end marker is ignored.
    loaded = jsYaml.loadAll(text, undefined, opts)[0];
  } catch (e) {
    if (e instanceof jsYaml.YAMLException) throw syntaxError(e, chunk, file);
    // The maxDepth bound keeps js-yaml well inside the stack; this is the backstop.
    if (e instanceof RangeError) throw depthLimitError({ file, line: chunk.contentLine });
    throw e;
  }
  if (chunk.text.includes('<<') && findBadMerge(chunk.text)) throw mergeError(chunk, file);
  try {
    // Such characters can only come from escapes in double-quoted scalars.
    return finalizeDocument(loaded === undefined ? null : loaded, chunk.text.includes('\\'));
  } catch (e) {
    if (e instanceof FinalizeError) throw finalizeError(e, chunk, file);
    throw e;
  }
}

/** All documents of a YAML file; empty or comment-only documents have value null. */
export function parseYamlDocuments(text: string, file: string, options: ParseOptions = {}): YamlDocument[] {
  return splitDocuments(text, file).map((chunk, index) => ({
    value: parseChunk(chunk, file, options),
    line: chunk.contentLine,
    index,
  }));
}

/** Source position of the node at `path` in document `docIndex`, for diagnostics. */
export { locateInDocument } from './locate.js';
