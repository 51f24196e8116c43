import { isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar } from 'yaml';
import type { Diagnostic } from '../../core/diagnostic.js';
import { isJsonObject } from '../../core/json.js';
import type { DocumentChunk } from '../../yaml/documents.js';
import { resolveYaml11Scalar } from '../../yaml/parse-yaml11.js';
import type { CheckContext, Rule } from '../rule.js';
import {
  inEnvList,
  isArgList,
  LEADING_ZERO,
  LEGACY_BOOLS,
  mayHaveAmbiguousScalar,
  ON_OFF,
  stringMap,
} from './ambiguous-fields.js';
import { parsedYaml, repositoryYamlFiles } from './files.js';

// Cheap test before building a CST: is any candidate token, value or key, on a line at all?
const CANDIDATE =
  /(?:^|[\s:[{,?])(?:[yYnN]|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|[-+]?0[0-9]+)[ \t]*(?:$|[,\]}#]|:(?:[ \t]|$))/m;

function problem(text: string): string | undefined {
  if (LEGACY_BOOLS.has(text) || ON_OFF.has(text)) {
    return `YAML 1.1 readers (kubectl, Helm, sigs.k8s.io/yaml) take plain ${text} as the boolean ${String(resolveYaml11Scalar(text))}, kustomize (YAML 1.2) as the string "${text}"`;
  }
  if (LEADING_ZERO.test(text)) {
    return `plain ${text} is a number, not a string: YAML 1.1 and Go readers take ${String(resolveYaml11Scalar(text))}, YAML 1.2 readers ${Number(text)}`;
  }
  return undefined;
}

type Path = readonly (string | number)[];

function pathText(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** The findings of one document, from its source (the decoded value has lost plain vs quoted). */
export function scanDocument(chunk: DocumentChunk, kind: string, file: string): Diagnostic[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(chunk.text, { lineCounter, schema: 'failsafe', uniqueKeys: false });
  const out: Diagnostic[] = [];
  const check = (node: unknown, path: Path, role: 'key' | 'value'): void => {
    if (!isScalar(node) || node.type !== Scalar.PLAIN || !node.range) return;
    const text = String(node.value);
    const why = problem(text);
    if (!why) return;
    const pos = lineCounter.linePos(node.range[0]);
    out.push({
      severity: 'warning',
      rule: 'yaml-ambiguous-scalar',
      message: `${role === 'key' ? 'key' : 'value'} ${text} at ${pathText(path)}: ${why}`,
      file,
      line: chunk.firstLine + pos.line,
      column: pos.col,
      hint: `quote it: "${text}"`,
    });
  };
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (isMap(node)) {
      const mode = stringMap(path.at(-1), path.at(-2), path.length, kind);
      const inEnv = inEnvList(path.at(-1), path.at(-2));
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const child = [...path, String(pair.key.value)];
        if (mode === 'keys-and-values') check(pair.key, child, 'key');
        if (mode || (inEnv && pair.key.value === 'value')) check(pair.value, child, 'value');
        walk(pair.value, child);
      }
    } else if (isSeq(node)) {
      const listed = isArgList(path.at(-1));
      node.items.forEach((item, i) => {
        if (listed) check(item, [...path, i], 'value');
        walk(item, [...path, i]);
      });
    }
  };
  walk(doc.contents, []);
  return out;
}

/**
 * Every finding of the rule. `prefilter: false` scans each candidate document's source;
 * the default first rules documents out by their decoded value (same findings, kept
 * switchable so tests can compare the two).
 */
export function ambiguousScalars(ctx: CheckContext, prefilter = true): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const file of repositoryYamlFiles(ctx)) {
    for (const doc of parsedYaml(ctx, file)?.documents ?? []) {
      const obj = doc.value;
      if (!isJsonObject(obj) || typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string') continue;
      if (prefilter && !mayHaveAmbiguousScalar(obj, obj.kind, doc.chunk.text)) continue;
      if (!CANDIDATE.test(doc.chunk.text)) continue;
      out.push(...scanDocument(doc.chunk, obj.kind, file));
    }
  }
  return out;
}

/**
 * Plain scalars in string-typed Kubernetes fields (labels, annotations, ConfigMap/Secret
 * data, env values, args, postBuild.substitute) that YAML 1.1 and YAML 1.2 readers decode
 * differently: the same file then works with kustomize and fails, or changes, with kubectl.
 */
export const yamlAmbiguousScalar: Rule = {
  id: 'yaml-ambiguous-scalar',
  severity: 'warning',
  description:
    'an unquoted yes/no/on/off/y/n or leading-zero number in a string field: YAML 1.1 (kubectl, Helm) reads it differently from kustomize',
  check: (ctx) => ambiguousScalars(ctx),
};
