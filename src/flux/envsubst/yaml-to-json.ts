/**
 * The second half of Flux's substitution round trip: sigs.k8s.io/yaml `YAMLToJSON` of the
 * substituted text (go-yaml v2, YAML 1.1 typing). Failures are reported in go-yaml's words
 * where we know them (`yaml: line 7: did not find expected alphabetic or numeric character`),
 * since that is what users search for; otherwise with the parser's own description.
 */
import { parseDocument, visit, type YAMLError } from 'yaml';
import { DiagnosticError } from '../../core/diagnostic.js';
import type { JsonValue } from '../../core/json.js';
import { YAML_LIMIT_RULE } from '../../yaml/limits.js';
import { parseYaml11, parseYaml11Fast } from '../../yaml/parse-yaml11.js';

export class YamlToJsonError extends Error {
  constructor(
    message: string,
    /** 1-based line of the problem in the text, when known. */
    readonly textLine?: number,
  ) {
    super(message);
  }
}

interface Problem {
  message: string;
  /** 1-based line of the problem. */
  line: number;
}

const LIMIT_RULES = new Set([YAML_LIMIT_RULE, 'yaml-alias-limit']);

const PARSE_OPTIONS = { schema: 'failsafe', merge: false, uniqueKeys: false, strict: false } as const;

// An alias can only start after a line start, a space or a flow indicator.
const MAY_HAVE_ALIAS = /(?:^|[\s,[{])\*/m;

/** JSON data of the first YAML document in `text`; throws YamlToJsonError. */
export function yamlToJson(text: string): JsonValue {
  // The fast reader rejects undefined and malformed aliases itself, as go-yaml does.
  const fast = parseYaml11Fast(text);
  if (fast !== undefined) return fast;
  let value: JsonValue;
  try {
    value = parseYaml11(text, '');
  } catch (e) {
    if (!(e instanceof DiagnosticError)) throw e;
    // A bound was reached: reading the text again to find a position would cross it too.
    if (LIMIT_RULES.has(e.diagnostic.rule))
      throw new YamlToJsonError(e.diagnostic.message, e.diagnostic.line);
    throw failure(text, e.diagnostic.message);
  }
  // parseYaml11 reads an undefined or malformed alias as null; go-yaml rejects it.
  if (MAY_HAVE_ALIAS.test(text)) {
    const bad = aliasProblem(text);
    if (bad) throw toError(bad);
  }
  return value;
}

function failure(text: string, original: string): YamlToJsonError {
  const unsupported = /^json: unsupported value: ([-+]?)\.(?:(inf|Inf|INF)|nan|NaN|NAN)$/.exec(original);
  if (unsupported) {
    const v = unsupported[2] ? `${unsupported[1] === '-' ? '-' : '+'}Inf` : 'NaN';
    return new YamlToJsonError(`json: unsupported value: ${v}`);
  }
  const doc = parseDocument(text, PARSE_OPTIONS);
  const err = doc.errors[0];
  if (!err) return new YamlToJsonError(original.replace(/^invalid YAML: /, 'yaml: '));
  const syntax = syntaxProblem(text, err);
  const alias = aliasProblem(text);
  return toError(alias && alias.line <= syntax.line ? alias : syntax);
}

function toError(p: Problem): YamlToJsonError {
  return new YamlToJsonError(p.message, p.line);
}

/** go-yaml's message for the first syntax error the parser found. */
function syntaxProblem(text: string, err: YAMLError): Problem {
  const line = err.linePos?.[0].line ?? 1;
  const at = text[err.pos[0]];
  const scanner = (problem: string): Problem => ({ message: `yaml: line ${line}: ${problem}`, line });
  switch (err.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      // A value that now reads `a: b`. After a quoted scalar ('it's: ok') go-yaml's parser, not
      // its scanner, complains, and parser errors print the 0-based line.
      if (at === "'" || at === '"') {
        return {
          message:
            line > 1
              ? `yaml: line ${line - 1}: did not find expected key`
              : 'yaml: did not find expected key',
          line,
        };
      }
      return scanner(
        at === '?'
          ? 'mapping keys are not allowed in this context'
          : 'mapping values are not allowed in this context',
      );
    case 'BAD_SCALAR_START':
      return scanner('found character that cannot start any token');
  }
  if (err.message.startsWith('Unexpected block-seq-ind')) {
    return scanner('block sequence entries are not allowed in this context');
  }
  return scanner(err.message.replace(/ at line \d+, column \d+:[\s\S]*$/, ''));
}

/** An alias go-yaml cannot read: a name with other characters than [A-Za-z0-9_-], or no anchor. */
function aliasProblem(text: string): Problem | undefined {
  const doc = parseDocument(text, PARSE_OPTIONS);
  let found: Problem | undefined;
  visit(doc, {
    Alias(_, node) {
      const line = lineOf(text, node.range?.[0] ?? 0);
      if (!/^[A-Za-z0-9_-]+$/.test(node.source)) {
        found = {
          message: `yaml: line ${line}: did not find expected alphabetic or numeric character`,
          line,
        };
      } else if (node.resolve(doc) === undefined) {
        found = { message: `yaml: unknown anchor '${node.source}' referenced`, line };
      }
      return found ? visit.BREAK : undefined;
    },
  });
  return found;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
