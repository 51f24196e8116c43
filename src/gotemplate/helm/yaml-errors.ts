/**
 * The error text sigs.k8s.io/yaml gives for YAML it cannot read (`fromYaml` puts it in the
 * `Error` key). go-yaml v2's messages come from libyaml's scanner and parser; we read the text
 * with the `yaml` package and name the same problem the way libyaml does, at the line libyaml
 * reports: scanner errors count lines from 1, parser errors from 0, and line 0 is not shown.
 * This matches go-yaml for the common mistakes, not for every malformed input.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node as YamlNode, type YAMLError } from 'yaml';
import { resolveYaml11Scalar } from '../../yaml/parse-yaml11.js';
import { quote } from '../go-quote.js';

const CONVERT = 'error converting YAML to JSON: ';

function lineAt(text: string, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function lineText(text: string, line: number): string {
  return text.split('\n')[line] ?? '';
}

function scannerError(line: number, message: string): string {
  return `yaml: ${line !== 0 ? `line ${line + 1}: ` : ''}${message}`;
}

function parserError(line: number, message: string): string {
  return `yaml: ${line !== 0 ? `line ${line}: ` : ''}${message}`;
}

// libyaml's stream-end mark moves to the next line when the text does not end with a break.
function endLine(text: string): number {
  const lines = lineAt(text, text.length);
  return text.length > 0 && !text.endsWith('\n') ? lines + 1 : lines;
}

// The `:` that starts the forbidden nested mapping: the first `: ` / `:` at a line end.
function mappingValueLine(text: string, from: number): number {
  const m = /:(?=[ \t\n]|$)/.exec(text.slice(from));
  return lineAt(text, m ? from + m.index : from);
}

function continuesPlainScalar(text: string, line: number): boolean {
  const lines = text.split('\n');
  for (let i = line - 1; i >= 0; i--) {
    const l = lines[i]!.replace(/\s+#.*$/, '').trimEnd();
    if (l.trim() === '' || l.trimStart().startsWith('#')) continue;
    return !/(^|[\s])[-?:]$|:$|[|>][-+0-9]*$|[[{,]$/.test(l);
  }
  return false;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

// Inside a block sequence at the same indentation, libyaml wants a `-`; elsewhere a key.
function sequenceSibling(text: string, line: number): boolean {
  const lines = text.split('\n');
  const indent = indentOf(lines[line] ?? '');
  for (let i = line - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (l.trim() === '') continue;
    if (indentOf(l) === indent) return l.trimStart().startsWith('-');
    if (indentOf(l) < indent) return false;
  }
  return false;
}

function flowError(text: string, err: YAMLError, close: string): string {
  const offset = err.pos[0];
  const before = text.slice(0, offset).trimEnd();
  const last = before[before.length - 1];
  const message =
    last === '[' || last === ',' || last === '{'
      ? 'did not find expected node content'
      : `did not find expected ',' or '${close}'`;
  if (offset >= text.length) return parserError(endLine(text), message);
  return parserError(lineAt(text, offset), message);
}

/** go-yaml v2's message for the first syntax error of a document. */
export function syntaxErrorText(text: string, err: YAMLError): string {
  const offset = err.pos[0];
  const line = lineAt(text, offset);
  const msg = err.message;
  switch (err.code) {
    case 'TAB_AS_INDENT':
      // A tab that continues a plain scalar of the line before breaks its indentation; a tab
      // where a new token would start cannot start one.
      return continuesPlainScalar(text, line)
        ? scannerError(line, 'found a tab character that violates indentation')
        : scannerError(line, 'found character that cannot start any token');
    case 'BAD_SCALAR_START':
      return scannerError(line, 'found character that cannot start any token');
    case 'BLOCK_AS_IMPLICIT_KEY':
      return scannerError(mappingValueLine(text, offset), 'mapping values are not allowed in this context');
  }
  if (/quote/.test(msg)) return scannerError(lineAt(text, text.length), 'found unexpected end of stream');
  if (/^Flow sequence/.test(msg)) return flowError(text, err, ']');
  if (/^Flow map/.test(msg)) return flowError(text, err, '}');
  if (/- indicator/.test(msg)) return parserError(line, "did not find expected '-' indicator");
  if (/All mapping items/.test(msg)) {
    const seq = sequenceSibling(text, line);
    return parserError(line, seq ? "did not find expected '-' indicator" : 'did not find expected key');
  }
  if (
    err.code === 'UNEXPECTED_TOKEN' ||
    err.code === 'MULTILINE_IMPLICIT_KEY' ||
    err.code === 'MISSING_CHAR'
  ) {
    const dash = lineText(text, line).trimStart().startsWith('-');
    return parserError(line, dash ? 'did not find expected key' : "did not find expected '-' indicator");
  }
  return parserError(line, 'did not find expected node content');
}

function isNullKey(key: YamlNode | null): boolean {
  if (key === null) return true;
  if (!isScalar(key) || key.type !== 'PLAIN' || key.tag) return false;
  try {
    return resolveYaml11Scalar(String(key.value ?? '')) === null;
  } catch {
    return false;
  }
}

// Go's %#v of a scalar value (what the null-key error shows); other values are not matched.
function goSyntax(node: YamlNode | null): string {
  if (node === null) return '<nil>';
  if (!isScalar(node)) return '…';
  const text = String(node.value ?? '');
  let v: unknown = text;
  if (node.type === 'PLAIN' && !node.tag) {
    try {
      v = resolveYaml11Scalar(text);
    } catch {
      v = text;
    }
  }
  if (v === null) return '<nil>';
  return typeof v === 'string' ? quote(v) : String(v);
}

/** The prefix sigs.k8s.io/yaml puts before go-yaml and conversion errors. */
export function conversionError(message: string): string {
  return CONVERT + message;
}

function unsupported(text: string): string {
  if (/nan/i.test(text)) return 'json: unsupported value: NaN';
  return `json: unsupported value: ${text.startsWith('-') ? '-Inf' : '+Inf'}`;
}

const TAG_CHECKS: Readonly<Record<string, (v: unknown) => boolean>> = {
  'tag:yaml.org,2002:int': (v) => typeof v === 'number' && Number.isInteger(v),
  'tag:yaml.org,2002:float': (v) => typeof v === 'number',
  'tag:yaml.org,2002:bool': (v) => typeof v === 'boolean',
};

// go-yaml refuses an explicit !!int / !!float / !!bool on a scalar of another kind.
function taggedProblem(tag: string | undefined, text: string): string | undefined {
  const check = tag === undefined ? undefined : TAG_CHECKS[tag];
  if (!check) return undefined;
  let value: unknown;
  try {
    value = resolveYaml11Scalar(text);
  } catch {
    return undefined;
  }
  if (check(value)) return undefined;
  return `yaml: cannot decode !!str \`${text}\` as a !!${tag!.slice('tag:yaml.org,2002:'.length)}`;
}

/**
 * For a document without syntax errors that still did not convert: what go-yaml or the JSON
 * step complains about (an alias to an unknown anchor, `.inf` / `.nan`).
 */
export function conversionProblem(doc: Document, node: YamlNode | null, depth = 0): string | undefined {
  if (node === null || depth > 1000) return undefined;
  if (isAlias(node)) {
    return node.resolve(doc) === undefined ? `yaml: unknown anchor '${node.source}' referenced` : undefined;
  }
  if (isScalar(node)) {
    const tagged = taggedProblem(node.tag, String(node.value ?? ''));
    if (tagged !== undefined || node.type !== 'PLAIN' || node.tag) return tagged;
    try {
      resolveYaml11Scalar(String(node.value ?? ''));
    } catch {
      return unsupported(String(node.value));
    }
    return undefined;
  }
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as YamlNode | null;
      if (isNullKey(key))
        return `unsupported map key of type: %!s(<nil>), key: <nil>, value: ${goSyntax(pair.value as YamlNode | null)}`;
    }
  }
  if (isSeq(node) || isMap(node)) {
    for (const item of node.items) {
      const parts: unknown[] = isMap(node)
        ? [(item as { key: unknown }).key, (item as { value: unknown }).value]
        : [item];
      for (const part of parts) {
        const problem = conversionProblem(doc, (part ?? null) as YamlNode | null, depth + 1);
        if (problem) return problem;
      }
    }
  }
  return undefined;
}
