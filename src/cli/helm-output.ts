/**
 * What `helm template` does to the rendered text before printing it: `--show-only` picks
 * documents by template path, exactly as helm's template command does; `-o json` (our
 * addition) turns the documents into a JSON array of objects.
 */
import { DiagnosticError } from '../core/diagnostic.js';
import type { JsonValue } from '../core/json.js';
import { splitManifests } from '../helm/render/manifests.js';
import { parseYaml11 } from '../yaml/parse-yaml11.js';
import { goPathMatch } from './go-path-match.js';

// helm's pattern: the first `# Source:` comment, without the chart's own folder name.
const SOURCE = /# Source: [^/]+\/(.+)/;

/**
 * The documents of `text` whose template matches one of `patterns` (Go globs on paths such as
 * `templates/service.yaml` or `charts/sub/templates/x.yaml`), pattern by pattern, each document
 * as often as patterns match it. A pattern that matches nothing fails, as in helm.
 */
export function showOnly(text: string, patterns: readonly string[]): string {
  const docs = splitManifests(text);
  let out = '';
  for (const pattern of patterns) {
    let missing = true;
    for (const doc of docs) {
      const source = SOURCE.exec(doc)?.[1];
      if (source === undefined || !goPathMatch(pattern, source)) continue;
      out += `---\n${doc}\n`;
      missing = false;
    }
    if (missing) {
      throw new DiagnosticError({
        rule: 'helm-show-only',
        message: `could not find template ${pattern} in chart`,
        hint: 'give a template path relative to the chart, such as templates/service.yaml (globs allowed)',
      });
    }
  }
  return out;
}

/** The objects of `text` in output order, as JSON text (documents holding only comments are skipped). */
export function toJsonArray(text: string): string {
  const objects: JsonValue[] = [];
  for (const doc of splitManifests(text)) {
    const source = SOURCE.exec(doc)?.[0].slice('# Source: '.length) ?? 'helm template output';
    const value = parseYaml11(doc, source, 'helm-render');
    if (value !== null) objects.push(value);
  }
  return `${JSON.stringify(objects, null, 2)}\n`;
}
