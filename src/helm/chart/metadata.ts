/**
 * Chart.yaml (and a v1 chart's requirements.yaml) read into helm's metadata, with the checks
 * helm's loader makes before it accepts a chart.
 */
import { DiagnosticError } from '../../core/diagnostic.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../../core/json.js';
import type { ChartDependency, ChartMaintainer, ChartMetadata } from '../../gotemplate/helm/chart.js';
import { tryParseVersion } from '../../semver/index.js';
import { parseYaml11 } from '../../yaml/parse-yaml11.js';

function invalid(file: string, message: string): DiagnosticError {
  return new DiagnosticError({
    rule: 'helm-chart-invalid',
    file,
    message,
    hint: 'fix Chart.yaml (see https://helm.sh/docs/topics/charts/#the-chartyaml-file)',
  });
}

function str(v: JsonValue | undefined, field: string, file: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  throw invalid(file, `${field}: expected a string, got ${JSON.stringify(v)}`);
}

function strList(v: JsonValue | undefined, field: string, file: string): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw invalid(file, `${field}: expected a list of strings`);
  return v.map((item, i) => str(item, `${field}[${i}]`, file) ?? '');
}

function dependency(v: JsonValue, i: number, file: string): ChartDependency {
  if (!isJsonObject(v)) throw invalid(file, `dependencies[${i}]: expected a map`);
  const at = (k: string): string | undefined => str(v[k], `dependencies[${i}].${k}`, file);
  const name = at('name');
  if (!name) throw invalid(file, `dependencies[${i}]: a dependency needs a name`);
  const importValues = v['import-values'];
  return {
    name,
    version: at('version'),
    repository: at('repository'),
    condition: at('condition'),
    tags: strList(v.tags, `dependencies[${i}].tags`, file),
    enabled: typeof v.enabled === 'boolean' ? v.enabled : undefined,
    importValues: Array.isArray(importValues) ? importValues : undefined,
    alias: at('alias'),
  };
}

function dependencies(v: JsonValue | undefined, file: string): ChartDependency[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw invalid(file, 'dependencies: expected a list');
  return v.map((d, i) => dependency(d, i, file));
}

function maintainers(v: JsonValue | undefined, file: string): ChartMaintainer[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw invalid(file, 'maintainers: expected a list');
  return v.map((m, i) => {
    if (!isJsonObject(m)) throw invalid(file, `maintainers[${i}]: expected a map`);
    return {
      name: str(m.name, 'maintainers.name', file),
      email: str(m.email, 'maintainers.email', file),
      url: str(m.url, 'maintainers.url', file),
    };
  });
}

function annotations(v: JsonValue | undefined, file: string): Record<string, string> | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isJsonObject(v)) throw invalid(file, 'annotations: expected a map of strings');
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) {
    Object.defineProperty(out, k, {
      value: str(val, `annotations.${k}`, file) ?? '',
      enumerable: true,
      writable: true,
    });
  }
  return out;
}

function yamlMap(text: string, file: string): JsonObject {
  const doc = parseYaml11(text, file, 'helm-chart-invalid');
  if (doc === null) return {};
  if (!isJsonObject(doc)) throw invalid(file, 'expected a YAML map');
  return doc;
}

/** Chart.yaml's metadata; `requirements` is a v1 chart's requirements.yaml text. */
export function parseChartMetadata(text: string, file: string, requirements?: string): ChartMetadata {
  const doc = yamlMap(text, file);
  const meta: ChartMetadata = {
    name: str(doc.name, 'name', file) ?? '',
    version: str(doc.version, 'version', file),
    // helm 2 charts may omit apiVersion: they load as v1.
    apiVersion: str(doc.apiVersion, 'apiVersion', file) || 'v1',
    appVersion: str(doc.appVersion, 'appVersion', file),
    description: str(doc.description, 'description', file),
    type: str(doc.type, 'type', file),
    annotations: annotations(doc.annotations, file),
    keywords: strList(doc.keywords, 'keywords', file),
    home: str(doc.home, 'home', file),
    sources: strList(doc.sources, 'sources', file),
    maintainers: maintainers(doc.maintainers, file),
    dependencies: dependencies(doc.dependencies, file),
    kubeVersion: str(doc.kubeVersion, 'kubeVersion', file),
    deprecated: doc.deprecated === true,
    icon: str(doc.icon, 'icon', file),
    condition: str(doc.condition, 'condition', file),
    tags: str(doc.tags, 'tags', file),
  };
  if (requirements !== undefined) {
    const req = yamlMap(requirements, file.replace(/Chart\.yaml$/, 'requirements.yaml'));
    meta.dependencies = dependencies(req.dependencies, file) ?? meta.dependencies;
  }
  validate(meta, file);
  return meta;
}

function validate(meta: ChartMetadata, file: string): void {
  if (!meta.name) throw invalid(file, 'validation: chart.metadata.name is required');
  if (meta.name.includes('/') || meta.name.includes('\\') || meta.name === '.' || meta.name === '..') {
    throw invalid(file, `validation: chart.metadata.name "${meta.name}" is invalid`);
  }
  if (!meta.version) throw invalid(file, 'validation: chart.metadata.version is required');
  if (tryParseVersion(meta.version) === undefined) {
    throw invalid(file, `validation: chart.metadata.version "${meta.version}" is invalid`);
  }
  if (meta.type && meta.type !== 'application' && meta.type !== 'library') {
    throw invalid(file, 'validation: chart.metadata.type must be application or library');
  }
}
