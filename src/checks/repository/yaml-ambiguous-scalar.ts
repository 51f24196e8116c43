import { isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar } from 'yaml';
import type { Diagnostic } from '../../core/diagnostic.js';
import { isJsonObject } from '../../core/json.js';
import type { DocumentChunk } from '../../yaml/documents.js';
import { resolveYaml11Scalar } from '../../yaml/parse-yaml11.js';
import type { Rule } from '../rule.js';
import { parsedYaml, repositoryYamlFiles } from './files.js';

/**
 * go-yaml v2 (sigs.k8s.io/yaml: kubectl, Helm, kustomize's own config) reads these as
 * booleans; go-yaml v3 (kustomize's manifest reader) as strings. Base-60 `1:20` is left
 * out on purpose: no Go decoder implements it, so it is a string everywhere that matters.
 */
const LEGACY_BOOLS = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO']);
const ON_OFF = new Set(['on', 'On', 'ON', 'off', 'Off', 'OFF']);
const LEADING_ZERO = /^[-+]?0[0-9]+$/;
// Cheap test before building a CST: is any candidate token on a line at all?
const CANDIDATE =
  /(?:^|[\s:[{,])(?:[yYnN]|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|[-+]?0[0-9]+)[ \t]*(?:$|[,\]}#])/m;

function problem(text: string): string | undefined {
  if (LEGACY_BOOLS.has(text) || ON_OFF.has(text)) {
    return `YAML 1.1 readers (kubectl, Helm, sigs.k8s.io/yaml) take plain ${text} as the boolean ${String(resolveYaml11Scalar(text))}, kustomize (YAML 1.2) as the string "${text}"`;
  }
  if (LEADING_ZERO.test(text)) {
    return `plain ${text} is a number, not a string: YAML 1.1 and Go readers take ${String(resolveYaml11Scalar(text))}, YAML 1.2 readers ${Number(text)}`;
  }
  return undefined;
}

type Mode = 'keys-and-values' | 'values';

/** Maps whose entries Kubernetes types as strings (map[string]string). */
function stringMap(path: readonly (string | number)[], kind: string): Mode | undefined {
  const last = path.at(-1);
  const prev = path.at(-2);
  if ((last === 'labels' || last === 'annotations') && prev === 'metadata') return 'keys-and-values';
  if (last === 'matchLabels' || last === 'nodeSelector') return 'keys-and-values';
  if (last === 'commonLabels' || last === 'commonAnnotations' || last === 'pairs') return 'keys-and-values';
  if (path.length === 1 && kind === 'ConfigMap' && last === 'data') return 'keys-and-values';
  if (path.length === 1 && kind === 'Secret' && (last === 'data' || last === 'stringData')) {
    return 'keys-and-values';
  }
  if (last === 'substitute' && prev === 'postBuild') return 'values';
  return undefined;
}

function pathText(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function scanDocument(chunk: DocumentChunk, kind: string, file: string): Diagnostic[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(chunk.text, { lineCounter, schema: 'failsafe', uniqueKeys: false });
  const out: Diagnostic[] = [];
  const check = (node: unknown, path: readonly (string | number)[], role: 'key' | 'value'): void => {
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
      const mode = stringMap(path, kind);
      const inEnv = typeof path.at(-1) === 'number' && path.at(-2) === 'env';
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const child = [...path, String(pair.key.value)];
        if (mode === 'keys-and-values') check(pair.key, child, 'key');
        if (mode || (inEnv && pair.key.value === 'value')) check(pair.value, child, 'value');
        walk(pair.value, child);
      }
    } else if (isSeq(node)) {
      const last = path.at(-1);
      node.items.forEach((item, i) => {
        if (last === 'args' || last === 'command') check(item, [...path, i], 'value');
        walk(item, [...path, i]);
      });
    }
  };
  walk(doc.contents, []);
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
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const file of repositoryYamlFiles(ctx)) {
      for (const doc of parsedYaml(ctx, file)?.documents ?? []) {
        const obj = doc.value;
        if (!isJsonObject(obj) || typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string')
          continue;
        if (!CANDIDATE.test(doc.chunk.text)) continue;
        out.push(...scanDocument(doc.chunk, obj.kind, file));
      }
    }
    return out;
  },
};
