import { DiagnosticError } from '../core/diagnostic.js';
import type { RepoTree } from '../tree/repo-tree.js';
import { basename, displayPath, resolvePath } from '../tree/paths.js';

/**
 * The key/value sources of a configMapGenerator or secretGenerator, read the way kustomize's
 * kv loader reads them. Values are bytes: a file may hold anything, and only the generator
 * knows whether non-UTF-8 content goes to binaryData (ConfigMap) or is just base64 (Secret).
 *
 * kubectl kustomize validates neither env keys nor data keys (it runs with a validator that
 * accepts everything), so neither does this; the errors it does raise are reproduced.
 */
export interface KvPair {
  key: string;
  value: Uint8Array;
}

export interface KvSources {
  envs?: readonly string[];
  literals?: readonly string[];
  files?: readonly string[];
}

/** Where the sources are read from, for paths and messages. */
export interface KvContext {
  tree: RepoTree;
  /** Repository-relative directory of the kustomization. */
  dir: string;
  /** The kustomization file, for diagnostics. */
  file?: string;
}

const encoder = new TextEncoder();
// ignoreBOM: a BOM is content (kustomize strips it from an env file's first line only).
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const BOM = [0xef, 0xbb, 0xbf];
/** Go's bufio.Scanner gives up on a line this long; kustomize ignores that error and stops reading. */
const MAX_LINE = 64 * 1024;

function fail(ctx: KvContext | undefined, message: string): never {
  throw new DiagnosticError({ rule: 'kustomize-generator', message, file: ctx?.file });
}

/** Go's `%v` of a string slice. */
function goList(items: readonly string[]): string {
  return `[${items.join(' ')}]`;
}

/** Go's `%q` for the plain strings these messages quote. */
function goQuote(s: string): string {
  return JSON.stringify(s);
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Drops one pair of matching surrounding quotes, as kustomize's removeQuotes does. */
function removeQuotes(s: string): string {
  if (s.length < 2 || s[0] !== s[s.length - 1]) return s;
  return s[0] === '"' || s[0] === "'" ? s.slice(1, -1) : s;
}

/** `key=value`; the value may contain `=` and loses one pair of surrounding quotes. */
export function parseLiteralSource(source: string): { key: string; value: string } {
  const eq = source.indexOf('=');
  if (eq <= 0) throw new Error(`invalid literal source ${source}, expected key=value`);
  return { key: source.slice(0, eq), value: removeQuotes(source.slice(eq + 1)) };
}

/** `path` (key = the file's base name) or `key=path`. */
export function parseFileSource(source: string): { key: string; path: string } {
  const eq = source.indexOf('=');
  if (eq < 0) return { key: goPathBase(source), path: source };
  if (eq === 0) {
    throw new Error(
      `missing key name for file path ${goQuote(source.slice(1))} in source ${goQuote(source)}`,
    );
  }
  const key = source.slice(0, eq);
  const path = source.slice(eq + 1);
  if (path.includes('=')) throw new Error(`source ${goQuote(source)} key name or file path contains '='`);
  if (path === '')
    throw new Error(`missing file path for key name ${goQuote(key)} in source ${goQuote(source)}`);
  return { key, path };
}

/** Go's path.Base: trailing slashes dropped, '' → '.', all slashes → '/'. */
function goPathBase(p: string): string {
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  return trimmed === '' ? '/' : basename(trimmed);
}

/** Go's unicode.IsSpace (BOM is not a space). */
function isGoSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

function trimLeftGoSpace(s: string): string {
  let i = 0;
  while (i < s.length && isGoSpace(s.charCodeAt(i))) i++;
  return s.slice(i);
}

/** Lines as Go's bufio.ScanLines yields them: split on \n, one trailing \r dropped, no empty tail. */
function scanLines(content: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  while (start < content.length) {
    let end = content.indexOf(0x0a, start);
    const last = end < 0;
    if (last) end = content.length;
    // A line that does not fit the scanner's buffer ends the scan, silently.
    if (end - start >= MAX_LINE) break;
    let line = content.subarray(start, end);
    if (line.length > 0 && line[line.length - 1] === 0x0d) line = line.subarray(0, -1);
    lines.push(line);
    start = end + 1;
  }
  return lines;
}

/** Bytes as text, each byte that is not part of valid UTF-8 shown as `\\xNN` (as Go's quoting does). */
function showBytes(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    let n = 1;
    while (n <= 4 && i + n <= bytes.length && !isValidUtf8(bytes.subarray(i, i + n))) n++;
    if (n <= 4 && i + n <= bytes.length) {
      out += strictUtf8.decode(bytes.subarray(i, i + n));
      i += n;
    } else {
      out += `\\x${(bytes[i] as number).toString(16).padStart(2, '0')}`;
      i += 1;
    }
  }
  return out;
}

/** Go's `%d` of a byte slice: `[65 61 255]`. */
function goBytes(bytes: Uint8Array): string {
  return `[${Array.from(bytes).join(' ')}]`;
}

/**
 * An env file: `KEY=value` per line, value taken verbatim (no unquoting, no `export`
 * handling), a line without `=` gives an empty value, blank lines and `#` comments are
 * skipped, a UTF-8 BOM is dropped from the first line only.
 */
export function parseEnvContent(content: Uint8Array): KvPair[] {
  const pairs: KvPair[] = [];
  scanLines(content).forEach((raw, index) => {
    if (!isValidUtf8(raw)) {
      throw new Error(`line ${goBytes(raw)} has invalid utf8 bytes : ${showBytes(raw)}`);
    }
    let bytes = raw;
    if (index === 0 && BOM.every((b, i) => bytes[i] === b)) bytes = bytes.subarray(3);
    const line = trimLeftGoSpace(strictUtf8.decode(bytes));
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    // `=value` has an empty key, which kustomize treats like a blank line.
    if (key === '') return;
    pairs.push({ key, value: encoder.encode(eq < 0 ? '' : line.slice(eq + 1)) });
  });
  return pairs;
}

/** Reads a file named relative to the kustomization directory; must stay inside the repository. */
function readSourceFile(ctx: KvContext, path: string): Uint8Array {
  if (/^https?:\/\//.test(path)) {
    fail(ctx, `remote file '${path}' is not supported: generators can only read files in the repository`);
  }
  const resolved = resolvePath(ctx.dir, path);
  if (resolved === undefined) {
    throw new DiagnosticError({
      rule: 'path-escape',
      message: `file '${path}' in ${displayPath(ctx.dir)} leads outside the repository root`,
      file: ctx.file,
      hint: 'keep every file a generator reads inside the repository',
    });
  }
  return ctx.tree.readBytes(resolved);
}

/** Adds kustomize's context to the message of a failed step, keeping DiagnosticError details. */
function wrapped<T>(ctx: KvContext, prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof DiagnosticError) {
      throw new DiagnosticError({ ...e.diagnostic, message: `${prefix}: ${e.diagnostic.message}` });
    }
    fail(ctx, `${prefix}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** All pairs in kustomize's order: env files, then literals, then files. */
export function loadKvPairs(ctx: KvContext, sources: KvSources): KvPair[] {
  const envs = sources.envs ?? [];
  const literals = sources.literals ?? [];
  const files = sources.files ?? [];
  const all: KvPair[] = [];
  wrapped(ctx, `loading KV pairs: env source files: ${goList(envs)}`, () => {
    for (const p of envs) all.push(...parseEnvContent(readSourceFile(ctx, p)));
  });
  wrapped(ctx, `loading KV pairs: literal sources ${goList(literals)}`, () => {
    for (const s of literals) {
      const { key, value } = parseLiteralSource(s);
      all.push({ key, value: encoder.encode(value) });
    }
  });
  wrapped(ctx, `loading KV pairs: file sources: ${goList(files)}`, () => {
    for (const s of files) {
      const { key, path } = parseFileSource(s);
      all.push({ key, value: readSourceFile(ctx, path) });
    }
  });
  return all;
}

/**
 * The data map of one generator: keys in first-seen order; a repeated key is an error
 * (kustomize says "configmap" for Secrets too).
 */
export function makeDataMap(
  ctx: KvContext | undefined,
  name: string,
  pairs: readonly KvPair[],
): Map<string, Uint8Array> {
  const data = new Map<string, Uint8Array>();
  for (const p of pairs) {
    if (data.has(p.key)) fail(ctx, `configmap ${name} illegally repeats the key \`${p.key}\``);
    data.set(p.key, p.value);
  }
  return data;
}
